#include "pipeline/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "pipeline/error.h"

namespace vnplan {
namespace {

TEST(WriteFileAtomically, CreatesParentsReplacesAndLeavesNoTemporaries) {
  auto dir = std::filesystem::temp_directory_path() / "vnplan_atomic_test";
  std::filesystem::remove_all(dir);
  std::string path = (dir / "a" / "b.json").string();
  WriteFileAtomically(path, "first");
  WriteFileAtomically(path, "second");
  std::ifstream in(path);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), "second");
  int entries = 0;
  for (auto& e : std::filesystem::directory_iterator(dir / "a")) {
    (void)e;
    ++entries;
  }
  EXPECT_EQ(entries, 1);
}

TEST(WriteFileAtomically, FailureNamesThePath) {
  try {
    WriteFileAtomically("/proc/vnplan/x.json", "x");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "/proc/vnplan/x.json");
  }
}

}  // namespace
}  // namespace vnplan
