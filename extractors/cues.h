// Cues: the phrases of models/extract/cues.tsv, grouped by role, compiled
// into RE2 patterns over folded lowercase text (see pipeline/segment/fold.h),
// so "Thuc hien", "Thực hiện" and "Thực\nhiện" all match "Thực hiện".
//
// Contract:
//  - Load throws vnplan::Error naming the file and line of a malformed record.
//  - A phrase matches whole words: its words in order, separated by any run
//    of white space (line breaks included); "{n}" stands for a number,
//    captured and substituted into the cue's value ("every-{n}-months").
//  - Immutable after Load; safe to share between threads.
#ifndef VNPLAN_EXTRACTORS_CUES_H_
#define VNPLAN_EXTRACTORS_CUES_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

struct CueMatch {
  size_t begin = 0, end = 0;  // Offsets into the folded text searched.
  std::string value;          // The cue's value, "{n}" replaced by the number matched.
};

class Cues {
 public:
  static Cues Load(const std::string& path);

  // The cue of `role` that opens `folded` (leading white space and list
  // marks skipped).
  std::optional<CueMatch> Opens(const std::string& role, std::string_view folded) const;
  // True when `phrase` is one of the cues of `role`, compared folded
  // ("tasks" among the task_part kinds).
  bool Has(const std::string& role, std::string_view phrase) const;
  // Every match of a cue of `role` in `folded`, left to right, longest cue
  // first at each position.
  std::vector<CueMatch> FindAll(const std::string& role, std::string_view folded) const;
  // The cues of `role` whose value is `value`, as one RE2 pattern (no
  // capturing group) matching any of their phrases, for extractors that
  // build their own patterns around the words ("quý" in "quý III/2023").
  // Throws vnplan::Error naming the cue file when it has none.
  std::string Pattern(const std::string& role, const std::string& value) const;

 private:
  struct Cue {
    std::unique_ptr<RE2> anywhere;  // Word-bounded phrase, one group per "{n}".
    std::unique_ptr<RE2> opening;   // The same, anchored after leading marks.
    std::string key;                // The phrase, folded (NameKey).
    std::string pattern;            // The phrase as a pattern, unanchored.
    std::string value;
    size_t length = 0;
  };
  // A role's cues, longest first, and all their patterns in one set each:
  // one pass over a text tells which cues are worth running, where running
  // each in turn would scan it once per cue.
  struct Role {
    std::vector<Cue> cues;
    std::unique_ptr<RE2::Set> anywhere, opening;
  };
  // The cues of `role` whose pattern in `set` matches `folded`, in order.
  static std::vector<const Cue*> Candidates(const Role& role, const RE2::Set& set,
                                            std::string_view folded);
  std::map<std::string, Role> roles_;
  std::string path_;
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_CUES_H_
