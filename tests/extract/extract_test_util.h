// Helpers for extract tests: a Document built from plan text the tests write,
// segmented as the pipeline would before extraction.
#ifndef VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <memory>
#include <string>

#include "extractors/extract_stage.h"
#include "pipeline/load.h"
#include "pipeline/segment/segment_model.h"
#include "pipeline/segment/segment_stage.h"

namespace vnplan {

inline const SegmentModel& TestSegmentModel() {
  static const SegmentModel model = SegmentModel::Load(VNPLAN_MODELS_DIR);
  return model;
}

// The Document as the extractors receive it: loaded and segmented.
inline Document Segmented(const std::string& text) {
  static const std::unique_ptr<Stage> segment = MakeSegmentStage({VNPLAN_MODELS_DIR});
  Document doc = FromText("plan.txt", text);
  doc.text = doc.original_text;
  segment->Run(doc);
  return doc;
}

inline Document Extracted(const std::string& text) {
  static const std::unique_ptr<Stage> extract = MakeExtractStage({VNPLAN_MODELS_DIR});
  Document doc = Segmented(text);
  extract->Run(doc);
  return doc;
}

}  // namespace vnplan

#endif  // VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
