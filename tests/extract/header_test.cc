#include "extractors/header.h"

#include <gtest/gtest.h>

#include "pipeline/load.h"
#include "pipeline/segment/segment_stage.h"
#include "tests/extract/extract_test_util.h"
#include "tests/segment/golden_cases.h"

namespace vnplan {
namespace {

std::string SpanText(const Document& doc, const SourceSpan& span) {
  return doc.text.substr(span.begin, span.end - span.begin);
}

TEST(Header, TwoColumnHeaderWithWrappedIssuer) {
  Document doc = Segmented(
      "ỦY BAN NHÂN DÂN                    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "TỈNH AN PHÚ                          Độc lập - Tự do - Hạnh phúc\n"
      "                                     ---------------\n"
      "Số: 112 /KH - UBND                 An Phú, ngày 05 tháng 4 năm 2023\n"
      "\n"
      "KẾ HOẠCH\n"
      "Chuyển đổi số tỉnh An Phú\n"
      "năm 2023\n"
      "\n"
      "Căn cứ Luật Tổ chức chính quyền địa phương;\n"
      "I. MỤC ĐÍCH\n");
  std::vector<std::string> warnings;
  Header h = ExtractHeader(doc, TestSegmentModel(), &warnings);
  ASSERT_EQ(h.issuers.size(), 1u);
  EXPECT_EQ(h.issuers[0].name.value, "ỦY BAN NHÂN DÂN TỈNH AN PHÚ");
  EXPECT_EQ(h.issuers[0].level, 0);
  EXPECT_EQ(h.number.value, "112");
  EXPECT_EQ(SpanText(doc, h.number.span), "112");
  EXPECT_EQ(h.symbol.value, "KH-UBND");
  EXPECT_EQ(SpanText(doc, h.symbol.span), "KH - UBND");
  EXPECT_EQ(h.place.value, "An Phú");
  EXPECT_EQ(h.date.value, "2023-04-05");
  EXPECT_EQ(SpanText(doc, h.date.span), "ngày 05 tháng 4 năm 2023");
  EXPECT_EQ(h.type.value, "Kế hoạch");
  EXPECT_EQ(h.title.value, "Chuyển đổi số tỉnh An Phú năm 2023");
  EXPECT_EQ(h.title.span.line, 7);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Header, StackedHierarchyAndMottoRunIntoAnIssuerLine) {
  Document doc = Segmented(
      "UBND HUYỆN KIẾN AN\n"
      "PHÒNG GIÁO DỤC VÀ\n"
      "ĐÀO TẠO CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
      "Doc lap - Tu do - Hanh phuc\n"
      "So: 24/KH-PGDĐT\n"
      "Kiến An, ngày 14/02/2023\n"
      "KE HOACH\n"
      "Phổ cập giáo dục năm 2023\n");
  std::vector<std::string> warnings;
  Header h = ExtractHeader(doc, TestSegmentModel(), &warnings);
  ASSERT_EQ(h.issuers.size(), 2u);
  EXPECT_EQ(h.issuers[0].name.value, "UBND HUYỆN KIẾN AN");
  EXPECT_EQ(h.issuers[1].name.value, "PHÒNG GIÁO DỤC VÀ ĐÀO TẠO");
  EXPECT_EQ(h.issuers[1].level, 1);
  EXPECT_EQ(h.number.value, "24");
  EXPECT_EQ(h.symbol.value, "KH-PGDĐT");
  EXPECT_EQ(h.date.value, "2023-02-14");
  EXPECT_EQ(h.place.value, "Kiến An");
  EXPECT_EQ(h.type.value, "Kế hoạch");
  EXPECT_EQ(h.title.value, "Phổ cập giáo dục năm 2023");
}

TEST(Header, NumberAndDateInOneCellAndATitleAfterABlankLine) {
  Document doc = Segmented(
      "TỈNH AN PHÚ Độc lập - Tự do - Hạnh phúc\n"
      "Số: 52/KH-UBND An Phú, ngày 08 tháng 3 năm 2021\n"
      "KẾ HOẠCH\n"
      "\n"
      "THỰC HIỆN CHƯƠNG TRÌNH VÌ TRẺ EM\n"
      "GIAI ĐOẠN 2021-2030\n"
      "\n"
      "Thực hiện Quyết định số 23/QĐ-TTg ngày 07/01/2021;\n");
  std::vector<std::string> warnings;
  Header h = ExtractHeader(doc, TestSegmentModel(), &warnings);
  ASSERT_EQ(h.issuers.size(), 1u);
  EXPECT_EQ(h.issuers[0].name.value, "TỈNH AN PHÚ");
  EXPECT_EQ(h.number.value, "52");
  EXPECT_EQ(h.symbol.value, "KH-UBND");
  EXPECT_EQ(h.place.value, "An Phú");
  EXPECT_EQ(h.date.value, "2021-03-08");
  EXPECT_EQ(h.title.value, "THỰC HIỆN CHƯƠNG TRÌNH VÌ TRẺ EM GIAI ĐOẠN 2021-2030");
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Header, MissingFieldsAreAbsentWithWarnings) {
  Document doc = Segmented("KẾ HOẠCH\nThực hiện công tác năm 2024\n\nThực hiện Kế hoạch số 1.\n");
  std::vector<std::string> warnings;
  Header h = ExtractHeader(doc, TestSegmentModel(), &warnings);
  EXPECT_TRUE(h.issuers.empty());
  EXPECT_FALSE(h.number.found());
  EXPECT_FALSE(h.date.found());
  EXPECT_EQ(h.title.value, "Thực hiện công tác năm 2024");
  EXPECT_EQ(warnings.size(), 5u);

  Document novel = Segmented("Trời mưa.\nCô bé đứng bên hiên.\n");
  warnings.clear();
  h = ExtractHeader(novel, TestSegmentModel(), &warnings);
  EXPECT_FALSE(h.type.found());
  // The segment stage reported the missing header; nothing is said twice.
  EXPECT_TRUE(warnings.empty());
  ASSERT_FALSE(novel.diagnostics.empty());
  EXPECT_NE(novel.diagnostics[0].message.find("no header"), std::string::npos);
}

// A field the expected facts give as null must be absent; one they leave
// out is not checked.
void ExpectField(const nlohmann::json& want, const char* key, const Field& got) {
  if (!want.contains(key)) return;
  SCOPED_TRACE(key);
  if (want[key].is_null()) {
    EXPECT_FALSE(got.found()) << got.value;
  } else {
    EXPECT_EQ(got.value, want[key].get<std::string>());
    EXPECT_FALSE(got.span.empty());
  }
}

void ExpectHeader(const GoldenCase& c) {
  SCOPED_TRACE(c.name);
  if (!c.expected.contains("header")) return;
  const nlohmann::json& want = c.expected["header"];
  std::vector<std::string> warnings;
  Header h = ExtractHeader(c.doc, TestSegmentModel(), &warnings);
  if (want.contains("issuers")) {
    std::vector<std::string> issuers;
    for (const Issuer& i : h.issuers) issuers.push_back(i.name.value);
    EXPECT_EQ(issuers, want["issuers"].get<std::vector<std::string>>());
  }
  const std::pair<const char*, const Field*> fields[] = {
      {"number", &h.number}, {"symbol", &h.symbol}, {"place", &h.place},
      {"date", &h.date},     {"type", &h.type},     {"title", &h.title}};
  for (const auto& [key, got] : fields) ExpectField(want, key, *got);
}

TEST(HeaderGolden, ProjectPlans) {
  for (const GoldenCase& c : GoldenCases(false)) ExpectHeader(c);
}

TEST(HeaderGolden, Seeds) {
  std::vector<GoldenCase> cases = GoldenCases(true);
  if (cases.empty()) GTEST_SKIP() << "../shared/seeds is absent: acceptance seeds not checked";
  for (const GoldenCase& c : cases) ExpectHeader(c);
}

}  // namespace
}  // namespace vnplan
