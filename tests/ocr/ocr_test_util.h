// Helpers shared by the OCR tests: fixture paths, file reading, Leptonica
// images to and from memory, and one OCR stage per test binary.
#ifndef VNPLAN_TESTS_OCR_OCR_TEST_UTIL_H_
#define VNPLAN_TESTS_OCR_OCR_TEST_UTIL_H_

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "pipeline/document.h"
#include "pipeline/load.h"
#include "pipeline/ocr/ocr_stage.h"
#include "pipeline/ocr/pix.h"

namespace vnplan::testing {

inline std::string Fixture(const std::string& name) {
  return std::string(VNPLAN_TEST_DATA) + "/ocr/" + name;
}

inline std::string ReadFixture(const std::string& name) {
  std::ifstream in(Fixture(name), std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

inline PixPtr ReadPix(const std::string& name) { return PixPtr(pixRead(Fixture(name).c_str())); }

// `pix` encoded as `format` (IFF_PNG, IFF_JFIF_JPEG, ...), as a Document
// Load would have made of such a file.
inline Document DocumentOf(Pix* pix, int format, const std::string& name) {
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMem(&data, &size, pix, format) != 0) return {};
  std::string bytes(reinterpret_cast<char*>(data), size);
  lept_free(data);
  Document doc;
  doc.source_path = name;
  doc.format = DetectFormat(bytes);
  doc.bytes = std::move(bytes);
  return doc;
}

// Engines take a while to load: every test of the binary shares one stage,
// as every document of a batch does.
inline const Stage& SharedOcrStage() {
  static const std::unique_ptr<Stage> stage = [] {
    OcrOptions options;
    options.jobs = 2;
    return MakeOcrStage(options);
  }();
  return *stage;
}

}  // namespace vnplan::testing

#endif  // VNPLAN_TESTS_OCR_OCR_TEST_UTIL_H_
