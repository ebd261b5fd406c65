// Each preprocessing step on its own: the tests damage a rendered page in a
// known way (rotation, skew, colour, uneven background, low resolution) and
// check that the step finds and undoes exactly that.
#include "pipeline/ocr/preprocess.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "tests/ocr/ocr_test_util.h"

namespace vnplan {
namespace {

using testing::ReadPix;

PreprocessOptions Only(bool PreprocessOptions::*step) {
  PreprocessOptions options;
  options.grayscale = options.normalize_background = options.deskew = options.orientation =
      options.binarize = options.upscale = false;
  options.*step = true;
  return options;
}

bool Has(const PreprocessedPage& page, const std::string& step) {
  return std::find(page.steps.begin(), page.steps.end(), step) != page.steps.end();
}

PixPtr Page() {
  PixPtr page = ReadPix("header_200dpi.png");
  EXPECT_TRUE(page);
  return page;
}

TEST(PreprocessTest, NothingSwitchedOnLeavesThePageAlone) {
  PixPtr page = Page();
  PreprocessOptions none = Only(&PreprocessOptions::grayscale);
  none.grayscale = false;
  PreprocessedPage out = Preprocess(PixPtr(pixClone(page.get())), 200, none);
  EXPECT_TRUE(out.steps.empty());
  l_int32 same = 0;
  pixEqual(out.image.get(), page.get(), &same);
  EXPECT_TRUE(same);
}

TEST(PreprocessTest, GrayscaleConvertsColour) {
  PixPtr color(pixConvertTo32(Page().get()));
  PreprocessedPage out = Preprocess(std::move(color), 200, Only(&PreprocessOptions::grayscale));
  EXPECT_TRUE(Has(out, "grayscale"));
  EXPECT_EQ(pixGetDepth(out.image.get()), 8);
  // Already grey: nothing to record.
  EXPECT_FALSE(Has(Preprocess(Page(), 200, Only(&PreprocessOptions::grayscale)), "grayscale"));
}

class DeskewTest : public ::testing::TestWithParam<double> {};

TEST_P(DeskewTest, FindsTheRotationApplied) {
  const double degrees = GetParam();
  PixPtr skewed(pixRotate(Page().get(), static_cast<float>(degrees * M_PI / 180), L_ROTATE_AREA_MAP,
                          L_BRING_IN_WHITE, 0, 0));
  PreprocessedPage out = Preprocess(std::move(skewed), 200, Only(&PreprocessOptions::deskew));
  EXPECT_TRUE(Has(out, "deskew"));
  // The correction turns the other way.
  EXPECT_NEAR(out.deskew_degrees, -degrees, 0.2);
  // And the corrected page measures straight.
  PixPtr binary(pixConvertTo1(out.image.get(), 128));
  l_float32 angle = 0, confidence = 0;
  ASSERT_EQ(pixFindSkew(binary.get(), &angle, &confidence), 0);
  EXPECT_NEAR(angle, 0, 0.2);
}

INSTANTIATE_TEST_SUITE_P(Angles, DeskewTest, ::testing::Values(-4.0, -1.5, 1.0, 2.5, 6.0));

TEST(PreprocessTest, StraightPageIsNotRotated) {
  PreprocessedPage out = Preprocess(Page(), 200, Only(&PreprocessOptions::deskew));
  EXPECT_FALSE(Has(out, "deskew"));
  EXPECT_EQ(out.deskew_degrees, 0);
}

class OrientationTest : public ::testing::TestWithParam<int> {};

TEST_P(OrientationTest, UndoesQuarterTurns) {
  const int quarter_turns = GetParam();  // Clockwise, as a sideways scan.
  PixPtr turned(pixRotateOrth(Page().get(), quarter_turns));
  PreprocessedPage out = Preprocess(std::move(turned), 200, Only(&PreprocessOptions::orientation));
  EXPECT_TRUE(Has(out, "orientation"));
  EXPECT_EQ(out.orientation_degrees, (360 - 90 * quarter_turns) % 360);
  l_int32 same = 0;
  pixEqual(out.image.get(), Page().get(), &same);
  EXPECT_TRUE(same);
}

INSTANTIATE_TEST_SUITE_P(Turns, OrientationTest, ::testing::Values(1, 2, 3));

TEST(PreprocessTest, UprightPageKeepsItsOrientation) {
  PreprocessedPage out = Preprocess(Page(), 200, Only(&PreprocessOptions::orientation));
  EXPECT_FALSE(Has(out, "orientation"));
  EXPECT_EQ(out.orientation_degrees, 0);
}

// Mean grey of the page's paper: pixels lighter than its text.
double PaperLevel(Pix* gray, int x, int y, int w, int h) {
  BOX* box = boxCreate(x, y, w, h);
  PixPtr region(pixClipRectangle(gray, box, nullptr));
  boxDestroy(&box);
  l_float32 mean = 0;
  pixGetAverageMasked(region.get(), nullptr, 0, 0, 1, L_MEAN_ABSVAL, &mean);
  return mean;
}

// The page under a shadow darkening the paper from none (left) to half
// (right).
PixPtr Shaded(Pix* page) {
  const int w = pixGetWidth(page), h = pixGetHeight(page);
  PixPtr shaded(pixCopy(nullptr, page));
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      l_uint32 v = 0;
      pixGetPixel(shaded.get(), x, y, &v);
      pixSetPixel(shaded.get(), x, y, static_cast<l_uint32>(v * (1.0 - 0.5 * x / w)));
    }
  }
  return shaded;
}

TEST(PreprocessTest, NormalizeBackgroundFlattensAShadow) {
  PixPtr shaded = Shaded(Page().get());
  const int w = pixGetWidth(shaded.get()), h = pixGetHeight(shaded.get());
  const double before = PaperLevel(shaded.get(), 0, h - 40, 200, 30) -
                        PaperLevel(shaded.get(), w - 200, h - 40, 200, 30);
  PreprocessedPage out =
      Preprocess(std::move(shaded), 200, Only(&PreprocessOptions::normalize_background));
  EXPECT_TRUE(Has(out, "normalize-background"));
  const double after = PaperLevel(out.image.get(), 0, h - 40, 200, 30) -
                       PaperLevel(out.image.get(), w - 200, h - 40, 200, 30);
  EXPECT_GT(before, 100);
  EXPECT_LT(std::fabs(after), 15);
}

TEST(PreprocessTest, FlatPaperIsLeftAlone) {
  // White, or evenly grey as a scanner sees it: nothing to normalise.
  PixPtr white_paper = Page();
  PixPtr grey_paper(pixGammaTRC(nullptr, white_paper.get(), 1.0, 0, 300));
  for (Pix* page : {white_paper.get(), grey_paper.get()}) {
    PreprocessOptions options = Only(&PreprocessOptions::normalize_background);
    options.binarize = true;
    PreprocessedPage out = Preprocess(PixPtr(pixClone(page)), 200, options);
    EXPECT_TRUE(out.steps.empty());
  }
}

TEST(PreprocessTest, BinarizesUnevenPagesOnly) {
  PreprocessedPage uneven =
      Preprocess(Shaded(Page().get()), 200, Only(&PreprocessOptions::binarize));
  EXPECT_TRUE(Has(uneven, "binarize"));
  EXPECT_EQ(pixGetDepth(uneven.image.get()), 1);
  // Tesseract reads an evenly lit grey page better than any bilevel version.
  PreprocessedPage even = Preprocess(Page(), 200, Only(&PreprocessOptions::binarize));
  EXPECT_FALSE(Has(even, "binarize"));
  EXPECT_EQ(pixGetDepth(even.image.get()), 8);
}

TEST(PreprocessTest, UpscalesSmallTextOnly) {
  PixPtr small = ReadPix("body_150dpi.png");
  const double glyph = MedianGlyphHeight(small.get());
  PreprocessedPage out = Preprocess(std::move(small), 150, Only(&PreprocessOptions::upscale));
  EXPECT_TRUE(Has(out, "upscale"));
  EXPECT_GT(MedianGlyphHeight(out.image.get()), glyph * 1.3);
  EXPECT_GE(out.dpi, 250);
  // 200 dpi body text is large enough already.
  EXPECT_FALSE(Has(Preprocess(Page(), 200, Only(&PreprocessOptions::upscale)), "upscale"));
}

TEST(PreprocessTest, GlyphHeightFollowsTheScale) {
  PixPtr page = Page();
  const double glyph = MedianGlyphHeight(page.get());
  EXPECT_GT(glyph, 10);
  PixPtr half(pixScale(page.get(), 0.5, 0.5));
  EXPECT_NEAR(MedianGlyphHeight(half.get()), glyph / 2, glyph * 0.1);
  PixPtr blank(pixCreate(400, 400, 8));
  pixSetAll(blank.get());
  EXPECT_EQ(MedianGlyphHeight(blank.get()), 0);
}

}  // namespace
}  // namespace vnplan
