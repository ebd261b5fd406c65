// Load: one input file to a fresh Document (bytes, format, stable id).
//
// The format is recognised from the content, never from the file name:
// image and PDF signatures first, then text (no NUL bytes, few control
// characters; any encoding, since repair decodes legacy ones). A text file
// skips OCR: Load fills Document::original_text, lines and pages itself,
// starting a new page at each form feed.
#ifndef VNPLAN_PIPELINE_LOAD_H_
#define VNPLAN_PIPELINE_LOAD_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnplan {

// Files larger than this are refused before being read.
inline constexpr size_t kMaxInputBytes = size_t{2} << 30;

// "png", "jpeg", "tiff", "pnm", "bmp", "webp", "pdf", "text", or "" when the
// bytes are none of these (binary data of another kind).
std::string DetectFormat(std::string_view bytes);

// Stable id of an input: the same bytes give the same id on every machine.
std::string DocumentId(std::string_view bytes);

// Reads `path` ("-" is standard input). Throws vnplan::Error naming the file
// when it is missing, unreadable, empty, too large or of an unknown format.
Document Load(const std::string& path);

// Builds a Document from text already in memory (a text file's bytes).
Document FromText(std::string path, std::string bytes);

// How many pages of `paths` need OCR, counted no further than `limit`, to
// size the OCR workers: an image is one page, a PDF, a TIFF or standard
// input may hold any number (each counts as `limit`), text holds none.
// Reads only each file's first bytes, and no more files once `limit` is
// reached; a file it cannot read counts as none (Load reports it later).
size_t PagesToRecognize(const std::vector<std::string>& paths, size_t limit);

// Expands directories (recursively, sorted, hidden entries skipped) into the
// files below them; plain paths pass through. Unreadable directories are
// reported in `errors` as "PATH: reason".
std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>* errors);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_LOAD_H_
