#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

const char kPlan[] =
    "ỦY BAN NHÂN DÂN HUYỆN AN LẠC\n"
    "\n"
    "KẾ HOẠCH\n"
    "Thử nghiệm năm 2024\n"
    "\n"
    "Căn cứ Quyết định số 77/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ;\n"
    "\n"
    "I. NHIỆM VỤ\n"
    "1. Rà soát danh sách hộ nghèo; hoàn thành trước ngày 31/3/2024.\n"
    "2. Giao Phòng Tư pháp chủ trì tuyên truyền Quyết định số 77/QĐ-TTg hằng năm.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "1. Phòng Lao động - Thương binh và Xã hội\n"
    "- Chủ trì, phối hợp với Phòng Tài chính - Kế hoạch và Công an huyện thực hiện\n"
    "các chỉ tiêu 1, 2; định kỳ 06 tháng (trước ngày 10/6) báo cáo UBND huyện.\n"
    "- Tổng hợp kết quả trong quý IV/2024.\n"
    "2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện\n"
    "Phối hợp tuyên truyền, vận động Nhân dân tham gia.\n"
    "\n"
    "Trên đây là Kế hoạch thử nghiệm của UBND huyện.\n";

std::string Roles(const Task& t, const std::string& role) {
  std::string out;
  for (const AgencyRole& r : t.agencies) {
    if (r.role == role) out += r.agency + " ";
  }
  return out;
}

TEST(Tasks, LeafItemsOfTaskPartsWithRolesAndDeadlines) {
  Document doc = Extracted(kPlan);
  ASSERT_EQ(doc.tasks.size(), 5u);
  const Task& first = doc.tasks[0];
  EXPECT_EQ(first.text.value, "Rà soát danh sách hộ nghèo; hoàn thành trước ngày 31/3/2024.");
  EXPECT_EQ(first.text.span.line, 9);
  ASSERT_EQ(first.deadlines.size(), 1u);
  EXPECT_EQ(first.deadlines[0].date, "2024-03-31");
  EXPECT_EQ(Roles(first, "lead"), "");

  const Task& assigned = doc.tasks[1];
  EXPECT_EQ(Roles(assigned, "lead"), "phong-tp ");
  ASSERT_EQ(assigned.deadlines.size(), 1u);
  EXPECT_EQ(assigned.deadlines[0].recurrence, "yearly");
  EXPECT_EQ(assigned.references, std::vector<std::string>{"quyet-dinh-77-2021-qd-ttg"});
}

TEST(Tasks, SubsectionAgencyOwnsItsItems) {
  Document doc = Extracted(kPlan);
  ASSERT_EQ(doc.tasks.size(), 5u);
  const Task& wrapped = doc.tasks[2];
  EXPECT_EQ(Roles(wrapped, "lead"), "phong-ldtbxh ");
  EXPECT_EQ(Roles(wrapped, "cooperate"), "phong-tckh ca-huyen ");
  EXPECT_EQ(wrapped.indicators, (std::vector<std::string>{"1", "2"}));
  ASSERT_EQ(wrapped.deadlines.size(), 2u);
  EXPECT_EQ(wrapped.deadlines[0].recurrence, "every-6-months");
  EXPECT_EQ(wrapped.deadlines[1].text, "trước ngày 10/6");
  EXPECT_EQ(wrapped.deadlines[1].date, "");  // No year: no date.

  const Task& period = doc.tasks[3];
  ASSERT_EQ(period.deadlines.size(), 1u);
  EXPECT_EQ(period.deadlines[0].text, "trong quý IV/2024");
  EXPECT_EQ(period.deadlines[0].date, "");

  const Task& front = doc.tasks[4];
  EXPECT_EQ(front.text.value, "Phối hợp tuyên truyền, vận động Nhân dân tham gia.");
  EXPECT_EQ(Roles(front, "lead"), "ubmttq-huyen ");
}

TEST(Tasks, AnItemThatSaysWhoThenWhatIsOneTaskAcrossLinesAndPageBreaks) {
  Document doc = Extracted(
      "KẾ HOẠCH\nThử\n\nI. TỔ CHỨC THỰC HIỆN\n"
      "1. Phòng Tư pháp: chủ trì tuyên truyền, phổ biến nội dung của\n"
      "Kế hoạch; hướng dẫn hòa giải ở cơ sở trong quá\n\n\n"
      "trình triển khai.\n"
      "2. Công an huyện: phối hợp kiểm tra.\n");
  ASSERT_EQ(doc.tasks.size(), 2u);
  EXPECT_EQ(doc.tasks[0].text.value,
            "Phòng Tư pháp: chủ trì tuyên truyền, phổ biến nội dung của Kế hoạch; hướng dẫn hòa "
            "giải ở cơ sở trong quá trình triển khai.");
  EXPECT_EQ(Roles(doc.tasks[0], "lead"), "phong-tp ");
}

TEST(Tasks, TaskPartsUnderADivisionAndTheirAgencies) {
  Document doc = Extracted(
      "KẾ HOẠCH\nThử\n\nPHẦN I\nMỤC ĐÍCH\nNâng cao nhận thức.\nPHẦN II\nTỔ CHỨC THỰC HIỆN\n"
      "1. Phòng Tư pháp\n- Tuyên truyền pháp luật hằng năm.\n");
  ASSERT_EQ(doc.tasks.size(), 1u);
  EXPECT_EQ(doc.tasks[0].text.value, "Tuyên truyền pháp luật hằng năm.");
  EXPECT_EQ(Roles(doc.tasks[0], "lead"), "phong-tp ");
}

TEST(Tasks, TextWithoutPartsOrAgenciesGivesNoTasksAndWarns) {
  Document doc = Extracted("Một đoạn văn bình thường, không phải kế hoạch.\nDòng thứ hai.\n");
  EXPECT_TRUE(doc.tasks.empty());
  EXPECT_FALSE(doc.diagnostics.empty());
}

}  // namespace
}  // namespace vnplan
