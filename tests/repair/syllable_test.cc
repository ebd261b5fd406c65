#include "pipeline/repair/syllable.h"

#include <gtest/gtest.h>

namespace vnplan {
namespace {

TEST(SyllableTest, SkeletonDropsMarksAndFoldsCase) {
  EXPECT_EQ(ToUtf8(Skeleton(ToUtf32("Đường"))), "duong");
  EXPECT_EQ(ToUtf8(Skeleton(ToUtf32("QUỐC"))), "quoc");
  EXPECT_EQ(ToUtf8(Skeleton(ToUtf32("x&"))), "x&");
}

TEST(SyllableTest, VietnameseMarks) {
  EXPECT_TRUE(HasVietnameseMark(U'ệ'));
  EXPECT_TRUE(HasVietnameseMark(U'Đ'));
  EXPECT_FALSE(HasVietnameseMark(U'e'));
  EXPECT_FALSE(HasVietnameseMark(U'ç'));
  EXPECT_EQ(BaseLetter(U'Ữ'), U'u');
  EXPECT_EQ(BaseLetter(U'6'), 0u);
}

TEST(SyllableTest, CaseShapes) {
  EXPECT_EQ(ShapeOf(U"hoạch"), CaseShape::kLower);
  EXPECT_EQ(ShapeOf(U"Hoạch"), CaseShape::kTitle);
  EXPECT_EQ(ShapeOf(U"HOẠCH"), CaseShape::kUpper);
  EXPECT_EQ(ShapeOf(U"TTg"), CaseShape::kMixed);
  EXPECT_EQ(ApplyShape(U"kế", CaseShape::kUpper, U"KE"), U"KẾ");
  EXPECT_EQ(ApplyShape(U"địa", CaseShape::kTitle, U"Dia"), U"Địa");
  EXPECT_EQ(ApplyShape(U"ttg", CaseShape::kMixed, U"TTg"), U"TTg");
}

TEST(SyllableTest, Utf8RoundTrip) {
  std::string s = "Kế hoạch số 15/KH-UBND";
  EXPECT_EQ(ToUtf8(ToUtf32(s)), s);
  EXPECT_EQ(ToUtf32(s).size(), 22u);
}

}  // namespace
}  // namespace vnplan
