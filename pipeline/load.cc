#include "pipeline/load.h"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

#include "pipeline/error.h"

namespace vnplan {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Text may be in any single-byte legacy encoding, so only NUL and C0 control
// characters (other than tab, newline, form feed, carriage return and ESC
// sequences' absence) tell binary from text.
bool LooksLikeText(std::string_view bytes) {
  std::string_view head = bytes.substr(0, 1 << 16);
  size_t controls = 0;
  for (unsigned char c : head) {
    if (c == 0) return false;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++controls;
  }
  return controls * 100 <= head.size();
}

std::string ReadAll(const std::string& path) {
  if (path == "-") {
    return std::string(std::istreambuf_iterator<char>(std::cin), {});
  }
  std::error_code ec;
  auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) throw Error(path, "no such file");
  if (std::filesystem::is_directory(status)) throw Error(path, "is a directory");
  auto size = std::filesystem::file_size(path, ec);
  if (!ec && size > kMaxInputBytes) {
    throw Error(path, "file too large (" + std::to_string(size) + " bytes; limit " +
                          std::to_string(kMaxInputBytes) + ")");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, std::string("cannot open: ") + std::strerror(errno));
  // One read of the size the file has (a character-by-character copy took a
  // tenth of extraction time); a file that grew meanwhile is read to its end.
  std::string bytes(ec ? 0 : size, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<size_t>(in.gcount()));
  if (in.good()) {
    std::ostringstream rest;
    rest << in.rdbuf();
    bytes += rest.str();
  }
  if (in.bad()) throw Error(path, "read error");
  return bytes;
}

}  // namespace

std::string DetectFormat(std::string_view b) {
  if (StartsWith(b, "\x89PNG\r\n\x1a\n")) return "png";
  if (StartsWith(b, "\xff\xd8\xff")) return "jpeg";
  if (StartsWith(b, std::string_view("II*\0", 4)) || StartsWith(b, std::string_view("MM\0*", 4)))
    return "tiff";
  if (StartsWith(b, "%PDF-")) return "pdf";
  if (StartsWith(b, "BM") && b.size() > 14) return "bmp";
  if (StartsWith(b, "RIFF") && b.size() > 12 && b.substr(8, 4) == "WEBP") return "webp";
  if (b.size() > 2 && b[0] == 'P' && b[1] >= '1' && b[1] <= '6' &&
      (b[2] == '\n' || b[2] == ' ' || b[2] == '\r' || b[2] == '\t')) {
    return "pnm";
  }
  if (!b.empty() && LooksLikeText(b)) return "text";
  return "";
}

std::string DocumentId(std::string_view bytes) {
  // Two independent 64-bit FNV-1a hashes: 128 bits keep collisions out of
  // reach for archive-sized batches without a crypto dependency.
  uint64_t h1 = 0xcbf29ce484222325ull, h2 = 0x84222325cbf29ce4ull;
  for (unsigned char c : bytes) {
    h1 = (h1 ^ c) * 0x100000001b3ull;
    h2 = (h2 ^ (c ^ 0x5a)) * 0x100000001b3ull;
  }
  h2 ^= bytes.size();
  char buf[40];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h1),
                static_cast<unsigned long long>(h2));
  return buf;
}

Document FromText(std::string path, std::string bytes) {
  Document doc;
  doc.source_path = std::move(path);
  doc.id = DocumentId(bytes);
  doc.format = "text";
  Page page;
  page.number = 1;
  int line = 1;
  doc.original_text.reserve(bytes.size());
  doc.lines.push_back({1, 1});
  for (char c : bytes) {
    if (c == '\f') {
      doc.pages.push_back(page);
      page.number++;
      // A form feed ends the page; a line it interrupts continues on the next.
      line = 1;
      doc.lines.back() = {page.number, line};
      continue;
    }
    doc.original_text.push_back(c);
    if (c == '\n') doc.lines.push_back({page.number, ++line});
  }
  doc.pages.push_back(page);
  return doc;
}

Document Load(const std::string& path) {
  std::string bytes = ReadAll(path);
  if (bytes.empty()) throw Error(path, "empty file");
  std::string format = DetectFormat(bytes);
  if (format.empty()) {
    throw Error(path, "unknown format (not an image, PDF or text file)");
  }
  if (format == "text") return FromText(path, std::move(bytes));
  Document doc;
  doc.source_path = path;
  doc.id = DocumentId(bytes);
  doc.format = format;
  doc.bytes = std::move(bytes);
  return doc;
}

size_t PagesToRecognize(const std::vector<std::string>& paths, size_t limit) {
  size_t pages = 0;
  for (const std::string& path : paths) {
    if (pages >= limit) break;
    if (path == "-") return limit;
    std::ifstream in(path, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (head.empty()) continue;
    std::string format = DetectFormat(head);
    if (format == "pdf" || format == "tiff") {
      pages = limit;
    } else if (!format.empty() && format != "text") {
      ++pages;
    }
  }
  return std::min(pages, limit);
}

std::vector<std::string> ExpandInputs(const std::vector<std::string>& paths,
                                      std::vector<std::string>* errors) {
  namespace fs = std::filesystem;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (path == "-" || !fs::is_directory(path, ec)) {
      files.push_back(path);
      continue;
    }
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      std::string name = it->path().filename().string();
      if (!name.empty() && name[0] == '.') {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) found.push_back(it->path().string());
    }
    if (ec) errors->push_back(path + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

}  // namespace vnplan
