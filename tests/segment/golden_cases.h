// Plans with hand-checked expected facts (see corpus/README), segmented, for
// the golden tests of the segment stage and the header and signature
// extractors: the project's own plans (corpus/plans/*.expected.json), the
// reference text of seed 001 (tests/data/acceptance) and, when ../shared is
// present, seeds 002 and 004 themselves.
#ifndef VNPLAN_TESTS_SEGMENT_GOLDEN_CASES_H_
#define VNPLAN_TESTS_SEGMENT_GOLDEN_CASES_H_

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/load.h"
#include "pipeline/segment/segment_stage.h"

namespace vnplan {

struct GoldenCase {
  std::string name;
  Document doc;             // Segmented.
  nlohmann::json expected;  // The expected-facts file.
};

inline std::string ReadGoldenFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

inline GoldenCase MakeGoldenCase(const std::filesystem::path& text,
                                 const std::filesystem::path& expected) {
  static const auto stage = MakeSegmentStage({VNPLAN_MODELS_DIR});
  GoldenCase c{text.filename().string(), FromText(text.string(), ReadGoldenFile(text)),
               nlohmann::json::parse(ReadGoldenFile(expected))};
  c.doc.text = c.doc.original_text;
  stage->Run(c.doc);
  return c;
}

// `shared` false: the cases the repository holds; true: the seeds under
// ../shared (none when it is absent).
inline std::vector<GoldenCase> GoldenCases(bool shared) {
  namespace fs = std::filesystem;
  std::vector<GoldenCase> cases;
  fs::path data = VNPLAN_TEST_DATA;
  fs::path acceptance = data / "acceptance";
  if (!shared) {
    std::vector<fs::path> plans;
    for (const auto& e : fs::directory_iterator(data / ".." / ".." / "corpus" / "plans")) {
      if (e.path().extension() == ".txt") plans.push_back(e.path());
    }
    std::sort(plans.begin(), plans.end());
    for (const fs::path& p : plans) {
      fs::path expected = p;
      expected.replace_extension(".expected.json");
      if (fs::exists(expected)) cases.push_back(MakeGoldenCase(p, expected));
    }
    cases.push_back(MakeGoldenCase(acceptance / "seed_001.reference.txt",
                                   acceptance / "seed_001.expected.json"));
    return cases;
  }
  fs::path seeds = fs::path(VNPLAN_SHARED_DIR) / "seeds";
  if (!fs::is_directory(seeds)) return cases;
  for (const auto& e : fs::directory_iterator(seeds)) {
    std::string name = e.path().filename().string();
    for (std::string n : {"002", "004"}) {
      if (name.starts_with(n + "_") && e.path().extension() == ".txt") {
        cases.push_back(MakeGoldenCase(e.path(), acceptance / ("seed_" + n + ".expected.json")));
      }
    }
  }
  return cases;
}

}  // namespace vnplan

#endif  // VNPLAN_TESTS_SEGMENT_GOLDEN_CASES_H_
