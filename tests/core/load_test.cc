#include "pipeline/load.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "pipeline/error.h"

namespace vnplan {
namespace {

std::string TempFile(const std::string& name, const std::string& content) {
  auto path = std::filesystem::temp_directory_path() / ("vnplan_load_test_" + name);
  std::ofstream(path, std::ios::binary) << content;
  return path.string();
}

TEST(DetectFormat, RecognisesSignaturesNotNames) {
  EXPECT_EQ(DetectFormat("\x89PNG\r\n\x1a\n...."), "png");
  EXPECT_EQ(DetectFormat("\xff\xd8\xff\xe0...."), "jpeg");
  EXPECT_EQ(DetectFormat(std::string("II*\0....", 8)), "tiff");
  EXPECT_EQ(DetectFormat(std::string("MM\0*....", 8)), "tiff");
  EXPECT_EQ(DetectFormat("%PDF-1.7\n"), "pdf");
  EXPECT_EQ(DetectFormat("P5\n10 10\n255\n"), "pnm");
  EXPECT_EQ(DetectFormat(std::string("RIFF\x10\0\0\0WEBPVP8 ", 16)), "webp");
  EXPECT_EQ(DetectFormat(std::string("BM\x36\0\0\0\0\0\0\0\x36\0\0\0\x28\0\0\0", 18)), "bmp");
  EXPECT_EQ(DetectFormat("Kế hoạch thực hiện\n"), "text");
  // TCVN3 bytes are not UTF-8 but still text for repair to decode.
  EXPECT_EQ(DetectFormat("K\xd5 ho\xb9\x63h\n"), "text");
  EXPECT_EQ(DetectFormat(std::string("\x01\x02\x00\x03", 4)), "");
  EXPECT_EQ(DetectFormat(""), "");
}

TEST(DocumentId, StableAndContentBased) {
  EXPECT_EQ(DocumentId("abc"), DocumentId("abc"));
  EXPECT_NE(DocumentId("abc"), DocumentId("abd"));
  EXPECT_EQ(DocumentId("abc").size(), 32u);
}

TEST(FromText, SplitsPagesAtFormFeedsAndKeepsLineCount) {
  Document doc = FromText("x.txt", "một\nhai\n\fba\nbốn");
  EXPECT_EQ(doc.format, "text");
  EXPECT_EQ(doc.original_text, "một\nhai\nba\nbốn");
  ASSERT_EQ(doc.lines.size(), 4u);
  EXPECT_EQ(doc.lines[1].page, 1);
  EXPECT_EQ(doc.lines[1].line, 2);
  EXPECT_EQ(doc.lines[2].page, 2);
  EXPECT_EQ(doc.lines[2].line, 1);
  EXPECT_EQ(doc.lines[3].line, 2);
  EXPECT_EQ(doc.pages.size(), 2u);
}

TEST(Load, ErrorsNameTheFileAndReason) {
  try {
    Load("/nonexistent/plan.png");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "/nonexistent/plan.png");
    EXPECT_NE(std::string(e.what()).find("no such file"), std::string::npos);
  }
  std::string empty = TempFile("empty", "");
  EXPECT_THROW(Load(empty), Error);
  std::string binary = TempFile("binary", std::string("\x7f"
                                                      "ELF\x02\x01\x01\0\0\0",
                                                      10));
  try {
    Load(binary);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("unknown format"), std::string::npos);
  }
  EXPECT_THROW(Load(std::filesystem::temp_directory_path().string()), Error);
}

TEST(Load, TextFileEntersWithoutOcr) {
  Document doc = Load(TempFile("plan.png", "KẾ HOẠCH\nThực hiện\n"));
  EXPECT_EQ(doc.format, "text");  // The name says png; the content says text.
  EXPECT_EQ(doc.original_text, "KẾ HOẠCH\nThực hiện\n");
  EXPECT_TRUE(doc.bytes.empty());
}

TEST(PagesToRecognize, CountsImagesNotTextAndStopsAtTheLimit) {
  const std::string png = TempFile("one.png", std::string("\x89PNG\r\n\x1a\n", 8) + "rest");
  const std::string jpeg = TempFile("two.jpg", "\xff\xd8\xff\xe0rest");
  const std::string pdf = TempFile("many.pdf", "%PDF-1.4\n");
  const std::string text = TempFile("plan.txt", "Kế hoạch\n");
  EXPECT_EQ(PagesToRecognize({text, text}, 8), 0u);
  EXPECT_EQ(PagesToRecognize({png, text, jpeg, "/no/such/file"}, 8), 2u);
  EXPECT_EQ(PagesToRecognize({png, jpeg, png}, 2), 2u);
  EXPECT_EQ(PagesToRecognize({text, pdf}, 8), 8u);  // A PDF may hold any number.
  EXPECT_EQ(PagesToRecognize({"-"}, 4), 4u);
}

TEST(ExpandInputs, WalksDirectoriesSortedAndSkipsHidden) {
  auto dir = std::filesystem::temp_directory_path() / "vnplan_expand_test";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "b");
  std::filesystem::create_directories(dir / ".git");
  std::ofstream(dir / "b" / "2.txt") << "x";
  std::ofstream(dir / "a.txt") << "x";
  std::ofstream(dir / ".hidden") << "x";
  std::ofstream(dir / ".git" / "HEAD") << "x";
  std::vector<std::string> errors;
  auto files = ExpandInputs({dir.string(), "plain.txt"}, &errors);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], (dir / "a.txt").string());
  EXPECT_EQ(files[1], (dir / "b" / "2.txt").string());
  EXPECT_EQ(files[2], "plain.txt");
  EXPECT_TRUE(errors.empty());
}

}  // namespace
}  // namespace vnplan
