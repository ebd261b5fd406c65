// ReadTsv: the plain table format of the files under models/segment/.
//
// One record a line, fields separated by tabs; blank lines and lines whose
// first character is '#' are comments. Trailing '\r' is dropped so files
// edited on Windows still load. The file must be valid UTF-8.
#ifndef VNPLAN_PIPELINE_SEGMENT_TSV_H_
#define VNPLAN_PIPELINE_SEGMENT_TSV_H_

#include <string>
#include <vector>

namespace vnplan {

struct TsvRecord {
  int line = 0;  // 1-based line in the file, for error messages.
  std::vector<std::string> fields;
};

// Throws vnplan::Error naming the file when it is missing, unreadable or not
// UTF-8.
std::vector<TsvRecord> ReadTsv(const std::string& path);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_TSV_H_
