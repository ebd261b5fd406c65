#include "extractors/extract_stage.h"

#include <gtest/gtest.h>

#include "pipeline/load.h"

namespace vnplan {
namespace {

TEST(ExtractStage, EmptyTextWarnsAndLeavesEverythingEmpty) {
  auto stage = MakeExtractStage({VNPLAN_MODELS_DIR});
  Document doc = FromText("empty.txt", "");
  stage->Run(doc);
  EXPECT_TRUE(doc.references.empty());
  EXPECT_TRUE(doc.tasks.empty());
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_EQ(doc.diagnostics.back().stage, "extract");
}

}  // namespace
}  // namespace vnplan
