// PageReader: formats recognised by content, pages, PDF text layers, and
// refusal of absurd page sizes before any pixel is decoded.
#include "pipeline/ocr/page_reader.h"

#include <gtest/gtest.h>

#include <string>

#include "pipeline/error.h"
#include "tests/ocr/ocr_test_util.h"

namespace vnplan {
namespace {

using testing::DocumentOf;
using testing::Fixture;
using testing::ReadFixture;
using testing::ReadPix;

struct FormatCase {
  int leptonica_format;
  const char* format;
};

class ImageFormatTest : public ::testing::TestWithParam<FormatCase> {};

TEST_P(ImageFormatTest, DecodesThePageAtItsSize) {
  PixPtr page = ReadPix("header_200dpi.png");
  ASSERT_TRUE(page);
  // Formats that hold only bilevel images get one.
  PixPtr source(GetParam().leptonica_format == IFF_TIFF_G4 ? pixConvertTo1(page.get(), 128)
                                                           : pixClone(page.get()));
  Document doc = DocumentOf(source.get(), GetParam().leptonica_format, "page");
  ASSERT_EQ(doc.format, GetParam().format);
  auto reader = PageReader::Open(doc, 300, false);
  ASSERT_EQ(reader->page_count(), 1);
  PageContent content = reader->ReadPage(0);
  ASSERT_TRUE(content.image);
  EXPECT_EQ(pixGetWidth(content.image.get()), pixGetWidth(page.get()));
  EXPECT_EQ(pixGetHeight(content.image.get()), pixGetHeight(page.get()));
  EXPECT_FALSE(content.text_layer);
}

INSTANTIATE_TEST_SUITE_P(Formats, ImageFormatTest,
                         ::testing::Values(FormatCase{IFF_PNG, "png"},
                                           FormatCase{IFF_JFIF_JPEG, "jpeg"},
                                           FormatCase{IFF_TIFF_G4, "tiff"},
                                           FormatCase{IFF_PNM, "pnm"}, FormatCase{IFF_BMP, "bmp"},
                                           FormatCase{IFF_WEBP, "webp"}),
                         [](const auto& info) { return std::string(info.param.format); });

TEST(PageReaderTest, MultiPageTiffHasEachPage) {
  Document doc;
  doc.source_path = "two_pages.tif";
  doc.bytes = ReadFixture("two_pages.tif");
  doc.format = DetectFormat(doc.bytes);
  auto reader = PageReader::Open(doc, 300, false);
  ASSERT_EQ(reader->page_count(), 2);
  EXPECT_TRUE(reader->ReadPage(0).image);
  EXPECT_TRUE(reader->ReadPage(1).image);
  EXPECT_EQ(reader->ReadPage(1).dpi, 200);
}

TEST(PageReaderTest, PdfPageIsRenderedAtTheAskedResolution) {
  Document doc;
  doc.source_path = "image_only.pdf";
  doc.bytes = ReadFixture("image_only.pdf");
  doc.format = "pdf";
  auto reader = PageReader::Open(doc, 100, false);
  ASSERT_EQ(reader->page_count(), 1);
  PageContent content = reader->ReadPage(0);
  ASSERT_TRUE(content.image);
  EXPECT_FALSE(content.text_layer);
  EXPECT_EQ(content.dpi, 100);
  // img2pdf kept the image's 150 dpi: at 100 dpi the page is 2/3 its size.
  PixPtr original = ReadPix("body_150dpi.png");
  EXPECT_NEAR(pixGetWidth(content.image.get()), pixGetWidth(original.get()) * 2 / 3, 2);
}

TEST(PageReaderTest, PdfTextLayerUnlessForced) {
  Document doc;
  doc.source_path = "text_layer.pdf";
  doc.bytes = ReadFixture("text_layer.pdf");
  doc.format = "pdf";
  EXPECT_TRUE(PageReader::Open(doc, 100, false)->ReadPage(0).text_layer);
  PageContent forced = PageReader::Open(doc, 100, true)->ReadPage(0);
  EXPECT_FALSE(forced.text_layer);
  EXPECT_TRUE(forced.image);
}

TEST(PageReaderTest, UsableTextLayers) {
  EXPECT_TRUE(IsUsableText("Căn cứ Quyết định số 112/QĐ-UBND ngày 05/02/2024 của Ủy ban nhân dân"));
  EXPECT_FALSE(IsUsableText(""));
  EXPECT_FALSE(IsUsableText("   \n  \f "));
  // Glyphs without a usable encoding, and scanners' invisible junk.
  EXPECT_FALSE(IsUsableText("\x01\x02\x03 ### $$$ %%% 0123 4567 8910 !!! ??? *** +++ === ~~~"));
  EXPECT_FALSE(IsUsableText("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g"));
}

// A PNG whose header claims `width` x `height`, with no pixel data: enough to
// prove the size is checked before decoding.
std::string PngHeader(uint32_t width, uint32_t height) {
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr("\0\0\0\x0dIHDR", 8);
  for (uint32_t v : {width, height}) {
    for (int shift = 24; shift >= 0; shift -= 8) ihdr += static_cast<char>((v >> shift) & 0xff);
  }
  ihdr += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit gray.
  ihdr += std::string(4, '\0');                    // CRC, never checked before refusal.
  return png + ihdr + std::string(64, '\0');
}

TEST(PageReaderTest, RefusesAbsurdDimensionsBeforeDecoding) {
  for (auto [w, h] : {std::pair<uint32_t, uint32_t>{50000, 100}, {100, 40001}, {20000, 20000}}) {
    Document doc;
    doc.source_path = "huge.png";
    doc.bytes = PngHeader(w, h);
    doc.format = DetectFormat(doc.bytes);
    ASSERT_EQ(doc.format, "png");
    auto reader = PageReader::Open(doc, 300, false);
    try {
      reader->ReadPage(0);
      ADD_FAILURE() << w << " x " << h << " was decoded";
    } catch (const PageError& e) {
      EXPECT_NE(std::string(e.what()).find("beyond the limit"), std::string::npos) << e.what();
    }
  }
}

TEST(PageReaderTest, OcrStageNamesFileAndReasonForAbsurdPages) {
  Document doc;
  doc.source_path = "huge.png";
  doc.bytes = PngHeader(100000, 100000);
  doc.format = "png";
  try {
    testing::SharedOcrStage().Run(doc);
    ADD_FAILURE() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), "huge.png");
    EXPECT_NE(e.reason().find("100000 x 100000"), std::string::npos) << e.what();
  }
}

TEST(PageReaderTest, PdfPageBeyondTheLimitAtTheAskedResolution) {
  Document doc;
  doc.source_path = "image_only.pdf";
  doc.bytes = ReadFixture("image_only.pdf");
  doc.format = "pdf";
  // The same page that renders at 100 dpi is refused at a resolution that
  // would make it absurd, without rendering it.
  PageLimits limits;
  limits.max_side = 1000;
  EXPECT_THROW(PageReader::Open(doc, 600, false, limits)->ReadPage(0), PageError);
}

TEST(PageReaderTest, UnreadableContainersThrowErrorNamingTheFile) {
  Document doc;
  doc.source_path = "cut.tif";
  doc.bytes = ReadFixture("two_pages.tif").substr(0, 40);
  doc.format = "tiff";
  EXPECT_THROW(PageReader::Open(doc, 300, false), Error);
  doc.source_path = "garbage.pdf";
  doc.bytes = "%PDF-1.4\nnot really a pdf";
  doc.format = "pdf";
  EXPECT_THROW(PageReader::Open(doc, 300, false), Error);
}

}  // namespace
}  // namespace vnplan
