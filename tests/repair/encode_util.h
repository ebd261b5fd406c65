// Helpers for repair tests: the damaged forms of text the tests write
// themselves, produced with the same system converters users' files came from.
#ifndef VNPLAN_TESTS_REPAIR_ENCODE_UTIL_H_
#define VNPLAN_TESTS_REPAIR_ENCODE_UTIL_H_

#include <gtest/gtest.h>
#include <iconv.h>
#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

namespace vnplan {

inline std::string Nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size())), status)
      .toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

// `utf8` in the iconv encoding `to` (e.g. "TCVN5712-1", "VISCII").
inline std::string Iconv(const char* to, const std::string& utf8) {
  iconv_t cd = iconv_open(to, "UTF-8");
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << to;
  std::string out(utf8.size() * 4 + 16, '\0');
  char* in_ptr = const_cast<char*>(utf8.data());
  size_t in_left = utf8.size();
  char* out_ptr = out.data();
  size_t out_left = out.size();
  EXPECT_NE(iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left), static_cast<size_t>(-1)) << utf8;
  iconv(cd, nullptr, nullptr, &out_ptr, &out_left);
  iconv_close(cd);
  out.resize(out_ptr - out.data());
  return out;
}

// UTF-8 bytes read as Windows-1252, the way a misconfigured program shows
// them, and written back as UTF-8.
inline std::string Mojibake(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open("windows-1252", &status);
  std::u16string buf(utf8.size() + 1, u'\0');
  int32_t n = ucnv_toUChars(cnv, buf.data(), static_cast<int32_t>(buf.size()), utf8.data(),
                            static_cast<int32_t>(utf8.size()), &status);
  ucnv_close(cnv);
  EXPECT_TRUE(U_SUCCESS(status));
  std::string out;
  icu::UnicodeString(buf.data(), n).toUTF8String(out);
  return out;
}

}  // namespace vnplan

#endif  // VNPLAN_TESTS_REPAIR_ENCODE_UTIL_H_
