// End-to-end: the `vnplan` command line on the project's own fixtures, the
// way users and batch scripts call it.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/pipeline/run_vnplan.h"

namespace vnplan::testing {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

const fs::path kData = VNPLAN_TEST_DATA;
const fs::path kPlan = kData / "pipeline" / "plan_thu_vien.txt";
const fs::path kSample = kData / ".." / ".." / "corpus" / "samples" / "sample_plan.png";

TEST(Cli, RunOnTextWritesSchemaValidJsonWithExtractedFacts) {
  TempDir dir;
  RunResult r = RunVnplan("run " + Quote(kPlan), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto file = dir.path() / "doc.json";
  std::ofstream(file) << r.out;
  EXPECT_EQ(SchemaErrors(file), "");

  json doc = json::parse(r.out);
  EXPECT_EQ(doc["source"]["format"], "text");
  EXPECT_EQ(doc["text"]["original"], ReadAll(kPlan));
  EXPECT_EQ(doc["header"]["number"]["value"], "27");
  EXPECT_EQ(doc["header"]["symbol"]["value"], "KH-UBND");
  EXPECT_EQ(doc["header"]["date"]["value"], "2024-04-09");
  bool cites_decision = false;
  for (const auto& ref : doc["references"]) {
    cites_decision |= ref["id"] == "quyet-dinh-329-2017-qd-ttg";
  }
  EXPECT_TRUE(cites_decision) << doc["references"].dump();
  std::vector<std::string> numbers;
  for (const auto& s : doc["sections"]) {
    if (s["level"] == 1) numbers.push_back(s["number"]);
  }
  EXPECT_EQ(numbers, (std::vector<std::string>{"I", "II", "III", "IV"}));
}

TEST(Cli, ReadsStandardInput) {
  TempDir dir;
  RunResult r = RunVnplan("extract - < " + Quote(kPlan), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["header"]["symbol"]["value"], "KH-UBND");
}

TEST(Cli, BatchGoesOnPastBrokenFilesAndSaysWhichFailed) {
  TempDir dir;
  const fs::path in = dir.path() / "in";
  fs::create_directories(in);
  fs::copy_file(kPlan, in / "a.txt");
  std::ofstream(in / "b.png", std::ios::binary) << std::string("\x89PNG\r\n\x1a\n\0\0\0", 11);
  std::ofstream(in / "c.bin", std::ios::binary) << std::string("\x01\x02\x00\x03\x04", 5);
  fs::copy_file(kPlan, in / "d.txt");
  const fs::path out = dir.path() / "out";

  RunResult r = RunVnplan("run --jobs 2 -o " + Quote(out) + " " + Quote(in), dir.path());
  EXPECT_EQ(r.exit_code, 1) << r.err;
  EXPECT_NE(r.err.find("b.png"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("c.bin"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("2 done, 2 failed"), std::string::npos) << r.err;

  // Outputs mirror the input path; only the good files have one, each complete.
  const fs::path written = out / in.relative_path();
  EXPECT_TRUE(fs::exists(written / "a.txt.json"));
  EXPECT_TRUE(fs::exists(written / "d.txt.json"));
  EXPECT_FALSE(fs::exists(written / "b.png.json"));
  EXPECT_EQ(SchemaErrors(written / "a.txt.json"), "");
  for (const auto& entry : fs::directory_iterator(written)) {
    EXPECT_EQ(entry.path().extension(), ".json") << "leftover temporary " << entry.path();
  }

  // A rerun with --resume skips what is done and retries only the failures.
  RunResult again = RunVnplan("run --resume -o " + Quote(out) + " " + Quote(in), dir.path());
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("0 done, 2 failed, 2 skipped"), std::string::npos) << again.err;
}

TEST(Cli, ManyInputsWithoutOutDirStreamJsonLines) {
  TempDir dir;
  RunResult r = RunVnplan("extract " + Quote(kPlan) + " " + Quote(kPlan), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto file = dir.path() / "docs.jsonl";
  std::ofstream(file) << r.out;
  std::istringstream lines(r.out);
  std::string line;
  int count = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(json::parse(line)["header"]["number"]["value"], "27");
    ++count;
  }
  EXPECT_EQ(count, 2);
  EXPECT_EQ(SchemaErrors(file), "");
}

TEST(Cli, MissingFileIsNamedWithTheReason) {
  TempDir dir;
  RunResult r = RunVnplan("run " + Quote(dir.path() / "nope.pdf"), dir.path());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("nope.pdf"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(Cli, UnknownFlagIsAUsageError) {
  TempDir dir;
  RunResult r = RunVnplan("run --no-such-flag " + Quote(kPlan), dir.path());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-flag"), std::string::npos) << r.err;
}

TEST(Cli, EverySubcommandHasHelp) {
  TempDir dir;
  for (const char* sub : {"run", "ocr", "repair", "extract", "eval text", "eval extract"}) {
    RunResult r = RunVnplan(std::string(sub) + " --help", dir.path());
    EXPECT_EQ(r.exit_code, 0) << sub << ": " << r.err;
    EXPECT_NE(r.out.find("Usage"), std::string::npos) << sub << ": " << r.out;
  }
}

// The set-up command's own job: the bundled scan, through every stage.
TEST(Cli, RunOnTheBundledSampleScan) {
  TempDir dir;
  RunResult r = RunVnplan("run --jobs 2 " + Quote(kSample), dir.path());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto file = dir.path() / "sample.json";
  std::ofstream(file) << r.out;
  EXPECT_EQ(SchemaErrors(file), "");
  json doc = json::parse(r.out);
  ASSERT_EQ(doc["pages"].size(), 1u);
  EXPECT_EQ(doc["pages"][0]["origin"], "ocr");
  EXPECT_FALSE(doc["pages"][0]["lines"].empty());
  EXPECT_EQ(doc["header"]["number"]["value"], "41");
  EXPECT_EQ(doc["header"]["date"]["value"], "2023-05-20");
  EXPECT_NE(doc["signature"]["name"], nullptr);
}

}  // namespace
}  // namespace vnplan::testing
