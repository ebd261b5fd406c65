// EncodingRepair: the first repair pass, from the bytes that arrived to
// UTF-8, choosing the encoding per document and per stretch of text.
//
// The text is cut into stretches: lines, and pieces of at most 64 KiB of
// longer lines, so memory stays bounded on a 100 MB single line. Each
// stretch that could be in more than one encoding is decoded every way it
// can be (LegacyCodecs) and each reading is scored by its words: +1 for a
// word with non-ASCII letters that is a Vietnamese syllable, -1 for one that
// is not, -2 for each U+FFFD or C1 control. The document's encoding is the
// one with the best total; a stretch keeps it unless another reading beats
// it by a clear margin, so a document can mix encodings line by line while
// a short ambiguous line follows its neighbours. Text as it came wins ties,
// and a legacy reading must turn nearly all the words it touches into
// syllables: correct UTF-8, and UTF-8 that OCR damaged, are not re-decoded.
//
// Ill-formed UTF-8 that no legacy encoding explains becomes U+FFFD with a
// warning giving its byte offset. Text whose words are mostly not
// Vietnamese syllables is reported as another language (and left as it is
// by the later passes). Edits carry a confidence from the score margin of
// their stretch.
#ifndef VNPLAN_PIPELINE_REPAIR_ENCODING_REPAIR_H_
#define VNPLAN_PIPELINE_REPAIR_ENCODING_REPAIR_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/repair/legacy_encoding.h"
#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/vietnamese_syllable.h"

namespace vnplan {

// How Vietnamese one reading of a text looks, counting words with
// non-ASCII letters (ASCII words read the same in every encoding).
struct WordScore {
  int syllables = 0;  // Words that are Vietnamese syllables.
  int others = 0;     // Words that are not.
  int bad = 0;        // U+FFFD and C1 control characters.

  int total() const { return syllables - others - 2 * bad; }
  // Enough syllables, and nearly all words syllables.
  bool convincing() const;
  WordScore& operator+=(const WordScore& o);
};

struct DecodedText {
  Rewrite rewrite;         // From the original bytes to valid UTF-8.
  std::string encoding;    // "utf-8", "tcvn3", or several joined by '+', most used first.
  bool vietnamese = true;  // False when the text looks like another language.
};

class EncodingRepair {
 public:
  // `codecs` and `syllables` must outlive the pass. With `forced`, every
  // stretch that can be in that encoding is decoded as it, without scoring.
  EncodingRepair(const LegacyCodecs& codecs, const VietnameseSyllables& syllables,
                 std::optional<Encoding> forced);

  // Warnings (invalid bytes, another language) go to `doc` as stage "repair".
  DecodedText Run(std::string_view original, Document& doc) const;

  // The score of one reading, exposed for tests and diagnostics.
  WordScore Score(std::string_view utf8) const;

 private:
  // True if valid UTF-8 `s` has the foreign characters of a legacy
  // encoding read as Windows-1252.
  bool LooksMisread(std::string_view s) const;
  DecodedText Decode(std::string_view original, std::optional<Encoding> forced,
                     std::vector<std::string>* warnings) const;

  const LegacyCodecs& codecs_;
  const VietnameseSyllables& syllables_;
  std::optional<Encoding> forced_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_ENCODING_REPAIR_H_
