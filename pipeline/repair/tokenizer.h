// Splits a line of text into the tokens the repair model reasons about.
//
// Chunks are separated by white space. Punctuation at either end of a chunk
// is split off (sentence punctuation as kBreak, the rest as kPunct). What
// remains is:
//  - kNumber: digits with . , % / - only ("2.500", "13/3/2023", "2019-2025");
//  - kSymbol: a document symbol or abbreviation joined by / - & with capitals
//    or digits ("23/QĐ-TTg", "121/2020/QH14", "GD&ĐT"); its letter runs are
//    repaired one by one, its digits never;
//  - kWord: anything else, a syllable, an abbreviation or OCR debris ("c6ng").
// A joiner only joins between letters or digits, '&' only between capitals
// or digits: "x&" and "c&c" are damaged words, not
// a symbol, and an apostrophe right after a letter stays with the word (OCR's
// horn: "co’" for "cơ"). Lowercase hyphenated words are split at the hyphen,
// and a list mark glued to its text ("3.Sở") at the point. A letter list
// mark opening the line ("b)", OCR's "¢)") is one kPunct. Offsets are
// bytes into the line; tokens are in order and never overlap.
#ifndef VNPLAN_PIPELINE_REPAIR_TOKENIZER_H_
#define VNPLAN_PIPELINE_REPAIR_TOKENIZER_H_

#include <cstddef>
#include <string_view>
#include <vector>

namespace vnplan {

enum class TokenKind { kWord, kNumber, kSymbol, kPunct, kBreak };

struct Token {
  size_t begin = 0, end = 0;
  TokenKind kind = TokenKind::kWord;
};

std::vector<Token> Tokenize(std::string_view line);

// The parts of a kSymbol token: its letter runs as kWord and its digit runs
// as kNumber, in order, as byte ranges of the line; joiners are left out.
std::vector<Token> SymbolParts(std::string_view line, const Token& symbol);

// The tokens a language model reads: kWord (words and the letter runs of
// symbols), kNumber (numbers and the digit runs of symbols) and kBreak;
// other punctuation is left out.
std::vector<Token> ModelTokens(std::string_view line);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_TOKENIZER_H_
