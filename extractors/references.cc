#include "extractors/references.h"

#include <algorithm>
#include <cctype>
#include <set>

#include "pipeline/error.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/tsv.h"

namespace vnplan {
namespace {

// How far before a symbol its type may be named: "Luật Phòng, chống thiên
// tai số 33/2013/QH13" puts the law's name in between.
constexpr size_t kTypeReach = 150;
constexpr size_t kSubjectReach = 400;

// `s` cut at any of `seps`, empty pieces dropped; symbol parts also lose the
// spaces OCR put in them, list items keep theirs.
std::vector<std::string> SplitAny(std::string_view s, std::string_view seps, bool keep_spaces) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (seps.find(c) != std::string_view::npos) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
    } else if (keep_spaces || !std::isspace(static_cast<unsigned char>(c))) {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

bool HasLetter(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalpha(uint8_t(c)); });
}

bool IsYear(const std::string& s) {
  return s.size() == 4 && std::all_of(s.begin(), s.end(), ::isdigit) &&
         (s[0] == '1' || s[0] == '2');
}

bool IsWordChar(char c) { return std::isalnum(uint8_t(c)) || c == '&'; }

}  // namespace

struct ReferenceExtractor::Mention {
  int type = -1;
  std::string number, symbol, symbol_slug;
  int year = 0;
  std::string date, specific_issuer, text_issuer, generic_issuer, subject;
  SourceSpan span;
  bool basis = false;
  bool bare = false;  // "Nghị quyết số 41": no symbol.
};

ReferenceExtractor::ReferenceExtractor(const std::string& models_dir, const Cues& cues,
                                       const DateReader& dates, const Gazetteer& gazetteer)
    : cues_(cues),
      dates_(dates),
      gazetteer_(gazetteer),
      symbol_re_("\\b(\\d{1,6})((?:[ \\t]*[/\\-]\\s*[a-z0-9&]+)+)"),
      bare_number_re_("^\\s+" + cues.Pattern("word", "number") +
                      "\\s*:?\\s*(\\d{1,6})[ \\t]*([^ \\t]?)"),
      number_word_at_end_("(" + cues.Pattern("word", "number") + ")$") {
  const std::string types_path = models_dir + "/extract/doc_types.tsv";
  std::vector<std::string> phrases;
  for (const TsvRecord& r : ReadTsv(types_path)) {
    if (r.fields.empty() || NameKey(r.fields[0]).empty()) {
      throw Error(types_path + ":" + std::to_string(r.line),
                  "expected NAME[<TAB>CODES<TAB>VARIANTS]");
    }
    int index = static_cast<int>(types_.size());
    types_.push_back({r.fields[0], Slug(r.fields[0])});
    std::vector<std::string> spellings = {r.fields[0]};
    if (r.fields.size() > 2) {
      for (auto& v : SplitAny(r.fields[2], "|", true)) spellings.push_back(v);
    }
    for (const auto& s : spellings) {
      std::string key = NameKey(s);
      if (type_by_phrase_.emplace(key, index).second) phrases.push_back(key);
    }
    if (r.fields.size() > 1) {
      for (auto& c : SplitAny(r.fields[1], "|", true)) {
        if (c == "*") {
          generic_type_ = index;
        } else {
          type_by_code_.emplace(NameKey(c), index);
        }
      }
    }
  }
  std::sort(phrases.begin(), phrases.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  std::string alternation;
  for (const auto& p : phrases) {
    std::string pattern = RE2::QuoteMeta(p);
    for (size_t at; (at = pattern.find("\\ ")) != std::string::npos;)
      pattern.replace(at, 2, "\\s+");
    alternation += (alternation.empty() ? "" : "|") + pattern;
  }
  type_re_ = std::make_unique<RE2>("\\b(" + alternation + ")\\b");

  const std::string issuers_path = models_dir + "/extract/issuers.tsv";
  for (const TsvRecord& r : ReadTsv(issuers_path)) {
    if (r.fields.size() < 3 || r.fields[0].empty() || r.fields[1].empty() ||
        (r.fields[2] != "specific" && r.fields[2] != "generic")) {
      throw Error(issuers_path + ":" + std::to_string(r.line),
                  "expected PART<TAB>ISSUER<TAB>specific|generic");
    }
    std::string key = Slug(r.fields[0]);
    issuers_[key] = {r.fields[1], r.fields[2] == "specific"};
  }
}

std::string ReferenceExtractor::IssuerOfSymbol(const std::vector<std::string>& parts,
                                               bool specific) const {
  auto look = [&](const std::string& key) -> std::string {
    auto it = issuers_.find(key);
    return it != issuers_.end() && it->second.specific == specific ? it->second.name : "";
  };
  for (size_t i = parts.size(); i-- > 1;) {
    std::string name = look(parts[i - 1] + "-" + parts[i]);
    if (!name.empty()) return name;
  }
  for (size_t i = parts.size(); i-- > 0;) {
    std::string name = look(parts[i]);
    if (!name.empty()) return name;
  }
  return "";
}

bool ReferenceExtractor::InPreamble(const ExtractContext& ctx, size_t begin) const {
  if (begin < ctx.preamble_begin || begin >= ctx.preamble_end) return false;
  size_t first = ctx.index.LineOf(ctx.preamble_begin);
  // Walk back to the opening of the paragraph: lines ending in ';', '.' or
  // ':' close one.
  for (size_t line = ctx.index.LineOf(begin), steps = 0; steps < 30; ++steps, --line) {
    std::string_view f = ctx.Folded(ctx.index.LineStart(line), ctx.index.LineEnd(line));
    if (cues_.Opens("preamble", f)) return true;
    if (line == first || line == 0) return false;
    std::string_view prev = ctx.index.Line(line - 1);
    size_t last = prev.find_last_not_of(" \t\r");
    if (last == std::string_view::npos ||
        std::string_view(";.:").find(prev[last]) != std::string_view::npos) {
      return false;
    }
  }
  return false;
}

std::vector<Reference> ReferenceExtractor::Extract(const ExtractContext& ctx) const {
  const std::string& lower = ctx.folded.lower();
  const std::string& cased = ctx.folded.cased();
  std::string_view all = lower;

  struct TypeHit {
    size_t begin, end;
    int type;
  };
  std::vector<TypeHit> type_hits;
  {
    re2::StringPiece rest = all, hit;
    while (RE2::FindAndConsume(&rest, *type_re_, &hit)) {
      auto it = type_by_phrase_.find(NameKey(hit));
      if (it == type_by_phrase_.end()) continue;
      size_t b = hit.data() - lower.data();
      type_hits.push_back({b, b + hit.size(), it->second});
    }
  }

  std::vector<Mention> mentions;
  size_t next_type = 0, previous_end = 0;
  int last_type = -1;
  size_t last_type_end = 0, last_type_begin = 0;
  re2::StringPiece rest = all, number_view, tail_view;
  while (RE2::FindAndConsume(&rest, symbol_re_, &number_view, &tail_view)) {
    size_t fs = number_view.data() - lower.data();
    size_t fe = tail_view.data() + tail_view.size() - lower.data();
    while (next_type < type_hits.size() && type_hits[next_type].end <= fs) {
      last_type = type_hits[next_type].type;
      last_type_begin = type_hits[next_type].begin;
      last_type_end = type_hits[next_type].end;
      ++next_type;
    }
    std::vector<std::string> parts = SplitAny(tail_view, "/-", false);
    if (!std::any_of(parts.begin(), parts.end(), HasLetter)) continue;
    size_t src_begin = ctx.folded.Source(fs), src_end = ctx.folded.Source(fe);
    if (ctx.OutsideBody(src_begin, src_end)) continue;

    // "Số:" opening a line is the document's own number, not a citation.
    size_t k = fs;
    while (k > 0 && std::isspace(uint8_t(lower[k - 1]))) --k;
    bool colon = k > 0 && lower[k - 1] == ':';
    if (colon) {
      --k;
      while (k > 0 && (lower[k - 1] == ' ' || lower[k - 1] == '\t')) --k;
    }
    // The word for "number" right before, as a whole word.
    size_t word = k;
    re2::StringPiece found;
    if (RE2::PartialMatch(
            std::string_view(lower).substr(k >= 16 ? k - 16 : 0, std::min<size_t>(k, 16)),
            number_word_at_end_, &found)) {
      word = k - found.size();
    }
    bool has_so = word < k && (word == 0 || !IsWordChar(lower[word - 1]));
    if (has_so && colon) {
      size_t j = word;
      while (j > 0 && (lower[j - 1] == ' ' || lower[j - 1] == '\t')) --j;
      if (j == 0 || lower[j - 1] == '\n') continue;
    }

    Mention m;
    m.number = std::string(number_view);
    if (IsYear(parts[0])) {
      m.year = std::stoi(parts[0]);
      parts.erase(parts.begin());
    }
    if (parts.empty()) continue;
    int code_type = -1;
    if (auto it = type_by_code_.find(parts[0]); it != type_by_code_.end()) code_type = it->second;
    // The type is named in the citation's own clause.
    bool named = last_type >= 0 && last_type_end > previous_end &&
                 fs - last_type_end <= kTypeReach &&
                 all.substr(last_type_end, fs - last_type_end).find(';') == std::string_view::npos;
    m.type = named ? last_type : code_type;
    if (m.type < 0 && has_so) m.type = generic_type_;
    if (named && code_type >= 0 && types_[last_type].slug == "cong-van") m.type = code_type;
    if (m.type < 0 || (!named && !has_so && code_type < 0)) continue;
    previous_end = fe;

    // The symbol as written, without the number and year: "QĐ-TTg".
    std::string symbol;
    for (char c : std::string_view(ctx.doc.text)
                      .substr(ctx.folded.Source(fs + number_view.size()),
                              src_end - ctx.folded.Source(fs + number_view.size()))) {
      if (!std::isspace(static_cast<unsigned char>(c))) symbol.push_back(c);
    }
    symbol.erase(0, symbol.find_first_not_of("/-"));
    if (m.year) symbol.erase(0, symbol.find_first_not_of("/-", 4));
    m.symbol = symbol;
    m.symbol_slug = Slug(symbol);

    size_t pos = fe;
    if (auto date = dates_.Opening(all.substr(pos, 80))) {
      m.date = date->iso;
      if (!m.year) m.year = std::stoi(date->iso.substr(0, 4));
      pos += date->end;
    }
    std::string_view after = all.substr(pos, 40);
    if (auto of = cues_.Opens("issued_by", after)) {
      size_t skip = after.find_first_not_of(" \t\r\n", of->end);
      size_t at = ctx.folded.Source(pos + (skip == std::string_view::npos ? after.size() : skip));
      auto it = std::lower_bound(ctx.agencies.begin(), ctx.agencies.end(), at,
                                 [](const AgencyMention& a, size_t x) { return a.begin < x; });
      if (it != ctx.agencies.end() && it->begin == at) {
        m.text_issuer = it->name;
        pos = ctx.folded.Folded(it->end);
      }
    }
    m.specific_issuer = IssuerOfSymbol(parts, true);
    m.generic_issuer = IssuerOfSymbol(parts, false);
    if (m.generic_issuer.empty()) {
      for (const auto& p : parts) {
        if (m.generic_issuer.empty()) m.generic_issuer = gazetteer_.NameOfAbbreviation(p);
      }
    }
    std::string_view window = all.substr(pos, kSubjectReach);
    size_t lead = window.find_first_not_of(" \t\n,");
    if (lead != std::string_view::npos && lead < 4) {
      if (auto cue = cues_.Opens("subject", window); cue && cue->begin == lead) {
        size_t from = cue->value == "keep" ? cue->begin : cue->end;
        size_t to = from;
        while (to < window.size()) {
          char c = window[to];
          if (c == ';' || c == ':' || c == '(') break;
          if (c == '\n' && to + 1 < window.size() && window[to + 1] == '\n') break;
          if ((c == '.' || c == ',') &&
              (to + 1 == window.size() || std::isspace(uint8_t(window[to + 1])))) {
            if (c == '.') break;
            size_t n = window.find_first_not_of(" \t\n", to + 1);
            if (n != std::string_view::npos && std::isupper(uint8_t(cased[pos + n]))) break;
          }
          ++to;
        }
        size_t sb = ctx.folded.Source(pos + from), se = ctx.folded.Source(pos + to);
        m.subject = CollapseSpace(std::string_view(ctx.doc.text).substr(sb, se - sb));
      }
    }
    size_t span_begin = named ? ctx.folded.Source(last_type_begin) : src_begin;
    m.span = ctx.index.Span(span_begin, src_end);
    m.basis = InPreamble(ctx, src_begin);
    mentions.push_back(std::move(m));
  }

  // Citations by bare number ("Nghị quyết số 41").
  for (const TypeHit& t : type_hits) {
    re2::StringPiece number, next;
    if (!RE2::PartialMatch(all.substr(t.end, 40), bare_number_re_, &number, &next)) continue;
    if (!next.empty() && (next[0] == '/' || next[0] == '-' || IsWordChar(next[0]))) continue;
    size_t src_begin = ctx.folded.Source(t.begin);
    size_t src_end = ctx.folded.Source(number.data() + number.size() - lower.data());
    if (ctx.OutsideBody(src_begin, src_end)) continue;
    Mention m;
    m.type = t.type;
    m.number = std::string(number);
    m.bare = true;
    m.span = ctx.index.Span(src_begin, src_end);
    m.basis = InPreamble(ctx, src_begin);
    mentions.push_back(std::move(m));
  }

  // One entry per document: mentions of the same type, number and symbol are
  // one document per year stated; a mention without a year joins the first.
  std::vector<Reference> refs;
  std::map<std::string, std::vector<size_t>> groups;  // type|number|symbol -> refs indices.
  std::vector<std::vector<const Mention*>> members;
  auto add_to = [&](size_t r, const Mention& m) { members[r].push_back(&m); };
  for (int pass = 0; pass < 2; ++pass) {
    for (const Mention& m : mentions) {
      if (m.bare) continue;
      std::string key = std::to_string(m.type) + "|" + Slug(m.number) + "|" + m.symbol_slug;
      auto& list = groups[key];
      if (pass == 0 && m.year) {
        bool known =
            std::any_of(list.begin(), list.end(), [&](size_t r) { return refs[r].year == m.year; });
        if (!known) {
          list.push_back(refs.size());
          refs.push_back({});
          refs.back().year = m.year;
          members.emplace_back();
        }
      }
      if (pass == 0) continue;
      if (list.empty()) {
        list.push_back(refs.size());
        refs.push_back({});
        members.emplace_back();
      }
      size_t target = list.front();
      for (size_t r : list) {
        if (refs[r].year == m.year) target = r;
      }
      add_to(target, m);
    }
  }
  for (const Mention& m : mentions) {
    if (!m.bare) continue;
    std::string prefix = std::to_string(m.type) + "|" + Slug(m.number) + "|";
    auto it = groups.lower_bound(prefix);
    if (it != groups.end() && it->first.rfind(prefix, 0) == 0 && !it->second.empty()) {
      add_to(it->second.front(), m);
    }
  }
  for (size_t r = 0; r < refs.size(); ++r) {
    Reference& ref = refs[r];
    auto& ms = members[r];
    std::sort(ms.begin(), ms.end(),
              [](const Mention* a, const Mention* b) { return a->span.begin < b->span.begin; });
    const Mention* first_full = nullptr;
    std::string specific, text_issuer, generic;
    for (const Mention* m : ms) {
      if (!m->bare && !first_full) first_full = m;
      if (ref.date.empty()) ref.date = m->date;
      if (ref.subject.empty()) ref.subject = m->subject;
      if (specific.empty()) specific = m->specific_issuer;
      if (text_issuer.empty()) text_issuer = m->text_issuer;
      if (generic.empty()) generic = m->generic_issuer;
      ref.legal_basis |= m->basis;
      ref.mentions.push_back(m->span);
    }
    ref.type = types_[first_full->type].name;
    ref.number = first_full->number;
    ref.symbol = first_full->symbol;
    ref.issuer = !specific.empty() ? specific : !text_issuer.empty() ? text_issuer : generic;
    ref.id = types_[first_full->type].slug + "-" + Slug(ref.number) +
             (ref.year ? "-" + std::to_string(ref.year) : "") +
             (first_full->symbol_slug.empty() ? "" : "-" + first_full->symbol_slug);
  }
  std::sort(refs.begin(), refs.end(), [](const Reference& a, const Reference& b) {
    return a.mentions.front().begin < b.mentions.front().begin;
  });
  return refs;
}

}  // namespace vnplan
