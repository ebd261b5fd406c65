// The extract stage: from the segmented text to the plan's data: header,
// cited documents, agencies, tasks, targets, signature and recipients.
// Gazetteers and patterns are data in `models_dir`. Everything extracted
// carries a SourceSpan; what cannot be found is left empty with a warning.
#ifndef VNPLAN_EXTRACTORS_EXTRACT_STAGE_H_
#define VNPLAN_EXTRACTORS_EXTRACT_STAGE_H_

#include <memory>
#include <string>

#include "pipeline/stage.h"

namespace vnplan {

struct ExtractOptions {
  std::string models_dir;
};

std::unique_ptr<Stage> MakeExtractStage(const ExtractOptions& options);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_EXTRACT_STAGE_H_
