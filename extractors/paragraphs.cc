#include "extractors/paragraphs.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "pipeline/segment/fold.h"

namespace vnplan {
namespace {

bool OpensWithMark(std::string_view line) {
  size_t i = line.find_first_not_of(" \t");
  if (i == std::string_view::npos) return false;
  std::string_view s = line.substr(i);
  if (s[0] == '-' || s[0] == '+' || s[0] == '*' || s.substr(0, 3) == "\xE2\x80\xA2") return true;
  size_t j = 0;
  while (j < s.size() && j < 4 && std::isalnum(static_cast<unsigned char>(s[j]))) ++j;
  return j > 0 && j < s.size() &&
         (s[j] == ')' || (s[j] == '.' && j + 1 < s.size() && s[j + 1] == ' '));
}

// OCR and page breaks put blank lines inside a sentence; one that goes on in
// small letters after them continues the paragraph.
bool OpensSmall(std::string_view line, size_t first) {
  char c = NextFoldedChar(line, &first);
  return c >= 'a' && c <= 'z';
}

}  // namespace

std::vector<ByteRange> Paragraphs(const LineIndex& index, size_t begin, size_t end) {
  std::vector<ByteRange> out;
  if (begin >= end || index.line_count() == 0) return out;
  bool open = false, blank = false;
  for (size_t line = index.LineOf(begin); line < index.line_count(); ++line) {
    size_t b = std::max(begin, index.LineStart(line));
    size_t e = std::min(end, index.LineEnd(line));
    if (b >= end) break;
    std::string_view text = index.Line(line);
    size_t off = b - index.LineStart(line);
    std::string_view part = b < e ? text.substr(off, e - b) : std::string_view();
    size_t first = part.find_first_not_of(" \t\r");
    if (first == std::string_view::npos) {
      blank = true;
      continue;
    }
    size_t last = part.find_last_not_of(" \t\r");
    if (open && !OpensWithMark(part) && (!blank || OpensSmall(part, first))) {
      out.back().end = b + last + 1;
    } else {
      out.push_back({b + first, b + last + 1});
    }
    open = std::string_view(".;:!?").find(part[last]) == std::string_view::npos;
    blank = false;
  }
  return out;
}

}  // namespace vnplan
