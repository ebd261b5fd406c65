// Extraction accuracy: the facts a Document's extract stage found against an
// expected-facts JSON written by hand (format: corpus/README.md).
//
// Every item type is scored as precision, recall and F1 over items:
//  - header, signature: each checked field is one item. A right value is a
//    true positive; a wrong one is a false positive and a false negative; a
//    missing one a false negative; a value where the expected is null a false
//    positive. Compared case-blind with white space collapsed; diacritics
//    count.
//  - legal_basis, references: canonical ids (Reference::id).
//  - agencies: each expected name is paired with at most one extracted
//    agency whose id, canonical name or a spelling seen equals it, diacritic-
//    and case-blind; failing that, one of the two may extend the other by
//    trailing words ("Sở Y tế" ~ "Sở Y tế Nghệ An"). Extracted agencies
//    mentioned only outside Layout::body (header, signature, Nơi nhận) are
//    not counted, as the expected files leave those zones out.
//  - tasks: an expected task is found by `starts` (the extracted text, list
//    marker dropped, begins with those words, diacritic-blind) or by `line`
//    (the extracted text begins on that 1-based line of Document::text). A
//    found task is right when every checked attribute (lead, cooperate,
//    deadline) is right. Side rows: task_text (found at all), task_lead,
//    task_cooperate, task_deadline ((task, agency) and (task, date) pairs,
//    over found tasks only).
//  - targets: by number; right when the values (value, unit, year) are the
//    expected ones. Side row target_values: (number, value, unit, year).
//  - sections: (number, kind) of the top-level parts.
//  - recipients: the count, one item.
// Keys absent from the expected JSON are not scored. The total pools the
// main rows (not the side rows) by summing their counts.
#ifndef VNPLAN_PIPELINE_EVAL_EXTRACTION_SCORE_H_
#define VNPLAN_PIPELINE_EVAL_EXTRACTION_SCORE_H_

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnplan {

struct ItemCounts {
  size_t tp = 0, fp = 0, fn = 0;

  // 1 when there was nothing to find and nothing was found.
  double precision() const { return tp + fp ? double(tp) / (tp + fp) : (fn ? 0 : 1); }
  double recall() const { return tp + fn ? double(tp) / (tp + fn) : (fp ? 0 : 1); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  bool perfect() const { return fp == 0 && fn == 0; }

  ItemCounts& operator+=(const ItemCounts& o);
};

struct ExtractionScore {
  std::map<std::string, ItemCounts> rows;  // Keyed by item type; see ExtractionRows().
  std::vector<std::string> errors;         // One line per mismatch, for people.

  ItemCounts Total() const;
  ExtractionScore& operator+=(const ExtractionScore& o);
};

// Item types in report order: the main rows, then the side rows.
const std::vector<std::string>& ExtractionRows();
bool IsSideRow(std::string_view row);

// Scores `doc` against `expected`. Throws std::invalid_argument naming the
// key when `expected` is not in the expected-facts format.
ExtractionScore ScoreExtraction(const Document& doc, const nlohmann::json& expected);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_EVAL_EXTRACTION_SCORE_H_
