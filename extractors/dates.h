// Dates in plan text: "31/3/2021", "31-3-2021", "31.3.2021" and "ngày 31
// tháng 3 năm 2021", read from folded lowercase text (pipeline/segment/fold.h)
// so OCR that lost the marks ("ngay 31 thang 3 nam 2021") reads the same.
//
// Contract: patterns are compiled once per DateReader; every call is linear in
// the text given and safe from several threads. A date must name a real day
// (1..31 of month 1..12, year 1900..2099); periods such as "quý III/2023" or
// "tháng 11/2024" and dates without a year ("10/5") are not dates.
#ifndef VNPLAN_EXTRACTORS_DATES_H_
#define VNPLAN_EXTRACTORS_DATES_H_

#include <re2/re2.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extractors/cues.h"

namespace vnplan {

struct DateMatch {
  size_t begin = 0, end = 0;  // Offsets into the folded text searched.
  std::string iso;            // "2021-03-31".
};

class DateReader {
 public:
  // The words of dates are the "word" cues day, month and year.
  explicit DateReader(const Cues& cues);

  // The date opening `folded` after white space, commas and an optional
  // "ngày"; nullopt when it does not open with one.
  std::optional<DateMatch> Opening(std::string_view folded) const;
  // Every date in `folded`, left to right.
  std::vector<DateMatch> FindAll(std::string_view folded) const;

 private:
  RE2 opening_;
  RE2 anywhere_;
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_DATES_H_
