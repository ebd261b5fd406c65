// The Document: the one value that flows through every stage of vnplan.
//
//   Load -> Ocr -> Repair -> Segment -> Extract -> JSON
//
// Each stage reads what earlier stages wrote and adds its own fields; no stage
// rewrites another stage's fields, and no stage calls back into an earlier one.
// A Document owns everything about one input file and holds no pointers into
// shared state, so documents can be processed concurrently and streamed out
// one at a time.
//
// Text and positions
//   `original_text` is the text as it arrived (OCR output, a PDF text layer or
//   the bytes of a text file, possibly in a legacy encoding), `text` is the
//   repaired UTF-8 NFC text. Both hold the same number of lines: repair never
//   adds, drops or merges a line, so line i of one is line i of the other and
//   `lines[i]` says which page and page line it came from. Every extracted
//   item carries a SourceSpan of byte offsets into `text`.
#ifndef VNPLAN_PIPELINE_DOCUMENT_H_
#define VNPLAN_PIPELINE_DOCUMENT_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

// A half-open byte range [begin, end) of Document::text. `page` and `line`
// (both 1-based; 0 when unknown) locate `begin`; `line` counts lines within
// the page, as a reader of the scan would.
struct SourceSpan {
  size_t begin = 0;
  size_t end = 0;
  int page = 0;
  int line = 0;

  bool empty() const { return begin >= end; }
};

// A string value found in the text, with where it was found.
struct Field {
  std::string value;
  SourceSpan span;

  bool found() const { return !value.empty(); }
};

// Pixel rectangle on the page image the OCR stage recognised.
struct Box {
  int x = 0, y = 0, width = 0, height = 0;
};

// One recognised line of a page, in reading order.
struct OcrLine {
  std::string text;
  Box box;
  float confidence = 0;  // Tesseract's mean word confidence, 0..100.
};

// How a page's text was obtained.
enum class PageOrigin { kOcr, kPdfTextLayer, kPlainText };

struct Page {
  int number = 0;  // 1-based.
  PageOrigin origin = PageOrigin::kPlainText;
  int width = 0, height = 0;  // Pixels of the image OCR saw; 0 for text.
  int dpi = 0;
  int orientation_degrees = 0;             // Clockwise rotation applied to make it upright.
  double deskew_degrees = 0;               // Skew angle found and corrected.
  std::vector<std::string> preprocessing;  // Steps applied, in order.
  std::vector<OcrLine> lines;              // Empty for text pages.
  float mean_confidence = 0;
  double ocr_seconds = 0;  // Wall time inside Tesseract: recognition and reading out its words.
};

// Where line i of Document::text / original_text came from.
struct LineOrigin {
  int page = 0;  // 1-based page number.
  int line = 0;  // 1-based line within that page.
};

// One change made by the repair stage. Offsets are bytes: `original_*` into
// Document::original_text, the others into Document::text. The edit holds
// no copy of either text: a document changed in every word keeps one small
// record per change, and the texts say what was there before and after.
struct RepairEdit {
  size_t original_begin = 0, original_end = 0;
  size_t begin = 0, end = 0;
  std::string kind;        // "encoding", "normalization", "diacritics", "ocr-confusion", ...
  double confidence = 1;   // 0..1: how sure repair is that the new text is right.
  bool uncertain = false;  // Below the confidence threshold: flagged, kept.

  // The bytes replaced, given the text the offsets `original_*` are in.
  std::string_view before(std::string_view original) const {
    return original.substr(original_begin, original_end - original_begin);
  }
  // The bytes that replaced them, given the text `begin`/`end` are in.
  std::string_view after(std::string_view text) const { return text.substr(begin, end - begin); }
};

// The fixed zones of an official document (decree 30/2020/ND-CP layout).
struct Layout {
  SourceSpan header;      // Issuing bodies, motto, number, place/date, type, title.
  SourceSpan body;        // Preamble and numbered parts.
  SourceSpan signature;   // Authority line, title, name.
  SourceSpan recipients;  // "Noi nhan" list.
};

// A numbered part of the body. Sections form a tree through `parent`.
struct Section {
  std::string id;      // Stable path of ordinals, e.g. "2.1.b".
  std::string number;  // As written: "II", "1", "b", "-".
  int level = 1;       // 1 for top-level parts (I, II, ...).
  int parent = -1;     // Index into Document::sections, -1 for top level.
  std::string kind;    // Main parts only (the top level, and the parts under a
                       // division whose heading names no kind): purpose,
                       // requirements, objectives, tasks, funding,
                       // organisation, reporting, other.
  Field heading;
  SourceSpan span;  // From the number to the end of the section's content.
};

// A legal document cited by the plan. One entry per distinct document.
struct Reference {
  std::string id;            // Canonical key, identical across plans: "quyet-dinh-23-2021-qd-ttg".
  std::string type;          // "Quyết định", "Nghị quyết", ...
  std::string number;        // "23"
  std::string symbol;        // "QĐ-TTg"
  int year = 0;              // 0 when unknown.
  std::string issuer;        // Canonical name of the issuing body when known.
  std::string date;          // ISO 8601, empty when not stated.
  std::string subject;       // "về việc ..." when stated.
  bool legal_basis = false;  // Cited in the preamble as a basis for the plan.
  std::vector<SourceSpan> mentions;
};

// A government body named by the plan.
struct Agency {
  std::string id;                         // Canonical key from the gazetteer, e.g. "so-ldtbxh".
  std::string name;                       // Canonical name.
  std::string level;                      // central, province, district, commune, unit.
  std::vector<std::string> aliases_seen;  // Spellings found in this document.
  std::vector<SourceSpan> mentions;
};

struct AgencyRole {
  std::string agency;  // Agency::id
  std::string role;    // "lead" or "cooperate".
};

struct Deadline {
  std::string text;        // As written: "trước ngày 31/3/2021".
  std::string date;        // ISO 8601 when a date is stated.
  std::string recurrence;  // "yearly", "monthly", "every-6-months", ... when periodic.
  SourceSpan span;
};

struct Task {
  std::string id;       // Stable: "task:" + section id + "." + ordinal.
  std::string section;  // Section::id it belongs to.
  Field text;
  std::vector<AgencyRole> agencies;
  std::vector<Deadline> deadlines;
  std::vector<std::string> indicators;  // Target numbers it covers ("1", "8").
  std::vector<std::string> references;  // Reference::id values it cites.
};

struct TargetValue {
  double value = 0;
  std::string unit;  // "%", "trẻ/1.000 trẻ", ...
  int year = 0;
  std::string text;
};

struct Target {
  std::string id;      // "target:" + number, or a section-based key.
  std::string number;  // "1", as in "Chỉ tiêu 1".
  Field text;
  std::vector<TargetValue> values;
  std::string agency;  // Agency::id when the plan assigns one.
};

// An issuing body line of the header, with its place in the hierarchy.
struct Issuer {
  Field name;
  int level = 0;  // 0 for the superior body, 1 for the body under it.
};

struct Header {
  std::vector<Issuer> issuers;
  Field number;  // "884"
  Field symbol;  // "KH-SGD&ĐT"
  Field place;
  Field date;  // value is ISO 8601.
  Field type;  // "Kế hoạch"
  Field title;
  std::vector<std::string> legal_basis;  // Reference::id values.
};

struct Signature {
  Field authority;  // "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN"
  Field title;      // "PHÓ CHỦ TỊCH"
  Field name;
};

// Something a stage could not do or is unsure of. Never fatal by itself.
struct Diagnostic {
  std::string stage;
  std::string severity;  // "warning" or "error".
  std::string message;
  int page = 0;  // 0 when not page-specific.
};

struct Document {
  // Load.
  std::string id;           // Stable: hash of the input bytes.
  std::string source_path;  // As given on the command line.
  std::string format;       // "png", "jpeg", "tiff", "pnm", "bmp", "webp", "pdf", "text".
  std::string bytes;        // The input file; dropped once OCR has used it.

  // Ocr (or text ingestion).
  std::vector<Page> pages;
  std::string original_text;
  std::vector<LineOrigin> lines;

  // Repair.
  std::string text;
  std::string encoding;  // Encoding repair decoded from, e.g. "utf-8", "tcvn3".
  std::vector<RepairEdit> repairs;

  // Segment.
  Layout layout;
  std::vector<Section> sections;

  // Extract.
  Header header;
  std::vector<Reference> references;
  std::vector<Agency> agencies;
  std::vector<Task> tasks;
  std::vector<Target> targets;
  Signature signature;
  std::vector<Field> recipients;

  std::vector<Diagnostic> diagnostics;

  void Warn(std::string stage, std::string message, int page = 0) {
    diagnostics.push_back({std::move(stage), "warning", std::move(message), page});
  }
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_DOCUMENT_H_
