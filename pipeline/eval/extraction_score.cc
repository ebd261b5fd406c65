#include "pipeline/eval/extraction_score.h"

#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>
#include <stdexcept>

#include "pipeline/eval/text_metrics.h"
#include "pipeline/line_index.h"

namespace vnplan {
namespace {

using json = nlohmann::json;

const char* const kMainRows[] = {"header",  "legal_basis", "references", "agencies",  "tasks",
                                 "targets", "sections",    "signature",  "recipients"};
const char* const kSideRows[] = {"task_text", "task_lead", "task_cooperate", "task_deadline",
                                 "target_values"};

// Lowercase NFC with white space runs collapsed, no space after a full stop
// ("KT. CHỦ TỊCH" = "KT.CHỦ TỊCH") and no trailing punctuation: the form
// header and signature fields are compared in.
std::string FieldKey(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  if (U_SUCCESS(status)) u = nfc->normalize(u, status);
  u.toLower(icu::Locale::getRoot());
  std::string lowered, out;
  u.toUTF8String(lowered);
  for (char c : lowered) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (space) {
      if (!out.empty() && out.back() != ' ' && out.back() != '.') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  while (!out.empty() && std::string_view(" .,;:").find(out.back()) != std::string_view::npos) {
    out.pop_back();
  }
  return out;
}

// Diacritic- and case-blind ASCII form: letters and digits (and the
// characters in `keep`) with every other run turned into one space.
std::string MatchKey(std::string_view s, std::string_view keep = "") {
  std::string bare = StripDiacritics(s), out;
  for (char c : bare) {
    char l = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    bool word = (l >= 'a' && l <= 'z') || (l >= '0' && l <= '9') ||
                (l != '\0' && keep.find(l) != std::string_view::npos);
    if (word) {
      out.push_back(l);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// The MatchKey of a task's text without its list marker ("- ", "a) ", "1. ",
// "II. "), which the expected `starts` leaves out.
std::string TaskKey(std::string_view text) {
  std::string bare = StripDiacritics(text);
  std::string_view s = bare;
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n')) {
    s.remove_prefix(1);
  }
  for (std::string_view bullet : {"-", "+", "*", "\u2013", "\u2014", "\u2022", "\u00b7"}) {
    if (s.substr(0, bullet.size()) == bullet) return MatchKey(s.substr(bullet.size()));
  }
  size_t n = 0;
  auto is = [&](auto pred) {
    while (n < s.size() && pred(s[n])) ++n;
    return n > 0;
  };
  bool numbered =
      is([](char c) { return c >= '0' && c <= '9'; }) ||
      is([](char c) { return std::string_view("IVXLivxl").find(c) != std::string_view::npos; }) ||
      (s.size() > 1 && std::isalpha(static_cast<unsigned char>(s[0])) && (n = 1));
  if (numbered && n < s.size() && (s[n] == '.' || s[n] == ')') &&
      (n + 1 == s.size() || s[n + 1] == ' ' || s[n + 1] == '\t' || s[n + 1] == '\n')) {
    s.remove_prefix(n + 1);
  }
  return MatchKey(s);
}

bool StartsWithWords(std::string_view text, std::string_view prefix) {
  return !prefix.empty() && text.substr(0, prefix.size()) == prefix &&
         (text.size() == prefix.size() || text[prefix.size()] == ' ');
}

size_t WordCount(std::string_view key) {
  return key.empty() ? 0 : size_t(std::count(key.begin(), key.end(), ' ')) + 1;
}

[[noreturn]] void Malformed(const std::string& key, const std::string& what) {
  throw std::invalid_argument("expected facts: '" + key + "' " + what);
}

std::string String(const json& v, const std::string& key) {
  if (!v.is_string()) Malformed(key, "must be a string");
  return v.get<std::string>();
}

// A value that may be null (nothing expected), a string, or a list of strings.
std::vector<std::string> Strings(const json& v, const std::string& key) {
  std::vector<std::string> out;
  if (v.is_null()) return out;
  if (v.is_string()) return {v.get<std::string>()};
  if (!v.is_array()) Malformed(key, "must be null, a string or a list of strings");
  for (size_t i = 0; i < v.size(); ++i)
    out.push_back(String(v[i], key + "[" + std::to_string(i) + "]"));
  return out;
}

void Add(ItemCounts& c, size_t tp, size_t fp, size_t fn) {
  c.tp += tp;
  c.fp += fp;
  c.fn += fn;
}

// Set comparison: counts into `row`, true when equal.
bool CompareSets(const std::set<std::string>& expected, const std::set<std::string>& got,
                 ItemCounts& row) {
  size_t common = 0;
  for (const auto& e : expected) common += got.count(e);
  Add(row, common, got.size() - common, expected.size() - common);
  return common == expected.size() && common == got.size();
}

std::string Quote(const std::string& s) { return "\"" + s + "\""; }

std::string Join(const std::set<std::string>& items) {
  std::string out = "{";
  for (const auto& i : items) out += (out.size() > 1 ? ", " : "") + i;
  return out + "}";
}

class Scorer {
 public:
  Scorer(const Document& doc, ExtractionScore& score) : doc_(doc), score_(score) {
    for (size_t i = 0; i < doc.agencies.size(); ++i) {
      const Agency& a = doc.agencies[i];
      std::vector<std::string> keys = {MatchKey(a.name)};
      for (const auto& alias : a.aliases_seen) keys.push_back(MatchKey(alias));
      agency_keys_.push_back(std::move(keys));
    }
  }

  void Header(const json& h) {
    if (!h.is_object()) Malformed("header", "must be an object");
    ItemCounts& row = score_.rows["header"];
    const vnplan::Header& got = doc_.header;
    for (const auto& [key, value] : h.items()) {
      if (key == "issuers") {
        std::vector<std::string> expected = Strings(value, "header.issuers");
        std::vector<std::string> names;
        for (const auto& i : got.issuers) names.push_back(i.name.value);
        CompareList("header.issuers", expected, names, row);
        continue;
      }
      const Field* field = key == "number"   ? &got.number
                           : key == "symbol" ? &got.symbol
                           : key == "place"  ? &got.place
                           : key == "date"   ? &got.date
                           : key == "type"   ? &got.type
                           : key == "title"  ? &got.title
                                             : nullptr;
      if (!field) Malformed("header." + key, "is not a header field");
      CompareField("header." + key, value, field->value, row);
    }
  }

  void Signature(const json& s) {
    if (!s.is_object()) Malformed("signature", "must be an object");
    ItemCounts& row = score_.rows["signature"];
    const vnplan::Signature& got = doc_.signature;
    for (const auto& [key, value] : s.items()) {
      const Field* field = key == "authority" ? &got.authority
                           : key == "title"   ? &got.title
                           : key == "name"    ? &got.name
                                              : nullptr;
      if (!field) Malformed("signature." + key, "is not a signature field");
      CompareField("signature." + key, value, field->value, row);
    }
  }

  void Recipients(const json& r) {
    if (!r.is_number_integer()) Malformed("recipients", "must be an integer");
    int expected = r.get<int>(), got = int(doc_.recipients.size());
    ItemCounts& row = score_.rows["recipients"];
    if (expected == got) {
      Add(row, 1, 0, 0);
    } else {
      Add(row, 0, got > 0, 1);
      Error("recipients: expected " + std::to_string(expected) + ", got " + std::to_string(got));
    }
  }

  void LegalBasis(const json& ids) {
    std::set<std::string> got(doc_.header.legal_basis.begin(), doc_.header.legal_basis.end());
    for (const auto& r : doc_.references) {
      if (r.legal_basis) got.insert(r.id);
    }
    IdSet("legal_basis", ids, got);
  }

  void References(const json& ids) {
    std::set<std::string> got;
    size_t duplicates = 0;
    for (const auto& r : doc_.references) {
      if (!got.insert(r.id).second) {
        ++duplicates;
        Error("references: " + r.id + " extracted twice");
      }
    }
    IdSet("references", ids, got);
    score_.rows["references"].fp += duplicates;
  }

  void Agencies(const json& names) {
    std::vector<std::string> expected = Strings(names, "agencies");
    std::vector<bool> counted(doc_.agencies.size());
    for (size_t i = 0; i < doc_.agencies.size(); ++i) counted[i] = InBody(doc_.agencies[i]);
    std::vector<bool> taken(doc_.agencies.size()), found(expected.size());
    // Exact spellings first, so a looser match cannot take an agency that
    // another expected name spells exactly.
    for (int tier : {0, 1}) {
      for (size_t e = 0; e < expected.size(); ++e) {
        if (found[e]) continue;
        for (size_t i = 0; i < doc_.agencies.size(); ++i) {
          if (counted[i] && !taken[i] && Tier(expected[e], i) == tier) {
            taken[i] = found[e] = true;
            break;
          }
        }
      }
    }
    ItemCounts& row = score_.rows["agencies"];
    for (size_t e = 0; e < expected.size(); ++e) {
      if (found[e]) {
        ++row.tp;
      } else {
        ++row.fn;
        Error("agencies: missing " + expected[e]);
      }
    }
    for (size_t i = 0; i < doc_.agencies.size(); ++i) {
      if (counted[i] && !taken[i]) {
        ++row.fp;
        Error("agencies: extra " + doc_.agencies[i].name + " (" + doc_.agencies[i].id + ")");
      }
    }
  }

  void Tasks(const json& tasks) {
    if (!tasks.is_array()) Malformed("tasks", "must be a list");
    std::vector<std::string> keys;
    std::vector<size_t> lines;
    LineIndex index(doc_.text, doc_.lines);
    for (const auto& t : doc_.tasks) {
      keys.push_back(TaskKey(t.text.value));
      bool located = !doc_.text.empty() && t.text.span.begin < doc_.text.size();
      lines.push_back(located ? index.LineOf(t.text.span.begin) + 1 : 0);
    }
    std::vector<bool> taken(doc_.tasks.size());
    for (size_t e = 0; e < tasks.size(); ++e) {
      const json& t = tasks[e];
      std::string name = "tasks[" + std::to_string(e) + "]";
      if (!t.is_object()) Malformed(name, "must be an object");
      std::string label, starts;
      size_t line = 0;
      if (t.contains("starts")) {
        starts = TaskKey(String(t["starts"], name + ".starts"));
        if (starts.empty()) Malformed(name + ".starts", "must hold words");
        label = Quote(t["starts"].get<std::string>());
      } else if (t.contains("line") && t["line"].is_number_unsigned() && t["line"] > 0) {
        line = t["line"].get<size_t>();
        label = "line " + std::to_string(line);
      } else {
        Malformed(name, "needs \"starts\" (words) or \"line\" (a line number)");
      }
      size_t match = doc_.tasks.size();
      for (size_t i = 0; i < doc_.tasks.size() && match == doc_.tasks.size(); ++i) {
        if (!taken[i] && (line ? lines[i] == line : StartsWithWords(keys[i], starts))) match = i;
      }
      if (match == doc_.tasks.size()) {
        Add(score_.rows["tasks"], 0, 0, 1);
        Add(score_.rows["task_text"], 0, 0, 1);
        Error("tasks: missing " + label);
        continue;
      }
      taken[match] = true;
      Add(score_.rows["task_text"], 1, 0, 0);
      bool right = TaskAttributes(t, name, label, doc_.tasks[match]);
      Add(score_.rows["tasks"], right, !right, !right);
    }
    for (size_t i = 0; i < doc_.tasks.size(); ++i) {
      if (taken[i]) continue;
      Add(score_.rows["tasks"], 0, 1, 0);
      Add(score_.rows["task_text"], 0, 1, 0);
      Error("tasks: extra \"" + doc_.tasks[i].text.value.substr(0, 60) + "\" (line " +
            std::to_string(lines[i]) + ")");
    }
  }

  void Targets(const json& targets) {
    if (!targets.is_array()) Malformed("targets", "must be a list");
    std::vector<bool> taken(doc_.targets.size());
    ItemCounts& row = score_.rows["targets"];
    ItemCounts& values_row = score_.rows["target_values"];
    for (size_t e = 0; e < targets.size(); ++e) {
      const json& t = targets[e];
      std::string name = "targets[" + std::to_string(e) + "]";
      if (!t.is_object() || !t.contains("number")) Malformed(name, "needs a \"number\"");
      std::string number = String(t["number"], name + ".number");
      size_t match = doc_.targets.size();
      for (size_t i = 0; i < doc_.targets.size() && match == doc_.targets.size(); ++i) {
        if (!taken[i] && NumberKey(doc_.targets[i].number) == NumberKey(number)) match = i;
      }
      size_t expected_values = t.contains("values") ? t["values"].size() : 0;
      if (match == doc_.targets.size()) {
        Add(row, 0, 0, 1);
        Add(values_row, 0, 0, expected_values);
        Error("targets: missing " + number);
        continue;
      }
      taken[match] = true;
      bool right = !t.contains("values") || Values(t["values"], name, number, doc_.targets[match]);
      Add(row, right, !right, !right);
    }
    for (size_t i = 0; i < doc_.targets.size(); ++i) {
      if (taken[i]) continue;
      Add(row, 0, 1, 0);
      Add(values_row, 0, doc_.targets[i].values.size(), 0);
      Error("targets: extra " + doc_.targets[i].number);
    }
  }

  void Sections(const json& sections) {
    if (!sections.is_array()) Malformed("sections", "must be a list");
    std::multiset<std::string> got;
    for (const auto& s : doc_.sections) {
      if (s.parent < 0) got.insert(MatchKey(s.number) + " " + s.kind);
    }
    ItemCounts& row = score_.rows["sections"];
    for (size_t e = 0; e < sections.size(); ++e) {
      std::string name = "sections[" + std::to_string(e) + "]";
      const json& s = sections[e];
      if (!s.is_object() || !s.contains("number") || !s.contains("kind")) {
        Malformed(name, "needs \"number\" and \"kind\"");
      }
      std::string key =
          MatchKey(String(s["number"], name + ".number")) + " " + String(s["kind"], name + ".kind");
      auto it = got.find(key);
      if (it != got.end()) {
        got.erase(it);
        ++row.tp;
      } else {
        ++row.fn;
        Error("sections: missing " + key);
      }
    }
    row.fp += got.size();
    for (const auto& extra : got) Error("sections: extra " + extra);
  }

 private:
  void Error(std::string message) { score_.errors.push_back(std::move(message)); }

  void CompareField(const std::string& name, const json& expected, const std::string& got,
                    ItemCounts& row) {
    if (expected.is_null()) {
      if (got.empty()) return;
      ++row.fp;
      Error(name + ": expected none, got " + Quote(got));
      return;
    }
    std::string want = String(expected, name);
    if (FieldKey(want) == FieldKey(got)) {
      ++row.tp;
      return;
    }
    Add(row, 0, !got.empty(), 1);
    Error(name + ": expected " + Quote(want) + ", got " + Quote(got));
  }

  void CompareList(const std::string& name, const std::vector<std::string>& expected,
                   const std::vector<std::string>& got, ItemCounts& row) {
    bool same = expected.size() == got.size();
    for (size_t i = 0; same && i < expected.size(); ++i)
      same = FieldKey(expected[i]) == FieldKey(got[i]);
    std::string shown;
    for (const auto& g : got) shown += (shown.empty() ? "" : " / ") + g;
    if (same) {
      row.tp += !expected.empty();
      return;
    }
    Add(row, 0, !got.empty(), !expected.empty());
    Error(name + ": got " + Quote(shown));
  }

  void IdSet(const std::string& row, const json& ids, const std::set<std::string>& got) {
    std::vector<std::string> list = Strings(ids, row);
    std::set<std::string> expected(list.begin(), list.end());
    CompareSets(expected, got, score_.rows[row]);
    for (const auto& e : expected) {
      if (!got.count(e)) Error(row + ": missing " + e);
    }
    for (const auto& g : got) {
      if (!expected.count(g)) Error(row + ": extra " + g);
    }
  }

  bool InBody(const Agency& a) const {
    const SourceSpan& body = doc_.layout.body;
    if (body.empty() || a.mentions.empty()) return true;
    return std::any_of(a.mentions.begin(), a.mentions.end(), [&](const SourceSpan& m) {
      return m.begin < body.end && m.end > body.begin;
    });
  }

  // 0: `name` spells agency i (its id, name or an alias seen); 1: one
  // extends the other by trailing words, the shorter having two words or
  // more; -1: no match.
  int Tier(const std::string& name, size_t i) const {
    if (name == doc_.agencies[i].id) return 0;
    std::string key = MatchKey(name);
    int tier = -1;
    for (const auto& k : agency_keys_[i]) {
      if (k == key) return 0;
      const std::string& shorter = k.size() < key.size() ? k : key;
      const std::string& longer = k.size() < key.size() ? key : k;
      if (WordCount(shorter) >= 2 && StartsWithWords(longer, shorter)) tier = 1;
    }
    return tier;
  }

  // The id of the agency `name` denotes, preferring those in `prefer` among
  // equally good matches; a marker no id equals when none matches.
  std::string Resolve(const std::string& name, const std::set<std::string>& prefer) const {
    for (int tier : {0, 1}) {
      std::string best;
      for (size_t i = 0; i < doc_.agencies.size(); ++i) {
        if (Tier(name, i) != tier) continue;
        if (prefer.count(doc_.agencies[i].id)) return doc_.agencies[i].id;
        if (best.empty()) best = doc_.agencies[i].id;
      }
      if (!best.empty()) return best;
    }
    return prefer.count(name) ? name : "?" + name;
  }

  // `role` is "lead" or "cooperate": the expected key and AgencyRole::role.
  bool Roles(const json& t, const std::string& role, const std::string& label, const Task& task) {
    std::set<std::string> got;
    for (const auto& r : task.agencies) {
      if (r.role == role) got.insert(r.agency);
    }
    std::set<std::string> expected;
    for (const auto& name : Strings(t[role], role)) expected.insert(Resolve(name, got));
    if (CompareSets(expected, got, score_.rows["task_" + role])) return true;
    Error("tasks " + label + ": " + role + " expected " + Join(expected) + ", got " + Join(got));
    return false;
  }

  bool TaskAttributes(const json& t, const std::string& name, const std::string& label,
                      const Task& task) {
    bool right = true;
    if (t.contains("lead")) right &= Roles(t, "lead", label, task);
    if (t.contains("cooperate")) {
      if (!t["cooperate"].is_array()) Malformed(name + ".cooperate", "must be a list");
      right &= Roles(t, "cooperate", label, task);
    }
    if (t.contains("deadline")) {
      std::vector<std::string> list = Strings(t["deadline"], name + ".deadline");
      std::set<std::string> expected(list.begin(), list.end()), got;
      for (const auto& d : task.deadlines) {
        if (!d.date.empty()) got.insert(d.date);
      }
      if (!CompareSets(expected, got, score_.rows["task_deadline"])) {
        right = false;
        Error("tasks " + label + ": deadline expected " + Join(expected) + ", got " + Join(got));
      }
    }
    return right;
  }

  static std::string NumberKey(const std::string& number) {
    std::string key = MatchKey(number);
    size_t zeros = 0;
    while (zeros + 1 < key.size() && key[zeros] == '0') ++zeros;
    return key.substr(zeros);
  }

  bool Values(const json& values, const std::string& name, const std::string& number,
              const Target& target) {
    if (!values.is_array()) Malformed(name + ".values", "must be a list");
    ItemCounts& row = score_.rows["target_values"];
    std::vector<bool> taken(target.values.size());
    size_t matched = 0;
    for (size_t e = 0; e < values.size(); ++e) {
      const json& v = values[e];
      std::string vname = name + ".values[" + std::to_string(e) + "]";
      if (!v.is_object() || !v.contains("value") || !v["value"].is_number()) {
        Malformed(vname, "needs a numeric \"value\"");
      }
      double value = v["value"].get<double>();
      std::string unit =
          v.contains("unit") ? MatchKey(String(v["unit"], vname + ".unit"), "%/") : "";
      int year = v.contains("year") && v["year"].is_number_integer() ? v["year"].get<int>() : 0;
      bool found = false;
      for (size_t i = 0; i < target.values.size() && !found; ++i) {
        const TargetValue& g = target.values[i];
        if (taken[i] || std::fabs(g.value - value) > 1e-6 * std::max(1.0, std::fabs(value)))
          continue;
        if ((v.contains("unit") && MatchKey(g.unit, "%/") != unit) ||
            (v.contains("year") && g.year != year)) {
          continue;
        }
        taken[i] = found = true;
      }
      if (found) {
        ++matched;
      } else {
        Error("targets " + number + ": missing value " + v.dump());
      }
    }
    size_t extra = target.values.size() - matched;
    Add(row, matched, extra, values.size() - matched);
    if (extra) Error("targets " + number + ": " + std::to_string(extra) + " extra value(s)");
    return matched == values.size() && extra == 0;
  }

  const Document& doc_;
  ExtractionScore& score_;
  std::vector<std::vector<std::string>> agency_keys_;
};

}  // namespace

ItemCounts& ItemCounts::operator+=(const ItemCounts& o) {
  Add(*this, o.tp, o.fp, o.fn);
  return *this;
}

ItemCounts ExtractionScore::Total() const {
  ItemCounts total;
  for (const auto& [name, counts] : rows) {
    if (!IsSideRow(name)) total += counts;
  }
  return total;
}

ExtractionScore& ExtractionScore::operator+=(const ExtractionScore& o) {
  for (const auto& [name, counts] : o.rows) rows[name] += counts;
  errors.insert(errors.end(), o.errors.begin(), o.errors.end());
  return *this;
}

const std::vector<std::string>& ExtractionRows() {
  static const std::vector<std::string> rows = [] {
    std::vector<std::string> r(std::begin(kMainRows), std::end(kMainRows));
    r.insert(r.end(), std::begin(kSideRows), std::end(kSideRows));
    return r;
  }();
  return rows;
}

bool IsSideRow(std::string_view row) {
  return std::find(std::begin(kSideRows), std::end(kSideRows), row) != std::end(kSideRows);
}

ExtractionScore ScoreExtraction(const Document& doc, const json& expected) {
  if (!expected.is_object()) Malformed("", "must be a JSON object");
  ExtractionScore score;
  Scorer scorer(doc, score);
  for (const auto& [key, value] : expected.items()) {
    if (key == "header") {
      scorer.Header(value);
    } else if (key == "legal_basis") {
      scorer.LegalBasis(value);
    } else if (key == "references") {
      scorer.References(value);
    } else if (key == "agencies") {
      scorer.Agencies(value);
    } else if (key == "tasks") {
      scorer.Tasks(value);
    } else if (key == "targets") {
      scorer.Targets(value);
    } else if (key == "sections") {
      scorer.Sections(value);
    } else if (key == "signature") {
      scorer.Signature(value);
    } else if (key == "recipients") {
      scorer.Recipients(value);
    } else {
      Malformed(key, "is not an item type");
    }
  }
  return score;
}

}  // namespace vnplan
