// VietnameseSyllables: what a written Vietnamese syllable may look like, and
// where its tone mark goes.
//
// The encoding detector scores a candidate decoding by how many of its words
// are well-formed syllables; Unicode cleanup uses the parse to put the tone
// mark on the right vowel. Words are analysed in any normalisation form and
// any order of combining marks, so decomposed or legacy output parses the
// same as NFC. The structure (onsets, rhymes, stop codas) is data:
// syllables.tsv in the encodings model folder.
#ifndef VNPLAN_PIPELINE_REPAIR_VIETNAMESE_SYLLABLE_H_
#define VNPLAN_PIPELINE_REPAIR_VIETNAMESE_SYLLABLE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "pipeline/repair/repair_stage.h"
#include "pipeline/utf8.h"

namespace vnplan {

// Combining marks Vietnamese writes on vowels.
inline bool IsToneMark(char32_t c) {
  return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323;
}
inline bool IsVowelMark(char32_t c) { return c == 0x302 || c == 0x306 || c == 0x31B; }

// A character that is part of a word: a letter of any script or a combining
// mark. Words are what syllable checks and repairs work on.
bool IsWordCodePoint(char32_t c);

// Walks UTF-8 `text` (ill-formed bytes read as U+FFFD): on_word(word, ascii)
// for each maximal run of word characters, on_other(c) for each non-ASCII
// character outside words.
template <typename OnWord, typename OnOther>
void ForEachWord(std::string_view text, OnWord on_word, OnOther on_other);

// A word taken apart: letters lowercase and toneless (â, ă, ê, ô, ơ, ư, đ are
// single letters), the case of each, and the tone mark.
struct SyllableLetters {
  std::u32string letters;
  std::vector<bool> upper;
  char32_t tone = 0;  // One of the IsToneMark() marks, or 0.
  int tone_at = -1;   // Index into `letters` of the letter carrying it.
};

// Where a parsed syllable's parts are, as indexes into its letters.
struct SyllableParse {
  size_t vowels_begin = 0, vowels_end = 0;  // The vowel cluster; the coda follows.
  size_t tone_at = 0;                       // Where the tone mark belongs.
};

class VietnameseSyllables {
 public:
  // Reads `encodings_dir`/syllables.tsv; throws vnplan::Error if it is
  // missing or malformed.
  explicit VietnameseSyllables(const std::string& encodings_dir);

  // Splits a word (code points) into letters and tone. False if it holds
  // something other than Latin letters and Vietnamese marks, two tones, or a
  // mark no Vietnamese letter takes.
  bool Analyze(std::u32string_view word, SyllableLetters* out) const;

  // True if `s` is a well-formed syllable; fills `out` with its parts and the
  // tone position `placement` prescribes (oa, oe and uy without a coda are
  // where placements differ).
  bool Parse(const SyllableLetters& s, TonePlacement placement, SyllableParse* out) const;

  // Shorthand for Analyze + Parse of a word.
  bool IsSyllable(std::u32string_view word) const;

  // A letter of the Vietnamese alphabet (any case, any tone) or one of its
  // combining marks.
  bool IsVietnameseLetter(char32_t c) const;

  // The NFC spelling of `s` with its tone on letter `tone_at` (ignored
  // without a tone).
  std::string Spell(const SyllableLetters& s, size_t tone_at) const;

 private:
  struct Letter {
    char32_t base;  // Lowercase, toneless.
    char32_t tone;
    bool upper;
  };
  bool SplitLetter(char32_t c, Letter* out) const;

  std::vector<std::u32string> onsets_;                                      // Longest first.
  std::unordered_map<std::u32string, std::vector<std::u32string>> rhymes_;  // Vowels -> codas.
  std::unordered_set<std::u32string> stops_;
  std::unordered_map<char32_t, Letter> letters_;  // Precomposed Latin letters.
  // (toneless lowercase letter << 21 | mark) -> composed lowercase letter.
  std::unordered_map<unsigned long long, char32_t> compose_;
};

template <typename OnWord, typename OnOther>
void ForEachWord(std::string_view text, OnWord on_word, OnOther on_other) {
  std::u32string word;
  for (size_t pos = 0; pos < text.size();) {
    unsigned char byte = static_cast<unsigned char>(text[pos]);
    if (byte < 0x80 && !IsWordCodePoint(byte)) {
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(text, &pos);
    if (!IsWordCodePoint(c)) {
      on_other(c);
      continue;
    }
    word.assign(1, c);
    bool ascii = c < 0x80;
    while (pos < text.size()) {
      size_t next = pos;
      char32_t d = NextCodePoint(text, &next);
      if (!IsWordCodePoint(d)) break;
      word += d;
      ascii = ascii && d < 0x80;
      pos = next;
    }
    on_word(std::u32string_view(word), ascii);
  }
}

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_VIETNAMESE_SYLLABLE_H_
