// Paragraphs of plan text whose lines may be hard-wrapped: a line continues
// the paragraph above unless that one ended a clause ('.', ';', ':', '!',
// '?'), a blank line came between and the line opens with a capital, or the
// line opens with a list mark ('-', '+', '*', '•', "a)", "1."). Blank lines
// before a line in small letters are a page break or OCR's, not the end of
// the sentence.
//
// Contract: linear in the range; spans are byte ranges of the text given,
// trimmed of white space; the range may be empty.
#ifndef VNPLAN_EXTRACTORS_PARAGRAPHS_H_
#define VNPLAN_EXTRACTORS_PARAGRAPHS_H_

#include <cstddef>
#include <vector>

#include "pipeline/line_index.h"

namespace vnplan {

struct ByteRange {
  size_t begin = 0, end = 0;
};

// Paragraphs within [begin, end) of the text `index` indexes.
std::vector<ByteRange> Paragraphs(const LineIndex& index, size_t begin, size_t end);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_PARAGRAPHS_H_
