// SplitAtColumnGaps: one text line as Tesseract found it, cut where a gap
// between words is too wide to be a space.
//
// Tesseract's layout analysis often treats the head of an official document
// (issuing body on the left, national motto on the right, on the same
// baselines) as one block, and returns "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI..."
// as one line. No justified or tabbed text line has a space wider than
// kColumnGapHeights times its own height; a gap that wide separates columns,
// so each side becomes a line of its own, left to right.
#ifndef VNPLAN_PIPELINE_OCR_COLUMN_SPLIT_H_
#define VNPLAN_PIPELINE_OCR_COLUMN_SPLIT_H_

#include <vector>

#include "pipeline/document.h"

namespace vnplan {

inline constexpr double kColumnGapHeights = 2.0;

// One recognised word: its text, box and confidence (0..100).
using OcrWord = OcrLine;

// `words` are one line's words in reading order. Returns one OcrLine per run
// of words separated by ordinary spaces: text joined with single spaces, the
// union of the boxes, and the mean confidence. Empty input gives no lines.
std::vector<OcrLine> SplitAtColumnGaps(const std::vector<OcrWord>& words);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_COLUMN_SPLIT_H_
