// The segment stage: Document::text to the document's zones (Layout) and the
// tree of numbered parts (Document::sections), following the layout of
// decree 30/2020/ND-CP but tolerant of the variations and OCR damage real
// plans show. Patterns and part kinds are data in `models_dir`.
#ifndef VNPLAN_PIPELINE_SEGMENT_SEGMENT_STAGE_H_
#define VNPLAN_PIPELINE_SEGMENT_SEGMENT_STAGE_H_

#include <memory>
#include <string>

#include "pipeline/stage.h"

namespace vnplan {

struct SegmentOptions {
  std::string models_dir;
};

std::unique_ptr<Stage> MakeSegmentStage(const SegmentOptions& options);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_SEGMENT_STAGE_H_
