#include "pipeline/segment/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <algorithm>
#include <array>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

constexpr char32_t kTableBegin = 0xA0;
constexpr char32_t kTableEnd = 0x2100;

// Folded byte for every code point of [kTableBegin, kTableEnd), or 0 for
// "drop it" (combining marks). Built once from ICU's canonical decomposition,
// so every precomposed Latin letter is covered, not only the ones a list
// would remember; the table is immutable after construction.
const std::array<char, kTableEnd - kTableBegin>& FoldTable() {
  static const auto table = [] {
    std::array<char, kTableEnd - kTableBegin> t{};
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    for (char32_t cp = kTableBegin; cp < kTableEnd; ++cp) {
      char c = '#';
      int8_t type = u_charType(cp);
      if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) {
        c = 0;
      } else if (cp == 0x0110) {
        c = 'D';
      } else if (cp == 0x0111) {
        c = 'd';
      } else if (type == U_DASH_PUNCTUATION) {
        c = '-';
      } else if (type == U_SPACE_SEPARATOR || cp == 0x2028 || cp == 0x2029) {
        c = ' ';
      } else if (type == U_FORMAT_CHAR) {
        c = 0;
      } else if (U_SUCCESS(status)) {
        icu::UnicodeString decomposed;
        UErrorCode err = U_ZERO_ERROR;
        nfd->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), decomposed, err);
        if (U_SUCCESS(err) && decomposed.length() > 0 && decomposed.charAt(0) < 0x80 &&
            u_isalpha(decomposed.charAt(0))) {
          c = static_cast<char>(decomposed.charAt(0));
        }
      }
      t[cp - kTableBegin] = c;
    }
    return t;
  }();
  return table;
}

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

}  // namespace

char FoldCodePoint(char32_t cp) {
  if (cp < 0x80) return static_cast<char>(cp);
  if (cp >= kTableBegin && cp < kTableEnd) return FoldTable()[cp - kTableBegin];
  if (cp < kTableBegin) return ' ';  // C1 controls.
  if (cp >= 0x2010 && cp <= 0x2015) return '-';
  if (cp == 0x200B || cp == 0xFEFF) return 0;
  return '#';
}

char NextFoldedChar(std::string_view s, size_t* pos) {
  unsigned char b = static_cast<unsigned char>(s[*pos]);
  if (b < 0x80) {
    ++*pos;
    return static_cast<char>(b);
  }
  return FoldCodePoint(NextCodePoint(s, pos));
}

FoldedText::FoldedText(std::string_view source) {
  cased_.reserve(source.size());
  origin_.reserve(source.size() + 1);
  size_t pos = 0;
  while (pos < source.size()) {
    size_t start = pos;
    char c = NextFoldedChar(source, &pos);
    if (c == 0) continue;
    cased_.push_back(c);
    origin_.push_back(static_cast<uint32_t>(start));
  }
  origin_.push_back(static_cast<uint32_t>(source.size()));
  lower_ = cased_;
  for (char& c : lower_) c = Lower(c);
}

size_t FoldedText::Folded(size_t s) const {
  auto it = std::lower_bound(origin_.begin(), origin_.end(), static_cast<uint32_t>(s));
  return static_cast<size_t>(it - origin_.begin());
}

std::string Fold(std::string_view s) { return FoldedText(s).lower(); }

std::string Slug(std::string_view s) {
  std::string out;
  for (char c : Fold(s)) {
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != '-') {
      out.push_back('-');
    }
  }
  if (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string NameKey(std::string_view s) {
  std::string out;
  for (char c : Fold(s)) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&';
    if (keep) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    // U+00A0: word processors put no-break spaces where typists hit space.
    bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || nbsp) {
      space = !out.empty();
      i += nbsp;
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace vnplan
