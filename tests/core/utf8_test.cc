#include "pipeline/utf8.h"

#include <gtest/gtest.h>

namespace vnplan {
namespace {

TEST(Utf8, Validity) {
  EXPECT_TRUE(IsValidUtf8("Việt Nam 123"));
  EXPECT_TRUE(IsValidUtf8(""));
  EXPECT_EQ(FindInvalidUtf8("abcdefghij\xff"), 10u);
  EXPECT_EQ(FindInvalidUtf8("\xc0\xaf"), 0u);          // Overlong '/'.
  EXPECT_EQ(FindInvalidUtf8("a\xed\xa0\x80"), 1u);     // Surrogate.
  EXPECT_EQ(FindInvalidUtf8("ab\xe1\xbb"), 2u);        // Truncated.
  EXPECT_EQ(FindInvalidUtf8("\xf4\x90\x80\x80"), 0u);  // Above U+10FFFF.
}

TEST(Utf8, DecodeEncodeRoundTrip) {
  std::string s = "Đ ệ 𝄞 a";
  std::string out;
  size_t pos = 0;
  while (pos < s.size()) AppendUtf8(NextCodePoint(s, &pos), &out);
  EXPECT_EQ(out, s);
  pos = 0;
  EXPECT_EQ(NextCodePoint("\xff", &pos), 0xFFFDu);
  EXPECT_EQ(pos, 1u);
}

TEST(Utf8, Base64) {
  EXPECT_EQ(Base64(""), "");
  EXPECT_EQ(Base64("f"), "Zg==");
  EXPECT_EQ(Base64("fo"), "Zm8=");
  EXPECT_EQ(Base64("foo"), "Zm9v");
  EXPECT_EQ(Base64("\xd5\xb9"), "1bk=");
}

}  // namespace
}  // namespace vnplan
