// PixPtr: owning handle for a Leptonica image, so every decode and
// preprocessing step releases its intermediate images on all paths,
// exceptions included.
#ifndef VNPLAN_PIPELINE_OCR_PIX_H_
#define VNPLAN_PIPELINE_OCR_PIX_H_

#include <leptonica/allheaders.h>

#include <memory>

namespace vnplan {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};

using PixPtr = std::unique_ptr<Pix, PixDeleter>;

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_PIX_H_
