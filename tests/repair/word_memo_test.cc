#include "pipeline/repair/word_memo.h"

#include <gtest/gtest.h>

#include <string>

namespace vnplan {
namespace {

TEST(WordMemoTest, WorksOutEachWordOnce) {
  WordMemo<char, size_t> memo;
  int calls = 0;
  auto length = [&](std::string_view w) {
    ++calls;
    return w.size();
  };
  EXPECT_EQ(memo.Get("thực", length), 6u);  // Bytes of UTF-8.
  EXPECT_EQ(memo.Get("hiện", length), 6u);
  EXPECT_EQ(memo.Get("thực", length), 6u);
  EXPECT_EQ(calls, 2);
}

TEST(WordMemoTest, PastItsBoundAnswersStayRight) {
  WordMemo<char32_t, std::u32string> memo;
  int calls = 0;
  auto twice = [&](std::u32string_view w) {
    ++calls;
    return std::u32string(w) + std::u32string(w);
  };
  for (size_t i = 0; i < WordMemo<char32_t, std::u32string>::kMaxWords; ++i) {
    memo.Get(std::u32string(1, U'a') + std::u32string(1, static_cast<char32_t>(0x100 + i)), twice);
  }
  calls = 0;
  // Full: a new word is worked out every time, a kept one never.
  EXPECT_EQ(memo.Get(U"mới", twice), U"mớimới");
  EXPECT_EQ(memo.Get(U"mới", twice), U"mớimới");
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(memo.Get(std::u32string(U"a") + static_cast<char32_t>(0x100), twice).size(), 4u);
  EXPECT_EQ(calls, 2);
}

}  // namespace
}  // namespace vnplan
