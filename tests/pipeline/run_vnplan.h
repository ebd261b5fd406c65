// Test helpers that drive the real `vnplan` binary, as users and scripts do,
// and check its JSON against the published schema.
#ifndef VNPLAN_TESTS_PIPELINE_RUN_VNPLAN_H_
#define VNPLAN_TESTS_PIPELINE_RUN_VNPLAN_H_

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vnplan::testing {

inline std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

struct RunResult {
  int exit_code = -1;
  std::string out, err;
};

// A fresh directory per test, removed afterwards.
class TempDir {
 public:
  TempDir() {
    const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
    path_ = std::filesystem::temp_directory_path() /
            ("vnplan-" + std::string(info->test_suite_name()) + "-" + info->name() + "-" +
             std::to_string(::getpid()));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// Runs `vnplan ARGS` through the shell (ARGS is shell syntax, so tests can
// pipe into it) with stdout and stderr captured in `dir`.
inline RunResult RunVnplan(const std::string& args, const std::filesystem::path& dir) {
  const auto out = dir / "stdout", err = dir / "stderr";
  std::string command =
      std::string(VNPLAN_BINARY) + " " + args + " >" + out.string() + " 2>" + err.string();
  int status = std::system(command.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = ReadAll(out);
  r.err = ReadAll(err);
  return r;
}

inline std::string Quote(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// Validates each file (JSON or JSON Lines) with scripts/validate_json.py;
// returns its complaints, empty when every document matches the schema.
inline std::string SchemaErrors(const std::filesystem::path& file) {
  const std::filesystem::path root = std::filesystem::path(VNPLAN_TEST_DATA) / ".." / "..";
  std::string command = "/usr/bin/python3 " + Quote(root / "scripts" / "validate_json.py") + " " +
                        Quote(file) + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return "cannot run: " + command;
  std::string errors;
  char buf[4096];
  for (size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) errors.append(buf, n);
  int status = ::pclose(pipe);
  if (status != 0 && errors.empty()) errors = "validator failed to run: " + command;
  return errors;
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_PIPELINE_RUN_VNPLAN_H_
