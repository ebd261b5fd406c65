// WordMemo: what one pass over a text has already worked out for a word.
//
// A text repeats its words: a plan says "thực hiện" hundreds of times. The
// syllable checks and tone placement a pass runs per word cost far more
// than finding the word in a hash table, so a pass keeps its answers here.
// At most kMaxWords words are kept, so debris cannot grow the memo without
// bound; past that, answers are worked out afresh. One memo per pass: it is
// not thread-safe.
#ifndef VNPLAN_PIPELINE_REPAIR_WORD_MEMO_H_
#define VNPLAN_PIPELINE_REPAIR_WORD_MEMO_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace vnplan {

template <typename Char, typename Value>
class WordMemo {
 public:
  static constexpr size_t kMaxWords = size_t{1} << 16;

  // The value of `word`: compute(word) the first time it is asked for.
  template <typename Compute>
  const Value& Get(std::basic_string_view<Char> word, Compute compute) {
    if (auto it = values_.find(word); it != values_.end()) return it->second;
    if (values_.size() >= kMaxWords) return overflow_ = compute(word);
    return values_.emplace(std::basic_string<Char>(word), compute(word)).first->second;
  }

 private:
  // Lets a view find a stored string without copying it.
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::basic_string_view<Char> s) const {
      return std::hash<std::basic_string_view<Char>>{}(s);
    }
  };
  std::unordered_map<std::basic_string<Char>, Value, Hash, std::equal_to<>> values_;
  Value overflow_{};
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_WORD_MEMO_H_
