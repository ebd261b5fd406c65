#include "pipeline/repair/skeleton_index.h"

#include <algorithm>
#include <bit>

#include "pipeline/repair/mix_key.h"

namespace vnplan {
namespace {

constexpr uint32_t kWildcard = 27;  // After 'z' (26).
constexpr uint32_t kOther = 31;     // A letter no skeleton has.

}  // namespace

bool SkeletonIndex::Key::Append(char32_t letter) {
  if (full()) return false;
  uint64_t code = letter >= 'a' && letter <= 'z' ? letter - 'a' + 1 : kOther;
  code_ |= code << Shift(size_);
  ++size_;
  return true;
}

SkeletonIndex::Key SkeletonIndex::Key::Without(size_t i) const {
  // The letters after i move up one place.
  uint64_t below = (uint64_t{1} << Shift(i)) - 1;
  Key k;
  k.code_ = (code_ & ~((below << 5) | 31)) | ((code_ & below) << 5);
  k.size_ = size_ - 1;
  return k;
}

SkeletonIndex::Key SkeletonIndex::Key::Changed(size_t i) const {
  Key k = *this;
  k.code_ = (code_ & ~(uint64_t{31} << Shift(i))) | (uint64_t{kWildcard} << Shift(i));
  return k;
}

SkeletonIndex::Lists::Lists(std::vector<std::pair<uint64_t, uint32_t>> pairs) {
  std::sort(pairs.begin(), pairs.end());
  size_t keys = 0;
  for (size_t k = 0; k < pairs.size(); ++k) keys += k == 0 || pairs[k].first != pairs[k - 1].first;
  slots_.resize(std::bit_ceil(2 * keys + 2));
  ids_.reserve(pairs.size());
  size_t mask = slots_.size() - 1;
  for (size_t k = 0; k < pairs.size();) {
    size_t end = k;
    while (end < pairs.size() && pairs[end].first == pairs[k].first)
      ids_.push_back(pairs[end++].second);
    size_t slot = MixKey(pairs[k].first) & mask;
    while (slots_[slot].key != kEmpty) slot = (slot + 1) & mask;
    slots_[slot] = {pairs[k].first, static_cast<uint32_t>(ids_.size() - (end - k)),
                    static_cast<uint32_t>(end - k)};
    k = end;
  }
}

void SkeletonIndex::Lists::Append(uint64_t key, double logp,
                                  std::vector<std::pair<uint32_t, double>>* found) const {
  size_t mask = slots_.size() - 1;
  for (size_t slot = MixKey(key) & mask; slots_[slot].key != kEmpty; slot = (slot + 1) & mask) {
    if (slots_[slot].key != key) continue;
    const Slot& s = slots_[slot];
    for (uint32_t k = s.begin; k < s.begin + s.count; ++k) found->emplace_back(ids_[k], logp);
    return;
  }
}

SkeletonIndex::SkeletonIndex(const std::vector<std::pair<Key, uint32_t>>& words) {
  std::vector<std::pair<uint64_t, uint32_t>> exact, deletions, changes;
  exact.reserve(words.size());
  for (const auto& [key, id] : words) {
    exact.emplace_back(key.code_, id);
    for (size_t i = 0; i < key.size(); ++i) {
      changes.emplace_back(key.Changed(i).code_, id);
      // Dropping either of two equal neighbours gives the same skeleton.
      if (i > 0 && key.letter(i) == key.letter(i - 1)) continue;
      deletions.emplace_back(key.Without(i).code_, id);
    }
  }
  exact_ = Lists(std::move(exact));
  deletions_ = Lists(std::move(deletions));
  changes_ = Lists(std::move(changes));
}

void SkeletonIndex::Lookup(Key key, double logp, bool neighbours, double edit_logp,
                           std::vector<std::pair<uint32_t, double>>* found) const {
  exact_.Append(key.code_, logp, found);
  if (!neighbours) return;
  deletions_.Append(key.code_, logp + edit_logp, found);  // One letter lost.
  if (key.size() < 3) return;
  for (size_t i = 0; i < key.size(); ++i) {
    exact_.Append(key.Without(i).code_, logp + edit_logp, found);  // One letter inserted.
    changes_.Append(key.Changed(i).code_, logp + edit_logp, found);
  }
}

}  // namespace vnplan
