// Rewrite: the result of one repair pass over a string, with a log of what
// changed, and the algebra to chain passes.
//
// Contract of a Rewrite produced from an input string `in`:
//  - `edits` are sorted, do not overlap and do not touch (two changed spans
//    with no unchanged byte between them are one edit).
//  - For each edit, in[original_begin, original_end) (its before(in))
//    differs from text[begin, end) (its after(text)).
//  - Every byte outside the edits is copied: the stretches of `in` between
//    edits appear in `text`, in order, between the corresponding edits.
// So the edits alone map any offset of `in` to `text` and back, and a pass
// that changes nothing returns its input with no edits.
//
// Passes never compute offsets by hand: they walk their input with a
// RewriteBuilder, copying unchanged spans and replacing changed ones.
#ifndef VNPLAN_PIPELINE_REPAIR_REWRITE_H_
#define VNPLAN_PIPELINE_REPAIR_REWRITE_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace vnplan {

struct Rewrite {
  std::string text;
  std::vector<RepairEdit> edits;
};

// Builds a Rewrite by walking `input` left to right. `input` must outlive the
// builder. Replacements that touch the previous edit extend it (kinds are
// joined with '+', confidence is the lower one).
//
// An input changed everywhere (a 100 MB line in a legacy encoding) would
// otherwise hold one edit per syllable; past `max_edits` further changes are
// folded into the last edit, so memory stays proportional to the input.
class RewriteBuilder {
 public:
  static constexpr size_t kDefaultMaxEdits = size_t{1} << 20;

  explicit RewriteBuilder(std::string_view input, size_t max_edits = kDefaultMaxEdits);

  // Position in the input: everything before it has been copied or replaced.
  size_t position() const { return pos_; }
  size_t remaining() const { return input_.size() - pos_; }

  // Makes room for `n` more edits: a caller that knows about how many it
  // will make spares the log its growth, which would write every edit
  // twice over into fresh memory.
  void ReserveEdits(size_t n);

  // Copies the next `n` input bytes unchanged.
  void Copy(size_t n);
  // Copies unchanged up to input offset `input_offset` (>= position()).
  void CopyTo(size_t input_offset);
  // Replaces the next `n` input bytes (0 to insert) by `replacement`. A
  // replacement equal to the input bytes is a copy and records nothing.
  void Replace(size_t n, std::string_view replacement, std::string_view kind,
               double confidence = 1);

  // Copies the rest of the input and returns the result. The builder is
  // spent afterwards.
  Rewrite Finish();

 private:
  std::string_view input_;
  size_t max_edits_;
  size_t pos_ = 0;
  Rewrite out_;
};

// The Rewrite of applying `first` to `input` then `second` (whose input is
// first.text): text is second.text, edits run from `input` to second's
// output. Edits of either pass that overlap or touch become one edit; a
// merged change that restores the original bytes disappears.
Rewrite Compose(std::string_view input, const Rewrite& first, const Rewrite& second);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_REWRITE_H_
