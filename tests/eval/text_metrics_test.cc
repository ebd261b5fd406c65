#include "pipeline/eval/text_metrics.h"

#include <gtest/gtest.h>

namespace vnplan {
namespace {

TEST(TextMetrics, PerfectMatchIgnoresLineBreaks) {
  TextScore s = ScoreText("Thực hiện công tác\ntrẻ em", "Thực hiện\ncông tác trẻ   em\n");
  EXPECT_EQ(s.char_errors, 0u);
  EXPECT_EQ(s.word_errors, 0u);
  EXPECT_DOUBLE_EQ(s.syllable_accuracy(), 1.0);
}

TEST(TextMetrics, DiacriticErrorsShowApartFromLetterErrors) {
  TextScore s = ScoreText("Thực hiện công tác", "Thuc hien cong tac");
  EXPECT_EQ(s.chars, 18u);
  EXPECT_EQ(s.char_errors, 4u);  // ự ệ ô á.
  EXPECT_EQ(s.blind_char_errors, 0u);
  EXPECT_EQ(s.word_errors, 4u);
  EXPECT_EQ(s.syllables, 4u);
  EXPECT_EQ(s.syllables_right, 0u);
}

TEST(TextMetrics, DecomposedInputCountsAsItsNfc) {
  // "ệ" as e + combining circumflex + combining dot below.
  TextScore s = ScoreText("hiện", "hie\u0302\u0323n");
  EXPECT_EQ(s.char_errors, 0u);
}

TEST(TextMetrics, SyllableAlignmentSurvivesInsertions) {
  TextScore s = ScoreText("Sở Y tế tỉnh", "Sở , Y tê tỉnh thêm");
  EXPECT_EQ(s.syllables, 4u);
  EXPECT_EQ(s.syllables_right, 3u);
}

TEST(TextMetrics, StripDiacritics) {
  EXPECT_EQ(StripDiacritics("Đường Thủy Hòa"), "Duong Thuy Hoa");
  EXPECT_EQ(Syllables("23/QĐ-TTg ngày 07/01"),
            (std::vector<std::string>{"23", "QĐ", "TTg", "ngày", "07", "01"}));
}

TEST(TextMetrics, PoolsErrorsAcrossPairs) {
  TextScore total = ScoreText("ab", "ab");
  total += ScoreText("cd", "ce");
  EXPECT_EQ(total.chars, 4u);
  EXPECT_EQ(total.char_errors, 1u);
  EXPECT_DOUBLE_EQ(total.cer(), 0.25);
}

}  // namespace
}  // namespace vnplan
