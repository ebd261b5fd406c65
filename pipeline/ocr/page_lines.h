// A page's lines from Tesseract's words: lines cut at column gaps, and lines
// that are not text dropped.
//
// SplitAtColumnGaps. Tesseract's layout analysis often treats the head of an official document
// (issuing body on the left, national motto on the right, on the same
// baselines) as one block, and returns "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI..."
// as one line. No justified or tabbed text line has a space wider than
// kColumnGapHeights times its own height; a gap that wide separates columns,
// so each side becomes a line of its own, left to right.
//
// DropNoiseLines. When lines are set tight, Tesseract's layout analysis may
// take the tone and vowel marks of a line for a text line of their own
// ("` ~ ^ `"), which leaves the real line without them and adds junk; specks
// and rules give similar lines. A line without any letter or digit, or far
// lower than the page's text lines (below kNoiseHeightRatio of their median
// height), is not text and is removed.
#ifndef VNPLAN_PIPELINE_OCR_PAGE_LINES_H_
#define VNPLAN_PIPELINE_OCR_PAGE_LINES_H_

#include <vector>

#include "pipeline/document.h"

namespace vnplan {

inline constexpr double kColumnGapHeights = 2.0;
inline constexpr double kNoiseHeightRatio = 0.4;

// One recognised word: its text, box and confidence (0..100).
using OcrWord = OcrLine;

// `words` are one line's words in reading order. Returns one OcrLine per run
// of words separated by ordinary spaces: text joined with single spaces, the
// union of the boxes, and the mean confidence. Empty input gives no lines.
std::vector<OcrLine> SplitAtColumnGaps(const std::vector<OcrWord>& words);

// Removes from `lines` (one page's, in reading order) those that are not text.
void DropNoiseLines(std::vector<OcrLine>& lines);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_PAGE_LINES_H_
