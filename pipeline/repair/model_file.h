// Reading and writing the repair model files.
//
// Every model file starts with one text line "<magic> <version>\n" so a
// person can tell what a file is and a loader can refuse a file of another
// kind or version; a binary body follows, little-endian, and ends with the
// bytes "end\n" so a truncated file is caught. Loaders throw vnplan::Error
// naming the file on any of these problems.
#ifndef VNPLAN_PIPELINE_REPAIR_MODEL_FILE_H_
#define VNPLAN_PIPELINE_REPAIR_MODEL_FILE_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "pipeline/error.h"

namespace vnplan {

// Reads `path` whole and checks its header line and end marker; returns the
// body between them.
std::string ReadModelFile(const std::string& path, std::string_view magic, int version);

// Writes header, `body` and end marker atomically enough for a trainer: to a
// temporary name first, then renamed. Throws vnplan::Error on failure.
void WriteModelFile(const std::string& path, std::string_view magic, int version,
                    std::string_view body);

// Sequential reader over a model body; every overrun throws naming the file.
class ModelReader {
 public:
  ModelReader(std::string_view body, std::string path) : body_(body), path_(std::move(path)) {}

  template <typename T>
  T Get() {
    T value;
    std::memcpy(&value, Take(sizeof(T)).data(), sizeof(T));
    return value;
  }
  std::string_view Take(size_t n);
  bool done() const { return pos_ == body_.size(); }
  [[noreturn]] void Fail(const std::string& reason) const;

 private:
  std::string_view body_;
  std::string path_;
  size_t pos_ = 0;
};

template <typename T>
void PutRaw(std::string* out, T value) {
  out->append(reinterpret_cast<const char*>(&value), sizeof(T));
}

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_MODEL_FILE_H_
