#include "pipeline/repair/unicode_cleanup.h"

#include <unicode/uchar.h>

#include <fstream>

#include "pipeline/error.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

// Characters that render as nothing: removed wherever they are.
bool IsIgnorable(char32_t c) {
  return c == 0xAD || c == 0x180E || (c >= 0x200B && c <= 0x200D) || c == 0x2060 || c == 0xFEFF;
}

// Spaces other than U+0020 that carry no meaning in running text.
bool IsOddSpace(char32_t c) {
  return c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F ||
         c == 0x3000;
}

bool IsLatinLetter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return ((c >= 0xC0 && c <= 0x24F) || (c >= 0x1E00 && c <= 0x1EFF)) && u_isalpha(c);
}

// Invisible characters may sit inside a word.
bool IsWordChar(char32_t c) { return IsWordCodePoint(c) || IsIgnorable(c); }

}  // namespace

UnicodeCleanup::UnicodeCleanup(const std::string& encodings_dir,
                               const VietnameseSyllables& syllables, TonePlacement placement)
    : syllables_(syllables), placement_(placement) {
  const std::string path = encodings_dir + "/homoglyphs.tsv";
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot read the homoglyph table");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab = line.find('\t');
    size_t pos = 0, latin_pos = tab + 1;
    char32_t from = tab == std::string::npos ? 0 : NextCodePoint(line, &pos);
    char32_t to = from == 0 ? 0 : NextCodePoint(line, &latin_pos);
    if (pos != tab || latin_pos != line.size() || !IsLatinLetter(to) || IsLatinLetter(from)) {
      throw Error(path, "line " + std::to_string(number) + ": expected LOOKALIKE<TAB>LATIN");
    }
    homoglyphs_[from] = to;
  }
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw Error(path, "ICU NFC normalizer unavailable");
}

bool UnicodeCleanup::Canonical(std::u32string_view word, std::string* out) const {
  bool latin = false;
  for (char32_t c : word) latin = latin || IsLatinLetter(c);
  std::u32string clean;
  clean.reserve(word.size());
  bool homoglyph = false;
  for (char32_t c : word) {
    if (IsIgnorable(c)) continue;
    if (latin && c >= 0x370) {
      auto it = homoglyphs_.find(c);
      if (it != homoglyphs_.end()) {
        c = it->second;
        homoglyph = true;
      }
    }
    clean += c;
  }
  SyllableLetters letters;
  SyllableParse parse;
  if (syllables_.Analyze(clean, &letters) && syllables_.Parse(letters, placement_, &parse)) {
    out->append(syllables_.Spell(letters, parse.tone_at));
    return homoglyph;
  }
  icu::UnicodeString u = icu::UnicodeString::fromUTF32(
      reinterpret_cast<const UChar32*>(clean.data()), static_cast<int32_t>(clean.size()));
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString normal = nfc_->normalize(u, status);
  if (U_FAILURE(status)) normal = u;
  normal.toUTF8String(*out);
  return homoglyph;
}

Rewrite UnicodeCleanup::Run(std::string_view text, Memo* memo) const {
  RewriteBuilder b(text);
  std::u32string word;
  std::string canonical;
  size_t pos = 0;
  while (pos < text.size()) {
    // ASCII outside words is already canonical; skip it without decoding.
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && !IsWordChar(byte)) {
      ++pos;
      continue;
    }
    size_t start = pos;
    char32_t c = NextCodePoint(text, &pos);
    if (IsOddSpace(c)) {
      b.CopyTo(start);
      b.Replace(pos - start, " ", "normalization");
      continue;
    }
    if (!IsWordChar(c)) {
      if (nfc_->isInert(c)) continue;
      // A character NFC maps to another (U+212B ANGSTROM SIGN and the like).
      canonical.clear();
      Canonical(std::u32string(1, c), &canonical);
      b.CopyTo(start);
      b.Replace(pos - start, canonical, "normalization");
      continue;
    }
    bool ascii = c < 0x80;
    word.assign(1, c);
    while (pos < text.size()) {
      size_t next = pos;
      char32_t d = NextCodePoint(text, &next);
      if (!IsWordChar(d)) break;
      ascii = ascii && d < 0x80;
      word += d;
      pos = next;
    }
    if (ascii) continue;
    const auto& [canonical_word, homoglyph] =
        memo->Get(text.substr(start, pos - start), [&](std::string_view) {
          std::pair<std::string, bool> out;
          out.second = Canonical(word, &out.first);
          return out;
        });
    b.CopyTo(start);
    b.Replace(pos - start, canonical_word, homoglyph ? "homoglyph" : "normalization");
  }
  return b.Finish();
}

}  // namespace vnplan
