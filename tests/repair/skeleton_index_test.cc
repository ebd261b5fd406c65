#include "pipeline/repair/skeleton_index.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace vnplan {
namespace {

SkeletonIndex::Key KeyOf(std::string_view letters) {
  SkeletonIndex::Key key;
  for (char c : letters) EXPECT_TRUE(key.Append(static_cast<char32_t>(c)));
  return key;
}

// Skeletons of a few syllables, ids as a language model would number them.
SkeletonIndex MakeIndex() {
  return SkeletonIndex({{KeyOf("thuc"), 10},
                        {KeyOf("hien"), 11},
                        {KeyOf("thuc"), 12},  // Another word of the same skeleton.
                        {KeyOf("thu"), 13},
                        {KeyOf("chuc"), 14},
                        {KeyOf("thuoc"), 15},
                        {KeyOf("o"), 16},
                        {KeyOf("oo"), 17}});
}

using Found = std::vector<std::pair<uint32_t, double>>;

// Each word found with its best logp, by id. A word may be found several
// ways ("thuc" is one wildcard from itself at every letter).
Found Best(Found found) {
  std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const auto& a, const auto& b) { return a.first == b.first; }),
              found.end());
  return found;
}

Found Find(const SkeletonIndex& index, std::string_view key, bool neighbours) {
  Found found;
  index.Lookup(KeyOf(key), 0, neighbours, -4, &found);
  return Best(found);
}

TEST(SkeletonIndexTest, ExactSkeletonFindsEveryWordSpeltWithIt) {
  SkeletonIndex index = MakeIndex();
  EXPECT_EQ(Find(index, "thuc", false), (Found{{10, 0}, {12, 0}}));
  EXPECT_EQ(Find(index, "hien", false), (Found{{11, 0}}));
  EXPECT_TRUE(Find(index, "thuy", false).empty());
}

TEST(SkeletonIndexTest, NeighboursAreOneLetterAwayAndPenalised) {
  SkeletonIndex index = MakeIndex();
  // "thuc" itself; "thu" and "chuc" one letter away; "thuoc" one letter longer.
  EXPECT_EQ(Find(index, "thuc", true), (Found{{10, 0}, {12, 0}, {13, -4}, {14, -4}, {15, -4}}));
  // A letter inserted by OCR: "thuuc" has "thuc" one letter dropped.
  EXPECT_EQ(Find(index, "thuuc", true), (Found{{10, -4}, {12, -4}, {15, -4}}));
}

TEST(SkeletonIndexTest, ShortKeysOnlyLookForALostLetter) {
  SkeletonIndex index = MakeIndex();
  // "o" one letter short of "oo", but no change or insertion: "u" would
  // otherwise match every one-letter word.
  EXPECT_EQ(Find(index, "o", true), (Found{{16, 0}, {17, -4}}));
  EXPECT_EQ(Find(index, "u", true), (Found{}));
}

TEST(SkeletonIndexTest, EqualNeighbourLettersGiveOneDeletion) {
  SkeletonIndex index = MakeIndex();
  // "oo" loses either "o" to the same "o": found once, not twice.
  EXPECT_EQ(Find(index, "o", true), (Found{{16, 0}, {17, -4}}));
}

TEST(SkeletonIndexTest, KeysHoldTwelveLettersAndOrderAsSpellings) {
  SkeletonIndex::Key key;
  for (int i = 0; i < 12; ++i) EXPECT_TRUE(key.Append('a'));
  EXPECT_TRUE(key.full());
  EXPECT_FALSE(key.Append('a'));
  EXPECT_EQ(key.size(), 12u);
  EXPECT_TRUE(KeyOf("ab") < KeyOf("b"));
  EXPECT_TRUE(KeyOf("a") < KeyOf("ab"));
  EXPECT_TRUE(KeyOf("thu") == KeyOf("thu"));
}

TEST(SkeletonIndexTest, LettersOutsideTheAlphabetMatchNoWord) {
  SkeletonIndex index = MakeIndex();
  SkeletonIndex::Key key = KeyOf("th");
  key.Append(U'ư');
  key.Append('c');
  Found found;
  index.Lookup(key, 0, false, -4, &found);
  EXPECT_TRUE(found.empty());
  // One letter away, the stray letter may be the one OCR changed.
  index.Lookup(key, 0, true, -4, &found);
  EXPECT_EQ(Best(found), (Found{{10, -4}, {12, -4}}));
}

}  // namespace
}  // namespace vnplan
