#include "pipeline/ocr/preprocess.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace vnplan {
namespace {

// Median glyph height of body text in a 300 dpi scan of a 12-13 pt document,
// the size Tesseract's Vietnamese model reads best. Pages whose glyphs are
// below kUpscaleBelow are scaled up to this.
constexpr double kTargetGlyphHeight = 26;
constexpr double kUpscaleBelow = 14;
constexpr double kMaxUpscale = 4;

// pixFindSkew's own validity threshold (see pixDeskewGeneral). Below
// kMinSkewDegrees a rotation changes no line of a page by a pixel.
constexpr float kMinSkewConfidence = 3.0;
constexpr float kMinSkewDegrees = 0.1;

// Paper whose grey level varies by more than this across the page (shadows,
// stains, a photographed page) is uneven. Flat paper, white or grey, is not
// touched: Tesseract thresholds it as well as any normalisation would.
constexpr unsigned kUnevenBackground = 30;

// Pages wider than this (an A4 page above about 200 dpi) are analysed at
// half resolution: orientation, skew and glyph sizes need no more than
// 100-150 dpi, and a 300 dpi page then costs a quarter as much.
constexpr int kAnalysisMaxWidth = 2000;

// The analysis view of a page: bilevel, possibly reduced. It guides the
// steps and is never what Tesseract is given.
struct Analysis {
  PixPtr binary;
  int scale = 1;  // Page pixels per analysis pixel.
};

PixPtr Gray(Pix* image) {
  if (pixGetDepth(image) == 8 && pixGetColormap(image) == nullptr) return PixPtr(pixClone(image));
  return PixPtr(pixConvertTo8(image, 0));
}

// A page's grey view reduced for analysis, made once for all the steps that
// look at it.
struct Reduced {
  PixPtr gray;
  int scale = 1;
};

Reduced ReducedGray(Pix* image) {
  Reduced r;
  r.gray = Gray(image);
  if (r.gray && pixGetWidth(r.gray.get()) > kAnalysisMaxWidth) {
    r.scale = 2;
    r.gray.reset(pixScaleAreaMap2(r.gray.get()));
  }
  return r;
}

// `reduced` is `image`'s ReducedGray when the caller has it, else empty.
Analysis Analyze(Pix* image, Reduced reduced = {}) {
  Analysis analysis;
  if (pixGetDepth(image) == 1) {
    const bool reduce = pixGetWidth(image) > kAnalysisMaxWidth;
    analysis.scale = reduce ? 2 : 1;
    analysis.binary.reset(reduce ? pixReduceRankBinary2(image, 1, nullptr) : pixClone(image));
    return analysis;
  }
  if (!reduced.gray) reduced = ReducedGray(image);
  analysis.scale = reduced.scale;
  // Otsu's threshold, weighted to favour a deep valley as Leptonica's
  // adaptive variant does: one threshold for the whole view is all the
  // analysis needs.
  l_int32 threshold = 0;
  if (reduced.gray && pixSplitDistributionFgBg(reduced.gray.get(), 0.1f, 1, &threshold, nullptr,
                                               nullptr, nullptr) == 0) {
    analysis.binary.reset(pixThresholdToBinary(reduced.gray.get(), threshold));
  }
  return analysis;
}

// In page pixels: `scale` is page pixels per pixel of `binary`.
double GlyphHeight(Pix* binary, int scale) {
  constexpr int kMinGlyphs = 30;
  Boxa* boxes = pixConnCompBB(binary, 8);
  if (boxes == nullptr) return 0;
  std::vector<int> heights;
  const int n = boxaGetCount(boxes);
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    w *= scale;
    h *= scale;
    // Specks, rules and pictures are not glyphs.
    if (h >= 4 && h <= 300 && w >= 2 && w <= 3 * h) heights.push_back(h);
  }
  boxaDestroy(&boxes);
  if (static_cast<int>(heights.size()) < kMinGlyphs) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

// Spread of the paper's grey level over the page, from a map of the
// background of small tiles (text pixels excluded): 0 for flat paper.
unsigned BackgroundSpread(const Reduced& reduced) {
  if (!reduced.gray) return 0;
  Pix* map = nullptr;
  const int tile = 40 / reduced.scale;
  if (pixGetBackgroundGrayMap(reduced.gray.get(), nullptr, tile, tile, 100, tile * tile / 4,
                              &map) != 0) {
    return 0;
  }
  PixPtr background(map);
  // Ranks rather than extremes: a few tiles inside pictures are not paper.
  l_uint32 low = 0, high = 0;
  pixGetRankValue(background.get(), 1, 0.05f, &low);
  pixGetRankValue(background.get(), 1, 0.95f, &high);
  return high > low ? high - low : 0;
}

bool Replace(PixPtr& image, Pix* result, std::vector<std::string>& steps, const char* step) {
  if (result == nullptr) return false;
  image.reset(result);
  steps.push_back(step);
  return true;
}

// Quarter turns clockwise that make the page upright, 0 when unsure.
int UprightQuarterTurns(Pix* binary) {
  l_float32 upconf = 0, leftconf = 0;
  l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
  if (pixOrientDetect(binary, &upconf, &leftconf, 0, 0) != 0 ||
      makeOrientDecision(upconf, leftconf, 0, 0, &orient, 0) != 0) {
    return 0;
  }
  // Leptonica names the direction the text's top points to.
  switch (orient) {
    case L_TEXT_ORIENT_LEFT:
      return 1;
    case L_TEXT_ORIENT_DOWN:
      return 2;
    case L_TEXT_ORIENT_RIGHT:
      return 3;
    default:
      return 0;
  }
}

}  // namespace

double MedianGlyphHeight(Pix* image) {
  Analysis analysis = Analyze(image);
  return analysis.binary ? GlyphHeight(analysis.binary.get(), analysis.scale) : 0;
}

PreprocessedPage Preprocess(PixPtr image, int dpi, const PreprocessOptions& options) {
  PreprocessedPage page;
  std::vector<std::string>& steps = page.steps;

  const bool color = pixGetDepth(image.get()) > 8 || pixGetColormap(image.get()) != nullptr;
  if (options.grayscale && color) Replace(image, pixConvertTo8(image.get(), 0), steps, "grayscale");
  const bool gray = pixGetDepth(image.get()) == 8 && pixGetColormap(image.get()) == nullptr;

  Reduced reduced;
  if (gray && (options.normalize_background || options.binarize)) {
    reduced = ReducedGray(image.get());
  }
  const bool uneven = BackgroundSpread(reduced) > kUnevenBackground;
  if (options.normalize_background && uneven &&
      Replace(image, pixBackgroundNormSimple(image.get(), nullptr, nullptr), steps,
              "normalize-background")) {
    reduced = {};  // Of the page before normalisation.
  }

  Analysis analysis = Analyze(image.get(), std::move(reduced));
  const double glyph = analysis.binary ? GlyphHeight(analysis.binary.get(), analysis.scale) : 0;
  // The file's dpi is often a scanner default (72, 96); the glyphs are not.
  page.dpi = glyph > 0 ? static_cast<int>(std::lround(300 * glyph / kTargetGlyphHeight))
                       : (dpi > 0 ? dpi : 300);
  if (options.upscale && glyph > 0 && glyph < kUpscaleBelow) {
    const float factor = static_cast<float>(std::min(kMaxUpscale, kTargetGlyphHeight / glyph));
    // Interpolating grey keeps glyph edges smooth; a bilevel page would be
    // scaled by sampling and turn blocky, so it becomes grey first.
    PixPtr source =
        pixGetDepth(image.get()) == 1 ? Gray(image.get()) : PixPtr(pixClone(image.get()));
    if (source && Replace(image, pixScale(source.get(), factor, factor), steps, "upscale")) {
      page.dpi = static_cast<int>(std::lround(page.dpi * factor));
    }
  }

  if (options.orientation && analysis.binary) {
    const int quarters = UprightQuarterTurns(analysis.binary.get());
    if (quarters != 0 &&
        Replace(image, pixRotateOrth(image.get(), quarters), steps, "orientation")) {
      page.orientation_degrees = 90 * quarters;
      analysis.binary.reset(pixRotateOrth(analysis.binary.get(), quarters));
    }
  }

  if (options.deskew && analysis.binary) {
    // pixFindSkew's reductions (4 to sweep, 2 to search) are meant for a
    // full-resolution page; the analysis view is already reduced.
    const int sweep = 4 / analysis.scale, search = 2 / analysis.scale;
    l_float32 angle = 0, confidence = 0;
    if (pixFindSkewSweepAndSearch(analysis.binary.get(), &angle, &confidence, sweep, search, 7, 1,
                                  0.01f) == 0 &&
        confidence >= kMinSkewConfidence && std::fabs(angle) >= kMinSkewDegrees) {
      // Sampling, not area mapping: as accurate for OCR at scan resolution
      // (measured on the dev set) and four times faster.
      Pix* rotated = pixRotate(image.get(), angle * static_cast<float>(M_PI / 180),
                               L_ROTATE_SAMPLING, L_BRING_IN_WHITE, 0, 0);
      if (Replace(image, rotated, steps, "deskew")) page.deskew_degrees = angle;
    }
  }

  if (options.binarize && uneven && pixGetDepth(image.get()) == 8) {
    // Window of about two text lines; Sauvola's k as in Tesseract.
    const int half_window = std::max(8, page.dpi / 12);
    const int tiles_x = std::max(1, pixGetWidth(image.get()) / 1000);
    const int tiles_y = std::max(1, pixGetHeight(image.get()) / 1000);
    Pix* binary = nullptr;
    if (pixSauvolaBinarizeTiled(image.get(), half_window, 0.34f, tiles_x, tiles_y, nullptr,
                                &binary) == 0) {
      Replace(image, binary, steps, "binarize");
    }
  }

  page.image = std::move(image);
  return page;
}

}  // namespace vnplan
