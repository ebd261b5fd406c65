#include "pipeline/segment/tsv.h"

#include <fstream>
#include <sstream>

#include "pipeline/error.h"
#include "pipeline/utf8.h"

namespace vnplan {

std::vector<TsvRecord> ReadTsv(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open model file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string data = buffer.str();
  if (!IsValidUtf8(data)) throw Error(path, "model file is not valid UTF-8");

  std::vector<TsvRecord> records;
  std::istringstream lines(data);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    TsvRecord record;
    record.line = number;
    size_t start = 0;
    while (true) {
      size_t tab = line.find('\t', start);
      record.fields.push_back(line.substr(start, tab - start));
      if (tab == std::string::npos) break;
      start = tab + 1;
    }
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace vnplan
