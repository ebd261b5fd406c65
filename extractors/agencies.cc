#include "extractors/agencies.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <map>
#include <set>

#include "pipeline/error.h"
#include "pipeline/line_index.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/phrase.h"
#include "pipeline/segment/tsv.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

constexpr size_t kMaxNameWords = 8;

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t from = 0;
  while (from <= s.size()) {
    size_t at = s.find(sep, from);
    if (at == std::string::npos) at = s.size();
    if (at > from) out.push_back(s.substr(from, at - from));
    from = at + 1;
  }
  return out;
}

// `key` with whole word `from` replaced by `to` (keys are space-separated
// words); "" when `from` is not there.
std::string ReplaceWord(const std::string& key, const std::string& from, const std::string& to) {
  std::string padded = " " + key + " ";
  size_t at = padded.find(" " + from + " ");
  if (at == std::string::npos) return "";
  padded.replace(at + 1, from.size(), to);
  return padded.substr(1, padded.size() - 2);
}

// A place or name continues over spaces and one dash ("Phổ cập - Tổng hợp")
// but not over other punctuation or a line break, where a heading ends.
// Three spaces or more separate the columns of a header line.
bool IsSpaceGap(std::string_view gap) {
  int dashes = 0, spaces = 0;
  size_t i = 0;
  while (i < gap.size()) {
    char32_t c = NextCodePoint(gap, &i);
    spaces = c == ' ' ? spaces + 1 : 0;
    if (spaces > 2) return false;
    if (c == '-' || c == 0x2013 || c == 0x2014) {
      if (++dashes > 1) return false;
    } else if (c == '\n' || (!u_isWhitespace(c) && c != 0xA0)) {
      return false;
    }
  }
  return true;
}

struct WordShape {
  bool capital = false;   // Opens with an upper-case letter.
  bool shouting = false;  // Two letters or more, all upper case.
};

WordShape Shape(std::string_view word) {
  WordShape s;
  size_t i = 0, letters = 0, upper = 0;
  while (i < word.size()) {
    char32_t c = NextCodePoint(word, &i);
    if (!u_isalpha(c)) continue;
    bool up = u_isupper(c) || u_istitle(c);
    if (letters == 0) s.capital = up;
    ++letters;
    upper += up;
  }
  s.shouting = letters >= 2 && upper == letters;
  return s;
}

// `s` lowercased code point by code point, for comparing spellings.
std::string Lower(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) AppendUtf8(u_tolower(NextCodePoint(s, &i)), &out);
  return out;
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

int Gazetteer::AddEntry(Entry e) {
  entries_.push_back(std::move(e));
  return static_cast<int>(entries_.size()) - 1;
}

void Gazetteer::AddPhrase(std::string_view phrase, int entry) {
  int node = 0;
  for (const KeyWord& w : KeyWords(phrase)) {
    auto it = trie_[node].next.find(w.text);
    if (it == trie_[node].next.end()) {
      trie_.emplace_back();
      int child = static_cast<int>(trie_.size()) - 1;
      trie_[node].next.emplace(w.text, child);
      node = child;
    } else {
      node = it->second;
    }
  }
  // The first record listing a phrase keeps it, so the file's order settles
  // clashes predictably.
  if (node != 0 && trie_[node].entry < 0) trie_[node].entry = entry;
}

Gazetteer Gazetteer::Load(const std::string& path) {
  Gazetteer g;
  std::vector<TsvRecord> records = ReadTsv(path);
  auto bad = [&](const TsvRecord& r, const std::string& why) {
    return Error(path + ":" + std::to_string(r.line), why);
  };
  std::vector<std::pair<std::string, std::string>> abbrevs;  // Folded short, long.
  struct Sector {
    std::string id, name;
    std::vector<std::string> spellings;
  };
  std::vector<Sector> sectors;
  for (const TsvRecord& r : records) {
    const auto& f = r.fields;
    if (f.empty()) continue;
    if (f[0] == "abbrev") {
      if (f.size() < 3 || NameKey(f[1]).empty() || NameKey(f[2]).empty()) {
        throw bad(r, "abbrev needs SHORT and LONG");
      }
      abbrevs.emplace_back(NameKey(f[1]), NameKey(f[2]));
    } else if (f[0] == "sector") {
      if (f.size() < 3 || f[1].empty() || f[2].empty()) throw bad(r, "sector needs ID and NAME");
      Sector s{f[1], f[2], {f[2]}};
      if (f.size() > 4) {
        for (auto& a : Split(f[4], '|')) s.spellings.push_back(a);
      }
      sectors.push_back(std::move(s));
    }
  }
  // Every spelling also with its abbreviations written out or shortened, so
  // "UBND huyện" in the file also finds "Ủy ban nhân dân huyện".
  auto variants = [&](const std::string& spelling) {
    std::set<std::string> out = {NameKey(spelling)};
    for (int round = 0; round < 2; ++round) {
      for (const auto& [shorter, longer] : abbrevs) {
        for (const std::string& v : std::set<std::string>(out)) {
          std::string a = ReplaceWord(v, shorter, longer), b = ReplaceWord(v, longer, shorter);
          if (!a.empty()) out.insert(a);
          if (!b.empty()) out.insert(b);
        }
      }
    }
    return out;
  };
  for (const TsvRecord& r : records) {
    const auto& f = r.fields;
    if (f.empty() || f[0] == "abbrev" || f[0] == "sector" || f[0] == "unlevelled") continue;
    if (f[0] == "levelword") {
      std::vector<KeyWord> words = KeyWords(f.size() > 1 ? f[1] : "");
      if (f.size() < 3 || words.size() != 1 || f[2].empty()) {
        throw bad(r, "levelword needs one WORD and a LEVEL");
      }
      g.level_words_[words[0].text] = f[2];
      continue;
    }
    if (f.size() < 4 || f[1].empty() || f[2].empty() || f[3].empty()) {
      throw bad(r, "expected KIND, ID, NAME and LEVEL");
    }
    std::vector<std::string> spellings = {f[2]};
    if (f.size() > 4) {
      for (auto& a : Split(f[4], '|')) spellings.push_back(a);
    }
    if (f[0] == "agency") {
      int e = g.AddEntry({Kind::kFixed, f[1], f[2], f[3], false, {}, {}});
      for (const auto& s : spellings) {
        for (const auto& v : variants(s)) g.AddPhrase(v, e);
      }
      continue;
    }
    if (f[0] != "prefix") throw bad(r, "unknown record kind '" + f[0] + "'");
    const std::string object = f.size() > 5 ? f[5] : "";
    Kind kind;
    if (object == "sector") {
      kind = Kind::kSectorPrefix;
    } else if (object == "place") {
      kind = Kind::kPlacePrefix;
    } else if (object == "name") {
      kind = Kind::kNamePrefix;
    } else {
      throw bad(r, "prefix OBJECT must be sector, place or name");
    }
    int e = g.AddEntry({kind, f[1], f[2], f[3], true, {}, {}});
    if (kind == Kind::kNamePrefix) {
      for (const auto& s : spellings) g.entries_[e].exact.push_back(Lower(CollapseSpace(s)));
    }
    for (const auto& s : spellings) {
      for (const auto& v : variants(s)) g.AddPhrase(v, e);
    }
    if (kind != Kind::kSectorPrefix) continue;
    const std::string compact = f.size() > 6 ? NameKey(f[6]) : "";
    for (const Sector& sector : sectors) {
      int combined = g.AddEntry(
          {Kind::kFixed, f[1] + "-" + sector.id, f[2] + " " + sector.name, f[3], true, {}, {}});
      for (const auto& s : spellings) {
        for (const auto& sp : sector.spellings) {
          for (const auto& v : variants(s + " " + sp)) g.AddPhrase(v, combined);
        }
      }
      if (compact.empty()) continue;
      for (const auto& sp : sector.spellings) {
        std::string key = NameKey(sp);
        if (key.empty() || key.find(' ') != std::string::npos) continue;
        g.compact_.emplace(compact + key, combined);
        g.AddPhrase(compact + key, combined);
      }
    }
  }
  // Bodies named without their level, once every levelled body is known.
  for (const TsvRecord& r : records) {
    const auto& f = r.fields;
    if (f.empty() || f[0] != "unlevelled") continue;
    if (f.size() < 3 || f[1].empty() || f[2].empty())
      throw bad(r, "unlevelled needs IDS and SPELLINGS");
    Entry e{Kind::kUnlevelled, "", f[2], "", true, {}, {}};
    for (const std::string& id : Split(f[1], '|')) {
      auto it = std::find_if(g.entries_.begin(), g.entries_.end(),
                             [&](const Entry& x) { return x.id == id; });
      if (it == g.entries_.end()) throw bad(r, "no body with id '" + id + "'");
      e.by_level.push_back(static_cast<int>(it - g.entries_.begin()));
    }
    int entry = g.AddEntry(std::move(e));
    for (const auto& s : Split(f[2], '|')) {
      for (const auto& v : variants(s)) g.AddPhrase(v, entry);
    }
  }
  return g;
}

std::string Gazetteer::LevelOf(std::string_view name) const {
  std::vector<AgencyMention> found = Find(name);
  if (!found.empty()) return found.front().level;
  // "TỈNH QUẢNG NINH" where OCR lost the "UBND" above it.
  std::vector<KeyWord> words = KeyWords(name);
  auto it = words.empty() ? level_words_.end() : level_words_.find(words[0].text);
  return it == level_words_.end() ? "" : it->second;
}

std::string Gazetteer::NameOfAbbreviation(std::string_view part) const {
  auto it = compact_.find(NameKey(part));
  return it == compact_.end() ? "" : entries_[it->second].name;
}

std::vector<AgencyMention> Gazetteer::Find(std::string_view text, std::string_view level) const {
  std::vector<AgencyMention> out;
  std::vector<KeyWord> words = KeyWords(text);
  auto word = [&](size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  auto joined = [&](size_t k) {
    return IsSpaceGap(text.substr(words[k - 1].end, words[k].begin - words[k - 1].end));
  };
  size_t i = 0;
  while (i < words.size()) {
    int node = 0, best = -1;
    size_t last = i;
    for (size_t j = i; j < words.size(); ++j) {
      auto it = trie_[node].next.find(words[j].text);
      // "và" may stand where a spelling has a comma: "các huyện, thị xã và
      // thành phố" is "các huyện, thị xã, thành phố".
      if (it == trie_[node].next.end() && j > i && words[j].text == "va") continue;
      if (it == trie_[node].next.end()) break;
      node = it->second;
      if (trie_[node].entry >= 0) best = trie_[node].entry, last = j;
    }
    if (best < 0) {
      ++i;
      continue;
    }
    if (entries_[best].kind == Kind::kUnlevelled) {
      const std::vector<int>& by_level = entries_[best].by_level;
      auto it = std::find_if(by_level.begin(), by_level.end(),
                             [&](int k) { return !level.empty() && entries_[k].level == level; });
      if (it == by_level.end() || !Shape(word(i)).capital) {
        i = last + 1;
        continue;
      }
      const Entry& e = entries_[*it];
      out.push_back({e.id, e.name, e.level, words[i].begin, words[last].end,
                     e.kind == Kind::kPlacePrefix ? e.id : ""});
      i = last + 1;
      continue;
    }
    const Entry& e = entries_[best];
    if ((e.kind != Kind::kFixed || e.composed) && !Shape(word(i)).capital) {
      ++i;
      continue;
    }
    // A one-word head such as "Báo" or "Đài" folds like "Bảo" or "Đại": with
    // its marks present, the head must be spelled exactly.
    if (!e.exact.empty()) {
      std::string_view head = text.substr(words[i].begin, words[last].end - words[i].begin);
      std::string lower = Lower(CollapseSpace(head));
      if (!IsAscii(head) && std::find(e.exact.begin(), e.exact.end(), lower) == e.exact.end()) {
        ++i;
        continue;
      }
    }
    // The run of capitalised words after a prefix: a place ("Hướng Hóa") or
    // a name, where a name may carry one lower-case word after each
    // capitalised one ("Nghiệp vụ Y", "Ngoại vụ").
    size_t end = last + 1;
    if (e.kind != Kind::kFixed) {
      bool after_capital = false;
      while (end < words.size() && end - last <= kMaxNameWords && joined(end)) {
        WordShape s = Shape(word(end));
        if (s.capital && (!s.shouting || e.kind == Kind::kPlacePrefix || word(end).size() <= 3)) {
          after_capital = true;
        } else if (!s.capital && e.kind != Kind::kPlacePrefix && after_capital &&
                   (end == last + 2 ||
                    (end + 1 < words.size() && joined(end + 1) && Shape(word(end + 1)).capital))) {
          after_capital = false;
        } else {
          break;
        }
        ++end;
      }
    }
    AgencyMention m{e.id,
                    e.name,
                    e.level,
                    words[i].begin,
                    words[end - 1].end,
                    e.kind == Kind::kPlacePrefix ? e.id : ""};
    if (end > last + 1) {
      std::string run = CollapseSpace(
          text.substr(words[last + 1].begin, words[end - 1].end - words[last + 1].begin));
      m.id += "-" + Slug(run);
      m.name += " " + run;
    } else if (e.kind == Kind::kSectorPrefix || e.kind == Kind::kNamePrefix) {
      ++i;  // A bare "Sở" or "Trung tâm" names no body.
      continue;
    }
    out.push_back(std::move(m));
    i = end;
  }
  return out;
}

std::vector<Agency> CollectAgencies(const std::vector<AgencyMention>& mentions,
                                    std::string_view text, const LineIndex& index) {
  // Place-prefix bodies named with a place, by prefix, and each id's first
  // mention.
  std::map<std::string, std::set<std::string>> placed;
  std::map<std::string, const AgencyMention*> first;
  for (const AgencyMention& m : mentions) {
    if (!m.base.empty() && m.id != m.base) placed[m.base].insert(m.id);
    first.emplace(m.id, &m);
  }
  std::vector<Agency> out;
  std::map<std::string, size_t> by_id;
  for (const AgencyMention& m : mentions) {
    const AgencyMention* named = &m;
    auto p = placed.find(m.id);
    std::string id = m.id;
    if (!m.base.empty() && m.id == m.base && p != placed.end() && p->second.size() == 1) {
      id = *p->second.begin();
      named = first[id];
    }
    auto [it, added] = by_id.emplace(id, out.size());
    if (added) out.push_back({id, named->name, named->level, {}, {}});
    Agency& a = out[it->second];
    std::string seen = CollapseSpace(text.substr(m.begin, m.end - m.begin));
    if (std::find(a.aliases_seen.begin(), a.aliases_seen.end(), seen) == a.aliases_seen.end()) {
      a.aliases_seen.push_back(std::move(seen));
    }
    a.mentions.push_back(index.Span(m.begin, m.end));
  }
  return out;
}

}  // namespace vnplan
