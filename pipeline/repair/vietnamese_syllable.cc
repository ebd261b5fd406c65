#include "pipeline/repair/vietnamese_syllable.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "pipeline/error.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

std::u32string ToU32(std::string_view utf8) {
  std::u32string out;
  for (size_t pos = 0; pos < utf8.size();) out += NextCodePoint(utf8, &pos);
  return out;
}

bool IsVowel(char32_t c) {
  return std::u32string_view(U"aăâeêioôơuưy").find(c) != std::u32string_view::npos;
}

bool IsMarkedVowel(char32_t c) {
  return std::u32string_view(U"ăâêôơư").find(c) != std::u32string_view::npos;
}

unsigned long long Key(char32_t letter, char32_t mark) {
  return (static_cast<unsigned long long>(letter) << 21) | mark;
}

}  // namespace

bool IsWordCodePoint(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;
}

VietnameseSyllables::VietnameseSyllables(const std::string& encodings_dir) {
  const std::string path = encodings_dir + "/syllables.tsv";
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot read the Vietnamese syllable structure");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::u32string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(ToU32(field));
    auto bad = [&] { return Error(path, "line " + std::to_string(number) + ": malformed"); };
    if (fields.size() < 2) throw bad();
    if (fields[0] == U"onset" && fields.size() == 2) {
      onsets_.push_back(fields[1]);
    } else if (fields[0] == U"rhyme" && fields.size() >= 3) {
      std::vector<std::u32string>& codas = rhymes_[fields[1]];
      for (size_t k = 2; k < fields.size(); ++k)
        codas.push_back(fields[k] == U"-" ? U"" : fields[k]);
    } else if (fields[0] == U"stop" && fields.size() == 2) {
      stops_.insert(fields[1]);
    } else {
      throw bad();
    }
  }
  if (onsets_.empty() || rhymes_.empty()) throw Error(path, "no onsets or rhymes");
  std::stable_sort(onsets_.begin(), onsets_.end(),
                   [](const auto& a, const auto& b) { return a.size() > b.size(); });

  // Derive the letter tables from Unicode's decompositions rather than
  // listing 134 precomposed letters by hand.
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) throw Error(path, "ICU normalizer unavailable");
  auto add_ranges = [&](char32_t from, char32_t to) {
    for (char32_t c = from; c <= to; ++c) {
      icu::UnicodeString d = nfd->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
      if (U_FAILURE(status) || d.countChar32() < 2) continue;
      char32_t base = d.char32At(0);
      if (base >= 0x80) continue;
      Letter letter{static_cast<char32_t>(u_tolower(base)), 0, u_isupper(base) != 0};
      bool ok = true;
      for (int32_t i = d.moveIndex32(0, 1); i < d.length(); i = d.moveIndex32(i, 1)) {
        char32_t mark = d.char32At(i);
        if (IsToneMark(mark) && letter.tone == 0) {
          letter.tone = mark;
        } else if (IsVowelMark(mark) && letter.base < 0x80) {
          icu::UnicodeString pair(static_cast<UChar32>(letter.base));
          pair.append(static_cast<UChar32>(mark));
          icu::UnicodeString composed =
              icu::Normalizer2::getNFCInstance(status)->normalize(pair, status);
          if (composed.countChar32() != 1) {
            ok = false;
            break;
          }
          char32_t marked = composed.char32At(0);
          compose_[Key(letter.base, mark)] = marked;
          letter.base = marked;
        } else {
          ok = false;
          break;
        }
      }
      if (!ok || !(IsVowel(letter.base) || letter.tone == 0)) continue;
      if (letter.tone == 0 && !IsMarkedVowel(letter.base))
        continue;  // é-less Latin letters (ç, ñ).
      letters_[c] = letter;
      if (letter.tone != 0 && !letter.upper) compose_[Key(letter.base, letter.tone)] = c;
    }
  };
  add_ranges(0xC0, 0x1B0);
  add_ranges(0x1EA0, 0x1EF9);
  letters_[U'đ'] = {U'đ', 0, false};
  letters_[U'Đ'] = {U'đ', 0, true};
  if (U_FAILURE(status)) throw Error(path, "ICU normalizer failed");
}

bool VietnameseSyllables::SplitLetter(char32_t c, Letter* out) const {
  if (c < 0x80) {
    if (!u_isalpha(c)) return false;
    *out = {static_cast<char32_t>(c | 0x20), 0, c < 'a'};
    return true;
  }
  auto it = letters_.find(c);
  if (it == letters_.end()) return false;
  *out = it->second;
  return true;
}

bool VietnameseSyllables::Analyze(std::u32string_view word, SyllableLetters* out) const {
  *out = SyllableLetters();
  for (char32_t c : word) {
    if (IsToneMark(c)) {
      if (out->tone != 0 || out->letters.empty()) return false;
      out->tone = c;
      out->tone_at = static_cast<int>(out->letters.size()) - 1;
      continue;
    }
    if (IsVowelMark(c)) {
      if (out->letters.empty()) return false;
      auto it = compose_.find(Key(out->letters.back(), c));
      if (it == compose_.end()) return false;
      out->letters.back() = it->second;
      continue;
    }
    Letter letter;
    if (!SplitLetter(c, &letter)) return false;
    if (letter.tone != 0) {
      if (out->tone != 0) return false;
      out->tone = letter.tone;
      out->tone_at = static_cast<int>(out->letters.size());
    }
    out->letters += letter.base;
    out->upper.push_back(letter.upper);
  }
  return !out->letters.empty();
}

bool VietnameseSyllables::Parse(const SyllableLetters& s, TonePlacement placement,
                                SyllableParse* out) const {
  std::u32string_view letters = s.letters;
  if (s.tone != 0 && (s.tone_at < 0 || !IsVowel(letters[s.tone_at]))) return false;
  auto try_onset = [&](size_t onset) {
    size_t v = onset;
    while (v < letters.size() && IsVowel(letters[v])) ++v;
    if (v == onset) return false;
    auto rhyme = rhymes_.find(std::u32string(letters.substr(onset, v - onset)));
    if (rhyme == rhymes_.end()) return false;
    std::u32string_view coda = letters.substr(v);
    if (std::find(rhyme->second.begin(), rhyme->second.end(), coda) == rhyme->second.end()) {
      return false;
    }
    if (s.tone != 0 && s.tone != 0x301 && s.tone != 0x323 && stops_.count(std::u32string(coda))) {
      return false;
    }
    out->vowels_begin = onset;
    out->vowels_end = v;
    // Rules of tone placement: the (last) vowel with a mark of its own, else
    // the last vowel before a coda, else the middle of three, else the first
    // of two, except where the modern placement takes the second.
    std::u32string_view vowels = letters.substr(onset, v - onset);
    size_t marked = vowels.find_last_of(U"ăâêôơư");
    if (marked != std::u32string_view::npos) {
      out->tone_at = onset + marked;
    } else if (!coda.empty()) {
      out->tone_at = v - 1;
    } else if (vowels.size() == 3) {
      out->tone_at = onset + 1;
    } else if (vowels.size() == 2 && placement == TonePlacement::kModern &&
               (vowels == U"oa" || vowels == U"oe" || vowels == U"uy")) {
      out->tone_at = onset + 1;
    } else {
      out->tone_at = onset;
    }
    return true;
  };
  for (const std::u32string& onset : onsets_) {
    if (letters.substr(0, onset.size()) == onset && try_onset(onset.size())) return true;
  }
  return try_onset(0);
}

bool VietnameseSyllables::IsSyllable(std::u32string_view word) const {
  SyllableLetters s;
  SyllableParse p;
  return Analyze(word, &s) && Parse(s, TonePlacement::kTraditional, &p);
}

bool VietnameseSyllables::IsVietnameseLetter(char32_t c) const {
  Letter letter;
  return IsToneMark(c) || IsVowelMark(c) || SplitLetter(c, &letter);
}

std::string VietnameseSyllables::Spell(const SyllableLetters& s, size_t tone_at) const {
  std::string out;
  for (size_t i = 0; i < s.letters.size(); ++i) {
    char32_t c = s.letters[i];
    if (s.tone != 0 && i == tone_at) {
      auto it = compose_.find(Key(c, s.tone));
      if (it != compose_.end()) c = it->second;
    }
    if (s.upper[i]) c = u_toupper(c);
    AppendUtf8(c, &out);
  }
  return out;
}

}  // namespace vnplan
