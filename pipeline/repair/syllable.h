// Letter-level facts about Vietnamese words, as the repair model needs them.
//
// A Vietnamese letter is a base letter (a..z, plus đ), an optional vowel
// modifier (breve ă, circumflex â/ê/ô, horn ơ/ư) and an optional tone (one of
// five marks). The repair model compares words by their "skeleton": every
// letter reduced to its ASCII base, lowercase (đ -> d), other characters kept
// as they are. Two spellings of one syllable that differ only in marks share a
// skeleton; that is what diacritic restoration searches over.
//
// All functions take and return UTF-8 or UTF-32 in NFC; they never allocate
// shared state and are safe from any thread.
#ifndef VNPLAN_PIPELINE_REPAIR_SYLLABLE_H_
#define VNPLAN_PIPELINE_REPAIR_SYLLABLE_H_

#include <string>
#include <string_view>

#include "pipeline/utf8.h"

namespace vnplan {

// Lowercase/uppercase of one code point (ICU's simple case mapping).
char32_t LowerChar(char32_t c);
char32_t UpperChar(char32_t c);
bool IsUpperChar(char32_t c);
// A letter of any script (ICU's alphabetic property).
bool IsLetterChar(char32_t c);

// The ASCII base of a Latin letter used in Vietnamese (á -> a, Ư -> u,
// đ -> d), lowercase; 0 for anything else.
char32_t BaseLetter(char32_t c);

// True for letters that only Vietnamese spelling produces: a tone mark, a
// breve, circumflex or horn, or đ.
bool HasVietnameseMark(char32_t c);

// Lowercase skeleton: Vietnamese letters to their base, the rest lowercased.
std::u32string Skeleton(std::u32string_view word);

// The case shape of a word, used to spell a repaired word like the damaged one.
enum class CaseShape { kLower, kTitle, kUpper, kMixed };
CaseShape ShapeOf(std::u32string_view word);
// `lower` spelt in `shape`; kMixed copies the case of `model` letter by letter
// (both must then have the same length).
std::u32string ApplyShape(std::u32string_view lower, CaseShape shape, std::u32string_view model);
// ApplyShape() in place, for callers that spell many words into one buffer.
void Reshape(std::u32string* lower, CaseShape shape, std::u32string_view model);

std::u32string ToLower(std::u32string_view word);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_SYLLABLE_H_
