#include "pipeline/repair/syllable.h"

#include <unicode/uchar.h>

#include <array>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

// Every lowercase vowel with its tones (level, acute, grave, hook, tilde,
// dot), grouped by the vowel's ASCII base. The Vietnamese alphabet itself,
// not domain vocabulary.
constexpr std::array<std::u32string_view, 12> kVowelRows = {
    U"aáàảãạ", U"ăắằẳẵặ", U"âấầẩẫậ", U"eéèẻẽẹ", U"êếềểễệ", U"iíìỉĩị",
    U"oóòỏõọ", U"ôốồổỗộ", U"ơớờởỡợ", U"uúùủũụ", U"ưứừửữự", U"yýỳỷỹỵ"};
constexpr std::u32string_view kVowelBases = U"aaaeeiooouuy";

// Every Vietnamese letter lies below U+1F00 (the precomposed vowels end at
// U+1EF9), so the base of any small letter is one read of this table; the
// repair stage asks for it for every character of every candidate.
constexpr char32_t kBaseTableEnd = 0x1F00;
constexpr std::array<char, kBaseTableEnd> kBaseOf = [] {
  std::array<char, kBaseTableEnd> table{};
  for (char32_t c = 'a'; c <= 'z'; ++c) table[c] = static_cast<char>(c);
  table[U'đ'] = 'd';
  for (size_t r = 0; r < kVowelRows.size(); ++r) {
    for (char32_t v : kVowelRows[r]) table[v] = static_cast<char>(kVowelBases[r]);
  }
  return table;
}();

char32_t LowerBase(char32_t lower) { return lower < kBaseTableEnd ? kBaseOf[lower] : 0; }

}  // namespace

char32_t LowerChar(char32_t c) {
  return c < 0x80 ? (c >= 'A' && c <= 'Z' ? c + 32 : c) : static_cast<char32_t>(u_tolower(c));
}
char32_t UpperChar(char32_t c) {
  return c < 0x80 ? (c >= 'a' && c <= 'z' ? c - 32 : c) : static_cast<char32_t>(u_toupper(c));
}
bool IsUpperChar(char32_t c) { return c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(c); }
bool IsLetterChar(char32_t c) {
  return c < 0x80 ? ((c | 32) >= 'a' && (c | 32) <= 'z') : u_isalpha(c);
}

char32_t BaseLetter(char32_t c) { return LowerBase(LowerChar(c)); }

bool HasVietnameseMark(char32_t c) {
  if (c < 0x80) return false;
  char32_t base = BaseLetter(c);
  return base != 0 && base != LowerChar(c);
}

std::u32string Skeleton(std::u32string_view word) {
  std::u32string out(word.size(), 0);
  for (size_t i = 0; i < word.size(); ++i) {
    char32_t base = BaseLetter(word[i]);
    out[i] = base ? base : LowerChar(word[i]);
  }
  return out;
}

std::u32string ToLower(std::u32string_view word) {
  std::u32string out(word.size(), 0);
  for (size_t i = 0; i < word.size(); ++i) out[i] = LowerChar(word[i]);
  return out;
}

CaseShape ShapeOf(std::u32string_view word) {
  int letters = 0, upper = 0;
  bool first_upper = false, rest_lower = true;
  for (size_t i = 0; i < word.size(); ++i) {
    if (!IsLetterChar(word[i])) continue;
    bool up = IsUpperChar(word[i]);
    if (letters == 0)
      first_upper = up;
    else if (up)
      rest_lower = false;
    ++letters;
    upper += up;
  }
  if (upper == 0) return CaseShape::kLower;
  if (upper == letters && letters > 1) return CaseShape::kUpper;
  if (first_upper && rest_lower) return CaseShape::kTitle;
  return CaseShape::kMixed;
}

std::u32string ApplyShape(std::u32string_view lower, CaseShape shape, std::u32string_view model) {
  std::u32string out(lower);
  Reshape(&out, shape, model);
  return out;
}

void Reshape(std::u32string* lower, CaseShape shape, std::u32string_view model) {
  std::u32string& out = *lower;
  switch (shape) {
    case CaseShape::kLower:
      break;
    case CaseShape::kUpper:
      for (char32_t& c : out) c = UpperChar(c);
      break;
    case CaseShape::kTitle:
      for (char32_t& c : out) {
        if (IsLetterChar(c)) {
          c = UpperChar(c);
          break;
        }
      }
      break;
    case CaseShape::kMixed:
      for (size_t i = 0; i < out.size() && i < model.size(); ++i) {
        if (IsUpperChar(model[i])) out[i] = UpperChar(out[i]);
      }
      break;
  }
}

}  // namespace vnplan
