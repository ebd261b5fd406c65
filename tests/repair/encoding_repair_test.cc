// Detection: documents the tests write in one encoding or several, decoded
// without being told which.
#include "pipeline/repair/encoding_repair.h"

#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>

#include "pipeline/utf8.h"
#include "tests/repair/encode_util.h"

namespace vnplan {
namespace {

const std::string kEncodings = std::string(VNPLAN_MODELS_DIR) + "/repair/encodings";

const std::string kPlan =
    "ỦY BAN NHÂN DÂN\n"
    "HUYỆN MƯỜNG LA\n"
    "Số: 47/KH-UBND\n"
    "KẾ HOẠCH\n"
    "Phòng, chống thiên tai và tìm kiếm cứu nạn năm 2024\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Chủ động phòng ngừa, ứng phó kịp thời, hiệu quả với mọi tình huống.\n"
    "2. Giảm thiểu thiệt hại về người và tài sản của Nhà nước và nhân dân.\n"
    "II. NHIỆM VỤ\n"
    "Các xã, thị trấn rà soát khu dân cư có nguy cơ sạt lở đất, lũ quét.\n";

class EncodingRepairTest : public ::testing::Test {
 protected:
  DecodedText Run(std::string_view in, std::optional<Encoding> forced = std::nullopt) {
    EncodingRepair repair(codecs_, syllables_, forced);
    doc_ = Document();
    DecodedText d = repair.Run(in, doc_);
    EXPECT_TRUE(IsValidUtf8(d.rewrite.text));
    EXPECT_EQ(std::count(d.rewrite.text.begin(), d.rewrite.text.end(), '\n'),
              std::count(in.begin(), in.end(), '\n'));
    return d;
  }

  VietnameseSyllables syllables_{kEncodings};
  LegacyCodecs codecs_{kEncodings, syllables_};
  Document doc_;
};

TEST_F(EncodingRepairTest, Utf8IsLeftAlone) {
  DecodedText d = Run(kPlan);
  EXPECT_EQ(d.rewrite.text, kPlan);
  EXPECT_TRUE(d.rewrite.edits.empty());
  EXPECT_EQ(d.encoding, "utf-8");
  EXPECT_TRUE(d.vietnamese);
  EXPECT_TRUE(doc_.diagnostics.empty());
}

TEST_F(EncodingRepairTest, DetectsEachEncodingOfAWholeDocument) {
  struct {
    std::string bytes;
    const char* name;
  } cases[] = {
      {Iconv("TCVN5712-1", kPlan), "tcvn3"},
      {Iconv("VISCII", kPlan), "viscii"},
      {Mojibake(kPlan), "mojibake"},
      {Mojibake(Mojibake(kPlan)), "mojibake"},
  };
  for (const auto& c : cases) {
    DecodedText d = Run(c.bytes);
    EXPECT_EQ(Nfc(d.rewrite.text), kPlan) << c.name;
    EXPECT_EQ(d.encoding, c.name);
    for (const RepairEdit& e : d.rewrite.edits) {
      EXPECT_EQ(e.kind, "encoding");
      // Even the short heading lines: the whole document vouches for them.
      EXPECT_GE(e.confidence, 0.9) << c.name << ": " << e.after(d.rewrite.text);
    }
  }
}

TEST_F(EncodingRepairTest, DetectsLegacyTextAlreadyConvertedToUnicode) {
  // A text layer or a copy from an old document: the font's bytes turned
  // into Windows-1252 characters ("ViÖt Nam").
  DecodedText tcvn3 = Run(Mojibake(Iconv("TCVN5712-1", kPlan)));
  EXPECT_EQ(Nfc(tcvn3.rewrite.text), kPlan);
  EXPECT_EQ(tcvn3.encoding, "tcvn3");
  DecodedText vni =
      Run("Ke\u00E1 hoa\u00EFch pho\u00F8ng\nCh\u00F6\u00F4ng tr\u00ECnh mu\u00EFc "
          "tie\u00E2u quo\u00E1c gia\n");
  EXPECT_EQ(Nfc(vni.rewrite.text), "Kế hoạch phòng\nChương trình mục tiêu quốc gia\n");
}

TEST_F(EncodingRepairTest, DetectsVniAndViqr) {
  DecodedText vni =
      Run("Ke\xE1 hoa\xEF"
          "ch pho\xF8ng, cho\xE1ng thie\xE2n tai\n"
          "Chu\xFB \xF1o\xE4ng \xF6\xF9ng pho\xF9 ki\xEF"
          "p th\xF4\xF8i, hie\xE4u qua\xFB.\n");
  EXPECT_EQ(Nfc(vni.rewrite.text),
            "Kế hoạch phòng, chống thiên tai\nChủ động ứng phó kịp thời, hiệu quả.\n");
  EXPECT_EQ(vni.encoding, "vni");
  DecodedText viqr = Run("Ke^' hoa.ch pho`ng, cho^'ng thie^n tai na(m 2024\n");
  EXPECT_EQ(Nfc(viqr.rewrite.text), "Kế hoạch phòng, chống thiên tai năm 2024\n");
  EXPECT_EQ(viqr.encoding, "viqr");
}

TEST_F(EncodingRepairTest, MixedDocumentIsDecodedLineByLine) {
  // A batch pasted together: Unicode, TCVN3 bytes, mojibake, plain ASCII.
  std::string in = "Kế hoạch số 47/KH-UBND về phòng chống thiên tai\n" +
                   Iconv("TCVN5712-1", "Chủ động phòng ngừa, ứng phó kịp thời\n") +
                   Mojibake("Giảm thiểu thiệt hại về người và tài sản\n") + "Ha Noi 2024\n";
  DecodedText d = Run(in);
  EXPECT_EQ(Nfc(d.rewrite.text),
            "Kế hoạch số 47/KH-UBND về phòng chống thiên tai\n"
            "Chủ động phòng ngừa, ứng phó kịp thời\n"
            "Giảm thiểu thiệt hại về người và tài sản\n"
            "Ha Noi 2024\n");
  EXPECT_NE(d.encoding.find("tcvn3"), std::string::npos) << d.encoding;
  EXPECT_NE(d.encoding.find("mojibake"), std::string::npos) << d.encoding;
  EXPECT_NE(d.encoding.find("utf-8"), std::string::npos) << d.encoding;
}

TEST_F(EncodingRepairTest, ShortLineFollowsItsDocument) {
  // "Hµ" alone could be several things; in a TCVN3 document it is Hà.
  std::string in = Iconv("TCVN5712-1", kPlan) + "H\xB5\n";
  DecodedText d = Run(in);
  EXPECT_EQ(Nfc(d.rewrite.text), kPlan + "Hà\n");
}

TEST_F(EncodingRepairTest, ForcedEncodingIsObeyed) {
  // "Bà Tám" is correct Unicode, but forced through TCVN3 it is re-read.
  DecodedText d = Run("B\xC3\xA0\n", Encoding::kTcvn3);
  EXPECT_EQ(d.encoding, "tcvn3");
  EXPECT_NE(d.rewrite.text, "B\xC3\xA0\n");
  DecodedText same = Run(kPlan, Encoding::kTcvn3);  // Not TCVN3-like: kept.
  EXPECT_EQ(same.rewrite.text, kPlan);
}

TEST_F(EncodingRepairTest, CorrectLatin1OnlyTextIsNotReread) {
  const std::string in = "Bà Tám và Mai đi chợ\nBà Tám\nCà Mau\n";
  EXPECT_EQ(Run(in).rewrite.text, in);
}

TEST_F(EncodingRepairTest, InvalidBytesInUtf8AreReplacedWithOffsets) {
  std::string in = kPlan + "Kết qu\xE1\xBA\n\xFF\xFE\n";
  DecodedText d = Run(in);
  EXPECT_EQ(d.rewrite.text, kPlan + "Kết qu\uFFFD\uFFFD\n\uFFFD\uFFFD\n");
  ASSERT_EQ(doc_.diagnostics.size(), 2u);
  EXPECT_NE(doc_.diagnostics[0].message.find(std::to_string(in.find("\xE1\xBA\n"))),
            std::string::npos)
      << doc_.diagnostics[0].message;
}

TEST_F(EncodingRepairTest, OtherLanguageIsReported) {
  std::string english;
  for (int i = 0; i < 5; ++i) {
    english +=
        "The committee shall publish its annual report within three months of the end of "
        "each financial year, together with the accounts approved by the auditors.\n";
  }
  DecodedText d = Run(english);
  EXPECT_EQ(d.rewrite.text, english);
  EXPECT_FALSE(d.vietnamese);
  ASSERT_EQ(doc_.diagnostics.size(), 1u);
  EXPECT_NE(doc_.diagnostics[0].message.find("not look Vietnamese"), std::string::npos);
  // Windows-1252 bytes of another language are not re-read as TCVN3 or VNI.
  std::string french = english + "Le caf\xE9 du comit\xE9 est ferm\xE9 \xE0 midi.\n";
  DecodedText f = Run(french);
  EXPECT_EQ(f.encoding, "utf-8");
  EXPECT_FALSE(f.vietnamese);
  EXPECT_EQ(f.rewrite.text.substr(english.size()),
            "Le caf\uFFFD du comit\uFFFD est ferm\uFFFD \uFFFD midi.\n");
  // Vietnamese without its marks is still Vietnamese.
  std::string stripped;
  for (int i = 0; i < 5; ++i)
    stripped += "Chu dong phong ngua, ung pho kip thoi voi moi tinh huong\n";
  EXPECT_TRUE(Run(stripped).vietnamese);
}

TEST_F(EncodingRepairTest, LongLineIsDecodedInPieces) {
  std::string unit = Iconv("TCVN5712-1", "phòng chống thiên tai và tìm kiếm cứu nạn ");
  std::string in;
  while (in.size() < 300 * 1024) in += unit;
  DecodedText d = Run(in);
  std::string expected;
  while (expected.size() < d.rewrite.text.size()) {
    expected += "phòng chống thiên tai và tìm kiếm cứu nạn ";
  }
  EXPECT_EQ(Nfc(d.rewrite.text), Nfc(expected));
  EXPECT_EQ(d.encoding, "tcvn3");
}

TEST_F(EncodingRepairTest, BinaryAndEmpty) {
  EXPECT_EQ(Run("").rewrite.text, "");
  std::string binary;
  for (int i = 0; i < 200000; ++i) binary += static_cast<char>((i * 2654435761u) >> 24);
  Run(binary);  // Valid UTF-8 out, lines kept: checked by Run().
}

TEST_F(EncodingRepairTest, ScoreCountsSyllables) {
  EncodingRepair repair(codecs_, syllables_, std::nullopt);
  WordScore s = repair.Score("Việt Nam thống nhất, ViÖt Nam");  // ASCII words count 0.
  EXPECT_EQ(s.syllables, 3);
  EXPECT_EQ(s.others, 1);
  EXPECT_EQ(s.total(), 2);
  EXPECT_FALSE(s.convincing());  // One word in four is not Vietnamese.
  EXPECT_TRUE(repair.Score("Việt Nam thống nhất, bảo vệ Tổ quốc").convincing());
  EXPECT_EQ(repair.Score("Vi\uFFFDt").total(), -2);
  EXPECT_FALSE(repair.Score("hién Quyét dộng trộ").convincing());
}

TEST_F(EncodingRepairTest, OcrDamagedUtf8IsNotReread) {
  // Latin-1 letters OCR put for Vietnamese ones: a TCVN3 reading makes some
  // words syllables ("dé" -> "dộ") but not nearly all.
  std::string in;
  for (int i = 0; i < 20; ++i) {
    in +=
        "Thuc hién Quyét dinh sé 23/QD-TTg cua Thi tudng Chinh phi, Phé duyét Chuong "
        "trinh hanh déng qudc gia vi tré em; theo dé nghi cua S¢ Lao déng\n";
  }
  DecodedText d = Run(in);
  EXPECT_EQ(d.rewrite.text, in);
  EXPECT_EQ(d.encoding, "utf-8");
}

}  // namespace
}  // namespace vnplan
