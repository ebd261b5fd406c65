#include "pipeline/repair/encoding_repair.h"

#include <algorithm>
#include <array>
#include <climits>
#include <iterator>
#include <vector>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

constexpr size_t kMaxStretch = 64 * 1024;
// How much better another reading must score to override the default one,
// and how much it must score at all: one lone letter is no evidence.
constexpr int kMargin = 2;
// Reporting every bad byte of a binary file would drown the other warnings.
constexpr int kMaxByteWarnings = 10;
// Below this share of syllables among its words, text is not Vietnamese;
// measured on English prose (about 0.3) and on Vietnamese stripped of its
// marks (above 0.9).
constexpr double kMinSyllableShare = 0.6;
constexpr size_t kMinWordsToJudge = 30;
constexpr size_t kLanguageSample = 1 << 20;

constexpr size_t kEncodings = std::size(kAllEncodings);
constexpr int kNotApplicable = INT_MIN;

size_t Index(Encoding e) { return static_cast<size_t>(e); }
unsigned Bit(Encoding e) { return 1u << Index(e); }

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

// Where to end a stretch of a long line that starts at `begin`: after a
// space, else before an ASCII byte, else not inside a UTF-8 sequence.
size_t CutPoint(std::string_view text, size_t begin, size_t limit) {
  size_t floor = std::max(begin + 1, limit - kMaxStretch / 16);
  for (size_t k = limit; k > floor; --k) {
    if (text[k - 1] == ' ' || text[k - 1] == '\t') return k;
  }
  for (size_t k = limit; k > floor; --k) {
    if (static_cast<unsigned char>(text[k]) < 0x80) return k;
  }
  size_t k = limit;
  while (k > limit - 3 && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80) --k;
  return k;
}

// Calls f(begin, end) for each stretch: the lines of `text` without their
// '\n', long ones cut into pieces of at most kMaxStretch bytes.
template <typename F>
void ForEachStretch(std::string_view text, F f) {
  size_t begin = 0;
  while (begin <= text.size()) {
    size_t line_end = std::min(text.find('\n', begin), text.size());
    while (begin < line_end) {
      size_t end =
          line_end - begin > kMaxStretch ? CutPoint(text, begin, begin + kMaxStretch) : line_end;
      f(begin, end);
      begin = end;
    }
    begin = line_end + 1;
  }
}

// A VIQR mark right after a vowel, or "dd" starting a word: the only ASCII
// that could be VIQR.
bool MayBeViqr(std::string_view s) {
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    char c = s[i] | 0x20;
    bool vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
    if (vowel && std::string_view("^(+'`?~.").find(s[i + 1]) != std::string_view::npos) {
      return true;
    }
    if (c == 'd' && (s[i + 1] | 0x20) == 'd' && (i == 0 || !IsAsciiLetter(s[i - 1]))) return true;
  }
  return false;
}

struct Scored {
  size_t begin = 0;
  std::array<int, kEncodings> score;
};

}  // namespace

EncodingRepair::EncodingRepair(const LegacyCodecs& codecs, const VietnameseSyllables& syllables,
                               std::optional<Encoding> forced)
    : codecs_(codecs), syllables_(syllables), forced_(forced) {}

int EncodingRepair::Score(std::string_view s) const {
  int score = 0;
  ForEachWord(
      s,
      [&](std::u32string_view word, bool ascii) {
        if (!ascii) score += syllables_.IsSyllable(word) ? 1 : -1;
      },
      [&](char32_t c) {
        if (c == 0xFFFD || (c >= 0x80 && c < 0xA0)) score -= 2;
      });
  return score;
}

DecodedText EncodingRepair::Decode(std::string_view original, std::optional<Encoding> forced,
                                   std::vector<std::string>* warnings) const {
  // Which readings each stretch allows; pure ASCII and ordinary Unicode
  // lines allow only themselves and cost nothing more.
  auto candidates = [&](std::string_view s, bool* ascii) {
    *ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    if (*ascii) return Bit(Encoding::kUtf8) | (MayBeViqr(s) ? Bit(Encoding::kViqr) : 0);
    unsigned legacy = Bit(Encoding::kUtf8) | Bit(Encoding::kTcvn3) | Bit(Encoding::kVni) |
                      Bit(Encoding::kViscii) | Bit(Encoding::kCp1258);
    if (!IsValidUtf8(s)) return legacy;
    if (codecs_.IsByteLike(s)) return legacy | Bit(Encoding::kMojibake);
    return Bit(Encoding::kUtf8);
  };

  // Pass 1: score the readings of every ambiguous stretch.
  std::vector<Scored> scored;
  std::array<long long, kEncodings> totals{};
  if (!forced) {
    ForEachStretch(original, [&](size_t begin, size_t end) {
      std::string_view s = original.substr(begin, end - begin);
      bool ascii;
      unsigned allowed = candidates(s, &ascii);
      if (allowed == Bit(Encoding::kUtf8)) return;
      Scored entry;
      entry.begin = begin;
      for (Encoding e : kAllEncodings) {
        std::optional<Rewrite> r;
        if (allowed & Bit(e)) r = codecs_.Decode(e, s);
        entry.score[Index(e)] = r ? Score(r->text) : kNotApplicable;
      }
      for (Encoding e : kAllEncodings) {
        int sc = entry.score[Index(e)];
        totals[Index(e)] += sc != kNotApplicable ? sc : entry.score[Index(Encoding::kUtf8)];
      }
      scored.push_back(entry);
    });
  }
  Encoding doc_encoding = Encoding::kUtf8;
  for (Encoding e : kAllEncodings) {
    if (totals[Index(e)] > totals[Index(doc_encoding)]) doc_encoding = e;
  }
  if (totals[Index(doc_encoding)] < totals[Index(Encoding::kUtf8)] + kMargin ||
      totals[Index(doc_encoding)] < kMargin) {
    doc_encoding = Encoding::kUtf8;
  }

  // Pass 2: decode each stretch in its chosen encoding into one Rewrite.
  RewriteBuilder out(original);
  std::array<size_t, kEncodings> used{};
  size_t next_scored = 0;
  int bad_bytes = 0;
  ForEachStretch(original, [&](size_t begin, size_t end) {
    std::string_view s = original.substr(begin, end - begin);
    Encoding choice = forced.value_or(Encoding::kUtf8);
    double confidence = 1;
    bool evidence = forced.has_value();
    if (next_scored < scored.size() && scored[next_scored].begin == begin) {
      const auto& sc = scored[next_scored++].score;
      Encoding fallback =
          sc[Index(doc_encoding)] != kNotApplicable ? doc_encoding : Encoding::kUtf8;
      Encoding best = fallback;
      for (Encoding e : kAllEncodings) {
        if (sc[Index(e)] > sc[Index(best)]) best = e;
      }
      bool clear_win =
          sc[Index(best)] >= sc[Index(fallback)] + kMargin && sc[Index(best)] >= kMargin;
      choice = clear_win ? best : fallback;
      int runner_up = INT_MIN;
      for (Encoding e : kAllEncodings) {
        if (e != choice && sc[Index(e)] != kNotApplicable)
          runner_up = std::max(runner_up, sc[Index(e)]);
      }
      if (runner_up != INT_MIN) {
        confidence = std::clamp(0.5 + 0.1 * (sc[Index(choice)] - runner_up), 0.3, 1.0);
      }
      evidence = true;
    }
    std::optional<Rewrite> r = codecs_.Decode(choice, s);
    if (!r) {
      choice = Encoding::kUtf8;
      r = codecs_.Decode(choice, s);
    }
    bool ascii = std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
    if (evidence || !ascii) used[Index(choice)] += s.size();
    for (const RepairEdit& e : r->edits) {
      out.CopyTo(begin + e.original_begin);
      if (e.kind == "invalid-utf8" && ++bad_bytes <= kMaxByteWarnings) {
        warnings->push_back("invalid UTF-8 at byte offset " +
                            std::to_string(begin + e.original_begin) + " (" +
                            std::to_string(e.before.size()) + " bytes), replaced with U+FFFD");
      }
      out.Replace(e.original_end - e.original_begin, e.after, e.kind,
                  std::min(e.confidence, confidence));
    }
  });
  if (bad_bytes > kMaxByteWarnings) {
    warnings->push_back(std::to_string(bad_bytes) + " stretches of invalid UTF-8 in all");
  }

  DecodedText result;
  result.rewrite = out.Finish();
  std::vector<Encoding> order;
  for (Encoding e : kAllEncodings) {
    if (used[Index(e)] > 0) order.push_back(e);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](Encoding a, Encoding b) { return used[Index(a)] > used[Index(b)]; });
  for (Encoding e : order) {
    if (!result.encoding.empty()) result.encoding += '+';
    result.encoding += EncodingName(e);
  }
  if (result.encoding.empty()) result.encoding = EncodingName(forced.value_or(Encoding::kUtf8));
  return result;
}

DecodedText EncodingRepair::Run(std::string_view original, Document& doc) const {
  std::vector<std::string> warnings;
  DecodedText result = Decode(original, forced_, &warnings);

  // Another language: its words are mostly not Vietnamese syllables.
  std::string_view sample = std::string_view(result.rewrite.text).substr(0, kLanguageSample);
  size_t words = 0, syllables = 0;
  ForEachWord(
      sample,
      [&](std::u32string_view word, bool) {
        if (word.size() < 2) return;
        ++words;
        syllables += syllables_.IsSyllable(word);
      },
      [](char32_t) {});
  if (words >= kMinWordsToJudge && syllables < kMinSyllableShare * words) {
    // Whatever a legacy reading made of it, text in another language is
    // taken as it came.
    if (!forced_ && result.encoding != EncodingName(Encoding::kUtf8)) {
      warnings.clear();
      result = Decode(original, Encoding::kUtf8, &warnings);
    }
    result.vietnamese = false;
    warnings.push_back("the text does not look Vietnamese (" + std::to_string(syllables) + " of " +
                       std::to_string(words) + " words are Vietnamese syllables); left as it is");
  }
  for (std::string& w : warnings) doc.Warn("repair", std::move(w));
  return result;
}

}  // namespace vnplan
