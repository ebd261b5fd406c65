#include "extractors/cues.h"

#include <algorithm>

#include "pipeline/error.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/tsv.h"

namespace vnplan {
namespace {

// The folded phrase as a pattern: words joined by any run of non-letters
// (spaces, line breaks, punctuation), each "{n}" a captured number.
std::string PhrasePattern(const std::string& phrase) {
  std::string out;
  size_t from = 0;
  while (true) {
    size_t at = phrase.find("{n}", from);
    std::string words = NameKey(phrase.substr(from, at == std::string::npos ? at : at - from));
    size_t i = 0;
    while (i < words.size()) {
      size_t j = words.find(' ', i);
      if (j == std::string::npos) j = words.size();
      if (!out.empty()) out += "[^a-z0-9&]+";
      out += RE2::QuoteMeta(words.substr(i, j - i));
      i = j + 1;
    }
    if (at == std::string::npos) break;
    if (!out.empty()) out += "[^a-z0-9&]+";
    out += "(\\d+)";
    from = at + 3;
  }
  return out;
}

// Finds `re` in `*text`, filling the whole cue and its number when it has
// one; with `consume`, advances `*text` past the match.
bool Next(const RE2& re, re2::StringPiece* text, bool consume, re2::StringPiece* whole,
          re2::StringPiece* number) {
  RE2::Arg a0(whole), a1(number);
  const RE2::Arg* args[] = {&a0, &a1};
  int n = std::min(re.NumberOfCapturingGroups(), 2);
  return consume ? RE2::FindAndConsumeN(text, re, args, n) : RE2::PartialMatchN(*text, re, args, n);
}

// `value` with "{n}" replaced by `number` without leading zeros ("06" -> 6).
std::string Fill(const std::string& value, std::string number) {
  number.erase(0, std::min(number.find_first_not_of('0'), number.size() - 1));
  std::string out = value;
  size_t at = out.find("{n}");
  if (at != std::string::npos) out.replace(at, 3, number);
  return out;
}

}  // namespace

Cues Cues::Load(const std::string& path) {
  Cues cues;
  cues.path_ = path;
  for (const TsvRecord& r : ReadTsv(path)) {
    if (r.fields.size() < 2 || r.fields[0].empty() || NameKey(r.fields[1]).empty()) {
      throw Error(path + ":" + std::to_string(r.line), "expected ROLE<TAB>PHRASE[<TAB>VALUE]");
    }
    std::string pattern = PhrasePattern(r.fields[1]);
    Cue cue;
    cue.anywhere = std::make_unique<RE2>("\\b(" + pattern + ")\\b");
    cue.opening =
        std::make_unique<RE2>("^[^a-z0-9&]*(?:[a-z0-9]{1,4}[.)][^a-z0-9&]*)?(" + pattern + ")\\b");
    if (!cue.anywhere->ok() || !cue.opening->ok()) {
      throw Error(path + ":" + std::to_string(r.line), "cannot compile phrase");
    }
    cue.key = NameKey(r.fields[1]);
    cue.value = r.fields.size() > 2 ? r.fields[2] : "";
    cue.pattern = pattern;
    cue.length = pattern.size();
    cues.roles_[r.fields[0]].cues.push_back(std::move(cue));
  }
  for (auto& [name, role] : cues.roles_) {
    std::stable_sort(role.cues.begin(), role.cues.end(),
                     [](const Cue& a, const Cue& b) { return a.length > b.length; });
    role.anywhere = std::make_unique<RE2::Set>(RE2::DefaultOptions, RE2::UNANCHORED);
    role.opening = std::make_unique<RE2::Set>(RE2::DefaultOptions, RE2::UNANCHORED);
    for (const Cue& cue : role.cues) {
      if (role.anywhere->Add(cue.anywhere->pattern(), nullptr) < 0 ||
          role.opening->Add(cue.opening->pattern(), nullptr) < 0) {
        throw Error(path, "cannot compile the cues of role '" + name + "'");
      }
    }
    if (!role.anywhere->Compile() || !role.opening->Compile()) {
      throw Error(path, "cannot compile the cues of role '" + name + "'");
    }
  }
  return cues;
}

std::vector<const Cues::Cue*> Cues::Candidates(const Role& role, const RE2::Set& set,
                                               std::string_view folded) {
  std::vector<int> hits;
  std::vector<const Cue*> out;
  if (!set.Match(folded, &hits)) return out;
  std::sort(hits.begin(), hits.end());
  for (int k : hits) out.push_back(&role.cues[static_cast<size_t>(k)]);
  return out;
}

std::optional<CueMatch> Cues::Opens(const std::string& role, std::string_view folded) const {
  auto it = roles_.find(role);
  if (it == roles_.end()) return std::nullopt;
  for (const Cue* cue : Candidates(it->second, *it->second.opening, folded)) {
    re2::StringPiece whole, number;
    re2::StringPiece text = folded;
    if (Next(*cue->opening, &text, false, &whole, &number)) {
      size_t begin = whole.data() - folded.data();
      return CueMatch{begin, begin + whole.size(), Fill(cue->value, std::string(number))};
    }
  }
  return std::nullopt;
}

bool Cues::Has(const std::string& role, std::string_view phrase) const {
  auto it = roles_.find(role);
  if (it == roles_.end()) return false;
  std::string key = NameKey(phrase);
  return std::any_of(it->second.cues.begin(), it->second.cues.end(),
                     [&](const Cue& c) { return c.key == key; });
}

std::vector<CueMatch> Cues::FindAll(const std::string& role, std::string_view folded) const {
  std::vector<CueMatch> out;
  auto it = roles_.find(role);
  if (it == roles_.end()) return out;
  for (const Cue* cue : Candidates(it->second, *it->second.anywhere, folded)) {
    re2::StringPiece rest = folded, whole, number;
    while (Next(*cue->anywhere, &rest, true, &whole, &number)) {
      size_t begin = whole.data() - folded.data();
      out.push_back({begin, begin + whole.size(), Fill(cue->value, std::string(number))});
    }
  }
  // Longest cue first at a position, and no overlapping shorter cue kept.
  std::stable_sort(out.begin(), out.end(), [](const CueMatch& a, const CueMatch& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<CueMatch> kept;
  for (CueMatch& m : out) {
    if (!kept.empty() && m.begin < kept.back().end) continue;
    kept.push_back(std::move(m));
  }
  return kept;
}

std::string Cues::Pattern(const std::string& role, const std::string& value) const {
  std::string out;
  if (auto it = roles_.find(role); it != roles_.end()) {
    for (const Cue& cue : it->second.cues) {
      if (cue.value != value) continue;
      if (cue.pattern.find('(') != std::string::npos) {
        throw Error(path_, "the '" + role + "' cue '" + cue.key + "' may not hold {n}");
      }
      out += (out.empty() ? "" : "|") + cue.pattern;
    }
  }
  if (out.empty()) throw Error(path_, "no '" + role + "' cue with value '" + value + "'");
  return "(?:" + out + ")";
}

}  // namespace vnplan
