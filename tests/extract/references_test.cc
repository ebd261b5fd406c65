#include <gtest/gtest.h>

#include <algorithm>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

const Reference* Find(const Document& doc, const std::string& id) {
  for (const Reference& r : doc.references) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

std::string Ids(const Document& doc) {
  std::string out;
  for (const Reference& r : doc.references) out += r.id + " ";
  return out;
}

const char kPlan[] =
    "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "HUYỆN AN LẠC                             Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    "Số: 41/KH-UBND                    An Lạc, ngày 02 tháng 3 năm 2024\n"
    "\n"
    "KẾ HOẠCH\n"
    "Thực hiện công tác thử nghiệm năm 2024\n"
    "\n"
    "Căn cứ Luật Thử nghiệm số 12/2019/QH14 ngày 20/11/2019;\n"
    "Căn cứ Quyết định số 77/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ về việc\n"
    "phê duyệt Đề án thử nghiệm giai đoạn 2021 - 2025;\n"
    "Thực hiện Chỉ thị số 28-CT/TW ngày 25/12/2023 của Ban Bí thư và Kế hoạch số\n"
    "105/KH-UBND ngày 15/02/2024 của UBND tỉnh,\n"
    "Ủy ban nhân dân huyện ban hành Kế hoạch như sau:\n"
    "\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Cụ thể hóa Chỉ thị số 28-CT/TW trên địa bàn huyện.\n"
    "II. NHIỆM VỤ\n"
    "1. Triển khai Quyet dinh so 77/QD-TTg ngay 07/01/2021 den cac xa.\n"
    "2. Thực hiện theo Công văn số 589/LĐTBXH-BVCSTE của Bộ Lao động - Thương binh và Xã hội.\n"
    "3. Thực hiện Kế hoạch số 38/KH-\nUBND ngày 04/01/2024 của UBND huyện.\n";

TEST(References, OneEntryPerDocumentWithConventionKeys) {
  Document doc = Extracted(kPlan);
  EXPECT_EQ(doc.references.size(), 6u) << Ids(doc);
  const Reference* law = Find(doc, "luat-12-2019-qh14");
  ASSERT_NE(law, nullptr) << Ids(doc);
  EXPECT_EQ(law->type, "Luật");
  EXPECT_EQ(law->symbol, "QH14");
  EXPECT_EQ(law->year, 2019);
  EXPECT_EQ(law->issuer, "Quốc hội khóa XIV");
  EXPECT_EQ(law->date, "2019-11-20");
  // The plan's own number is no citation.
  EXPECT_EQ(Find(doc, "ke-hoach-41-2024-kh-ubnd"), nullptr) << Ids(doc);
}

TEST(References, MentionsWithoutMarksOrYearJoinTheirDocument) {
  Document doc = Extracted(kPlan);
  const Reference* decision = Find(doc, "quyet-dinh-77-2021-qd-ttg");
  ASSERT_NE(decision, nullptr) << Ids(doc);
  EXPECT_EQ(decision->mentions.size(), 2u);
  EXPECT_EQ(decision->symbol, "QĐ-TTg");
  EXPECT_EQ(decision->issuer, "Thủ tướng Chính phủ");
  EXPECT_EQ(decision->subject, "phê duyệt Đề án thử nghiệm giai đoạn 2021 - 2025");
  const Reference* directive = Find(doc, "chi-thi-28-2023-ct-tw");
  ASSERT_NE(directive, nullptr) << Ids(doc);
  EXPECT_EQ(directive->mentions.size(), 2u);
  EXPECT_EQ(directive->issuer, "Ban Bí thư");  // Named in the text: beats the generic symbol.
}

TEST(References, CitationBrokenAcrossLines) {
  Document doc = Extracted(kPlan);
  const Reference* plan = Find(doc, "ke-hoach-105-2024-kh-ubnd");
  ASSERT_NE(plan, nullptr) << Ids(doc);
  const SourceSpan& s = plan->mentions.front();
  EXPECT_EQ(s.line, 12);
  EXPECT_EQ(doc.text.substr(s.begin, s.end - s.begin), "Kế hoạch số\n105/KH-UBND");
  EXPECT_EQ(plan->issuer, "Ủy ban nhân dân tỉnh");
}

TEST(References, SymbolBrokenAfterItsDash) {
  Document doc = Extracted(kPlan);
  const Reference* plan = Find(doc, "ke-hoach-38-2024-kh-ubnd");
  ASSERT_NE(plan, nullptr) << Ids(doc);
  EXPECT_EQ(plan->symbol, "KH-UBND");
}

TEST(References, UndatedLetterHasNoYearInItsKey) {
  Document doc = Extracted(kPlan);
  const Reference* letter = Find(doc, "cong-van-589-ldtbxh-bvcste");
  ASSERT_NE(letter, nullptr) << Ids(doc);
  EXPECT_EQ(letter->year, 0);
  EXPECT_FALSE(letter->legal_basis);
}

TEST(References, PreambleCitationsAreTheLegalBasis) {
  Document doc = Extracted(kPlan);
  std::vector<std::string> expected = {"luat-12-2019-qh14", "quyet-dinh-77-2021-qd-ttg",
                                       "chi-thi-28-2023-ct-tw", "ke-hoach-105-2024-kh-ubnd"};
  EXPECT_EQ(doc.header.legal_basis, expected);
}

TEST(References, SpansPointAtTheCitation) {
  Document doc = Extracted(kPlan);
  const Reference* law = Find(doc, "luat-12-2019-qh14");
  ASSERT_NE(law, nullptr);
  const SourceSpan& s = law->mentions.front();
  EXPECT_EQ(doc.text.substr(s.begin, s.end - s.begin), "Luật Thử nghiệm số 12/2019/QH14");
  EXPECT_EQ(s.line, 9);
}

}  // namespace
}  // namespace vnplan
