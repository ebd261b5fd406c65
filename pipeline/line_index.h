// LineIndex turns byte offsets into Document::text into SourceSpans that name
// the page and page line, using Document::lines. Build one per document after
// repair; lookups are O(log lines).
#ifndef VNPLAN_PIPELINE_LINE_INDEX_H_
#define VNPLAN_PIPELINE_LINE_INDEX_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnplan {

class LineIndex {
 public:
  // `text` must outlive the index. `origins` may be shorter than the number
  // of lines (then lines past its end report page 0).
  LineIndex(std::string_view text, const std::vector<LineOrigin>& origins);
  explicit LineIndex(const Document& doc) : LineIndex(doc.text, doc.lines) {}

  SourceSpan Span(size_t begin, size_t end) const;

  size_t line_count() const { return starts_.size(); }
  // 0-based line number holding byte `offset`.
  size_t LineOf(size_t offset) const;
  size_t LineStart(size_t line) const { return starts_[line]; }
  // End of the line's text, excluding its '\n'.
  size_t LineEnd(size_t line) const;
  std::string_view Line(size_t line) const;

 private:
  std::string_view text_;
  const std::vector<LineOrigin>& origins_;
  std::vector<size_t> starts_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_LINE_INDEX_H_
