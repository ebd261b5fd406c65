#include "extractors/signature.h"

#include <gtest/gtest.h>

#include "pipeline/load.h"
#include "pipeline/segment/segment_stage.h"
#include "tests/extract/extract_test_util.h"
#include "tests/segment/golden_cases.h"

namespace vnplan {
namespace {

std::vector<std::string> Values(const std::vector<Field>& fields) {
  std::vector<std::string> out;
  for (const Field& f : fields) out.push_back(f.value);
  return out;
}

TEST(Signature, TwoColumnClosing) {
  Document doc = Segmented(
      "I. MỤC ĐÍCH\nLàm tốt.\n"
      "Nơi nhận:                                   KT. CHỦ TỊCH\n"
      "- Bộ Y tế (b/c);                            PHÓ CHỦ TỊCH\n"
      "- UBND các huyện, thị xã,\n"
      "  thành phố;\n"
      "- Lưu: VT, KGVX.\n"
      "                                              (Đã ký)\n"
      "\n"
      "                                            Lê Hữu Tường\n");
  std::vector<std::string> warnings;
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.authority.value, "KT. CHỦ TỊCH");
  EXPECT_EQ(sig.title.value, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(sig.name.value, "Lê Hữu Tường");
  EXPECT_EQ(doc.text.substr(sig.name.span.begin, sig.name.span.end - sig.name.span.begin),
            "Lê Hữu Tường");
  std::vector<Field> recipients = ExtractRecipients(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(Values(recipients),
            (std::vector<std::string>{"Bộ Y tế (b/c)", "UBND các huyện, thị xã, thành phố",
                                      "Lưu: VT, KGVX"}));
  EXPECT_EQ(recipients[1].span.line, 5);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Signature, StackedClosingWithWrappedAuthority) {
  Document doc = Segmented(
      "1. Nội dung\nLàm tốt.\n\n"
      "Noi nhan:\n\n- Sở Tài chính;\n- Luu: VT.\n\n"
      "TM. ỦY BAN NHÂN DÂN\nHUYỆN AN LÃO\nCHỦ TỊCH\n\nĐặng Quốc Vinh\n");
  std::vector<std::string> warnings;
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.authority.value, "TM. ỦY BAN NHÂN DÂN HUYỆN AN LÃO");
  EXPECT_EQ(sig.title.value, "CHỦ TỊCH");
  EXPECT_EQ(sig.name.value, "Đặng Quốc Vinh");
  EXPECT_EQ(ExtractRecipients(doc, TestSegmentModel(), &warnings).size(), 2u);
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Signature, ColumnsRunTogetherByOcr) {
  Document doc = Segmented(
      "1. Nội dung\nLàm tốt./.\n\n"
      "TM. ỦY BAN NHÂN DÂN\n"
      "Nơi nhận: KT, CHỦ TỊCH\n"
      "- Bộ Y tế; (báo cáo) PHÓ CHỦ TỊCH\n"
      "- CT, các PCT UBND tỉnh;\n"
      "- Các sở, ban, ngành; Hoàng Thị Mai\n"
      "- Lưu: VT, VX2.\n");
  std::vector<std::string> warnings;
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.authority.value, "KT, CHỦ TỊCH");
  EXPECT_EQ(sig.title.value, "PHÓ CHỦ TỊCH");
  EXPECT_EQ(sig.name.value, "Hoàng Thị Mai");
  EXPECT_EQ(Values(ExtractRecipients(doc, TestSegmentModel(), &warnings)),
            (std::vector<std::string>{"Bộ Y tế; (báo cáo)", "CT, các PCT UBND tỉnh",
                                      "Các sở, ban, ngành", "Lưu: VT, VX2"}));
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Signature, RecipientsUnderALabelOcrGarbled) {
  Document doc = Segmented(
      "1. Nội dung\nLàm tốt./.\n\nTM. ỦY BAN NHÂN DÂN\n"
      "Ng{ ’ihén(:fng       CHỦ TỊCH\n- Bộ Y tế;\n-Sở Tài chính;\n- Lưu: VT.\n\nLê Văn Tám\n");
  std::vector<std::string> warnings;
  EXPECT_EQ(Values(ExtractRecipients(doc, TestSegmentModel(), &warnings)),
            (std::vector<std::string>{"Bộ Y tế", "Sở Tài chính", "Lưu: VT"}));
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.authority.value, "TM. ỦY BAN NHÂN DÂN");
  EXPECT_EQ(sig.title.value, "CHỦ TỊCH");
  EXPECT_EQ(sig.name.value, "Lê Văn Tám");
  EXPECT_TRUE(warnings.empty()) << warnings.front();
}

TEST(Signature, NameInCapitalsBelowTheSpaceForTheSignature) {
  Document doc = Segmented(
      "1. Nội dung\nLàm tốt./.\n\nKT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\nPHỤ TRÁCH\n\n\nTRẦN VĂN BA\n");
  std::vector<std::string> warnings;
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.title.value, "PHÓ GIÁM ĐỐC PHỤ TRÁCH");
  EXPECT_EQ(sig.name.value, "TRẦN VĂN BA");

  doc = Segmented("1. Nội dung\nLàm tốt./.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n");
  sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.title.value, "CHỦ TỊCH");
  EXPECT_FALSE(sig.name.found());
}

TEST(Signature, RecipientsCutShortAreWarnedOf) {
  Document doc = Segmented("1. Nội dung\nLàm tốt./.\nNơi nhận:\n- Sở Y tế;\n- Sở Tài chính;\n");
  std::vector<std::string> warnings;
  EXPECT_EQ(ExtractRecipients(doc, TestSegmentModel(), &warnings).size(), 2u);
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("archive entry"), std::string::npos);
}

TEST(Signature, NameOnlyAndNothingAtAll) {
  Document doc = Segmented("1. Nội dung\nLàm tốt./.\n\n\nPhạm Thị Oanh\n");
  std::vector<std::string> warnings;
  Signature sig = ExtractSignature(doc, TestSegmentModel(), &warnings);
  EXPECT_EQ(sig.name.value, "Phạm Thị Oanh");
  EXPECT_FALSE(sig.authority.found());
  EXPECT_FALSE(sig.title.found());
  EXPECT_EQ(warnings.size(), 2u);

  Document prose = Segmented("Một đoạn văn không có chữ ký.\nvà kết thúc ở đây.\n");
  warnings.clear();
  sig = ExtractSignature(prose, TestSegmentModel(), &warnings);
  EXPECT_FALSE(sig.name.found());
  EXPECT_TRUE(ExtractRecipients(prose, TestSegmentModel(), &warnings).empty());
  // The segment stage reported the missing zones; nothing is said twice.
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(prose.diagnostics.size(), 4u);
}

void ExpectClosing(const GoldenCase& c) {
  SCOPED_TRACE(c.name);
  std::vector<std::string> warnings;
  if (c.expected.contains("signature")) {
    const nlohmann::json& want = c.expected["signature"];
    Signature sig = ExtractSignature(c.doc, TestSegmentModel(), &warnings);
    const std::pair<const char*, const Field*> fields[] = {
        {"authority", &sig.authority}, {"title", &sig.title}, {"name", &sig.name}};
    for (const auto& [key, got] : fields) {
      if (!want.contains(key)) continue;
      SCOPED_TRACE(key);
      if (want[key].is_null()) {
        EXPECT_FALSE(got->found()) << got->value;
      } else {
        EXPECT_EQ(got->value, want[key].get<std::string>());
      }
    }
  }
  if (c.expected.contains("recipients")) {
    EXPECT_EQ(ExtractRecipients(c.doc, TestSegmentModel(), &warnings).size(),
              c.expected["recipients"].get<size_t>());
  }
}

TEST(SignatureGolden, ProjectPlans) {
  for (const GoldenCase& c : GoldenCases(false)) ExpectClosing(c);
}

TEST(SignatureGolden, Seeds) {
  std::vector<GoldenCase> cases = GoldenCases(true);
  if (cases.empty()) GTEST_SKIP() << "../shared/seeds is absent: acceptance seeds not checked";
  for (const GoldenCase& c : cases) ExpectClosing(c);
}

}  // namespace
}  // namespace vnplan
