#include "pipeline/ocr/page_lines.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vnplan {
namespace {

OcrWord Word(const char* text, int x, int width, float confidence = 90) {
  return {text, Box{x, 100, width, 30}, confidence};
}

TEST(ColumnSplitTest, OrdinarySpacesKeepOneLine) {
  std::vector<OcrLine> lines =
      SplitAtColumnGaps({Word("Kế", 10, 40, 80), Word("hoạch", 60, 90, 100), Word("số", 170, 30)});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "Kế hoạch số");
  EXPECT_EQ(lines[0].box.x, 10);
  EXPECT_EQ(lines[0].box.width, 190);
  EXPECT_FLOAT_EQ(lines[0].confidence, 90);
}

TEST(ColumnSplitTest, AColumnGapSplitsTheLine) {
  // Issuing body and national motto on one baseline, 400 px apart.
  std::vector<OcrLine> lines = SplitAtColumnGaps(
      {Word("ỦY", 10, 40), Word("BAN", 60, 60), Word("CỘNG", 520, 80), Word("HÒA", 610, 60)});
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "ỦY BAN");
  EXPECT_EQ(lines[1].text, "CỘNG HÒA");
  EXPECT_EQ(lines[1].box.x, 520);
  EXPECT_EQ(lines[1].box.width, 150);
}

TEST(ColumnSplitTest, TheGapIsMeasuredAgainstTheTextHeight) {
  // 100 px is a column gap for 30 px text but a space for 60 px text.
  EXPECT_EQ(SplitAtColumnGaps({Word("a", 0, 20), Word("b", 120, 20)}).size(), 2u);
  OcrWord big_a{"A", Box{0, 0, 40, 60}, 90}, big_b{"B", Box{140, 0, 40, 60}, 90};
  EXPECT_EQ(SplitAtColumnGaps({big_a, big_b}).size(), 1u);
}

TEST(ColumnSplitTest, NoWordsNoLines) { EXPECT_TRUE(SplitAtColumnGaps({}).empty()); }

OcrLine Line(const char* text, int height) { return {text, Box{0, 0, 300, height}, 90}; }

TEST(DropNoiseLinesTest, KeepsTextDropsMarksAndSpecks) {
  std::vector<OcrLine> lines = {Line("Phối hợp với Phòng Giáo dục", 50),
                                Line("` ~", 9),  // Marks torn off the next line.
                                Line("z", 8),    // A mark read as a letter.
                                Line("và Xã hội", 47),
                                Line("-----", 20),
                                Line("2.000.000", 48),
                                Line("Chú thích: số liệu năm 2024", 38)};
  DropNoiseLines(lines);
  std::vector<std::string> texts;
  for (const OcrLine& line : lines) texts.push_back(line.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"Phối hợp với Phòng Giáo dục", "và Xã hội",
                                             "2.000.000", "Chú thích: số liệu năm 2024"}));
}

TEST(DropNoiseLinesTest, ASingleShortLineIsKept) {
  std::vector<OcrLine> lines = {Line("12", 20)};
  DropNoiseLines(lines);
  EXPECT_EQ(lines.size(), 1u);
}

}  // namespace
}  // namespace vnplan
