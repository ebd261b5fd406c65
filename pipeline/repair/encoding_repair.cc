#include "pipeline/repair/encoding_repair.h"

#include <algorithm>
#include <array>
#include <climits>
#include <iterator>
#include <vector>

#include "pipeline/repair/word_memo.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

constexpr size_t kMaxStretch = 64 * 1024;
// How much better another reading must score to override the default one;
// also the fewest syllables that make a legacy reading convincing.
constexpr int kMargin = 2;
// The share of its non-ASCII words a legacy reading must make syllables.
// Real legacy text decodes to nearly all syllables (names aside); text that
// OCR damaged stays around half right under any reading.
constexpr double kConvincingShare = 0.8;
// Unicode text is only re-read as legacy bytes when this share of its
// non-ASCII characters are not Vietnamese letters: "ViÖt", "Viá»‡t" and
// "Keá hoaïch" are full of them, text that OCR damaged ("hién") is not.
constexpr double kMinForeignShare = 0.15;
// Reporting every bad byte of a binary file would drown the other warnings.
constexpr int kMaxByteWarnings = 10;
// Below this share of syllables among its words, text is not Vietnamese;
// measured on English prose (about 0.3) and on Vietnamese stripped of its
// marks (above 0.9).
constexpr double kMinSyllableShare = 0.6;
constexpr size_t kMinWordsToJudge = 30;
constexpr size_t kLanguageSample = 1 << 20;

constexpr size_t kEncodings = std::size(kAllEncodings);

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
  unsigned allowed = 0;  // Bit() of each reading the stretch allows.
  bool quiet = false;    // Unicode that could be legacy bytes but shows no sign of it.
  std::array<WordScore, kEncodings> score;
};

}  // namespace

EncodingRepair::EncodingRepair(const LegacyCodecs& codecs, const VietnameseSyllables& syllables,
                               std::optional<Encoding> forced)
    : codecs_(codecs), syllables_(syllables), forced_(forced) {}

bool WordScore::convincing() const {
  return syllables >= kMargin && syllables >= kConvincingShare * (syllables + others);
}

WordScore& WordScore::operator+=(const WordScore& o) {
  syllables += o.syllables;
  others += o.others;
  bad += o.bad;
  return *this;
}

WordScore EncodingRepair::Score(std::string_view s) const {
  WordScore score;
  ForEachWord(
      s,
      [&](std::u32string_view word, bool ascii) {
        if (!ascii) ++(syllables_.IsSyllable(word) ? score.syllables : score.others);
      },
      [&](char32_t c) { score.bad += c == 0xFFFD || (c >= 0x80 && c < 0xA0); });
  return score;
}

bool EncodingRepair::LooksMisread(std::string_view s) const {
  size_t non_ascii = 0, foreign = 0;
  for (size_t pos = 0; pos < s.size();) {
    if (static_cast<unsigned char>(s[pos]) < 0x80) {
      ++pos;
      continue;
    }
    char32_t c = NextCodePoint(s, &pos);
    ++non_ascii;
    bool typography = (c >= 0x2010 && c <= 0x201F) || c == 0x2026;
    foreign += !typography && !syllables_.IsVietnameseLetter(c);
  }
  return foreign > 0 && foreign >= kMinForeignShare * non_ascii;
}

DecodedText EncodingRepair::Decode(std::string_view original, std::optional<Encoding> forced,
                                   std::vector<std::string>* warnings) const {
  // Which readings each stretch allows. Pure ASCII and ordinary Unicode
  // lines allow only themselves and cost nothing more. Unicode that could be
  // legacy bytes but shows no sign of it ("Sè: 47", `*quiet`) is re-read
  // only in a document whose other lines are legacy.
  auto candidates = [&](std::string_view s, bool* quiet) -> unsigned {
    *quiet = false;
    if (std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; })) {
      return Bit(Encoding::kUtf8) | (MayBeViqr(s) ? Bit(Encoding::kViqr) : 0);
    }
    unsigned legacy = Bit(Encoding::kUtf8) | Bit(Encoding::kTcvn3) | Bit(Encoding::kVni) |
                      Bit(Encoding::kViscii) | Bit(Encoding::kCp1258);
    if (!IsValidUtf8(s)) return legacy;
    if (!codecs_.IsByteLike(s)) return Bit(Encoding::kUtf8);
    if (LooksMisread(s)) return legacy | Bit(Encoding::kMojibake);
    *quiet = true;
    return Bit(Encoding::kUtf8);
  };

  // Pass 1: score the readings of every ambiguous stretch.
  std::vector<Scored> scored;
  std::array<WordScore, kEncodings> totals{};
  if (!forced) {
    ForEachStretch(original, [&](size_t begin, size_t end) {
      std::string_view s = original.substr(begin, end - begin);
      Scored entry;
      entry.allowed = candidates(s, &entry.quiet);
      if (entry.allowed == Bit(Encoding::kUtf8) && !entry.quiet) return;
      entry.begin = begin;
      for (Encoding e : kAllEncodings) {
        std::optional<Rewrite> r;
        if (entry.allowed & Bit(e)) r = codecs_.Decode(e, s);
        if (r) {
          entry.score[Index(e)] = Score(r->text);
        } else {
          entry.allowed &= ~Bit(e);
        }
      }
      // A stretch a reading cannot decode stays as it is under it.
      for (Encoding e : kAllEncodings) {
        totals[Index(e)] += entry.score[Index(entry.allowed & Bit(e) ? e : Encoding::kUtf8)];
      }
      scored.push_back(entry);
    });
  }
  // The reading to take over `fallback`: the best-scoring one, if it wins by
  // a clear margin and, unless it is the text as it came, turns nearly every
  // word it touches into a syllable. OCR damage ("hién", "Quyét") makes a
  // legacy reading win a few words, never nearly all of them.
  auto pick = [](const std::array<WordScore, kEncodings>& score, unsigned allowed,
                 Encoding fallback) {
    Encoding best = fallback;
    for (Encoding e : kAllEncodings) {
      if (!(allowed & Bit(e)) || score[Index(e)].total() <= score[Index(best)].total()) continue;
      if (e == Encoding::kUtf8 || score[Index(e)].convincing()) best = e;
    }
    return score[Index(best)].total() >= score[Index(fallback)].total() + kMargin ? best : fallback;
  };
  Encoding doc_encoding = pick(totals, ~0u, Encoding::kUtf8);
  // How sure a choice is: its lead over the best other reading.
  auto confidence_of = [](const std::array<WordScore, kEncodings>& score, unsigned allowed,
                          Encoding choice) {
    int runner_up = INT_MIN;
    for (Encoding e : kAllEncodings) {
      if (e != choice && (allowed & Bit(e))) {
        runner_up = std::max(runner_up, score[Index(e)].total());
      }
    }
    if (runner_up == INT_MIN) return 1.0;
    return std::clamp(0.5 + 0.1 * (score[Index(choice)].total() - runner_up), 0.3, 1.0);
  };
  // A line that follows its document is as sure as the document is.
  const double doc_confidence = confidence_of(totals, ~0u, doc_encoding);

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
      Scored& entry = scored[next_scored++];
      if (entry.quiet && doc_encoding != Encoding::kUtf8) {
        if (std::optional<Rewrite> r = codecs_.Decode(doc_encoding, s)) {
          entry.score[Index(doc_encoding)] = Score(r->text);
          entry.allowed |= Bit(doc_encoding);
        }
      }
      Encoding fallback = entry.allowed & Bit(doc_encoding) ? doc_encoding : Encoding::kUtf8;
      choice = pick(entry.score, entry.allowed, fallback);
      confidence = confidence_of(entry.score, entry.allowed, choice);
      if (choice == doc_encoding) confidence = std::max(confidence, doc_confidence);
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
        warnings->push_back(
            "invalid UTF-8 at byte offset " + std::to_string(begin + e.original_begin) + " (" +
            std::to_string(e.original_end - e.original_begin) + " bytes), replaced with U+FFFD");
      }
      out.Replace(e.original_end - e.original_begin, e.after(r->text), e.kind,
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
  WordMemo<char32_t, bool> memo;
  ForEachWord(
      sample,
      [&](std::u32string_view word, bool) {
        if (word.size() < 2) return;
        ++words;
        syllables += memo.Get(word, [&](auto w) { return syllables_.IsSyllable(w); });
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
