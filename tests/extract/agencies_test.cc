#include "extractors/agencies.h"

#include <gtest/gtest.h>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

std::vector<std::string> Ids(const std::string& text) {
  static const Gazetteer gazetteer =
      Gazetteer::Load(std::string(VNPLAN_MODELS_DIR) + "/extract/agencies.tsv");
  std::vector<std::string> ids;
  for (const AgencyMention& m : gazetteer.Find(text)) ids.push_back(m.id);
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
