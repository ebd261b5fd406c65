// SegmentModel: the data under models/segment/ that the segment stage and the
// header and signature extractors read: cue phrases of section kinds
// (kinds.tsv), numbering marks (numbering.tsv) and the cue words of the
// header and closing zones (layout.tsv). Each file documents its format in
// its header comment. Loaded once, read-only afterwards, so one model serves
// any number of threads.
#ifndef VNPLAN_PIPELINE_SEGMENT_SEGMENT_MODEL_H_
#define VNPLAN_PIPELINE_SEGMENT_SEGMENT_MODEL_H_

#include <string>
#include <utility>
#include <vector>

#include "pipeline/segment/phrase.h"

namespace vnplan {

struct SegmentModel {
  // Reads models_dir/segment/*.tsv. Throws vnplan::Error naming the file
  // when one is missing or has a malformed record.
  static SegmentModel Load(const std::string& models_dir);

  PhraseList kinds;  // value: the Section::kind.

  std::vector<std::vector<std::string>> letter_sequences;  // UTF-8 letters.
  // Indexed by any byte of a line; only ASCII entries are ever set, to 'I',
  // 'V' or 'X'.
  char roman_lookalike[256] = {};
  // (character OCR printed, list letter it stands for), UTF-8.
  std::vector<std::pair<std::string, std::string>> letter_lookalikes;
  std::vector<std::string> bullets;  // UTF-8 characters.
  PhraseList divisions;              // "Phần", "Chương".
  PhraseList ordinals;               // value: the number ("thứ hai" -> "2").

  PhraseList motto;
  PhraseList number_label;
  PhraseList day, month, year;
  PhraseList doc_types;  // value: canonical type name.
  PhraseList units;
  PhraseList joiners;
  PhraseList body_starts;
  PhraseList recipients_label;
  PhraseList archive;
  PhraseList authorities;
  PhraseList seal_notes;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_SEGMENT_MODEL_H_
