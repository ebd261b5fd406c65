// Cue phrases matched by meaning of spelling, not by bytes: case, diacritics,
// punctuation and spacing are ignored, and OCR damage of a letter or two in a
// long phrase is forgiven ("MỤC ĐlCH" still reads "Mục đích").
//
// Text is cut into KeyWords: runs of [a-z0-9&] of its folded lowercase form
// (see fold.h), each with the source byte range it came from, so a match can
// be turned back into a span of the original text. A phrase matches a run of
// whole words; its edit budget is one letter edit per six letters of the
// phrase, and none for a one-word phrase, so short cues ("Số", "KT",
// "Phường") must match exactly.
#ifndef VNPLAN_PIPELINE_SEGMENT_PHRASE_H_
#define VNPLAN_PIPELINE_SEGMENT_PHRASE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

struct KeyWord {
  std::string text;  // Folded, lowercase.
  size_t begin = 0;  // Byte range in the text KeyWords was given.
  size_t end = 0;
};

std::vector<KeyWord> KeyWords(std::string_view text);

// `s` cut to at most `n` bytes without splitting a UTF-8 sequence: cues and
// marks open a line, so checks look at a bounded prefix and stay cheap on
// pathological input (a 100 MB line).
std::string_view Utf8Prefix(std::string_view s, size_t n);

// Levenshtein distance of `a` and `b`, or `limit + 1` when it exceeds `limit`.
int BoundedEditDistance(std::string_view a, std::string_view b, int limit);

class PhraseList {
 public:
  struct Match {
    size_t phrase = 0;      // Index of the phrase (see value()).
    size_t first_word = 0;  // Words [first_word, first_word + words) matched.
    size_t words = 0;
    int edits = 0;
  };

  // `value` is what a match stands for (a canonical name, a kind); a phrase
  // without key words (only punctuation) is ignored.
  void Add(std::string_view phrase, std::string value);

  bool empty() const { return phrases_.empty(); }
  const std::string& value(size_t phrase) const { return phrases_[phrase].value; }

  // The phrase matching the words starting at `from`: longest first, then
  // fewest edits, then first added.
  std::optional<Match> MatchAt(const std::vector<KeyWord>& words, size_t from) const;
  // The match starting at the earliest word.
  std::optional<Match> Find(const std::vector<KeyWord>& words) const;
  // A match covering all of `words`.
  std::optional<Match> MatchWhole(const std::vector<KeyWord>& words) const;

 private:
  struct Phrase {
    std::vector<std::string> words;
    int budget = 0;
    std::string value;
  };
  std::vector<Phrase> phrases_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_PHRASE_H_
