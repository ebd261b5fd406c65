#include "pipeline/eval/text_metrics.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdint>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

std::string Nfc(std::string_view s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), s.size()));
  icu::UnicodeString n = nfc->normalize(u, status);
  std::string out;
  if (U_FAILURE(status)) return std::string(s);
  n.toUTF8String(out);
  return out;
}

// NFC code points with white space runs folded to one space and trimmed.
std::u32string Folded(std::string_view s) {
  std::u32string out;
  for (char32_t c : ToUtf32(Nfc(s))) {
    if (u_isUWhiteSpace(c)) {
      if (!out.empty() && out.back() != U' ') out.push_back(U' ');
    } else {
      out.push_back(c);
    }
  }
  if (!out.empty() && out.back() == U' ') out.pop_back();
  return out;
}

std::vector<std::u32string> Words(const std::u32string& folded) {
  std::vector<std::u32string> words;
  std::u32string cur;
  for (char32_t c : folded) {
    if (c == U' ') {
      if (!cur.empty()) words.push_back(std::move(cur));
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

template <typename Seq>
size_t EditDistance(const Seq& a, const Seq& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

// Reference items an optimal alignment matches to an identical item.
template <typename Seq>
size_t AlignedMatches(const Seq& ref, const Seq& hyp) {
  const size_t n = ref.size(), m = hyp.size();
  // Full table of costs is needed for the backtrace; syllable counts of a
  // document keep it within a few tens of megabytes.
  std::vector<uint32_t> cost((n + 1) * (m + 1));
  auto at = [&](size_t i, size_t j) -> uint32_t& { return cost[i * (m + 1) + j]; };
  for (size_t i = 0; i <= n; ++i) at(i, 0) = static_cast<uint32_t>(i);
  for (size_t j = 0; j <= m; ++j) at(0, j) = static_cast<uint32_t>(j);
  for (size_t i = 1; i <= n; ++i) {
    for (size_t j = 1; j <= m; ++j) {
      at(i, j) = std::min({at(i - 1, j) + 1, at(i, j - 1) + 1,
                           at(i - 1, j - 1) + (ref[i - 1] == hyp[j - 1] ? 0u : 1u)});
    }
  }
  size_t matches = 0;
  size_t i = n, j = m;
  while (i > 0 && j > 0) {
    bool same = ref[i - 1] == hyp[j - 1];
    if (at(i, j) == at(i - 1, j - 1) + (same ? 0u : 1u)) {
      matches += same;
      --i;
      --j;
    } else if (at(i, j) == at(i - 1, j) + 1) {
      --i;
    } else {
      --j;
    }
  }
  return matches;
}

std::vector<std::u32string> SyllablesOf(const std::u32string& text) {
  std::vector<std::u32string> out;
  std::u32string cur;
  for (char32_t c : text) {
    if (u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

}  // namespace

TextScore& TextScore::operator+=(const TextScore& o) {
  char_errors += o.char_errors;
  chars += o.chars;
  word_errors += o.word_errors;
  words += o.words;
  blind_char_errors += o.blind_char_errors;
  syllables_right += o.syllables_right;
  syllables += o.syllables;
  return *this;
}

std::string StripDiacritics(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), text.size()));
  icu::UnicodeString d = nfd->normalize(u, status);
  if (U_FAILURE(status)) return std::string(text);
  icu::UnicodeString out;
  for (int32_t i = 0; i < d.length();) {
    UChar32 c = d.char32At(i);
    i += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    if (c == 0x0111) c = 'd';
    if (c == 0x0110) c = 'D';
    out.append(c);
  }
  std::string s;
  out.toUTF8String(s);
  return s;
}

std::vector<std::string> Syllables(std::string_view text) {
  std::vector<std::string> out;
  for (const auto& s : SyllablesOf(ToUtf32(Nfc(text)))) out.push_back(ToUtf8(s));
  return out;
}

TextScore ScoreText(std::string_view reference, std::string_view hypothesis) {
  TextScore score;
  std::u32string ref = Folded(reference), hyp = Folded(hypothesis);
  score.chars = ref.size();
  score.char_errors = EditDistance(ref, hyp);
  auto ref_words = Words(ref), hyp_words = Words(hyp);
  score.words = ref_words.size();
  score.word_errors = EditDistance(ref_words, hyp_words);
  score.blind_char_errors =
      EditDistance(Folded(StripDiacritics(reference)), Folded(StripDiacritics(hypothesis)));
  auto ref_syl = SyllablesOf(ref), hyp_syl = SyllablesOf(hyp);
  score.syllables = ref_syl.size();
  score.syllables_right = AlignedMatches(ref_syl, hyp_syl);
  return score;
}

}  // namespace vnplan
