// `vnplan eval extract` as users call it, on a saved run JSON written here
// from a hand-made Document, so the command is tested apart from how well the
// extractors do.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "pipeline/json_output.h"
#include "tests/pipeline/run_vnplan.h"

namespace vnplan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

class EvalExtractCli : public ::testing::Test {
 protected:
  void SetUp() override {
    Document doc;
    doc.text = "Căn cứ Quyết định số 23/QĐ-TTg ngày 07/01/2021;\n- Sở Y tế tổ chức khám.\n";
    doc.header.number = {"15", {}};
    Reference ref;
    ref.id = "quyet-dinh-23-2021-qd-ttg";
    doc.references.push_back(ref);
    Task task;
    task.text = {"- Sở Y tế tổ chức khám.", {60, 92, 2, 2}};
    doc.tasks.push_back(task);
    run_ = dir_.path() / "plan.json";
    std::ofstream(run_) << Dump(ToJson(doc));
    expected_ = dir_.path() / "plan.expected.json";
    std::ofstream(expected_) << R"({
      "header": {"number": "15", "date": "2023-03-14"},
      "references": ["quyet-dinh-23-2021-qd-ttg", "luat-39-2009-qh12"],
      "tasks": [{"starts": "Sở Y tế tổ chức khám", "lead": null}]
    })";
  }

  TempDir dir_;
  fs::path run_, expected_;
};

TEST_F(EvalExtractCli, ScoresASavedRunAsJson) {
  RunResult r =
      RunVnplan("eval extract --json " + Quote(expected_) + " " + Quote(run_), dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json out = json::parse(r.out);
  EXPECT_EQ(out["documents"], 1);
  EXPECT_EQ(out["rows"]["references"]["tp"], 1);
  EXPECT_EQ(out["rows"]["references"]["fn"], 1);
  EXPECT_DOUBLE_EQ(out["rows"]["references"]["recall"].get<double>(), 0.5);
  EXPECT_EQ(out["rows"]["header"]["tp"], 1);
  EXPECT_EQ(out["rows"]["header"]["fn"], 1);
  EXPECT_EQ(out["rows"]["tasks"]["tp"], 1);
  EXPECT_EQ(out["total"]["tp"], 3);
  EXPECT_EQ(out["total"]["fn"], 2);
  ASSERT_EQ(out["files"].size(), 1u);
  EXPECT_EQ(out["files"][0]["errors"].size(), 2u);
}

TEST_F(EvalExtractCli, PrintsATableAndTheMismatches) {
  RunResult r =
      RunVnplan("eval extract --errors " + Quote(expected_) + " " + Quote(run_) + " " + Quote(run_),
                dir_.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("2 document(s)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("references"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("references: missing luat-39-2009-qh12"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("total"), std::string::npos) << r.out;
}

TEST_F(EvalExtractCli, BadCallsAndBadFiles) {
  EXPECT_EQ(RunVnplan("eval extract " + Quote(expected_), dir_.path()).exit_code, 2);
  EXPECT_EQ(RunVnplan("eval extract --dir " + Quote(dir_.path() / "none"), dir_.path()).exit_code,
            2);
  std::ofstream(expected_) << R"({"taks": []})";
  RunResult r = RunVnplan("eval extract " + Quote(expected_) + " " + Quote(run_), dir_.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("taks"), std::string::npos) << r.err;
  r = RunVnplan("eval extract " + Quote(expected_) + " " + Quote(dir_.path() / "missing.json"),
                dir_.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("missing.json"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace vnplan::testing
