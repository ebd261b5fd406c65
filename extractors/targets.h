// Targets (chỉ tiêu, Document::targets): a paragraph opening with a cue of
// role "target" and a number ("Chỉ tiêu 3:", "a) Chỉ tiêu 1.") defines target
// 3; its values are the percentages it states ("đạt 65%"), or, when it
// states none, the counts directly before a year ("đạt 460 câu lạc bộ vào năm
// 2024"), each with its unit and the year a cue of role "target_year" ("vào
// năm 2025") gives it before the next value.
//
// Contract: pure; linear in the text; a target named twice keeps its first
// definition. Target::agency is left for the stage to fill from the tasks
// that name the target among their indicators.
#ifndef VNPLAN_EXTRACTORS_TARGETS_H_
#define VNPLAN_EXTRACTORS_TARGETS_H_

#include <re2/re2.h>

#include <vector>

#include "extractors/context.h"
#include "extractors/cues.h"

namespace vnplan {

class TargetExtractor {
 public:
  // `cues` must outlive the extractor.
  explicit TargetExtractor(const Cues& cues);

  std::vector<Target> Extract(const ExtractContext& ctx) const;

 private:
  std::vector<TargetValue> Values(const ExtractContext& ctx, size_t begin, size_t end) const;

  const Cues& cues_;
  RE2 number_label_;
  RE2 percent_;
  RE2 count_;
  RE2 year_;
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_TARGETS_H_
