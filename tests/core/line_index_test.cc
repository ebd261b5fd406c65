#include "pipeline/line_index.h"

#include <gtest/gtest.h>

namespace vnplan {
namespace {

TEST(LineIndex, MapsOffsetsToPageAndLine) {
  std::string text = "ab\ncd\n\nef";
  std::vector<LineOrigin> origins = {{1, 1}, {1, 2}, {2, 1}, {2, 2}};
  LineIndex index(text, origins);
  EXPECT_EQ(index.line_count(), 4u);
  EXPECT_EQ(index.Line(1), "cd");
  EXPECT_EQ(index.Line(2), "");
  EXPECT_EQ(index.Line(3), "ef");
  SourceSpan span = index.Span(7, 9);
  EXPECT_EQ(span.page, 2);
  EXPECT_EQ(span.line, 2);
  EXPECT_EQ(span.begin, 7u);
  EXPECT_EQ(span.end, 9u);
  // Out-of-range offsets are clamped, never read past the text.
  span = index.Span(5, 100);
  EXPECT_EQ(span.end, text.size());
  EXPECT_EQ(index.LineOf(5), 1u);
}

}  // namespace
}  // namespace vnplan
