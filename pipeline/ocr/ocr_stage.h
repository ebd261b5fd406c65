// The OCR stage: page images and PDFs to text lines with boxes and
// confidences.
//
// For each page of Document::bytes (format already detected by Load): decode
// with Leptonica (PDF pages through Poppler: its text layer when usable,
// otherwise rasterised at `pdf_dpi`), preprocess (each step switchable and
// recorded in Page::preprocessing), recognise with Tesseract, and append the
// page's lines to Document::original_text / Document::lines in reading order.
// Text documents (format "text") pass through untouched: Load already filled
// them. Pages are recognised in parallel on an engine pool shared by every
// document the stage sees, one Tesseract engine per worker thread.
#ifndef VNPLAN_PIPELINE_OCR_OCR_STAGE_H_
#define VNPLAN_PIPELINE_OCR_OCR_STAGE_H_

#include <memory>
#include <string>

#include "pipeline/stage.h"

namespace vnplan {

struct PreprocessOptions {
  bool grayscale = true;
  bool normalize_background = true;
  bool deskew = true;
  bool orientation = true;  // Detect and undo 90/180/270 rotations.
  bool binarize = true;
  bool upscale = true;  // Bring low-resolution scans up to OCR resolution.
};

struct OcrOptions {
  std::string language = "vie";
  std::string tessdata_dir;  // Empty: Tesseract's default.
  int jobs = 0;              // Worker threads; 0 means all cores.
  bool force_ocr = false;    // OCR PDF pages even when they carry text.
  int pdf_dpi = 300;
  PreprocessOptions preprocess;
};

// Throws vnplan::Error if Tesseract or its language data cannot be loaded.
std::unique_ptr<Stage> MakeOcrStage(const OcrOptions& options);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_OCR_STAGE_H_
