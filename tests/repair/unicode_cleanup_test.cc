#include "pipeline/repair/unicode_cleanup.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/repair/vietnamese_syllable.h"

namespace vnplan {
namespace {

const std::string kEncodings = std::string(VNPLAN_MODELS_DIR) + "/repair/encodings";

class UnicodeCleanupTest : public ::testing::Test {
 protected:
  std::string Clean(std::string_view in, TonePlacement tone = TonePlacement::kTraditional) {
    UnicodeCleanup cleanup(kEncodings, syllables_, tone);
    return cleanup.Run(in).text;
  }

  VietnameseSyllables syllables_{kEncodings};
};

TEST_F(UnicodeCleanupTest, CorrectTextIsUntouched) {
  const std::string text =
      "ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH\n"
      "Số: 15/KH-UBND\tHòa Bình, ngày 14 tháng 3 năm 2023\n"
      "\n"
      "Thực hiện Quyết định số 23/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ;\r\n"
      "“Nâng cao chất lượng” – đạt 65% vào năm 2025… Hello, world; Москва; Ωμέγα.\n";
  UnicodeCleanup cleanup(kEncodings, syllables_, TonePlacement::kTraditional);
  Rewrite r = cleanup.Run(text);
  EXPECT_EQ(r.text, text);
  EXPECT_TRUE(r.edits.empty());
}

TEST_F(UnicodeCleanupTest, ComposesDecomposedLetters) {
  // NFD as macOS writes it: base letter, then the vowel mark, then the tone.
  EXPECT_EQ(Clean("Vie\u0302\u0323t Nam"), "Việt Nam");
  EXPECT_EQ(Clean("ho\u0301 kha\u0306n"), "hó khăn");
}

TEST_F(UnicodeCleanupTest, ComposesMarksInAnyOrder) {
  // Tone before the breve or horn is not canonical order, and NFC alone
  // leaves such pairs apart; the syllable is rebuilt from its letters.
  EXPECT_EQ(Clean("kha\u0301\u0306c"), "khắc");
  EXPECT_EQ(Clean("mo\u0300\u031Bi"), "mời");
  EXPECT_EQ(Clean("\u01B0\u0300a"), "ừa");  // Precomposed ư plus a tone.
  EXPECT_EQ(Clean("\u00E2\u0323y"), "ậy");  // Precomposed â plus a tone.
  EXPECT_EQ(Clean("Đ\u01A1\u0323i"), "Đợi");
}

TEST_F(UnicodeCleanupTest, PlacesToneTraditionally) {
  EXPECT_EQ(Clean("hoà bình, thuỷ lợi, khoẻ mạnh"), "hòa bình, thủy lợi, khỏe mạnh");
  EXPECT_EQ(Clean("HOÀ BÌNH"), "HÒA BÌNH");
  // Placements that do not depend on the style are never moved.
  EXPECT_EQ(Clean("hoàn thành, quyết, khuya, người, thuở, giữa, quý"),
            "hoàn thành, quyết, khuya, người, thuở, giữa, quý");
}

TEST_F(UnicodeCleanupTest, PlacesToneModern) {
  EXPECT_EQ(Clean("hòa bình, thủy lợi, khỏe mạnh", TonePlacement::kModern),
            "hoà bình, thuỷ lợi, khoẻ mạnh");
  EXPECT_EQ(Clean("hoàn thành, của, mùa", TonePlacement::kModern), "hoàn thành, của, mùa");
}

TEST_F(UnicodeCleanupTest, MovesMisplacedTone) {
  EXPECT_EQ(Clean("qúy, gìa, ngòai, tìên"), "quý, già, ngoài, tiền");
}

TEST_F(UnicodeCleanupTest, ReplacesHomoglyphsInLatinWords) {
  // Cyrillic о and с, Greek Ο inside otherwise Latin words.
  EXPECT_EQ(Clean("C\u043E\u0302ng v\u0103n s\u1ED1 12"), "Công văn số 12");
  EXPECT_EQ(Clean("\u0441\u00F4ng"), "công");
  EXPECT_EQ(Clean("\u039FCR"), "OCR");
  // A word wholly in Cyrillic or Greek is not Latin text in disguise.
  EXPECT_EQ(Clean("Москва и Ωμέγα"), "Москва и Ωμέγα");
}

TEST_F(UnicodeCleanupTest, RemovesInvisiblesAndOddSpaces) {
  EXPECT_EQ(Clean("\uFEFFKế\u00A0hoạch\u200B số\u2002 15"), "Kế hoạch số  15");
  EXPECT_EQ(Clean("phát\u00ADtriển"), "pháttriển");
  EXPECT_EQ(Clean("Vi\u200Bệt"), "Việt");
}

TEST_F(UnicodeCleanupTest, KeepsLineBreaksAndTabs) {
  const std::string in = "a\u00A0b\r\n\tc\u3000d\n\n\u2028e\n";
  std::string out = Clean(in);
  EXPECT_EQ(out, "a b\r\n\tc d\n\n\u2028e\n");
}

TEST_F(UnicodeCleanupTest, NormalisesNonLetters) {
  EXPECT_EQ(Clean("10 \u212B"), "10 \u00C5");  // ANGSTROM SIGN is Å in NFC.
}

TEST_F(UnicodeCleanupTest, LogsEditsWithOffsets) {
  std::string in = "Số\u00A0là nha\u0300";
  UnicodeCleanup cleanup(kEncodings, syllables_, TonePlacement::kTraditional);
  Rewrite r = cleanup.Run(in);
  EXPECT_EQ(r.text, "Số là nhà");
  ASSERT_EQ(r.edits.size(), 2u);
  EXPECT_EQ(r.edits[0].before(in), "\u00A0");
  EXPECT_EQ(r.edits[0].kind, "normalization");
  EXPECT_EQ(r.edits[1].original_begin, in.find("nha"));
  EXPECT_EQ(r.edits[1].after(r.text), "nhà");
  EXPECT_DOUBLE_EQ(r.edits[1].confidence, 1);
}

}  // namespace
}  // namespace vnplan
