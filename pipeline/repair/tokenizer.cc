#include "pipeline/repair/tokenizer.h"

#include <algorithm>

#include "pipeline/repair/syllable.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

bool IsSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xA0 || c == 0x3000 ||
         (c >= 0x2000 && c <= 0x200B);
}
bool IsBreakPunct(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == 0x2026;
}
bool IsEdgePunct(char32_t c) {
  static constexpr std::u32string_view kEdge = U"()[]{}<>\"',.;:!?*`«»“”‘’„…–—-_|";
  return kEdge.find(c) != std::u32string_view::npos;
}
bool IsDigit(char32_t c) { return c >= '0' && c <= '9'; }
// Characters of the longest list mark left to the segmenter, its ')' aside.
constexpr size_t kMaxListMark = 2;
bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018; }

struct CodePoint {
  char32_t c;
  size_t begin, end;
};

std::vector<CodePoint> Decode(std::string_view s, size_t from, size_t to) {
  std::vector<CodePoint> out;
  size_t pos = from;
  while (pos < to) {
    size_t b = pos;
    char32_t c = NextCodePoint(s, &pos);
    out.push_back({c, b, pos});
  }
  return out;
}

void ClassifyCore(const std::vector<CodePoint>& cps, size_t lo, size_t hi,
                  std::vector<Token>* out) {
  bool digit = false, only_numeric = true, joiner = false, upper = false, slash_or_amp = false;
  auto alnum = [&](size_t i) { return IsDigit(cps[i].c) || IsLetterChar(cps[i].c); };
  auto small = [&](size_t i) { return IsLetterChar(cps[i].c) && !IsUpperChar(cps[i].c); };
  for (size_t i = lo; i < hi; ++i) {
    char32_t c = cps[i].c;
    digit |= IsDigit(c);
    upper |= IsUpperChar(c);
    bool joins =
        (c == '/' || c == '-' || c == '&') && i > lo && i + 1 < hi && alnum(i - 1) && alnum(i + 1);
    // "GD&ĐT" is a symbol; "c&c" and "K&u" are words OCR printed a vowel of as '&'.
    if (joins && c == '&' && (small(i - 1) || small(i + 1))) joins = false;
    if (joins && c != '-') slash_or_amp = true;
    joiner |= joins;
    if (!IsDigit(c) && c != '.' && c != ',' && c != '%' && c != '/' && c != '-') {
      only_numeric = false;
    }
  }
  size_t begin = cps[lo].begin, end = cps[hi - 1].end;
  if (digit && only_numeric) {
    out->push_back({begin, end, TokenKind::kNumber});
  } else if (joiner && (slash_or_amp || digit || upper)) {
    out->push_back({begin, end, TokenKind::kSymbol});
  } else if (joiner) {
    size_t start = lo;
    for (size_t i = lo; i <= hi; ++i) {
      if (i < hi && cps[i].c != '-') continue;
      if (i > start) out->push_back({cps[start].begin, cps[i - 1].end, TokenKind::kWord});
      if (i < hi) out->push_back({cps[i].begin, cps[i].end, TokenKind::kPunct});
      start = i + 1;
    }
  } else {
    out->push_back({begin, end, TokenKind::kWord});
  }
}

}  // namespace

std::vector<Token> Tokenize(std::string_view line) {
  std::vector<Token> out;
  std::vector<CodePoint> cps = Decode(line, 0, line.size());
  size_t i = 0;
  while (i < cps.size()) {
    if (IsSpace(cps[i].c)) {
      ++i;
      continue;
    }
    size_t lo = i;
    while (i < cps.size() && !IsSpace(cps[i].c)) ++i;
    size_t hi = i;
    // A list mark opening the line ("a)", "đ)", and OCR's "¢)") is left to
    // the segmenter: read as a word, "¢" would be repaired to "ở".
    if (out.empty() && hi - lo <= kMaxListMark + 1 && hi - lo >= 2 && cps[hi - 1].c == ')' &&
        std::none_of(cps.begin() + lo, cps.begin() + hi - 1,
                     [](const CodePoint& p) { return IsEdgePunct(p.c) || IsDigit(p.c); })) {
      out.push_back({cps[lo].begin, cps[hi - 1].end, TokenKind::kPunct});
      continue;
    }
    size_t core_lo = lo, core_hi = hi;
    while (core_lo < core_hi && IsEdgePunct(cps[core_lo].c)) ++core_lo;
    while (core_hi > core_lo && IsEdgePunct(cps[core_hi - 1].c)) --core_hi;
    // OCR prints the horn of ơ/ư as an apostrophe ("co’" for "cơ"): one
    // right after a letter belongs to the word.
    if (core_hi < hi && core_hi > core_lo && IsApostrophe(cps[core_hi].c) &&
        IsLetterChar(cps[core_hi - 1].c)) {
      ++core_hi;
    }
    auto punct = [&](size_t k) {
      out.push_back({cps[k].begin, cps[k].end,
                     IsBreakPunct(cps[k].c) ? TokenKind::kBreak : TokenKind::kPunct});
    };
    for (size_t k = lo; k < core_lo; ++k) punct(k);
    // A list mark OCR glued to its text ("3.Sở Y tế", "2.1.Tổ chức") is a
    // number, a point and a word, not one word.
    for (size_t k = core_lo; k + 1 < core_hi && (IsDigit(cps[k].c) || cps[k].c == '.'); ++k) {
      if (cps[k].c == '.' && k > core_lo && IsDigit(cps[k - 1].c) && IsLetterChar(cps[k + 1].c)) {
        out.push_back({cps[core_lo].begin, cps[k - 1].end, TokenKind::kNumber});
        out.push_back({cps[k].begin, cps[k].end, TokenKind::kPunct});
        core_lo = k + 1;
        break;
      }
    }
    if (core_lo < core_hi) ClassifyCore(cps, core_lo, core_hi, &out);
    for (size_t k = core_hi; k < hi; ++k) punct(k);
  }
  return out;
}

std::vector<Token> SymbolParts(std::string_view line, const Token& symbol) {
  std::vector<Token> out;
  std::vector<CodePoint> cps = Decode(line, symbol.begin, symbol.end);
  auto kind_of = [](char32_t c) {
    if (IsDigit(c)) return 1;
    if (c == '/' || c == '-' || c == '&' || c == '.') return 0;
    return 2;
  };
  size_t i = 0;
  while (i < cps.size()) {
    int kind = kind_of(cps[i].c);
    size_t start = i;
    while (i < cps.size() && kind_of(cps[i].c) == kind) ++i;
    if (kind == 0) continue;
    out.push_back(
        {cps[start].begin, cps[i - 1].end, kind == 1 ? TokenKind::kNumber : TokenKind::kWord});
  }
  return out;
}

std::vector<Token> ModelTokens(std::string_view line) {
  std::vector<Token> out;
  for (const Token& t : Tokenize(line)) {
    switch (t.kind) {
      case TokenKind::kSymbol:
        for (const Token& part : SymbolParts(line, t)) out.push_back(part);
        break;
      case TokenKind::kPunct:
        break;
      default:
        out.push_back(t);
    }
  }
  return out;
}

}  // namespace vnplan
