// vnplan::Error: the exception every stage throws when a whole input cannot
// be processed. what() reads "FILE[: page N]: reason", ready to print.
#ifndef VNPLAN_PIPELINE_ERROR_H_
#define VNPLAN_PIPELINE_ERROR_H_

#include <stdexcept>
#include <string>

namespace vnplan {

class Error : public std::runtime_error {
 public:
  Error(const std::string& file, const std::string& reason, int page = 0)
      : std::runtime_error(Format(file, reason, page)), file_(file), reason_(reason), page_(page) {}

  const std::string& file() const { return file_; }
  const std::string& reason() const { return reason_; }
  int page() const { return page_; }

 private:
  static std::string Format(const std::string& file, const std::string& reason, int page) {
    std::string s = file.empty() ? "<input>" : file;
    if (page > 0) s += ": page " + std::to_string(page);
    return s + ": " + reason;
  }

  std::string file_;
  std::string reason_;
  int page_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_ERROR_H_
