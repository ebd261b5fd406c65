#include "pipeline/repair/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace vnplan {
namespace {

// "text:KIND" for each token, KIND one of W N S P B.
std::vector<std::string> Show(std::string_view line, const std::vector<Token>& tokens) {
  std::vector<std::string> out;
  for (const Token& t : tokens) {
    static constexpr char kKinds[] = "WNSPB";
    out.push_back(std::string(line.substr(t.begin, t.end - t.begin)) + ":" +
                  kKinds[static_cast<int>(t.kind)]);
  }
  return out;
}

TEST(TokenizerTest, NumbersDatesAndPercentagesAreNumbers) {
  std::string line = "ngày 13/3/2023, đạt 65,5% (2.500 người) giai đoạn 2021-2025.";
  EXPECT_EQ(Show(line, Tokenize(line)),
            (std::vector<std::string>{"ngày:W", "13/3/2023:N", ",:P", "đạt:W", "65,5%:N", "(:P",
                                      "2.500:N", "người:W", "):P", "giai:W", "đoạn:W",
                                      "2021-2025:N", ".:B"}));
}

TEST(TokenizerTest, DocumentSymbolsAndAbbreviationsAreSymbols) {
  std::string line = "số 23/QĐ-TTg, 121/2020/QH14 và GD&ĐT";
  EXPECT_EQ(Show(line, Tokenize(line)),
            (std::vector<std::string>{"số:W", "23/QĐ-TTg:S", ",:P", "121/2020/QH14:S", "và:W",
                                      "GD&ĐT:S"}));
}

TEST(TokenizerTest, DamagedWordsStayWords) {
  // OCR debris with digits or a trailing '&' is a word to repair, not a symbol.
  std::string line = "s6 c6ng x& hoi 1¢ c&c K&u";
  EXPECT_EQ(Show(line, Tokenize(line)), (std::vector<std::string>{"s6:W", "c6ng:W", "x&:W", "hoi:W",
                                                                  "1¢:W", "c&c:W", "K&u:W"}));
}

TEST(TokenizerTest, ListMarkGluedToItsTextSplitsOff) {
  // The word after the mark is repaired as a word; amounts and dates stay whole.
  std::string line = "3.S6 Y tế, 2.1.Tổ chức 2.500 v.v.";
  EXPECT_EQ(Show(line, Tokenize(line)),
            (std::vector<std::string>{"3:N", ".:P", "S6:W", "Y:W", "tế:W", ",:P", "2.1:N", ".:P",
                                      "Tổ:W", "chức:W", "2.500:N", "v.v:W", ".:B"}));
}

TEST(TokenizerTest, LetterListMarkOpeningALineIsPunctuation) {
  std::string line = "\xC2\xA2) Hướng dẫn (xem a) và b))";
  EXPECT_EQ(Show(line, Tokenize(line)),
            (std::vector<std::string>{"\xC2\xA2):P", "Hướng:W", "dẫn:W", "(:P", "xem:W", "a:W",
                                      "):P", "và:W", "b:W", "):P", "):P"}));
}

TEST(TokenizerTest, ApostropheAfterALetterIsAHorn) {
  std::string line = "nguy co’ (tro’), ‘dap";
  EXPECT_EQ(
      Show(line, Tokenize(line)),
      (std::vector<std::string>{"nguy:W", "co’:W", "(:P", "tro’:W", "):P", ",:P", "‘:P", "dap:W"}));
}

TEST(TokenizerTest, LowercaseHyphenatedWordsSplit) {
  std::string line = "kinh tế-xã hội";
  EXPECT_EQ(Show(line, Tokenize(line)),
            (std::vector<std::string>{"kinh:W", "tế:W", "-:P", "xã:W", "hội:W"}));
}

TEST(TokenizerTest, ModelTokensSplitSymbolsIntoLettersAndDigits) {
  std::string line = "Quyết định số 23/QĐ-TTg; (xem)";
  EXPECT_EQ(Show(line, ModelTokens(line)),
            (std::vector<std::string>{"Quyết:W", "định:W", "số:W", "23:N", "QĐ:W", "TTg:W", ";:B",
                                      "xem:W"}));
}

TEST(TokenizerTest, EmptyAndBlankLinesHaveNoTokens) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" \t ").empty());
}

}  // namespace
}  // namespace vnplan
