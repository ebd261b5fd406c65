#include "extractors/dates.h"

#include <cstdio>

namespace vnplan {
namespace {

// Day, month, year as three groups, either numeric or spelled with the
// words for month and year; the separators of the numeric form may carry
// OCR spaces.
std::string DatePattern(const Cues& cues) {
  const std::string separator = "[ \\t]*[/.\\-][ \\t]*";
  return "(?:" + cues.Pattern("word", "day") + "\\s+)?(\\d{1,2})(?:" + separator + "|\\s+" +
         cues.Pattern("word", "month") + "\\s+)(\\d{1,2})(?:" + separator + "|\\s+" +
         cues.Pattern("word", "year") + "\\s+)(\\d{4})\\b";
}

std::optional<std::string> Iso(int day, int month, int year) {
  if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1900 || year > 2099) {
    return std::nullopt;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return std::string(buf);
}

}  // namespace

DateReader::DateReader(const Cues& cues)
    : opening_("^[\\s,]*(" + DatePattern(cues) + ")"),
      anywhere_("\\b(" + DatePattern(cues) + ")") {}

std::optional<DateMatch> DateReader::Opening(std::string_view folded) const {
  re2::StringPiece whole;
  int d = 0, m = 0, y = 0;
  if (!RE2::PartialMatch(folded, opening_, &whole, &d, &m, &y)) return std::nullopt;
  std::optional<std::string> iso = Iso(d, m, y);
  if (!iso) return std::nullopt;
  size_t begin = whole.data() - folded.data();
  return DateMatch{begin, begin + whole.size(), *iso};
}

std::vector<DateMatch> DateReader::FindAll(std::string_view folded) const {
  std::vector<DateMatch> out;
  re2::StringPiece rest = folded, whole;
  int d = 0, m = 0, y = 0;
  while (RE2::FindAndConsume(&rest, anywhere_, &whole, &d, &m, &y)) {
    if (std::optional<std::string> iso = Iso(d, m, y)) {
      size_t begin = whole.data() - folded.data();
      out.push_back({begin, begin + whole.size(), *iso});
    }
  }
  return out;
}

}  // namespace vnplan
