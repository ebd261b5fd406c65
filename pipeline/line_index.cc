#include "pipeline/line_index.h"

#include <algorithm>

namespace vnplan {

LineIndex::LineIndex(std::string_view text, const std::vector<LineOrigin>& origins)
    : text_(text), origins_(origins) {
  starts_.push_back(0);
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

size_t LineIndex::LineOf(size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<size_t>(it - starts_.begin()) - 1;
}

size_t LineIndex::LineEnd(size_t line) const {
  return line + 1 < starts_.size() ? starts_[line + 1] - 1 : text_.size();
}

std::string_view LineIndex::Line(size_t line) const {
  return text_.substr(starts_[line], LineEnd(line) - starts_[line]);
}

SourceSpan LineIndex::Span(size_t begin, size_t end) const {
  SourceSpan span;
  span.begin = std::min(begin, text_.size());
  span.end = std::clamp(end, span.begin, text_.size());
  size_t line = LineOf(span.begin);
  if (line < origins_.size()) {
    span.page = origins_[line].page;
    span.line = origins_[line].line;
  }
  return span;
}

}  // namespace vnplan
