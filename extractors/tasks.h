// Action items (Document::tasks) of the parts whose kind is a "task_part" cue
// (tasks, organisation, reporting; models/extract/cues.tsv).
//
// Which text is a task:
//  - a leaf part (a bullet, "a)", "1." without sub-items) is one task, its
//    heading being the item's text;
//  - a part headed by an agency ("2. Sở Kế hoạch và Đầu tư", "c) Đề nghị
//    UBND các xã") owns everything under it: each paragraph of its own text
//    is a task, and so are the leaves below it;
//  - a top-level part without sub-parts: each of its paragraphs;
//  - a plan without numbered parts: each paragraph after the preamble that
//    names a lead or a deadline.
//  Headings that only group items, and closing paragraphs ("Trên đây là…",
//  cues of role not_task), are no tasks.
//
// Roles: the lead is the agency the item names as leading ("Giao Sở X…",
// "X chủ trì", or an agency opening the item), else the agency heading its
// subsection; cooperating agencies are those listed right after a
// "phối hợp với" cue. Deadlines: a date after a deadline cue ("trước ngày
// 31/3/2021"); periods ("trong quý III/2023") and recurrences ("hằng năm",
// "định kỳ 06 tháng") are kept as text without a date. Indicators: the
// numbers after "chỉ tiêu". References: the cited documents mentioned inside.
//
// Contract: pure; linear in the text; every task carries its span.
#ifndef VNPLAN_EXTRACTORS_TASKS_H_
#define VNPLAN_EXTRACTORS_TASKS_H_

#include <re2/re2.h>

#include <string>
#include <vector>

#include "extractors/context.h"
#include "extractors/cues.h"
#include "extractors/dates.h"

namespace vnplan {

class TaskExtractor {
 public:
  // `cues` and `dates` must outlive the extractor.
  TaskExtractor(const Cues& cues, const DateReader& dates);

  std::vector<Task> Extract(const ExtractContext& ctx,
                            const std::vector<Reference>& references) const;

 private:
  struct Owner {
    std::vector<std::string> agencies;
    bool part = false;  // The section walked is a task part itself, not an item of one.
  };

  void Walk(const ExtractContext& ctx, const std::vector<std::vector<int>>& children, int section,
            Owner owner, std::vector<Task>* out) const;
  // The agencies a heading names when it is only that ("Sở Y tế", "Đề nghị
  // UBND các xã"): empty for a heading that says more.
  std::vector<std::string> HeadingAgencies(const ExtractContext& ctx, size_t begin,
                                           size_t end) const;
  Task Build(const ExtractContext& ctx, size_t begin, size_t end, const Owner& owner) const;
  // The agencies listed from source offset `source_at` to `limit` (see
  // IsListGap): the list after "phối hợp với" or opening an item. With
  // `at_once`, the first must come right away ("Sở Y tế…", not "Các cơ
  // quan và Sở Y tế…").
  std::vector<std::string> ListAt(const ExtractContext& ctx, size_t source_at, size_t limit,
                                  bool at_once) const;

  bool IsListGap(std::string_view gap) const;

  const Cues& cues_;
  const DateReader& dates_;
  RE2 period_;
  RE2 day_month_;
  RE2 numbers_;
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_TASKS_H_
