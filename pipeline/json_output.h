// The Document as JSON: the output format of `vnplan run` and friends.
//
// The format is versioned (kSchemaVersion) and described by the JSON Schema
// in docs/schema/vnplan.schema.json; every change that could break a reader
// bumps the version. Spans are given in Unicode code points into
// text.repaired (what most readers index by), plus the page and page line;
// a span that covers repaired text also carries the lowest confidence of the
// repairs it touches. The original text is always kept: as a string when it
// is valid UTF-8, otherwise byte for byte in base64.
#ifndef VNPLAN_PIPELINE_JSON_OUTPUT_H_
#define VNPLAN_PIPELINE_JSON_OUTPUT_H_

#include <nlohmann/json.hpp>
#include <string>

#include "pipeline/document.h"

namespace vnplan {

inline constexpr char kSchemaVersion[] = "1.0";

struct JsonOptions {
  bool ocr_lines = true;  // Per-page OCR lines with boxes and confidences.
  bool text = true;       // Original and repaired text.
  bool repairs = true;    // The repair log.
};

// The Document as JSON text, written as it is walked (pipeline/json_writer.h);
// `indent` < 0 for one line.
std::string DocumentJson(const Document& doc, const JsonOptions& options = {}, int indent = 2);

// The source and its pages alone: what `vnplan ocr --json` prints.
std::string OcrJson(const Document& doc, int indent = 2);

// DocumentJson parsed, for code that picks parts of it (repair --report,
// tests).
nlohmann::ordered_json ToJson(const Document& doc, const JsonOptions& options = {});

// Serialises without throwing on invalid UTF-8 in any string (it cannot
// appear in repaired text, but a stage bug must not lose the whole output).
std::string Dump(const nlohmann::ordered_json& json, int indent = 2);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_JSON_OUTPUT_H_
