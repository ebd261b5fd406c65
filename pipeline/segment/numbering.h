// Reading the mark that opens a numbered or bulleted line of a plan: "II.",
// "3.", "2.1.", "b)", "đ)", "A.", "-", "+", and the divisions above them
// ("PHẦN I", "Phần thứ hai").
//
// A mark can often be read more than one way: "l." is a damaged roman I or
// the letter l, "I1." is roman II with an OCR '1', "V." is roman five or the
// letter V, "¢)" is the letter c, "d)" may be đ whose stroke OCR lost. Read() returns every
// plausible reading, likeliest first; the section builder keeps the one that continues the
// numbering it has seen, which is how damaged numerals and dates or amounts that happen to open a
// line ("2025. Năm...", "1.500 ha") are told apart from real parts.
#ifndef VNPLAN_PIPELINE_SEGMENT_NUMBERING_H_
#define VNPLAN_PIPELINE_SEGMENT_NUMBERING_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/segment/segment_model.h"

namespace vnplan {

enum class MarkStyle { kDivision, kUpperLetter, kRoman, kArabic, kDecimal, kLetter, kBullet };

struct Mark {
  MarkStyle style = MarkStyle::kArabic;
  std::string number;  // Canonical: "II", "3", "2.1", "b", "-"; a division's as roman ("II").
  int ordinal = 0;     // Division, roman and arabic value, last part of a decimal; 0 otherwise.
  std::string prefix;  // Decimal: the parts before the last ("2" of "2.1").
  int depth = 1;       // Decimal: how many parts.
  std::string seen;    // Letter read from an OCR look-alike: what was printed ("¢").
};

struct MarkReading {
  std::vector<Mark> marks;  // Likeliest first; empty when the line has no mark.
  size_t mark_begin = 0;    // Byte offset of the mark in the line.
  size_t text_begin = 0;    // Byte offset of the text after the mark.
};

// The small letter of a capital list letter ("Đ" -> "đ"), or "".
std::string SmallListLetter(std::string_view capital);

// Value of a well-formed roman numeral of I, V and X (1..39), or 0.
int RomanValue(std::string_view roman);
// The numeral of `value` (1..39), or "" out of that range.
std::string RomanNumeral(int value);

class MarkReader {
 public:
  // Keeps a pointer to `model`, which must outlive the reader.
  explicit MarkReader(const SegmentModel& model) : model_(&model) {}

  MarkReading Read(std::string_view line) const;

  // True when `next` follows `previous` in one of the model's letter orders;
  // an empty `previous` asks whether `next` opens a list.
  bool LetterFollows(std::string_view previous, std::string_view next) const;

  // A division mark ("PHẦN II", "Phần thứ hai:") opening `line` at byte
  // `at`, with the offset of the text after it.
  std::optional<MarkReading> ReadDivision(std::string_view line, size_t at) const;

  // The place of a capital list letter ("B", "Đ") in the model's letter
  // orders, from 1; 0 when `token` is none.
  int UpperLetterOrdinal(std::string_view token) const;

 private:
  const SegmentModel* model_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_NUMBERING_H_
