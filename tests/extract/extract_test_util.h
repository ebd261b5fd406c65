// Helpers for extract tests: a Document built from plan text the tests write,
// segmented as the pipeline would before extraction.
#ifndef VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
#define VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_

#include <memory>
#include <string>

#include "extractors/extract_stage.h"
#include "pipeline/load.h"
#include "pipeline/segment/segment_stage.h"

namespace vnplan {

inline Document Extracted(const std::string& text) {
  static const std::unique_ptr<Stage> segment = MakeSegmentStage({VNPLAN_MODELS_DIR});
  static const std::unique_ptr<Stage> extract = MakeExtractStage({VNPLAN_MODELS_DIR});
  Document doc = FromText("plan.txt", text);
  doc.text = doc.original_text;
  segment->Run(doc);
  extract->Run(doc);
  return doc;
}

}  // namespace vnplan

#endif  // VNPLAN_TESTS_EXTRACT_EXTRACT_TEST_UTIL_H_
