#include "pipeline/ocr/page_reader.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "pipeline/error.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

const l_uint8* Data(const std::string& bytes) {
  return reinterpret_cast<const l_uint8*>(bytes.data());
}

void CheckDimensions(int64_t w, int64_t h, const PageLimits& limits) {
  if (w <= 0 || h <= 0) throw PageError("image header gives no dimensions");
  if (w > limits.max_side || h > limits.max_side || w * h > limits.max_pixels) {
    throw PageError("page is " + std::to_string(w) + " x " + std::to_string(h) +
                    " pixels, beyond the limit of " + std::to_string(limits.max_side) +
                    " px a side and " + std::to_string(limits.max_pixels / 1'000'000) +
                    " megapixels");
  }
}

// Any format Leptonica reads from memory as one page: PNG, JPEG, PNM, BMP,
// WebP, single-page TIFF.
class ImageReader : public PageReader {
 public:
  ImageReader(const Document& doc, PageLimits limits) : doc_(doc), limits_(limits) {}

  int page_count() const override { return 1; }

  PageContent ReadPage(int) const override {
    l_int32 format = 0, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (pixReadHeaderMem(Data(doc_.bytes), doc_.bytes.size(), &format, &w, &h, &bps, &spp, &cmap) !=
        0) {
      throw PageError("unreadable " + doc_.format + " header (corrupt or truncated file)");
    }
    CheckDimensions(w, h, limits_);
    PageContent page;
    page.image.reset(pixReadMem(Data(doc_.bytes), doc_.bytes.size()));
    if (!page.image) throw PageError("corrupt or truncated " + doc_.format + " image");
    page.dpi = pixGetXRes(page.image.get());
    return page;
  }

 private:
  const Document& doc_;
  PageLimits limits_;
};

class TiffReader : public PageReader {
 public:
  TiffReader(const Document& doc, PageLimits limits) : doc_(doc), limits_(limits) {
    // Leptonica counts TIFF directories only through a FILE*.
    FILE* f = fmemopen(const_cast<char*>(doc.bytes.data()), doc.bytes.size(), "rb");
    l_int32 n = 0;
    const bool ok = f != nullptr && tiffGetCount(f, &n) == 0 && n > 0;
    if (f != nullptr) fclose(f);
    if (!ok) throw Error(doc.source_path, "unreadable TIFF (corrupt or truncated file)");
    pages_ = n;
  }

  int page_count() const override { return pages_; }

  PageContent ReadPage(int index) const override {
    l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
    if (readHeaderMemTiff(Data(doc_.bytes), doc_.bytes.size(), index, &w, &h, &bps, &spp, &res,
                          &cmap, &format) != 0) {
      throw PageError("unreadable TIFF page header (corrupt or truncated file)");
    }
    CheckDimensions(w, h, limits_);
    PageContent page;
    page.image.reset(pixReadMemTiff(Data(doc_.bytes), doc_.bytes.size(), index));
    if (!page.image) throw PageError("corrupt or truncated TIFF page");
    page.dpi = pixGetXRes(page.image.get());
    return page;
  }

 private:
  const Document& doc_;
  PageLimits limits_;
  int pages_ = 0;
};

// Poppler may not be used on one document from several threads at once, so
// every call into it holds mu_; pages of one PDF are rendered one at a time
// while their recognition still runs in parallel.
class PdfReader : public PageReader {
 public:
  PdfReader(const Document& doc, int dpi, bool force_ocr, PageLimits limits)
      : dpi_(dpi), force_ocr_(force_ocr), limits_(limits) {
    pdf_.reset(poppler::document::load_from_raw_data(doc.bytes.data(),
                                                     static_cast<int>(doc.bytes.size())));
    if (!pdf_) throw Error(doc.source_path, "unreadable PDF (corrupt or truncated file)");
    if (pdf_->is_locked()) {
      throw Error(doc.source_path,
                  "encrypted PDF: it needs a password, which vnplan does not take");
    }
    if (pdf_->pages() <= 0) throw Error(doc.source_path, "PDF has no pages");
  }

  int page_count() const override { return pdf_->pages(); }

  PageContent ReadPage(int index) const override {
    std::lock_guard<std::mutex> lock(mu_);
    std::unique_ptr<poppler::page> page(pdf_->create_page(index));
    if (!page) throw PageError("unreadable PDF page");
    PageContent content;
    if (!force_ocr_) {
      poppler::byte_array utf8 = page->text().to_utf8();
      std::string text(utf8.begin(), utf8.end());
      if (IsUsableText(text)) {
        content.text_layer = std::move(text);
        return content;
      }
    }
    const poppler::rectf box = page->page_rect();
    const bool sideways = page->orientation() == poppler::page::landscape ||
                          page->orientation() == poppler::page::seascape;
    const double w = (sideways ? box.height() : box.width()) * dpi_ / 72.0;
    const double h = (sideways ? box.width() : box.height()) * dpi_ / 72.0;
    CheckDimensions(std::llround(w), std::llround(h), limits_);
    poppler::page_renderer renderer;
    renderer.set_render_hints(poppler::page_renderer::antialiasing |
                              poppler::page_renderer::text_antialiasing);
    renderer.set_image_format(poppler::image::format_gray8);
    poppler::image image = renderer.render_page(page.get(), dpi_, dpi_);
    if (!image.is_valid() || image.format() != poppler::image::format_gray8) {
      throw PageError("PDF page could not be rendered");
    }
    content.image.reset(pixCreate(image.width(), image.height(), 8));
    if (!content.image) throw PageError("out of memory rendering PDF page");
    Pix* pix = content.image.get();
    pixSetResolution(pix, dpi_, dpi_);
    const int wpl = pixGetWpl(pix);
    l_uint32* lines = pixGetData(pix);
    for (int y = 0; y < image.height(); ++y) {
      const auto* row = reinterpret_cast<const unsigned char*>(image.const_data()) +
                        static_cast<size_t>(y) * image.bytes_per_row();
      l_uint32* line = lines + static_cast<size_t>(y) * wpl;
      for (int x = 0; x < image.width(); ++x) SET_DATA_BYTE(line, x, row[x]);
    }
    content.dpi = dpi_;
    return content;
  }

 private:
  int dpi_;
  bool force_ocr_;
  PageLimits limits_;
  mutable std::mutex mu_;
  std::unique_ptr<poppler::document> pdf_;
};

// Latin letters, including every Vietnamese one (Latin-1, Latin Extended-A/B,
// Latin Extended Additional) and combining marks.
bool IsLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) || (c >= 0x300 && c <= 0x36F) ||
         (c >= 0x1E00 && c <= 0x1EFF);
}

}  // namespace

std::unique_ptr<PageReader> PageReader::Open(const Document& doc, int pdf_dpi, bool force_ocr,
                                             PageLimits limits) {
  if (doc.bytes.empty()) throw Error(doc.source_path, "empty file");
  if (doc.format == "pdf") return std::make_unique<PdfReader>(doc, pdf_dpi, force_ocr, limits);
  if (doc.format == "tiff") return std::make_unique<TiffReader>(doc, limits);
  if (doc.format == "png" || doc.format == "jpeg" || doc.format == "pnm" || doc.format == "bmp" ||
      doc.format == "webp") {
    return std::make_unique<ImageReader>(doc, limits);
  }
  throw Error(doc.source_path, "OCR cannot read format '" + doc.format + "'");
}

bool IsUsableText(std::string_view text) {
  // Thresholds: a real page carries at least a sentence; scanners' junk
  // layers and unmapped glyphs produce symbols, digits and one-letter shards.
  constexpr int kMinLetters = 20;
  int letters = 0, visible = 0, tokens = 0, word_tokens = 0;
  int token_letters = 0, token_others = 0;
  auto end_token = [&] {
    if (token_letters + token_others == 0) return;
    ++tokens;
    if (token_letters >= 2 && token_others <= 1) ++word_tokens;
    token_letters = token_others = 0;
  };
  for (size_t i = 0; i < text.size();) {
    const char32_t c = NextCodePoint(text, &i);
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == 0xA0 || c == 0x0C) {
      end_token();
      continue;
    }
    ++visible;
    if (IsLetter(c)) {
      ++letters;
      ++token_letters;
    } else if (c >= 0x80 || std::strchr(".,;:!?()\"'-/", static_cast<int>(c)) == nullptr) {
      ++token_others;
    }
  }
  end_token();
  return letters >= kMinLetters && letters * 10 >= visible * 6 && word_tokens * 2 >= tokens;
}

}  // namespace vnplan
