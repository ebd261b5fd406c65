#include "pipeline/json_output.h"

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/json_writer.h"
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

// Writes a Document's parts; spans in code points with their repair
// confidence.
class DocumentWriter {
 public:
  DocumentWriter(const Document& doc, JsonWriter& out) : doc_(doc), out_(out), cps_(doc.text) {}

  void Span(const SourceSpan& s) {
    out_.BeginObject();
    out_.Key("start");
    out_.UInt(cps_.At(s.begin));
    out_.Key("end");
    out_.UInt(cps_.At(s.end));
    out_.Key("page");
    out_.Int(s.page);
    out_.Key("line");
    out_.Int(s.line);
    double confidence = RepairConfidence(s);
    if (confidence < 1) {
      out_.Key("repair_confidence");
      out_.Double(confidence);
    }
    out_.EndObject();
  }

  void Field(const vnplan::Field& f) {
    if (!f.found()) {
      out_.Null();
      return;
    }
    out_.BeginObject();
    out_.Member("value", f.value);
    out_.Key("span");
    Span(f.span);
    out_.EndObject();
  }

  void Spans(const std::vector<SourceSpan>& spans) {
    out_.BeginArray();
    for (const auto& s : spans) Span(s);
    out_.EndArray();
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
  JsonWriter& out_;
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

void WritePages(const Document& doc, bool with_lines, JsonWriter& out) {
  out.BeginArray();
  for (const Page& p : doc.pages) {
    out.BeginObject();
    out.Key("number");
    out.Int(p.number);
    out.Member("origin", OriginName(p.origin));
    if (p.origin != PageOrigin::kPlainText) {
      out.Key("width");
      out.Int(p.width);
      out.Key("height");
      out.Int(p.height);
      out.Key("dpi");
      out.Int(p.dpi);
      out.Key("orientation_degrees");
      out.Int(p.orientation_degrees);
      out.Key("deskew_degrees");
      out.Double(p.deskew_degrees);
      out.Key("preprocessing");
      out.Strings(p.preprocessing);
      out.Key("mean_confidence");
      out.Double(p.mean_confidence);
      out.Key("ocr_seconds");
      out.Double(p.ocr_seconds);
    }
    if (with_lines && !p.lines.empty()) {
      out.Key("lines");
      out.BeginArray();
      for (const auto& l : p.lines) {
        out.BeginObject();
        out.Member("text", l.text);
        out.Key("box");
        out.BeginArray();
        for (int v : {l.box.x, l.box.y, l.box.width, l.box.height}) out.Int(v);
        out.EndArray();
        out.Key("confidence");
        out.Double(l.confidence);
        out.EndObject();
      }
      out.EndArray();
    }
    out.EndObject();
  }
  out.EndArray();
}

void WriteDocument(const Document& doc, const JsonOptions& options, JsonWriter& out) {
  DocumentWriter w(doc, out);
  out.BeginObject();
  out.Member("schema_version", kSchemaVersion);
  out.Member("vnplan_version", VNPLAN_VERSION);
  out.Member("id", doc.id);
  out.Key("source");
  out.BeginObject();
  out.Member("path", doc.source_path);
  out.Member("format", doc.format);
  out.EndObject();

  out.Key("pages");
  WritePages(doc, options.ocr_lines, out);

  if (options.text) {
    out.Key("text");
    out.BeginObject();
    if (IsValidUtf8(doc.original_text)) {
      out.Member("original", doc.original_text);
    } else {
      out.Key("original_base64");
      out.String(Base64(doc.original_text));
    }
    out.Member("encoding", doc.encoding);
    out.Member("repaired", doc.text);
    out.EndObject();
  }
  if (options.repairs) {
    out.Key("repairs");
    out.BeginArray();
    for (const auto& e : doc.repairs) {
      out.BeginObject();
      out.Member("kind", e.kind);
      out.Member("before", e.before(doc.original_text));
      out.Member("after", e.after(doc.text));
      out.Key("confidence");
      out.Double(e.confidence);
      out.Key("uncertain");
      out.Bool(e.uncertain);
      out.Key("original_bytes");
      out.BeginArray();
      out.UInt(e.original_begin);
      out.UInt(e.original_end);
      out.EndArray();
      out.Key("span");
      w.Span({e.begin, e.end, 0, 0});
      out.EndObject();
    }
    out.EndArray();
  }

  out.Key("layout");
  out.BeginObject();
  out.Key("header");
  w.Span(doc.layout.header);
  out.Key("body");
  w.Span(doc.layout.body);
  out.Key("signature");
  w.Span(doc.layout.signature);
  out.Key("recipients");
  w.Span(doc.layout.recipients);
  out.EndObject();

  out.Key("sections");
  out.BeginArray();
  for (const auto& s : doc.sections) {
    out.BeginObject();
    out.Member("id", s.id);
    out.Member("number", s.number);
    out.Key("level");
    out.Int(s.level);
    out.Key("parent");
    if (s.parent >= 0) {
      out.String(doc.sections[s.parent].id);
    } else {
      out.Null();
    }
    out.Key("kind");
    out.StringOrNull(s.kind);
    out.Key("heading");
    w.Field(s.heading);
    out.Key("span");
    w.Span(s.span);
    out.EndObject();
  }
  out.EndArray();

  const Header& h = doc.header;
  out.Key("header");
  out.BeginObject();
  out.Key("issuers");
  out.BeginArray();
  for (const auto& i : h.issuers) {
    out.BeginObject();
    out.Member("name", i.name.value);
    out.Key("level");
    out.Int(i.level);
    out.Key("span");
    w.Span(i.name.span);
    out.EndObject();
  }
  out.EndArray();
  for (const auto& [key, field] :
       {std::pair<const char*, const vnplan::Field*>{"number", &h.number},
        {"symbol", &h.symbol},
        {"place", &h.place},
        {"date", &h.date},
        {"type", &h.type},
        {"title", &h.title}}) {
    out.Key(key);
    w.Field(*field);
  }
  out.Key("legal_basis");
  out.Strings(h.legal_basis);
  out.EndObject();

  out.Key("references");
  out.BeginArray();
  for (const auto& r : doc.references) {
    out.BeginObject();
    out.Member("id", r.id);
    out.Member("type", r.type);
    out.Member("number", r.number);
    out.Member("symbol", r.symbol);
    out.Key("year");
    if (r.year) {
      out.Int(r.year);
    } else {
      out.Null();
    }
    out.Key("issuer");
    out.StringOrNull(r.issuer);
    out.Key("date");
    out.StringOrNull(r.date);
    out.Key("subject");
    out.StringOrNull(r.subject);
    out.Key("legal_basis");
    out.Bool(r.legal_basis);
    out.Key("mentions");
    w.Spans(r.mentions);
    out.EndObject();
  }
  out.EndArray();

  out.Key("agencies");
  out.BeginArray();
  for (const auto& a : doc.agencies) {
    out.BeginObject();
    out.Member("id", a.id);
    out.Member("name", a.name);
    out.Member("level", a.level);
    out.Key("aliases_seen");
    out.Strings(a.aliases_seen);
    out.Key("mentions");
    w.Spans(a.mentions);
    out.EndObject();
  }
  out.EndArray();

  out.Key("tasks");
  out.BeginArray();
  for (const auto& t : doc.tasks) {
    out.BeginObject();
    out.Member("id", t.id);
    out.Member("section", t.section);
    out.Member("text", t.text.value);
    out.Key("span");
    w.Span(t.text.span);
    out.Key("agencies");
    out.BeginArray();
    for (const auto& r : t.agencies) {
      out.BeginObject();
      out.Member("agency", r.agency);
      out.Member("role", r.role);
      out.EndObject();
    }
    out.EndArray();
    out.Key("deadlines");
    out.BeginArray();
    for (const auto& d : t.deadlines) {
      out.BeginObject();
      out.Member("text", d.text);
      out.Key("date");
      out.StringOrNull(d.date);
      out.Key("recurrence");
      out.StringOrNull(d.recurrence);
      out.Key("span");
      w.Span(d.span);
      out.EndObject();
    }
    out.EndArray();
    out.Key("indicators");
    out.Strings(t.indicators);
    out.Key("references");
    out.Strings(t.references);
    out.EndObject();
  }
  out.EndArray();

  out.Key("targets");
  out.BeginArray();
  for (const auto& t : doc.targets) {
    out.BeginObject();
    out.Member("id", t.id);
    out.Member("number", t.number);
    out.Member("text", t.text.value);
    out.Key("span");
    w.Span(t.text.span);
    out.Key("values");
    out.BeginArray();
    for (const auto& v : t.values) {
      out.BeginObject();
      out.Key("value");
      out.Double(v.value);
      out.Member("unit", v.unit);
      out.Key("year");
      if (v.year) {
        out.Int(v.year);
      } else {
        out.Null();
      }
      out.Member("text", v.text);
      out.EndObject();
    }
    out.EndArray();
    out.Key("agency");
    out.StringOrNull(t.agency);
    out.EndObject();
  }
  out.EndArray();

  out.Key("signature");
  out.BeginObject();
  out.Key("authority");
  w.Field(doc.signature.authority);
  out.Key("title");
  w.Field(doc.signature.title);
  out.Key("name");
  w.Field(doc.signature.name);
  out.EndObject();
  out.Key("recipients");
  out.BeginArray();
  for (const auto& r : doc.recipients) w.Field(r);
  out.EndArray();

  out.Key("diagnostics");
  out.BeginArray();
  for (const auto& d : doc.diagnostics) {
    out.BeginObject();
    out.Member("stage", d.stage);
    out.Member("severity", d.severity);
    out.Member("message", d.message);
    if (d.page > 0) {
      out.Key("page");
      out.Int(d.page);
    }
    out.EndObject();
  }
  out.EndArray();
  out.EndObject();
}

}  // namespace

std::string DocumentJson(const Document& doc, const JsonOptions& options, int indent) {
  JsonWriter out(indent);
  WriteDocument(doc, options, out);
  return out.Take();
}

std::string OcrJson(const Document& doc, int indent) {
  JsonWriter out(indent);
  out.BeginObject();
  out.Member("source", doc.source_path);
  out.Key("pages");
  WritePages(doc, true, out);
  out.EndObject();
  return out.Take();
}

json ToJson(const Document& doc, const JsonOptions& options) {
  return json::parse(DocumentJson(doc, options, -1));
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace vnplan
