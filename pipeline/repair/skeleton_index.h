// SkeletonIndex: the vocabulary's words by skeleton (a word's letters
// without marks, in small letters, đ as d: "thực" -> "thuc"), for the
// restorer's candidate search, which spells skeletons out of what OCR
// printed and asks which words have them.
//
// A lookup finds the words whose skeleton is the key and, when asked, those
// one letter away: a letter dropped, inserted or changed. It is the inner
// step of the search, run dozens of times per distinct word of a text, so
// keys are skeletons packed into one integer (a letter is five bits) and the
// lists live in one flat array behind an open-addressing table: no string
// is built or hashed, and a list is one cache line away from its slot.
//
// Immutable once built; safe to share between threads.
#ifndef VNPLAN_PIPELINE_REPAIR_SKELETON_INDEX_H_
#define VNPLAN_PIPELINE_REPAIR_SKELETON_INDEX_H_

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace vnplan {

class SkeletonIndex {
 public:
  // Skeletons longer than any Vietnamese syllable or common abbreviation are
  // not indexed: such a word is a name, a foreign word or debris.
  static constexpr size_t kMaxLetters = 12;

  // A skeleton of at most kMaxLetters letters, first letter in the highest
  // bits, so keys order as their spellings do.
  class Key {
   public:
    size_t size() const { return size_; }
    bool full() const { return size_ == kMaxLetters; }
    // Appends `letter` unless the key is full (then it returns false). A
    // letter outside a-z is kept as a letter no word has.
    bool Append(char32_t letter);

    friend bool operator==(const Key& a, const Key& b) { return a.code_ == b.code_; }
    friend bool operator<(const Key& a, const Key& b) { return a.code_ < b.code_; }

   private:
    friend class SkeletonIndex;
    static constexpr int Shift(size_t i) { return static_cast<int>(5 * (kMaxLetters - 1 - i)); }
    uint32_t letter(size_t i) const { return static_cast<uint32_t>(code_ >> Shift(i)) & 31; }
    Key Without(size_t i) const;
    Key Changed(size_t i) const;

    uint64_t code_ = 0;  // Letters code 1 to 31, so keys of different sizes differ.
    uint32_t size_ = 0;
  };

  // Indexes each (skeleton, word id) pair; a word may have one skeleton.
  // Keys are valid skeletons of one letter or more.
  explicit SkeletonIndex(const std::vector<std::pair<Key, uint32_t>>& words);

  // Appends to `found` (id, logp) for each word whose skeleton is `key`
  // and, with `neighbours`, (id, logp + edit_logp) for each word one letter
  // away: keys of one or two letters, which would match most short
  // syllables, only look for a letter lost. A word may come more than once.
  // Ids come in increasing order within each kind of match.
  void Lookup(Key key, double logp, bool neighbours, double edit_logp,
              std::vector<std::pair<uint32_t, double>>* found) const;

 private:
  // A multimap from key to word ids, each key's ids contiguous.
  class Lists {
   public:
    Lists() = default;
    explicit Lists(std::vector<std::pair<uint64_t, uint32_t>> pairs);
    void Append(uint64_t key, double logp, std::vector<std::pair<uint32_t, double>>* found) const;

   private:
    static constexpr uint64_t kEmpty = ~uint64_t{0};  // No key: codes fill 60 bits.
    struct Slot {
      uint64_t key = kEmpty;
      uint32_t begin = 0, count = 0;
    };
    std::vector<Slot> slots_;  // A power of two, at most half full.
    std::vector<uint32_t> ids_;
  };
  Lists exact_;
  Lists deletions_;  // By each skeleton with one letter dropped.
  Lists changes_;    // By each skeleton with one letter made a wildcard.
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_SKELETON_INDEX_H_
