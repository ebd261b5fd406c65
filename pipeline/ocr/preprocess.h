// Page preprocessing before recognition, with Leptonica.
//
// Steps, in this order, each switchable through PreprocessOptions and, when
// it changed the image, recorded by name in PreprocessedPage::steps:
//   "grayscale"   colour or palette image to 8-bit luminance.
//   "normalize-background"  uneven paper (shadows, stains, a photographed
//                 page) flattened; flat paper, white or grey, is left alone.
//   "upscale"     text too small for Tesseract (estimated from the height of
//                 the page's glyphs, not from the file's often wrong dpi) is
//                 scaled up to the size it would have in a 300 dpi scan.
//   "orientation" page turned 90/180/270 degrees detected and undone.
//   "deskew"      small rotation (up to 7 degrees) measured and undone.
//   "binarize"    Sauvola's local threshold, for uneven pages only: on evenly
//                 lit pages Tesseract's LSTM reads the grey image better
//                 than any bilevel one, and thresholds it for layout itself.
// Orientation, skew and glyph size are measured on one bilevel, reduced view
// of the page, so that preprocessing stays a small share of recognition
// time. docs/ocr.md gives the measured effect of the steps on the dev set.
//
// Angles: orientation_degrees and deskew_degrees are the clockwise rotations
// applied to make the page upright (a page scanned 2 degrees clockwise
// reports deskew_degrees of about -2).
#ifndef VNPLAN_PIPELINE_OCR_PREPROCESS_H_
#define VNPLAN_PIPELINE_OCR_PREPROCESS_H_

#include <string>
#include <vector>

#include "pipeline/ocr/ocr_stage.h"
#include "pipeline/ocr/pix.h"

namespace vnplan {

struct PreprocessedPage {
  PixPtr image;
  int dpi = 0;  // Effective resolution of `image` (after any upscale).
  int orientation_degrees = 0;
  double deskew_degrees = 0;
  std::vector<std::string> steps;
};

// `dpi` is the resolution the file states, 0 when unknown. Never returns a
// null image: a step that fails leaves the image as it was.
PreprocessedPage Preprocess(PixPtr image, int dpi, const PreprocessOptions& options);

// Median height in pixels of the glyph-sized connected components of a page
// (0 when it has too few to tell): the resolution-independent measure of
// text size that "upscale" relies on.
double MedianGlyphHeight(Pix* image);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_PREPROCESS_H_
