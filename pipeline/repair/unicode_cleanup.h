// UnicodeCleanup: the repair pass that makes valid UTF-8 into the one
// canonical spelling of its Vietnamese text.
//
// Contract of Run(text), `text` valid UTF-8:
//  - The result is NFC. Words that are Vietnamese syllables are rebuilt from
//    their letters, so combining marks in any order (a tone before a breve,
//    a horn after a tone) come out as the precomposed letter, and the tone
//    sits on the vowel the TonePlacement prescribes ("hòa" or "hoà"; a tone
//    on a wrong vowel, "qúy", moves to the right one, "quý").
//  - Cyrillic and Greek look-alikes (homoglyphs.tsv) inside a word that also
//    has Latin letters become the Latin letter; words wholly in another
//    script are left alone.
//  - Zero-width characters, byte-order marks and soft hyphens are removed;
//    odd spaces (no-break, en/em, ideographic...) become U+0020. Tabs and
//    line breaks are never touched, so the line count is preserved.
//  - Text already in that form comes out byte-identical with no edits.
// Every change is an edit of kind "normalization" (or "homoglyph") with
// confidence 1: these are spelling equivalences, not guesses.
#ifndef VNPLAN_PIPELINE_REPAIR_UNICODE_CLEANUP_H_
#define VNPLAN_PIPELINE_REPAIR_UNICODE_CLEANUP_H_

#include <unicode/normalizer2.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "pipeline/repair/repair_stage.h"
#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/vietnamese_syllable.h"
#include "pipeline/repair/word_memo.h"

namespace vnplan {

class UnicodeCleanup {
 public:
  // Reads `encodings_dir`/homoglyphs.tsv; throws vnplan::Error if it is
  // missing or malformed. `syllables` must outlive the pass.
  UnicodeCleanup(const std::string& encodings_dir, const VietnameseSyllables& syllables,
                 TonePlacement placement);

  // The canonical spellings of the words a caller's Run() calls have met,
  // by the bytes they were written in.
  using Memo = WordMemo<char, std::pair<std::string, bool>>;

  Rewrite Run(std::string_view text) const {
    Memo memo;
    return Run(text, &memo);
  }
  // Run() for a caller that cleans many pieces of one text: `memo` carries
  // what one piece worked out to the next.
  Rewrite Run(std::string_view text, Memo* memo) const;

 private:
  // Appends the canonical spelling of `word` (letters, marks and ignorable
  // characters) to `out`; returns true if a homoglyph was replaced.
  bool Canonical(std::u32string_view word, std::string* out) const;

  const VietnameseSyllables& syllables_;
  TonePlacement placement_;
  std::unordered_map<char32_t, char32_t> homoglyphs_;
  const icu::Normalizer2* nfc_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_UNICODE_CLEANUP_H_
