// Reads a Document back from the JSON `vnplan run` and `vnplan extract` write
// (pipeline/json_output.h), so that saved outputs can be scored without
// running the pipeline again. Only the text and what segment and extract
// produce are read; spans come back as byte offsets into Document::text (the
// JSON gives code points). Fields the JSON lacks stay empty.
#ifndef VNPLAN_PIPELINE_EVAL_RUN_JSON_H_
#define VNPLAN_PIPELINE_EVAL_RUN_JSON_H_

#include <nlohmann/json.hpp>

#include "pipeline/document.h"

namespace vnplan {

// Throws std::invalid_argument when `run` is not an output of vnplan (no
// schema_version) or a field has the wrong type.
Document DocumentFromRunJson(const nlohmann::json& run);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_EVAL_RUN_JSON_H_
