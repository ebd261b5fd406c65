#include "pipeline/repair/model_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "pipeline/error.h"

namespace vnplan {
namespace {

class ModelFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("vnplan_model_file_test_" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Path(const std::string& name) const { return (dir_ / name).string(); }
  void WriteRaw(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
  }
  // The error message of reading `path`, or "" if it read.
  std::string ReadError(const std::string& path) {
    try {
      ReadModelFile(path, "test-model", 3);
    } catch (const Error& e) {
      EXPECT_EQ(e.file(), path);
      return e.reason();
    }
    return "";
  }

  std::filesystem::path dir_;
};

TEST_F(ModelFileTest, RoundTrip) {
  std::string body;
  PutRaw<uint32_t>(&body, 7);
  PutRaw<float>(&body, 1.5f);
  body += "abc";
  WriteModelFile(Path("m.bin"), "test-model", 3, body);
  std::string read = ReadModelFile(Path("m.bin"), "test-model", 3);
  ModelReader in(read, Path("m.bin"));
  EXPECT_EQ(in.Get<uint32_t>(), 7u);
  EXPECT_EQ(in.Get<float>(), 1.5f);
  EXPECT_EQ(in.Take(3), "abc");
  EXPECT_TRUE(in.done());
}

TEST_F(ModelFileTest, MissingFileIsNamed) {
  EXPECT_NE(ReadError(Path("absent.bin")).find("cannot open"), std::string::npos);
}

TEST_F(ModelFileTest, OtherKindOrVersionIsRefused) {
  WriteModelFile(Path("v2.bin"), "test-model", 2, "body");
  EXPECT_NE(ReadError(Path("v2.bin")).find("expected kind"), std::string::npos);
  WriteModelFile(Path("other.bin"), "other-model", 3, "body");
  EXPECT_NE(ReadError(Path("other.bin")).find("expected kind"), std::string::npos);
  WriteRaw(Path("text.bin"), "just some text without a header line");
  EXPECT_NE(ReadError(Path("text.bin")).find("expected kind"), std::string::npos);
}

TEST_F(ModelFileTest, TruncatedFileIsCaught) {
  WriteModelFile(Path("m.bin"), "test-model", 3, std::string(100, 'x'));
  std::string whole;
  {
    std::ifstream in(Path("m.bin"), std::ios::binary);
    whole.assign(std::istreambuf_iterator<char>(in), {});
  }
  WriteRaw(Path("cut.bin"), whole.substr(0, whole.size() - 10));
  EXPECT_NE(ReadError(Path("cut.bin")).find("truncated"), std::string::npos);
}

TEST_F(ModelFileTest, ReaderOverrunThrowsNamingTheFile) {
  ModelReader in("ab", "x.bin");
  try {
    in.Get<uint32_t>();
    FAIL() << "overrun not caught";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "x.bin");
  }
}

}  // namespace
}  // namespace vnplan
