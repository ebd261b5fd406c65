// The tree of numbered parts of a plan's body (Document::sections).
//
// Every line opening with a mark (see numbering.h) is a candidate part. A
// stack of the lists open at that point decides what it is: a mark of a
// style already open must continue that list (II after I, c) after b), 2.3
// after 2.2) and closes the lists nested below it; a mark of a new style must
// open a list (I, 1, a), 2.1 under 2) and nests under the innermost open
// list of a higher rank (roman over arabic over decimal over letters over
// bullets; a new bullet character nests under any list). A candidate that
// fits nowhere (a date or an amount opening a wrapped line, a skipped or
// repeated number) stays text, and the document gets a warning saying how
// many did. Nesting deeper than kMaxSectionDepth is refused the same way, so
// looping or pathological numbering cannot build an unbounded tree.
//
// A part's heading is the rest of its line, joined with the lines a hard
// wrap continued it on; a top-level part's kind comes from the cue phrases
// of SegmentModel::kinds found in its heading.
#ifndef VNPLAN_PIPELINE_SEGMENT_SECTIONS_H_
#define VNPLAN_PIPELINE_SEGMENT_SECTIONS_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/line_index.h"
#include "pipeline/segment/numbering.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {

inline constexpr size_t kMaxSectionDepth = 8;

// Parts found in lines [begin_line, end_line) of `index`, which indexes
// `text`. Problems are appended to `warnings`.
std::vector<Section> BuildSections(std::string_view text, const LineIndex& index, size_t begin_line,
                                   size_t end_line, const SegmentModel& model,
                                   const MarkReader& reader, std::vector<std::string>* warnings);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_SECTIONS_H_
