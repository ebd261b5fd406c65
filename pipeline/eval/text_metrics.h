// Text accuracy against a ground truth, as OCR and repair are judged.
//
// All metrics compare Unicode NFC text with every run of white space folded
// to one space, so that line breaks, which differ between a scan's lines and
// a ground truth's paragraphs, do not count as errors.
//  - CER: character edit distance / reference characters.
//  - WER: word edit distance / reference words (words split on white space).
//  - Diacritic-blind CER: CER after stripping tone and vowel marks and
//    folding đ to d on both sides, so letter errors show apart from mark
//    errors.
//  - Syllable accuracy: the share of reference syllables (runs of letters
//    and digits) that an edit-distance alignment pairs with an identical
//    hypothesis syllable.
#ifndef VNPLAN_PIPELINE_EVAL_TEXT_METRICS_H_
#define VNPLAN_PIPELINE_EVAL_TEXT_METRICS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

// Error counts over one or more pairs; add pairs up, then read the rates.
struct TextScore {
  size_t char_errors = 0, chars = 0;
  size_t word_errors = 0, words = 0;
  size_t blind_char_errors = 0;
  size_t syllables_right = 0, syllables = 0;

  double cer() const { return chars ? double(char_errors) / chars : 0; }
  double wer() const { return words ? double(word_errors) / words : 0; }
  double blind_cer() const { return chars ? double(blind_char_errors) / chars : 0; }
  double syllable_accuracy() const { return syllables ? double(syllables_right) / syllables : 1; }

  TextScore& operator+=(const TextScore& o);
};

TextScore ScoreText(std::string_view reference, std::string_view hypothesis);

// NFC text without tone and vowel marks, đ/Đ folded to d/D.
std::string StripDiacritics(std::string_view text);

// Runs of letters and digits, in order.
std::vector<std::string> Syllables(std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_EVAL_TEXT_METRICS_H_
