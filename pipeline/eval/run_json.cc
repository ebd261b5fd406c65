#include "pipeline/eval/run_json.h"

#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

using json = nlohmann::json;

const json& Member(const json& o, const char* key) {
  static const json null;
  return o.is_object() && o.contains(key) ? o[key] : null;
}

std::string Str(const json& o, const char* key) {
  const json& v = Member(o, key);
  return v.is_string() ? v.get<std::string>() : std::string();
}

class Reader {
 public:
  explicit Reader(const std::string& text) {
    // Byte offset of every code point, plus the end.
    size_t pos = 0;
    while (pos < text.size()) {
      bytes_.push_back(pos);
      NextCodePoint(text, &pos);
    }
    bytes_.push_back(text.size());
  }

  SourceSpan Span(const json& s) const {
    SourceSpan span;
    if (!s.is_object()) return span;
    span.begin = Byte(Member(s, "start"));
    span.end = Byte(Member(s, "end"));
    span.page = Member(s, "page").is_number_integer() ? s["page"].get<int>() : 0;
    span.line = Member(s, "line").is_number_integer() ? s["line"].get<int>() : 0;
    return span;
  }

  Field FieldOf(const json& f) const {
    if (!f.is_object()) return {};
    return {Str(f, "value"), Span(Member(f, "span"))};
  }

  std::vector<SourceSpan> Spans(const json& a) const {
    std::vector<SourceSpan> out;
    if (a.is_array()) {
      for (const auto& s : a) out.push_back(Span(s));
    }
    return out;
  }

 private:
  size_t Byte(const json& cp) const {
    if (!cp.is_number_unsigned()) return 0;
    size_t i = cp.get<size_t>();
    return i < bytes_.size() ? bytes_[i] : bytes_.back();
  }

  std::vector<size_t> bytes_;
};

const json& Array(const json& o, const char* key) {
  const json& v = Member(o, key);
  if (!v.is_null() && !v.is_array()) {
    throw std::invalid_argument(std::string("vnplan JSON: '") + key + "' must be a list");
  }
  return v;
}

std::vector<std::string> StrList(const json& o, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : Array(o, key)) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Document DocumentFromRunJson(const json& run) {
  if (!run.is_object() || !run.contains("schema_version")) {
    throw std::invalid_argument("not a vnplan JSON output (no schema_version)");
  }
  Document doc;
  doc.id = Str(run, "id");
  doc.source_path = Str(Member(run, "source"), "path");
  doc.format = Str(Member(run, "source"), "format");
  doc.text = Str(Member(run, "text"), "repaired");
  // One origin per line, so line numbers derived from offsets are the text's.
  int line = 1;
  doc.lines.push_back({1, line});
  for (char c : doc.text) {
    if (c == '\n') doc.lines.push_back({1, ++line});
  }
  Reader r(doc.text);

  const json& layout = Member(run, "layout");
  doc.layout = {r.Span(Member(layout, "header")), r.Span(Member(layout, "body")),
                r.Span(Member(layout, "signature")), r.Span(Member(layout, "recipients"))};

  std::vector<std::string> section_ids;
  for (const auto& s : Array(run, "sections")) section_ids.push_back(Str(s, "id"));
  for (const auto& s : Array(run, "sections")) {
    Section section;
    section.id = Str(s, "id");
    section.number = Str(s, "number");
    section.level = Member(s, "level").is_number_integer() ? s["level"].get<int>() : 1;
    std::string parent = Str(s, "parent");
    for (size_t i = 0; i < section_ids.size() && !parent.empty(); ++i) {
      if (section_ids[i] == parent) section.parent = int(i);
    }
    section.kind = Str(s, "kind");
    section.heading = r.FieldOf(Member(s, "heading"));
    section.span = r.Span(Member(s, "span"));
    doc.sections.push_back(std::move(section));
  }

  const json& h = Member(run, "header");
  for (const auto& i : Array(h, "issuers")) {
    doc.header.issuers.push_back(
        {{Str(i, "name"), r.Span(Member(i, "span"))},
         Member(i, "level").is_number_integer() ? i["level"].get<int>() : 0});
  }
  doc.header.number = r.FieldOf(Member(h, "number"));
  doc.header.symbol = r.FieldOf(Member(h, "symbol"));
  doc.header.place = r.FieldOf(Member(h, "place"));
  doc.header.date = r.FieldOf(Member(h, "date"));
  doc.header.type = r.FieldOf(Member(h, "type"));
  doc.header.title = r.FieldOf(Member(h, "title"));
  doc.header.legal_basis = StrList(h, "legal_basis");

  for (const auto& j : Array(run, "references")) {
    Reference ref;
    ref.id = Str(j, "id");
    ref.type = Str(j, "type");
    ref.number = Str(j, "number");
    ref.symbol = Str(j, "symbol");
    ref.year = Member(j, "year").is_number_integer() ? j["year"].get<int>() : 0;
    ref.issuer = Str(j, "issuer");
    ref.date = Str(j, "date");
    ref.subject = Str(j, "subject");
    ref.legal_basis = Member(j, "legal_basis").is_boolean() && j["legal_basis"].get<bool>();
    ref.mentions = r.Spans(Member(j, "mentions"));
    doc.references.push_back(std::move(ref));
  }

  for (const auto& j : Array(run, "agencies")) {
    doc.agencies.push_back({Str(j, "id"), Str(j, "name"), Str(j, "level"),
                            StrList(j, "aliases_seen"), r.Spans(Member(j, "mentions"))});
  }

  for (const auto& j : Array(run, "tasks")) {
    Task task;
    task.id = Str(j, "id");
    task.section = Str(j, "section");
    task.text = {Str(j, "text"), r.Span(Member(j, "span"))};
    for (const auto& role : Array(j, "agencies")) {
      task.agencies.push_back({Str(role, "agency"), Str(role, "role")});
    }
    for (const auto& d : Array(j, "deadlines")) {
      task.deadlines.push_back(
          {Str(d, "text"), Str(d, "date"), Str(d, "recurrence"), r.Span(Member(d, "span"))});
    }
    task.indicators = StrList(j, "indicators");
    task.references = StrList(j, "references");
    doc.tasks.push_back(std::move(task));
  }

  for (const auto& j : Array(run, "targets")) {
    Target target;
    target.id = Str(j, "id");
    target.number = Str(j, "number");
    target.text = {Str(j, "text"), r.Span(Member(j, "span"))};
    for (const auto& v : Array(j, "values")) {
      target.values.push_back(
          {Member(v, "value").is_number() ? v["value"].get<double>() : 0, Str(v, "unit"),
           Member(v, "year").is_number_integer() ? v["year"].get<int>() : 0, Str(v, "text")});
    }
    target.agency = Str(j, "agency");
    doc.targets.push_back(std::move(target));
  }

  const json& sig = Member(run, "signature");
  doc.signature = {r.FieldOf(Member(sig, "authority")), r.FieldOf(Member(sig, "title")),
                   r.FieldOf(Member(sig, "name"))};
  for (const auto& f : Array(run, "recipients")) doc.recipients.push_back(r.FieldOf(f));
  return doc;
}

}  // namespace vnplan
