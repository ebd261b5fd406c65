#include "pipeline/ocr/ocr_stage.h"

#include <poppler/cpp/poppler-global.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <chrono>
#include <latch>
#include <new>

#include "pipeline/error.h"
#include "pipeline/ocr/engine_pool.h"
#include "pipeline/ocr/page_lines.h"
#include "pipeline/ocr/page_reader.h"
#include "pipeline/ocr/preprocess.h"

namespace vnplan {
namespace {

// What one page contributes to the document: its lines are Page::lines, one
// line of Document::original_text each.
struct PageResult {
  Page page;
  std::string error;  // Non-empty when the page could not be read.
};

std::string TrimRight(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r' ||
                        s.back() == '\t' || s.back() == '\f')) {
    s.pop_back();
  }
  return s;
}

// Blank lines of the layer are dropped, as OCR drops them: every line of the
// document text is a line of Page::lines.
void UseTextLayer(const std::string& layer, Page& page) {
  page.origin = PageOrigin::kPdfTextLayer;
  page.mean_confidence = 100;
  size_t begin = 0;
  while (begin <= layer.size()) {
    size_t end = layer.find('\n', begin);
    if (end == std::string::npos) end = layer.size();
    std::string line = TrimRight(layer.substr(begin, end - begin));
    if (!line.empty()) page.lines.push_back({std::move(line), Box{}, 100});
    begin = end + 1;
  }
}

void AddLine(const std::vector<OcrWord>& words, Page& page) {
  for (OcrLine& line : SplitAtColumnGaps(words)) page.lines.push_back(std::move(line));
}

void Recognize(tesseract::TessBaseAPI& engine, PreprocessedPage& image, Page& page) {
  page.origin = PageOrigin::kOcr;
  page.width = pixGetWidth(image.image.get());
  page.height = pixGetHeight(image.image.get());
  page.dpi = image.dpi;
  page.orientation_degrees = image.orientation_degrees;
  page.deskew_degrees = image.deskew_degrees;
  page.preprocessing = std::move(image.steps);

  // Timed: everything Tesseract does for the page, from taking the image
  // to handing back its words. The lines are assembled after.
  const auto start = std::chrono::steady_clock::now();
  engine.SetImage(image.image.get());
  engine.SetSourceResolution(image.dpi);
  if (engine.Recognize(nullptr) != 0) {
    engine.Clear();
    throw PageError("Tesseract could not recognise the page");
  }
  page.mean_confidence = static_cast<float>(engine.MeanTextConf());
  std::vector<std::vector<OcrWord>> lines;  // Words, by Tesseract's text lines.
  std::unique_ptr<tesseract::ResultIterator> it(engine.GetIterator());
  if (it && !it->Empty(tesseract::RIL_WORD)) {
    constexpr auto kWord = tesseract::RIL_WORD;
    do {
      if (lines.empty() || it->IsAtBeginningOf(tesseract::RIL_TEXTLINE)) lines.emplace_back();
      std::unique_ptr<char[]> utf8(it->GetUTF8Text(kWord));
      std::string text = TrimRight(utf8 ? utf8.get() : "");
      if (text.empty()) continue;
      int left = 0, top = 0, right = 0, bottom = 0;
      it->BoundingBox(kWord, &left, &top, &right, &bottom);
      lines.back().push_back(
          {std::move(text), Box{left, top, right - left, bottom - top}, it->Confidence(kWord)});
    } while (it->Next(kWord));
  }
  it.reset();
  engine.Clear();
  page.ocr_seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  for (const std::vector<OcrWord>& words : lines) AddLine(words, page);
  DropNoiseLines(page.lines);
}

class OcrStage : public Stage {
 public:
  explicit OcrStage(const OcrOptions& options)
      : options_(options), pool_(options.tessdata_dir, options.language, options.jobs) {}

  const char* name() const override { return "ocr"; }

  void Run(Document& doc) const override {
    if (doc.format == "text") return;
    std::unique_ptr<PageReader> reader =
        PageReader::Open(doc, options_.pdf_dpi, options_.force_ocr);
    const int pages = reader->page_count();
    std::vector<PageResult> results(pages);
    std::latch done(pages);
    for (int i = 0; i < pages; ++i) {
      pool_.Submit([&, i](tesseract::TessBaseAPI* engine) {
        ReadAndRecognize(*reader, i, engine, results[i]);
        done.count_down();
      });
    }
    done.wait();
    reader.reset();
    Assemble(results, doc);
    // The pixels are now text; a batch of large scans must not stay in memory.
    std::string().swap(doc.bytes);
  }

 private:
  void ReadAndRecognize(const PageReader& reader, int index, tesseract::TessBaseAPI* engine,
                        PageResult& result) const {
    result.page.number = index + 1;
    try {
      PageContent content = reader.ReadPage(index);
      if (content.text_layer) {
        UseTextLayer(*content.text_layer, result.page);
        return;
      }
      if (engine == nullptr) throw PageError("Tesseract engine could not be loaded");
      PreprocessedPage image =
          Preprocess(std::move(content.image), content.dpi, options_.preprocess);
      Recognize(*engine, image, result.page);
    } catch (const std::bad_alloc&) {
      result.error = "out of memory";
    } catch (const std::exception& e) {
      result.error = e.what();
    }
  }

  static void Assemble(std::vector<PageResult>& results, Document& doc) {
    const bool paged = results.size() > 1;
    const bool any_read = std::any_of(results.begin(), results.end(),
                                      [](const PageResult& r) { return r.error.empty(); });
    if (!any_read) {
      // Nothing to work with: the whole file fails.
      const PageResult& first = results.front();
      throw Error(doc.source_path, paged ? "no page could be read (page " +
                                               std::to_string(first.page.number) + ": " +
                                               first.error + ")"
                                         : first.error);
    }
    for (PageResult& r : results) {
      const int number = r.page.number;
      if (!r.error.empty()) {
        doc.Warn("ocr", r.error, number);
        continue;
      }
      if (r.page.lines.empty()) doc.Warn("ocr", "no text found on the page", number);
      for (size_t i = 0; i < r.page.lines.size(); ++i) {
        if (!doc.lines.empty()) doc.original_text += '\n';
        doc.original_text += r.page.lines[i].text;
        doc.lines.push_back({number, static_cast<int>(i + 1)});
      }
      doc.pages.push_back(std::move(r.page));
    }
  }

  const OcrOptions options_;
  mutable EnginePool pool_;
};

}  // namespace

std::unique_ptr<Stage> MakeOcrStage(const OcrOptions& options) {
  if (options.pdf_dpi < 50 || options.pdf_dpi > 1200) {
    throw Error("", "pdf_dpi must be between 50 and 1200, not " + std::to_string(options.pdf_dpi));
  }
  // Leptonica and Poppler print their own notes and errors to stderr ("not
  // enough confidence to get orientation", "Couldn't read xref table");
  // vnplan reports failures itself, naming the file and page, so they would
  // only be noise between its messages.
  setMsgSeverity(L_SEVERITY_NONE);
  poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
  return std::make_unique<OcrStage>(options);
}

}  // namespace vnplan
