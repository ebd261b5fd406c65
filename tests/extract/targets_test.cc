#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

const char kPlan[] =
    "KẾ HOẠCH\n"
    "Thử nghiệm năm 2024\n"
    "\n"
    "I. MỤC TIÊU\n"
    "- Chỉ tiêu 1: Tỷ lệ hộ được hỗ trợ đạt 65% vào năm 2025 và 75,5% vào năm 2030.\n"
    "- Chỉ tiêu 2: Số câu lạc bộ tại cộng đồng đạt 120 câu lạc bộ\n"
    "vào năm 2026.\n"
    "- Chỉ tiêu 3: Thời gian chờ giảm còn 1,5 lần so với năm trước vào năm 2025.\n"
    "II. NHIỆM VỤ\n"
    "1. Sở Y tế chủ trì thực hiện chỉ tiêu 2.\n";

TEST(Targets, ValuesWithUnitsAndYears) {
  Document doc = Extracted(kPlan);
  ASSERT_EQ(doc.targets.size(), 3u);
  const Target& first = doc.targets[0];
  EXPECT_EQ(first.number, "1");
  EXPECT_EQ(first.text.value, "Tỷ lệ hộ được hỗ trợ đạt 65% vào năm 2025 và 75,5% vào năm 2030.");
  ASSERT_EQ(first.values.size(), 2u);
  EXPECT_EQ(first.values[0].value, 65);
  EXPECT_EQ(first.values[0].unit, "%");
  EXPECT_EQ(first.values[0].year, 2025);
  EXPECT_DOUBLE_EQ(first.values[1].value, 75.5);
  EXPECT_EQ(first.values[1].year, 2030);

  const Target& count = doc.targets[1];
  ASSERT_EQ(count.values.size(), 1u);
  EXPECT_EQ(count.values[0].value, 120);
  EXPECT_EQ(count.values[0].unit, "câu lạc bộ");
  EXPECT_EQ(count.values[0].year, 2026);
  EXPECT_EQ(count.agency, "so-yte");  // The task taking target 2 on.

  const Target& ratio = doc.targets[2];
  ASSERT_EQ(ratio.values.size(), 1u);
  EXPECT_DOUBLE_EQ(ratio.values[0].value, 1.5);
  EXPECT_EQ(ratio.values[0].unit, "lần");
}

}  // namespace
}  // namespace vnplan
