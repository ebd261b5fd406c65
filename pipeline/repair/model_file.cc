#include "pipeline/repair/model_file.h"

#include <cstdio>
#include <fstream>
#include <sstream>

namespace vnplan {
namespace {
constexpr std::string_view kEnd = "end\n";
}

std::string ReadModelFile(const std::string& path, std::string_view magic, int version) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open repair model file");
  std::ostringstream buf;
  buf << in.rdbuf();
  std::string data = std::move(buf).str();
  size_t eol = data.find('\n');
  std::string header = data.substr(0, eol == std::string::npos ? 64 : eol);
  std::string expected = std::string(magic) + " " + std::to_string(version);
  if (eol == std::string::npos || header != expected) {
    throw Error(path, "not a repair model file of the expected kind (want header \"" + expected +
                          "\", found \"" + header + "\")");
  }
  if (data.size() < eol + 1 + kEnd.size() ||
      std::string_view(data).substr(data.size() - kEnd.size()) != kEnd) {
    throw Error(path, "repair model file is truncated (no end marker)");
  }
  return data.substr(eol + 1, data.size() - eol - 1 - kEnd.size());
}

void WriteModelFile(const std::string& path, std::string_view magic, int version,
                    std::string_view body) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << magic << ' ' << version << '\n';
    out.write(body.data(), static_cast<std::streamsize>(body.size()));
    out << kEnd;
    if (!out.flush()) throw Error(tmp, "cannot write model file");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw Error(path, "cannot replace model file");
}

std::string_view ModelReader::Take(size_t n) {
  if (n > body_.size() - pos_) Fail("repair model file is corrupt (body shorter than declared)");
  std::string_view out = body_.substr(pos_, n);
  pos_ += n;
  return out;
}

void ModelReader::Fail(const std::string& reason) const { throw Error(path_, reason); }

}  // namespace vnplan
