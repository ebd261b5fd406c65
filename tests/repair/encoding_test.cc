// Round trips through every legacy encoding: the tests encode Vietnamese
// text they write themselves (with glibc iconv, ICU, or by hand where no
// system converter exists) and check that LegacyCodecs decodes it back.
#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>

#include "pipeline/repair/legacy_encoding.h"
#include "pipeline/repair/vietnamese_syllable.h"
#include "pipeline/utf8.h"
#include "tests/repair/encode_util.h"

namespace vnplan {
namespace {

const std::string kEncodings = std::string(VNPLAN_MODELS_DIR) + "/repair/encodings";

// Plan-like text with every vowel, mark and tone, upper and lower case.
const char* const kLines[] = {
    "ỦY BAN NHÂN DÂN TỈNH ĐẮK LẮK",
    "KẾ HOẠCH thực hiện chuyển đổi số năm 2024",
    "Căn cứ Quyết định số 23/QĐ-TTg ngày 07/01/2021 của Thủ tướng Chính phủ;",
    "Nâng cao hiệu quả quản lý nhà nước, bảo đảm an toàn thông tin mạng.",
    "Giữ gìn, phát huy bản sắc; khuyến khích người dân tham gia ý kiến.",
    "Tỷ lệ hồ sơ được xử lý đúng hạn đạt 95% vào năm 2025, thuở trước ít ỏi.",
    "Ưu tiên nguồn lực cho vùng sâu, vùng xa; Ơn nghĩa, ỨNG PHÓ, ỰA, ẴM, ẲNG.",
};

// Windows-1258 has precomposed â ê ô ă ơ ư but writes tones as combining
// marks: split the tone off each letter ICU cannot encode whole.
std::string ToCp1258(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open("windows-1258", &status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::string out;
  auto encode = [&](const icu::UnicodeString& u) {
    char buf[16];
    UErrorCode s = U_ZERO_ERROR;
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &s);
    int32_t n = ucnv_fromUChars(cnv, buf, sizeof buf, u.getBuffer(), u.length(), &s);
    if (U_FAILURE(s)) return false;
    out.append(buf, n);
    return true;
  };
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    icu::UnicodeString c(text.char32At(i));
    if (encode(c)) continue;
    icu::UnicodeString d = nfd->normalize(c, status), base, tone;
    for (int32_t k = 0; k < d.length(); ++k) {
      (IsToneMark(d[k]) ? tone : base).append(d[k]);
    }
    EXPECT_TRUE(encode(nfc->normalize(base, status)) && encode(tone)) << utf8;
  }
  ucnv_close(cnv);
  return out;
}

std::string Latin1AsUtf8(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) AppendUtf8(c, &out);
  return out;
}

class LegacyCodecsTest : public ::testing::Test {
 protected:
  std::string Decode(Encoding e, std::string_view s) {
    std::optional<Rewrite> r = codecs_.Decode(e, s);
    EXPECT_TRUE(r.has_value()) << EncodingName(e) << ": " << s;
    return r ? Nfc(r->text) : "";
  }

  VietnameseSyllables syllables_{kEncodings};
  LegacyCodecs codecs_{kEncodings, syllables_};
};

TEST_F(LegacyCodecsTest, NamesRoundTrip) {
  for (Encoding e : kAllEncodings) {
    Encoding parsed;
    ASSERT_TRUE(ParseEncoding(EncodingName(e), &parsed));
    EXPECT_EQ(parsed, e);
  }
  Encoding e;
  EXPECT_TRUE(ParseEncoding("Windows-1258", &e));
  EXPECT_EQ(e, Encoding::kCp1258);
  EXPECT_FALSE(ParseEncoding("koi8-r", &e));
}

TEST_F(LegacyCodecsTest, Tcvn3RoundTrip) {
  for (const char* line : kLines) {
    std::string bytes = Iconv("TCVN5712-1", line);
    EXPECT_EQ(Decode(Encoding::kTcvn3, bytes), line);
    // The same text as a PDF text layer delivers it: the font's bytes read
    // as Windows-1252 characters.
    std::string as_text = Mojibake(bytes);
    if (codecs_.IsByteLike(as_text)) {
      EXPECT_EQ(Decode(Encoding::kTcvn3, as_text), line);
    }
  }
}

TEST_F(LegacyCodecsTest, Tcvn3CapitalFontWords) {
  // The ABC fonts write capitals with .VnTimeH, which draws lower-case codes
  // as capitals: "TØNH" is TỈNH, "ViÖt" stays Việt.
  EXPECT_EQ(Decode(Encoding::kTcvn3, "T\xD8NH Vi\xD6t"), "TỈNH Việt");
  EXPECT_EQ(Decode(Encoding::kTcvn3, "T\xFB l\xD6"), "Tỷ lệ");
  EXPECT_EQ(Decode(Encoding::kTcvn3, "UBND T\xD8NH H\xB5 GIANG"), "UBND TỈNH HÀ GIANG");
  EXPECT_EQ(Decode(Encoding::kTcvn3, "S\xE8: 47/KH-UBND"), "Số: 47/KH-UBND");
  EXPECT_EQ(Decode(Encoding::kTcvn3, "S\xE8: 24/KH-PGD\xA7T"), "Số: 24/KH-PGDĐT");
}

TEST_F(LegacyCodecsTest, VisciiRoundTrip) {
  for (const char* line : kLines) {
    EXPECT_EQ(Decode(Encoding::kViscii, Iconv("VISCII", line)), line);
  }
}

TEST_F(LegacyCodecsTest, Cp1258RoundTrip) {
  for (const char* line : kLines) EXPECT_EQ(Decode(Encoding::kCp1258, ToCp1258(line)), line);
}

TEST_F(LegacyCodecsTest, VniDecodes) {
  // No system converter knows VNI: these are VNI-Times bytes typed by hand.
  struct {
    const char* vni;
    const char* unicode;
  } cases[] = {
      {"Ke\xE1 hoa\xEF"
       "ch th\xF6\xEF"
       "c hie\xE4n chuye\xE5n \xF1o\xE5i so\xE1",
       "Kế hoạch thực hiện chuyển đổi số"},
      {"U\xDBY BAN NHA\xC2N DA\xC2N T\xC6NH", "ỦY BAN NHÂN DÂN TỈNH"},
      {"Quye\xE1t \xF1\xF2nh, \xF1\xF6\xF4\xEF"
       "c, m\xF6\xF4\xF8i, kh\xF4\xF9p",
       "Quyết định, được, mười, khớp"},
      {"\xD1"
       "a\xEB"
       "c bie\xE4t, kha\xE9"
       "c, ca\xFA"
       "m, ta\xFC"
       "y, \xF6u",
       "Đặc biệt, khắc, cẳm, tẵy, ưu"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Decode(Encoding::kVni, c.vni), c.unicode);
    // And as Windows-1252 characters, the way a copy from Word delivers it.
    EXPECT_EQ(Decode(Encoding::kVni, Latin1AsUtf8(c.vni)), c.unicode);
  }
}

TEST_F(LegacyCodecsTest, ViqrDecodes) {
  EXPECT_EQ(Decode(Encoding::kViqr, "Vie^.t Nam, ddo^`ng ba(`ng so^ng Cu+?u Long"),
            "Việt Nam, đồng bằng sông Cửu Long");
  EXPECT_EQ(Decode(Encoding::kViqr, "DDa^`u tu+ co^ng, tho+` gian ba'o ca'o."),
            "Đầu tư công, thờ gian báo cáo.");
  // A sentence-final period after a vowel is punctuation; an escaped one too.
  EXPECT_EQ(Decode(Encoding::kViqr, "Ho^.i nghi. ho.p ta.i Ha` No^.i. Xong\\."),
            "Hội nghị họp tại Hà Nội. Xong.");
  // ASCII that is not VIQR stays as it is.
  EXPECT_EQ(Decode(Encoding::kViqr, "What? C++ (2024) e-mail: a.b@c.vn"),
            "What? C++ (2024) e-mail: a.b@c.vn");
  EXPECT_FALSE(codecs_.Decode(Encoding::kViqr, "Việt").has_value());
}

TEST_F(LegacyCodecsTest, MojibakeOnceAndTwice) {
  for (const char* line : kLines) {
    std::string once = Mojibake(line);
    EXPECT_EQ(Decode(Encoding::kMojibake, once), line);
    EXPECT_EQ(Decode(Encoding::kMojibake, Mojibake(once)), line);
  }
  // Read as Latin-1 rather than Windows-1252: C1 controls instead of quotes.
  EXPECT_EQ(Decode(Encoding::kMojibake, Latin1AsUtf8("Vi\xE1\xBB\x87t")), "Việt");
  // Correct text is not mojibake.
  EXPECT_FALSE(codecs_.Decode(Encoding::kMojibake, "Bà Tám").has_value());
}

TEST_F(LegacyCodecsTest, Utf8ReplacesOnlyInvalidBytes) {
  std::optional<Rewrite> r = codecs_.Decode(Encoding::kUtf8, "ok \xE1\xBA kế \x80");
  ASSERT_TRUE(r);
  // One U+FFFD per bad byte, as NextCodePoint() reads them.
  EXPECT_EQ(r->text, "ok \uFFFD\uFFFD kế \uFFFD");
  ASSERT_EQ(r->edits.size(), 2u);
  EXPECT_EQ(r->edits[0].kind, "invalid-utf8");
  EXPECT_EQ(r->edits[0].confidence, 0);
}

TEST_F(LegacyCodecsTest, LineBreaksAndTabsAreKept) {
  for (Encoding e : {Encoding::kTcvn3, Encoding::kVni, Encoding::kViscii, Encoding::kCp1258}) {
    std::optional<Rewrite> r = codecs_.Decode(e, "a\tb\r\f\xFF");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->text.substr(0, 5), "a\tb\r\f") << EncodingName(e);
  }
}

TEST_F(LegacyCodecsTest, EditsPointAtTheLegacyBytes) {
  std::string bytes = Iconv("TCVN5712-1", "Hà Nội");
  std::optional<Rewrite> r = codecs_.Decode(Encoding::kTcvn3, bytes);
  ASSERT_TRUE(r);
  ASSERT_EQ(r->edits.size(), 2u);
  EXPECT_EQ(r->edits[0].original_begin, 1u);
  EXPECT_EQ(r->edits[0].kind, "encoding");
  EXPECT_EQ(Nfc(std::string(r->edits[1].after(r->text))), "ộ");
}

}  // namespace
}  // namespace vnplan
