#include "pipeline/json_output.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

using json = nlohmann::ordered_json;

// Byte offsets to code point offsets, with a checkpoint every kStride bytes
// so each lookup costs O(kStride) and the table stays small.
class CodePoints {
 public:
  explicit CodePoints(std::string_view text) : text_(text) {
    uint32_t count = 0;
    for (size_t i = 0; i < text.size(); ++i) {
      if (i % kStride == 0) checkpoints_.push_back(count);
      if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++count;
    }
  }

  uint64_t At(size_t byte) const {
    byte = std::min(byte, text_.size());
    if (checkpoints_.empty()) return 0;
    size_t k = std::min(byte / kStride, checkpoints_.size() - 1);
    uint64_t count = checkpoints_[k];
    for (size_t i = k * kStride; i < byte; ++i) {
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++count;
    }
    return count;
  }

 private:
  static constexpr size_t kStride = 256;
  std::string_view text_;
  std::vector<uint32_t> checkpoints_;
};

class Writer {
 public:
  explicit Writer(const Document& doc) : doc_(doc), cps_(doc.text) {}

  json Span(const SourceSpan& s) const {
    // Spans are most of the objects written: one allocation each, not one
    // per key as the object grows.
    json j = json::object();
    j.get_ref<json::object_t&>().reserve(5);
    j["start"] = cps_.At(s.begin);
    j["end"] = cps_.At(s.end);
    j["page"] = s.page;
    j["line"] = s.line;
    double confidence = RepairConfidence(s);
    if (confidence < 1) j["repair_confidence"] = confidence;
    return j;
  }

  json FieldJson(const Field& f) const {
    if (!f.found()) return nullptr;
    return json{{"value", f.value}, {"span", Span(f.span)}};
  }

  json Spans(const std::vector<SourceSpan>& spans) const {
    json a = json::array();
    for (const auto& s : spans) a.push_back(Span(s));
    return a;
  }

 private:
  // Repairs are sorted and disjoint in Document::text, so both their begins
  // and ends are ordered: binary search the first that ends after the span.
  double RepairConfidence(const SourceSpan& s) const {
    const auto& edits = doc_.repairs;
    auto it = std::upper_bound(edits.begin(), edits.end(), s.begin,
                               [](size_t pos, const RepairEdit& e) { return pos < e.end; });
    double lowest = 1;
    for (; it != edits.end() && it->begin < s.end; ++it) lowest = std::min(lowest, it->confidence);
    return lowest;
  }

  const Document& doc_;
  CodePoints cps_;
};

const char* OriginName(PageOrigin origin) {
  switch (origin) {
    case PageOrigin::kOcr:
      return "ocr";
    case PageOrigin::kPdfTextLayer:
      return "pdf-text-layer";
    case PageOrigin::kPlainText:
      return "text";
  }
  return "unknown";
}

json PageJson(const Page& p, bool with_lines) {
  json j;
  j["number"] = p.number;
  j["origin"] = OriginName(p.origin);
  if (p.origin != PageOrigin::kPlainText) {
    j["width"] = p.width;
    j["height"] = p.height;
    j["dpi"] = p.dpi;
    j["orientation_degrees"] = p.orientation_degrees;
    j["deskew_degrees"] = p.deskew_degrees;
    j["preprocessing"] = p.preprocessing;
    j["mean_confidence"] = p.mean_confidence;
    j["ocr_seconds"] = p.ocr_seconds;
  }
  if (with_lines && !p.lines.empty()) {
    json lines = json::array();
    for (const auto& l : p.lines) {
      lines.push_back({{"text", l.text},
                       {"box", {l.box.x, l.box.y, l.box.width, l.box.height}},
                       {"confidence", l.confidence}});
    }
    j["lines"] = std::move(lines);
  }
  return j;
}

}  // namespace

json PagesToJson(const Document& doc) {
  json pages = json::array();
  for (const auto& p : doc.pages) pages.push_back(PageJson(p, true));
  return pages;
}

json ToJson(const Document& doc, const JsonOptions& options) {
  Writer w(doc);
  json j;
  j["schema_version"] = kSchemaVersion;
  j["vnplan_version"] = VNPLAN_VERSION;
  j["id"] = doc.id;
  j["source"] = {{"path", doc.source_path}, {"format", doc.format}};

  json pages = json::array();
  for (const auto& p : doc.pages) pages.push_back(PageJson(p, options.ocr_lines));
  j["pages"] = std::move(pages);

  if (options.text) {
    json text;
    if (IsValidUtf8(doc.original_text)) {
      text["original"] = doc.original_text;
    } else {
      text["original_base64"] = Base64(doc.original_text);
    }
    text["encoding"] = doc.encoding;
    text["repaired"] = doc.text;
    j["text"] = std::move(text);
  }
  if (options.repairs) {
    json repairs = json::array();
    for (const auto& e : doc.repairs) {
      json r;
      r["kind"] = e.kind;
      r["before"] = e.before;
      r["after"] = e.after;
      r["confidence"] = e.confidence;
      r["uncertain"] = e.uncertain;
      r["original_bytes"] = {e.original_begin, e.original_end};
      r["span"] = w.Span({e.begin, e.end, 0, 0});
      repairs.push_back(std::move(r));
    }
    j["repairs"] = std::move(repairs);
  }

  j["layout"] = {{"header", w.Span(doc.layout.header)},
                 {"body", w.Span(doc.layout.body)},
                 {"signature", w.Span(doc.layout.signature)},
                 {"recipients", w.Span(doc.layout.recipients)}};

  json sections = json::array();
  for (const auto& s : doc.sections) {
    json o;
    o["id"] = s.id;
    o["number"] = s.number;
    o["level"] = s.level;
    o["parent"] = s.parent >= 0 ? json(doc.sections[s.parent].id) : json(nullptr);
    o["kind"] = s.kind.empty() ? json(nullptr) : json(s.kind);
    o["heading"] = w.FieldJson(s.heading);
    o["span"] = w.Span(s.span);
    sections.push_back(std::move(o));
  }
  j["sections"] = std::move(sections);

  const Header& h = doc.header;
  json issuers = json::array();
  for (const auto& i : h.issuers) {
    issuers.push_back({{"name", i.name.value}, {"level", i.level}, {"span", w.Span(i.name.span)}});
  }
  j["header"] = {{"issuers", std::move(issuers)},   {"number", w.FieldJson(h.number)},
                 {"symbol", w.FieldJson(h.symbol)}, {"place", w.FieldJson(h.place)},
                 {"date", w.FieldJson(h.date)},     {"type", w.FieldJson(h.type)},
                 {"title", w.FieldJson(h.title)},   {"legal_basis", h.legal_basis}};

  json refs = json::array();
  for (const auto& r : doc.references) {
    json o;
    o["id"] = r.id;
    o["type"] = r.type;
    o["number"] = r.number;
    o["symbol"] = r.symbol;
    o["year"] = r.year ? json(r.year) : json(nullptr);
    o["issuer"] = r.issuer.empty() ? json(nullptr) : json(r.issuer);
    o["date"] = r.date.empty() ? json(nullptr) : json(r.date);
    o["subject"] = r.subject.empty() ? json(nullptr) : json(r.subject);
    o["legal_basis"] = r.legal_basis;
    o["mentions"] = w.Spans(r.mentions);
    refs.push_back(std::move(o));
  }
  j["references"] = std::move(refs);

  json agencies = json::array();
  for (const auto& a : doc.agencies) {
    agencies.push_back({{"id", a.id},
                        {"name", a.name},
                        {"level", a.level},
                        {"aliases_seen", a.aliases_seen},
                        {"mentions", w.Spans(a.mentions)}});
  }
  j["agencies"] = std::move(agencies);

  json tasks = json::array();
  for (const auto& t : doc.tasks) {
    json roles = json::array();
    for (const auto& r : t.agencies) roles.push_back({{"agency", r.agency}, {"role", r.role}});
    json deadlines = json::array();
    for (const auto& d : t.deadlines) {
      deadlines.push_back(
          {{"text", d.text},
           {"date", d.date.empty() ? json(nullptr) : json(d.date)},
           {"recurrence", d.recurrence.empty() ? json(nullptr) : json(d.recurrence)},
           {"span", w.Span(d.span)}});
    }
    tasks.push_back({{"id", t.id},
                     {"section", t.section},
                     {"text", t.text.value},
                     {"span", w.Span(t.text.span)},
                     {"agencies", std::move(roles)},
                     {"deadlines", std::move(deadlines)},
                     {"indicators", t.indicators},
                     {"references", t.references}});
  }
  j["tasks"] = std::move(tasks);

  json targets = json::array();
  for (const auto& t : doc.targets) {
    json values = json::array();
    for (const auto& v : t.values) {
      values.push_back({{"value", v.value},
                        {"unit", v.unit},
                        {"year", v.year ? json(v.year) : json(nullptr)},
                        {"text", v.text}});
    }
    targets.push_back({{"id", t.id},
                       {"number", t.number},
                       {"text", t.text.value},
                       {"span", w.Span(t.text.span)},
                       {"values", std::move(values)},
                       {"agency", t.agency.empty() ? json(nullptr) : json(t.agency)}});
  }
  j["targets"] = std::move(targets);

  j["signature"] = {{"authority", w.FieldJson(doc.signature.authority)},
                    {"title", w.FieldJson(doc.signature.title)},
                    {"name", w.FieldJson(doc.signature.name)}};
  json recipients = json::array();
  for (const auto& r : doc.recipients) recipients.push_back(w.FieldJson(r));
  j["recipients"] = std::move(recipients);

  json diagnostics = json::array();
  for (const auto& d : doc.diagnostics) {
    json o{{"stage", d.stage}, {"severity", d.severity}, {"message", d.message}};
    if (d.page > 0) o["page"] = d.page;
    diagnostics.push_back(std::move(o));
  }
  j["diagnostics"] = std::move(diagnostics);
  return j;
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace vnplan
