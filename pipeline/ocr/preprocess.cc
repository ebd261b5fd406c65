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
constexpr double kUpscaleBelow = 17;
constexpr double kMaxUpscale = 4;

// pixFindSkew's own validity thresholds (see pixDeskewGeneral).
constexpr float kMinSkewConfidence = 3.0;
constexpr float kMinSkewDegrees = 0.1;

PixPtr Gray(Pix* image) {
  if (pixGetDepth(image) == 8 && pixGetColormap(image) == nullptr) return PixPtr(pixClone(image));
  return PixPtr(pixConvertTo8(image, 0));
}

// A global Otsu threshold of the page: good enough to find text lines and
// glyphs for measuring, never what Tesseract is given.
PixPtr AnalysisBinary(Pix* image) {
  if (pixGetDepth(image) == 1) return PixPtr(pixClone(image));
  PixPtr gray = Gray(image);
  if (!gray) return nullptr;
  Pix* binary = nullptr;
  if (pixOtsuAdaptiveThreshold(gray.get(), pixGetWidth(gray.get()), pixGetHeight(gray.get()), 0, 0,
                               0.1, nullptr, &binary) != 0) {
    return nullptr;
  }
  return PixPtr(binary);
}

bool Replace(PixPtr& image, Pix* result, std::vector<std::string>& steps, const char* step) {
  if (result == nullptr) return false;
  image.reset(result);
  steps.push_back(step);
  return true;
}

double GlyphHeightOfBinary(Pix* binary) {
  constexpr int kMinGlyphs = 30;
  Boxa* boxes = pixConnCompBB(binary, 8);
  if (boxes == nullptr) return 0;
  std::vector<int> heights;
  const int n = boxaGetCount(boxes);
  for (int i = 0; i < n; ++i) {
    l_int32 x, y, w, h;
    boxaGetBoxGeometry(boxes, i, &x, &y, &w, &h);
    // Specks, rules and pictures are not glyphs.
    if (h >= 4 && h <= 300 && w >= 2 && w <= 3 * h) heights.push_back(h);
  }
  boxaDestroy(&boxes);
  if (static_cast<int>(heights.size()) < kMinGlyphs) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

}  // namespace

double MedianGlyphHeight(Pix* image) {
  PixPtr binary = AnalysisBinary(image);
  return binary ? GlyphHeightOfBinary(binary.get()) : 0;
}

PreprocessedPage Preprocess(PixPtr image, int dpi, const PreprocessOptions& options) {
  PreprocessedPage page;
  std::vector<std::string>& steps = page.steps;

  const bool color = pixGetDepth(image.get()) > 8 || pixGetColormap(image.get()) != nullptr;
  if (options.grayscale && color) Replace(image, pixConvertTo8(image.get(), 0), steps, "grayscale");
  const bool gray = pixGetDepth(image.get()) == 8 && pixGetColormap(image.get()) == nullptr;

  const double glyph = MedianGlyphHeight(image.get());
  // The file's dpi is often a scanner default (72, 96); the glyphs are not.
  page.dpi = glyph > 0 ? static_cast<int>(std::lround(300 * glyph / kTargetGlyphHeight))
                       : (dpi > 0 ? dpi : 300);
  if (options.upscale && glyph > 0 && glyph < kUpscaleBelow) {
    const float factor = static_cast<float>(std::min(kMaxUpscale, kTargetGlyphHeight / glyph));
    Replace(image, pixScale(image.get(), factor, factor), steps, "upscale");
    page.dpi = static_cast<int>(std::lround(page.dpi * factor));
  }

  if (options.normalize_background && gray) {
    Replace(image, pixBackgroundNormSimple(image.get(), nullptr, nullptr), steps,
            "normalize-background");
  }

  if (options.orientation) {
    PixPtr binary = AnalysisBinary(image.get());
    l_float32 upconf = 0, leftconf = 0;
    l_int32 orient = L_TEXT_ORIENT_UNKNOWN;
    if (binary && pixOrientDetect(binary.get(), &upconf, &leftconf, 0, 0) == 0 &&
        makeOrientDecision(upconf, leftconf, 0, 0, &orient, 0) == 0) {
      // Leptonica names the direction the text's top points to; turning the
      // page clockwise by this many quarter turns makes it upright.
      const int quads = orient == L_TEXT_ORIENT_LEFT    ? 1
                        : orient == L_TEXT_ORIENT_DOWN  ? 2
                        : orient == L_TEXT_ORIENT_RIGHT ? 3
                                                        : 0;
      if (quads != 0) {
        Replace(image, pixRotateOrth(image.get(), quads), steps, "orientation");
        page.orientation_degrees = 90 * quads;
      }
    }
  }

  if (options.deskew) {
    PixPtr binary = AnalysisBinary(image.get());
    l_float32 angle = 0, confidence = 0;
    if (binary && pixFindSkew(binary.get(), &angle, &confidence) == 0 &&
        confidence >= kMinSkewConfidence && std::fabs(angle) >= kMinSkewDegrees) {
      Pix* rotated = pixRotate(image.get(), angle * static_cast<float>(M_PI / 180),
                               L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0);
      if (Replace(image, rotated, steps, "deskew")) page.deskew_degrees = angle;
    }
  }

  if (options.binarize && pixGetDepth(image.get()) == 8 && pixGetColormap(image.get()) == nullptr) {
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
