// PageReader: the pages of one input document (a single image, a multi-page
// TIFF or a PDF), each decoded on demand so that pages of one document can be
// decoded on several worker threads at once.
//
// Contract:
//  - Open() parses only the container (page count, PDF encryption). It
//    throws vnplan::Error naming the file when there is nothing to read: an
//    unparsable container, a locked PDF, no pages.
//  - ReadPage() checks the page's dimensions from its header against
//    PageLimits BEFORE decoding any pixels, so a crafted header cannot make
//    vnplan allocate gigabytes; then decodes. A page that cannot be read
//    throws PageError whose what() is the reason (no file name: the caller
//    knows the file and page).
//  - A PDF page whose text layer IsUsableText() is returned as text instead
//    of pixels, unless force_ocr.
//  - The reader borrows the document's bytes: they must outlive it.
//  - All methods are safe to call concurrently.
#ifndef VNPLAN_PIPELINE_OCR_PAGE_READER_H_
#define VNPLAN_PIPELINE_OCR_PAGE_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "pipeline/document.h"
#include "pipeline/ocr/pix.h"

namespace vnplan {

// Pages beyond these are refused: no real scan is that large, and decoding
// one would take gigabytes.
struct PageLimits {
  int max_side = 40000;
  int64_t max_pixels = 300'000'000;
};

struct PageContent {
  PixPtr image;                           // Null when text_layer is set.
  int dpi = 0;                            // Resolution the file states; 0 when unknown.
  std::optional<std::string> text_layer;  // A PDF page's own text, when usable.
};

class PageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PageReader {
 public:
  virtual ~PageReader() = default;

  // `doc.format` selects the decoder; `doc.bytes` is borrowed.
  static std::unique_ptr<PageReader> Open(const Document& doc, int pdf_dpi, bool force_ocr,
                                          PageLimits limits = {});

  virtual int page_count() const = 0;

  // `index` is 0-based.
  virtual PageContent ReadPage(int index) const = 0;
};

// True when `text` (UTF-8) looks like real words rather than a scanner's
// invisible junk layer or glyphs without a usable encoding: enough letters,
// mostly letters among the non-space characters, and most tokens plain words.
bool IsUsableText(std::string_view text);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_OCR_PAGE_READER_H_
