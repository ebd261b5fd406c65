// The fixed zones of an official document (decree 30/2020/NĐ-CP): header,
// body, signature block and the "Nơi nhận" recipients list, found from cue
// words in SegmentModel rather than from line positions, since OCR and
// retyping move lines around.
//
// Two-column lines ("ỦY BAN NHÂN DÂN      CỘNG HÒA XÃ HỘI...", "Nơi nhận:
// KT. CHỦ TỊCH") are read as cells: runs of text separated by a tab or three
// or more spaces. In the closing zone a cell that starts far from the left
// margin, or is not the first cell of a recipients line, belongs to the
// signature block; so the signature and recipients spans may overlap, and
// SignatureCells / RecipientCells say which text is whose.
#ifndef VNPLAN_PIPELINE_SEGMENT_LAYOUT_H_
#define VNPLAN_PIPELINE_SEGMENT_LAYOUT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/line_index.h"
#include "pipeline/segment/numbering.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {

// A cell: byte range [begin, end) of the text, trimmed of blanks.
struct Cell {
  size_t begin = 0;
  size_t end = 0;
};

// Cells of line `line` of `index`.
std::vector<Cell> SplitCells(const LineIndex& index, size_t line);

// Cells of a line of the closing zone: SplitCells, and where OCR lost the
// column gap ("- Bộ Y tế; (báo cáo) PHÓ CHỦ TỊCH"), the signature text at
// the end of a cell (an authority line, a title in capitals after the
// entry's closing punctuation, a name after it) split off as its own cell.
std::vector<Cell> ClosingCells(const LineIndex& index, size_t line, const SegmentModel& model);

// True when `s` has at least two letters and none of them is lowercase.
bool IsUpperText(std::string_view s);

// True when `s` reads as a person's name: two to six capitalised words of
// letters only ("Lê Hữu Tường").
bool LooksLikeName(std::string_view s);

struct Zones {
  Layout layout;
  // Lines [body_begin, body_end) of the index hold the preamble and the
  // numbered parts: after the header, before the signature or recipients.
  size_t body_begin = 0, body_end = 0;
  std::vector<std::string> warnings;
};

// `index` must index `text`.
Zones FindZones(std::string_view text, const LineIndex& index, const SegmentModel& model,
                const MarkReader& reader);

// Cells of the signature block and of the recipients list, in reading order,
// from a Layout that FindZones made.
std::vector<Cell> SignatureCells(const LineIndex& index, const Layout& layout,
                                 const SegmentModel& model);
std::vector<Cell> RecipientCells(const LineIndex& index, const Layout& layout,
                                 const SegmentModel& model);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_LAYOUT_H_
