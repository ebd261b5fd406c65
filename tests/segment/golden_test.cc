// Top-level parts (number and kind) of plans with hand-checked expected
// facts; see golden_cases.h.
#include <gtest/gtest.h>

#include "tests/segment/golden_cases.h"

namespace vnplan {
namespace {

void ExpectTopLevelParts(const GoldenCase& c) {
  SCOPED_TRACE(c.name);
  if (!c.expected.contains("sections")) return;
  std::vector<std::string> want, got;
  for (const auto& s : c.expected["sections"]) {
    want.push_back(s["number"].get<std::string>() + " " + s["kind"].get<std::string>());
  }
  for (const Section& s : c.doc.sections) {
    if (!s.kind.empty()) got.push_back(s.number + " " + s.kind);
  }
  EXPECT_EQ(got, want);
}

TEST(SegmentGolden, ProjectPlans) {
  std::vector<GoldenCase> cases = GoldenCases(false);
  ASSERT_GE(cases.size(), 9u);
  for (const GoldenCase& c : cases) ExpectTopLevelParts(c);
}

TEST(SegmentGolden, Seeds) {
  std::vector<GoldenCase> cases = GoldenCases(true);
  if (cases.empty()) GTEST_SKIP() << "../shared/seeds is absent: acceptance seeds not checked";
  for (const GoldenCase& c : cases) ExpectTopLevelParts(c);
}

}  // namespace
}  // namespace vnplan
