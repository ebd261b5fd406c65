#include "extractors/cues.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <filesystem>
#include <fstream>

#include "pipeline/error.h"

namespace vnplan {
namespace {

std::string CueFile(const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / "vnplan_cues_test.tsv";
  std::ofstream(path) << content;
  return path.string();
}

TEST(Cues, MatchWholeFoldedWordsAcrossLineBreaks) {
  Cues cues =
      Cues::Load(CueFile("lead\tchủ trì\tbefore\ndeadline\tđịnh kỳ {n} tháng\tevery-{n}\n"));
  auto lead = cues.FindAll("lead", "so y te chu\ntri, phoi hop");
  ASSERT_EQ(lead.size(), 1u);
  EXPECT_EQ(lead[0].value, "before");
  EXPECT_TRUE(cues.FindAll("lead", "chu trinh").empty());
  auto every = cues.Opens("deadline", "  dinh ky 06 thang");
  ASSERT_TRUE(every);
  EXPECT_EQ(every->value, "every-6");
}

TEST(Cues, PatternJoinsThePhrasesOfAValue) {
  Cues cues = Cues::Load(CueFile("word\tngày\tday\nword\thôm\tday\nword\tnăm\tyear\n"));
  RE2 day("^" + cues.Pattern("word", "day") + "$");
  EXPECT_TRUE(RE2::FullMatch("ngay", day));
  EXPECT_TRUE(RE2::FullMatch("hom", day));
  EXPECT_FALSE(RE2::FullMatch("nam", day));
  EXPECT_EQ(day.NumberOfCapturingGroups(), 0);
  try {
    cues.Pattern("word", "month");
    FAIL() << "no month word, yet a pattern";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("vnplan_cues_test.tsv"), std::string::npos) << e.what();
  }
}

TEST(Cues, PatternRefusesANumberPlaceholder) {
  Cues cues = Cues::Load(CueFile("word\tsố {n}\tnumber\n"));
  EXPECT_THROW(cues.Pattern("word", "number"), Error);
}

}  // namespace
}  // namespace vnplan
