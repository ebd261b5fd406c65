#include "pipeline/segment/numbering.h"

#include <algorithm>

#include "pipeline/segment/fold.h"
#include "pipeline/segment/phrase.h"

namespace vnplan {
namespace {

constexpr std::string_view kSmallD = "\xC4\x91";    // đ
constexpr std::string_view kCapitalD = "\xC4\x90";  // Đ
constexpr size_t kMaxToken = 6;
constexpr size_t kMaxDecimalParts = 4;

Mark MakeMark(MarkStyle style, std::string number, int ordinal = 0) {
  Mark m;
  m.style = style;
  m.number = std::move(number);
  m.ordinal = ordinal;
  return m;
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// Text may follow a mark directly when OCR lost the space ("I.MỤC ĐÍCH"),
// but not a digit or a sign that makes it an amount, a date or a code.
bool MayFollowMark(std::string_view line, size_t j) {
  if (j >= line.size()) return true;
  unsigned char c = static_cast<unsigned char>(line[j]);
  if (IsBlank(line[j]) || c >= 0x80) return true;
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '"' || c == '(';
}

bool StartsCapital(std::string_view s) {
  // Four bytes hold any one letter, however it is composed.
  FoldedText folded(s.substr(0, std::min<size_t>(s.size(), 4)));
  return !folded.cased().empty() && folded.cased()[0] >= 'A' && folded.cased()[0] <= 'Z';
}

}  // namespace

std::string RomanNumeral(int value) {
  static constexpr std::string_view kTens[] = {"", "X", "XX", "XXX"};
  static constexpr std::string_view kOnes[] = {"",  "I",  "II",  "III",  "IV",
                                               "V", "VI", "VII", "VIII", "IX"};
  if (value < 1 || value >= 40) return "";
  return std::string(kTens[value / 10]) + std::string(kOnes[value % 10]);
}

int RomanValue(std::string_view roman) {
  if (roman.empty() || roman.size() > 6) return 0;
  int value = 0;
  for (size_t i = 0; i < roman.size(); ++i) {
    auto digit = [](char c) { return c == 'I' ? 1 : c == 'V' ? 5 : c == 'X' ? 10 : 0; };
    int d = digit(roman[i]);
    if (d == 0) return 0;
    int next = i + 1 < roman.size() ? digit(roman[i + 1]) : 0;
    value += next > d ? -d : d;
  }
  if (value <= 0 || value >= 40 || RomanNumeral(value) != roman) return 0;
  return value;
}

std::optional<MarkReading> MarkReader::ReadDivision(std::string_view line, size_t at) const {
  if (model_->divisions.empty() || !StartsCapital(line.substr(at))) return std::nullopt;
  std::string_view rest = line.substr(at);
  std::vector<KeyWord> words = KeyWords(rest);
  auto division = model_->divisions.MatchAt(words, 0);
  if (!division || division->first_word != 0 || division->words >= words.size()) {
    return std::nullopt;
  }
  size_t k = division->words;
  int value = 0;
  size_t end = 0;
  if (auto ordinal = model_->ordinals.MatchAt(words, k); ordinal && ordinal->first_word == k) {
    value = std::stoi(model_->ordinals.value(ordinal->phrase));
    end = words[k + ordinal->words - 1].end;
  } else {
    std::string_view numeral = rest.substr(words[k].begin, words[k].end - words[k].begin);
    bool digits = std::all_of(numeral.begin(), numeral.end(), IsDigit);
    value = digits && numeral.size() <= 2 ? std::stoi(std::string(numeral)) : RomanValue(numeral);
    end = words[k].end;
  }
  if (value <= 0 || value >= 40) return std::nullopt;
  // Alone on its line or before '.', ':' or a dash: not a sentence that
  // opens with "Phần 2 của…".
  size_t j = end;
  while (j < rest.size() && IsBlank(rest[j])) ++j;
  if (j < rest.size()) {
    std::string_view after = rest.substr(j);
    bool dash = after.starts_with("-") || after.starts_with("\xE2\x80\x93");
    if (!dash && after[0] != '.' && after[0] != ':') return std::nullopt;
    j += after.starts_with("\xE2\x80\x93") ? 3 : 1;
    while (j < rest.size() && IsBlank(rest[j])) ++j;
  }
  MarkReading reading;
  reading.mark_begin = at;
  reading.text_begin = at + j;
  Mark mark = MakeMark(MarkStyle::kDivision, RomanNumeral(value), value);
  reading.marks.push_back(std::move(mark));
  return reading;
}

std::string SmallListLetter(std::string_view capital) {
  if (capital == kCapitalD) return std::string(kSmallD);
  if (capital.size() == 1 && capital[0] >= 'A' && capital[0] <= 'Z') {
    return std::string(1, static_cast<char>(capital[0] - 'A' + 'a'));
  }
  return "";
}

int MarkReader::UpperLetterOrdinal(std::string_view token) const {
  std::string lower = SmallListLetter(token);
  if (lower.empty()) return 0;
  // Capitals count in the order of the first list that has them: A B C D Đ E.
  for (const auto& sequence : model_->letter_sequences) {
    auto it = std::find(sequence.begin(), sequence.end(), lower);
    if (it != sequence.end()) return static_cast<int>(it - sequence.begin()) + 1;
  }
  return 0;
}

bool MarkReader::LetterFollows(std::string_view previous, std::string_view next) const {
  for (const auto& sequence : model_->letter_sequences) {
    auto it = std::find(sequence.begin(), sequence.end(), next);
    if (it == sequence.end()) continue;
    if (previous.empty() ? it == sequence.begin()
                         : it != sequence.begin() && *(it - 1) == previous) {
      return true;
    }
  }
  return false;
}

MarkReading MarkReader::Read(std::string_view line) const {
  MarkReading reading;
  size_t i = 0;
  while (i < line.size() && IsBlank(line[i])) ++i;
  reading.mark_begin = i;
  auto skip_blanks = [&](size_t j) {
    while (j < line.size() && IsBlank(line[j])) ++j;
    return j;
  };

  if (auto division = ReadDivision(line, i)) return *division;

  for (const std::string& bullet : model_->bullets) {
    size_t after = i + bullet.size();
    // Typists and OCR drop the space after a bullet ("-Bộ Y tế"); a capital
    // still tells the item from a sign ("-5%") or a dash in prose.
    if (line.substr(i, bullet.size()) == bullet && after < line.size() &&
        (IsBlank(line[after]) || StartsCapital(line.substr(after)))) {
      reading.marks.push_back(MakeMark(MarkStyle::kBullet, bullet));
      reading.text_begin = skip_blanks(after);
      return reading;
    }
  }

  size_t j = i;
  if (line.substr(i, kSmallD.size()) == kSmallD || line.substr(i, kCapitalD.size()) == kCapitalD) {
    j += kSmallD.size();
  } else if (auto it =
                 std::find_if(model_->letter_lookalikes.begin(), model_->letter_lookalikes.end(),
                              [&](const auto& l) {
                                return static_cast<unsigned char>(l.first[0]) >= 0x80 &&
                                       line.substr(i, l.first.size()) == l.first;
                              });
             it != model_->letter_lookalikes.end()) {
    j += it->first.size();
  } else {
    while (
        j < line.size() && j - i < kMaxToken &&
        (IsAsciiAlnum(line[j]) || model_->roman_lookalike[static_cast<unsigned char>(line[j])])) {
      ++j;
    }
  }
  std::string_view token = line.substr(i, j - i);
  if (token.empty() || (j < line.size() && IsAsciiAlnum(line[j]))) return reading;
  bool all_digits = std::all_of(token.begin(), token.end(), IsDigit);

  std::vector<int> parts;
  if (all_digits) {
    if (token.size() > 3) return reading;
    parts.push_back(std::stoi(std::string(token)));
    while (parts.size() < kMaxDecimalParts && j + 1 < line.size() && line[j] == '.' &&
           IsDigit(line[j + 1])) {
      size_t k = j + 1;
      while (k < line.size() && IsDigit(line[k]) && k - j <= 3) ++k;
      if (k < line.size() && IsDigit(line[k])) return reading;
      parts.push_back(std::stoi(std::string(line.substr(j + 1, k - j - 1))));
      j = k;
    }
  }
  bool terminated = j < line.size() && (line[j] == '.' || line[j] == ')');
  if (terminated) {
    ++j;
  } else if (parts.size() < 2 || (j < line.size() && !IsBlank(line[j]))) {
    return reading;
  }
  if (!MayFollowMark(line, j)) return reading;
  reading.text_begin = skip_blanks(j);

  if (parts.size() == 1) {
    reading.marks.push_back(MakeMark(MarkStyle::kArabic, std::to_string(parts[0]), parts[0]));
    return reading;
  }
  if (parts.size() > 1) {
    Mark mark = MakeMark(MarkStyle::kDecimal, "", parts.back());
    for (size_t k = 0; k + 1 < parts.size(); ++k) {
      mark.prefix += (k ? "." : "") + std::to_string(parts[k]);
    }
    mark.number = mark.prefix + "." + std::to_string(parts.back());
    mark.depth = static_cast<int>(parts.size());
    reading.marks.push_back(std::move(mark));
    return reading;
  }

  std::string roman;
  bool genuine = false, has_other = false;
  for (char c : token) {
    if (c == 'I' || c == 'V' || c == 'X') {
      roman.push_back(c);
      genuine = true;
    } else if (char as = model_->roman_lookalike[static_cast<unsigned char>(c)]) {
      roman.push_back(as);
      has_other = has_other || !IsDigit(c);
    } else {
      roman.clear();
      break;
    }
  }
  int roman_value = RomanValue(roman);
  if (roman_value && genuine)
    reading.marks.push_back(MakeMark(MarkStyle::kRoman, roman, roman_value));
  if (std::any_of(model_->letter_sequences.begin(), model_->letter_sequences.end(),
                  [&](const auto& s) { return std::find(s.begin(), s.end(), token) != s.end(); })) {
    reading.marks.push_back(MakeMark(MarkStyle::kLetter, std::string(token)));
  }
  for (const auto& [seen, as] : model_->letter_lookalikes) {
    if (token == seen) {
      Mark mark = MakeMark(MarkStyle::kLetter, as);
      mark.seen = seen;
      reading.marks.push_back(std::move(mark));
    }
  }
  if (int ordinal = UpperLetterOrdinal(token)) {
    reading.marks.push_back(MakeMark(MarkStyle::kUpperLetter, std::string(token), ordinal));
  }
  if (roman_value && !genuine && has_other) {
    reading.marks.push_back(MakeMark(MarkStyle::kRoman, roman, roman_value));
  }
  return reading;
}

}  // namespace vnplan
