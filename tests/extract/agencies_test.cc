#include "extractors/agencies.h"

#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

const Gazetteer& Shipped() {
  static const Gazetteer gazetteer =
      Gazetteer::Load(std::string(VNPLAN_MODELS_DIR) + "/extract/agencies.tsv");
  return gazetteer;
}

std::vector<std::string> Ids(const std::string& text, std::string_view level = "") {
  std::vector<std::string> ids;
  for (const AgencyMention& m : Shipped().Find(text, level)) ids.push_back(m.id);
  return ids;
}

using V = std::vector<std::string>;

TEST(Agencies, AliasesAbbreviationsAndMissingMarks) {
  EXPECT_EQ(Ids("Sở LĐTB&XH"), V{"so-ldtbxh"});
  EXPECT_EQ(Ids("So Lao dong - Thuong binh va Xa hoi"), V{"so-ldtbxh"});
  EXPECT_EQ(Ids("Phòng GD&ĐT và UBND các xã, thị trấn"), (V{"phong-gddt", "ubnd-cap-xa"}));
  EXPECT_EQ(Ids("Ủy ban nhân dân các xã"), V{"ubnd-cap-xa"});
}

TEST(Agencies, GenericPatternsResolveWithoutAListing) {
  EXPECT_EQ(Ids("Phòng Nghiệp vụ Y chủ trì"), V{"phong-nghiep-vu-y"});
  EXPECT_EQ(Ids("UBND huyện Hớn Quản"), V{"ubnd-huyen-hon-quan"});
  EXPECT_EQ(Ids("Công an tỉnh phối hợp"), V{"ca-tinh"});
  EXPECT_EQ(Ids("Bệnh viện Đa khoa Nghệ An hỗ trợ"), V{"benh-vien-da-khoa-nghe-an"});
}

TEST(Agencies, GroupsAndLookAlikesAreNoAgencies) {
  EXPECT_EQ(Ids("các sở, ban, ngành"), V{});
  EXPECT_EQ(Ids("Báo cáo kết quả"), V{});
  EXPECT_EQ(Ids("thành phố Bảo Lộc"), V{});
}

TEST(Agencies, ABodyNamedWithoutItsLevelIsThatOfThePlan) {
  const std::string text =
      "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam, Hội Liên hiệp Phụ nữ phối hợp";
  EXPECT_EQ(Ids(text, Shipped().LevelOf("UBND TỈNH QUẢNG TRỊ")), (V{"ubmttq-tinh", "hlhpn-tinh"}));
  EXPECT_EQ(Ids(text, Shipped().LevelOf("ỦY BAN NHÂN DÂN HUYỆN AN LẠC")),
            (V{"ubmttq-huyen", "hlhpn-huyen"}));
  // OCR lost the "UBND" over the place: its first word still tells.
  EXPECT_EQ(Shipped().LevelOf("TỈNH QUẢNG NINH"), "province");
  EXPECT_EQ(Shipped().LevelOf("SỞ Y TẾ"), "province");
  // A named level wins; with no level known the bare name names no body.
  EXPECT_EQ(Ids("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", "province"), V{"ubmttq-huyen"});
  EXPECT_EQ(Ids(text), V{});
}

TEST(Agencies, PlacelessMentionJoinsTheNamedBody) {
  Document doc = Extracted(
      "I. NHIỆM VỤ\n1. UBND xã Hòa Tiến chủ trì, báo cáo UBND huyện.\n2. UBND xã tổng hợp.\n");
  ASSERT_EQ(doc.agencies.size(), 2u);
  EXPECT_EQ(doc.agencies[0].id, "ubnd-xa-hoa-tien");
  EXPECT_EQ(doc.agencies[0].mentions.size(), 2u);
  EXPECT_EQ(doc.agencies[0].level, "commune");
  EXPECT_EQ(doc.agencies[1].id, "ubnd-huyen");
}

}  // namespace
}  // namespace vnplan
