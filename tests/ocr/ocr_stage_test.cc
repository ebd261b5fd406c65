// The OCR stage end to end on the committed fixtures: text quality, the
// two-column head, pages, PDF text layers and what it does with bad input.
#include "pipeline/ocr/ocr_stage.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "pipeline/error.h"
#include "pipeline/eval/text_metrics.h"
#include "pipeline/load.h"
#include "tests/ocr/ocr_test_util.h"

namespace vnplan {
namespace {

using testing::Fixture;
using testing::ReadFixture;
using testing::SharedOcrStage;

Document Ocr(const std::string& name) {
  Document doc = Load(Fixture(name));
  SharedOcrStage().Run(doc);
  return doc;
}

double Cer(const std::string& reference, const std::string& text) {
  return ScoreText(reference, text).cer();
}

TEST(OcrStageTest, ReadsThePageWithFewErrors) {
  Document doc = Ocr("header_200dpi.png");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, PageOrigin::kOcr);
  EXPECT_LT(Cer(ReadFixture("header_200dpi.gt.txt"), doc.original_text), 0.03) << doc.original_text;
  EXPECT_GT(doc.pages[0].mean_confidence, 70);
}

TEST(OcrStageTest, SplitsTheTwoColumnHeadIntoSeparateLines) {
  Document doc = Ocr("header_200dpi.png");
  ASSERT_GE(doc.pages.at(0).lines.size(), 4u);
  const std::vector<OcrLine>& lines = doc.pages[0].lines;
  // The issuing body and the motto share baselines but are different lines;
  // the left one comes first.
  EXPECT_LT(Cer("ỦY BAN NHÂN DÂN", lines[0].text), 0.1) << lines[0].text;
  EXPECT_LT(Cer("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", lines[1].text), 0.1) << lines[1].text;
  EXPECT_LT(lines[0].box.x + lines[0].box.width, lines[1].box.x);
}

TEST(OcrStageTest, LinesCarryBoxesConfidencesAndTheirOrigin) {
  Document doc = Ocr("header_200dpi.png");
  const Page& page = doc.pages.at(0);
  ASSERT_EQ(doc.lines.size(), page.lines.size());
  int previous_top = -1;
  for (size_t i = 0; i < page.lines.size(); ++i) {
    const OcrLine& line = page.lines[i];
    EXPECT_EQ(doc.lines[i].page, 1);
    EXPECT_EQ(doc.lines[i].line, static_cast<int>(i + 1));
    EXPECT_GT(line.box.width, 0);
    EXPECT_GT(line.box.height, 0);
    EXPECT_LE(line.box.x + line.box.width, page.width);
    EXPECT_LE(line.box.y + line.box.height, page.height);
    EXPECT_GT(line.confidence, 0);
    EXPECT_LE(line.confidence, 100);
    // Reading order: top to bottom (lines of the two-column head share a row).
    EXPECT_GE(line.box.y + line.box.height, previous_top);
    previous_top = line.box.y;
  }
  EXPECT_GT(page.ocr_seconds, 0);
}

TEST(OcrStageTest, LowResolutionTextIsUpscaledAndRead) {
  Document doc = Ocr("body_150dpi.png");
  const Page& page = doc.pages.at(0);
  EXPECT_NE(std::find(page.preprocessing.begin(), page.preprocessing.end(), "upscale"),
            page.preprocessing.end());
  EXPECT_LT(Cer(ReadFixture("body_150dpi.gt.txt"), doc.original_text), 0.03) << doc.original_text;
}

TEST(OcrStageTest, MultiPageTiffGivesOnePagePerDirectory) {
  Document doc = Ocr("two_pages.tif");
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_EQ(doc.pages[0].number, 1);
  EXPECT_EQ(doc.pages[1].number, 2);
  std::string page1, page2;
  for (const OcrLine& line : doc.pages[0].lines) page1 += line.text + "\n";
  for (const OcrLine& line : doc.pages[1].lines) page2 += line.text + "\n";
  EXPECT_LT(Cer(ReadFixture("two_pages_p1.gt.txt"), page1), 0.05) << page1;
  EXPECT_LT(Cer(ReadFixture("two_pages_p2.gt.txt"), page2), 0.05) << page2;
  EXPECT_EQ(doc.lines.front().page, 1);
  EXPECT_EQ(doc.lines.back().page, 2);
  EXPECT_EQ(doc.lines.size(), doc.pages[0].lines.size() + doc.pages[1].lines.size());
}

TEST(OcrStageTest, PdfTextLayerIsUsedAsIs) {
  Document doc = Ocr("text_layer.pdf");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, PageOrigin::kPdfTextLayer);
  EXPECT_EQ(Cer(ReadFixture("text_layer.gt.txt"), doc.original_text), 0) << doc.original_text;
}

TEST(OcrStageTest, ForceOcrRecognisesPdfPagesThatHaveText) {
  OcrOptions options;
  options.jobs = 1;
  options.force_ocr = true;
  options.pdf_dpi = 200;
  Document doc = Load(Fixture("text_layer.pdf"));
  MakeOcrStage(options)->Run(doc);
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, PageOrigin::kOcr);
  EXPECT_GT(doc.pages[0].dpi, 0);
  EXPECT_LT(Cer(ReadFixture("text_layer.gt.txt"), doc.original_text), 0.03) << doc.original_text;
}

TEST(OcrStageTest, PdfWithoutTextLayerIsRasterisedAndRead) {
  Document doc = Ocr("image_only.pdf");
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_EQ(doc.pages[0].origin, PageOrigin::kOcr);
  EXPECT_LT(Cer(ReadFixture("image_only.gt.txt"), doc.original_text), 0.03) << doc.original_text;
}

TEST(OcrStageTest, TextDocumentsPassThrough) {
  Document doc = FromText("plan.txt", "KẾ HOẠCH\nThực hiện năm 2024\n");
  const std::string before = doc.original_text;
  SharedOcrStage().Run(doc);
  EXPECT_EQ(doc.original_text, before);
  EXPECT_EQ(doc.pages.size(), 1u);
}

TEST(OcrStageTest, BlankPageIsAWarningNotAnError) {
  Document doc = Ocr("blank.png");
  ASSERT_EQ(doc.diagnostics.size(), 1u);
  EXPECT_EQ(doc.diagnostics[0].stage, "ocr");
  EXPECT_EQ(doc.diagnostics[0].page, 1);
  EXPECT_EQ(doc.original_text, "");
}

// Every failure names the file; Run() throws vnplan::Error, never crashes.
void ExpectError(Document doc, const std::string& reason_part) {
  const std::string path = doc.source_path;
  try {
    SharedOcrStage().Run(doc);
    ADD_FAILURE() << path << ": no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), path);
    EXPECT_NE(std::string(e.what()).find(path), std::string::npos) << e.what();
    EXPECT_NE(e.reason().find(reason_part), std::string::npos) << e.what();
  }
}

TEST(OcrStageTest, TruncatedImageIsAnErrorNamingTheFile) {
  ExpectError(Load(Fixture("truncated.png")), "truncated");
}

TEST(OcrStageTest, EncryptedPdfIsAnErrorNamingTheFile) {
  ExpectError(Load(Fixture("encrypted.pdf")), "encrypted");
}

TEST(OcrStageTest, CorruptPdfIsAnError) {
  std::string bytes = ReadFixture("text_layer.pdf");
  bytes.resize(bytes.size() / 3);
  Document doc;
  doc.source_path = "cut.pdf";
  doc.format = DetectFormat(bytes);
  doc.bytes = bytes;
  ASSERT_EQ(doc.format, "pdf");
  ExpectError(std::move(doc), "PDF");
}

}  // namespace
}  // namespace vnplan
