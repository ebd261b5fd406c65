#include "extractors/paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vnplan {
namespace {

std::vector<std::string> Split(const std::string& text) {
  LineIndex index(text, {});
  std::vector<std::string> out;
  for (const ByteRange& r : Paragraphs(index, 0, text.size())) {
    out.push_back(text.substr(r.begin, r.end - r.begin));
  }
  return out;
}

TEST(Paragraphs, HardWrappedLinesJoinUntilAClauseEndsOrAMarkOpens) {
  EXPECT_EQ(Split("a) Tổ chức tập huấn cho\ncán bộ cấp xã;\nb) Kiểm tra\n- Báo cáo.\n"),
            (std::vector<std::string>{"a) Tổ chức tập huấn cho\ncán bộ cấp xã;", "b) Kiểm tra",
                                      "- Báo cáo."}));
}

TEST(Paragraphs, BlankLinesInsideASentenceDoNotEndIt) {
  // A page break between "trong quá" and "trình": the sentence goes on in
  // small letters; a capital after a blank line opens a new paragraph.
  EXPECT_EQ(
      Split("5. Sở Tư pháp: phổ biến pháp luật trong quá\n\n\n\ntrình tố tụng.\n\n"
            "Hằng năm báo cáo\n\nKết quả thực hiện.\n"),
      (std::vector<std::string>{"5. Sở Tư pháp: phổ biến pháp luật trong quá\n\n\n\ntrình tố tụng.",
                                "Hằng năm báo cáo", "Kết quả thực hiện."}));
}

TEST(Paragraphs, EmptyRange) {
  LineIndex index("", {});
  EXPECT_TRUE(Paragraphs(index, 0, 0).empty());
}

}  // namespace
}  // namespace vnplan
