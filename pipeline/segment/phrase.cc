#include "pipeline/segment/phrase.h"

#include <algorithm>

#include "pipeline/segment/fold.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

bool IsKeyChar(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&'; }

constexpr int kLettersPerEdit = 6;

}  // namespace

std::vector<KeyWord> KeyWords(std::string_view text) {
  // Folds as it scans: a folded copy with its offset map would cost six
  // bytes of memory per byte of a long text.
  // Vietnamese prose has a word per six bytes or so; sizing the vector for
  // one per five spares long texts the copies of growing it.
  std::vector<KeyWord> words;
  words.reserve(text.size() / 5 + 1);
  bool in_word = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t start = pos;
    char c = NextFoldedChar(text, &pos);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    if (c == 0) {
      if (in_word) words.back().end = pos;  // A combining mark of the word's last letter.
      continue;
    }
    if (!IsKeyChar(c)) {
      in_word = false;
      continue;
    }
    if (!in_word) words.push_back({"", start, pos});
    in_word = true;
    words.back().text.push_back(c);
    words.back().end = pos;
  }
  return words;
}

std::string_view Utf8Prefix(std::string_view s, size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

int BoundedEditDistance(std::string_view a, std::string_view b, int limit) {
  int diff = static_cast<int>(a.size()) - static_cast<int>(b.size());
  if (diff > limit || -diff > limit) return limit + 1;
  if (limit == 0) return a == b ? 0 : 1;
  std::vector<int> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    int best = row[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > limit) return limit + 1;
  }
  return std::min(row[b.size()], limit + 1);
}

void PhraseList::Add(std::string_view phrase, std::string value) {
  Phrase p;
  size_t letters = 0;
  for (KeyWord& w : KeyWords(phrase)) {
    letters += w.text.size();
    p.words.push_back(std::move(w.text));
  }
  if (p.words.empty()) return;
  // One damaged word alone is too ambiguous ("phong" is one edit from
  // "phuong"): single-word cues must match exactly.
  p.budget = p.words.size() > 1 ? static_cast<int>(letters / kLettersPerEdit) : 0;
  p.value = std::move(value);
  phrases_.push_back(std::move(p));
}

std::optional<PhraseList::Match> PhraseList::MatchAt(const std::vector<KeyWord>& words,
                                                     size_t from) const {
  std::optional<Match> best;
  for (size_t p = 0; p < phrases_.size(); ++p) {
    const Phrase& phrase = phrases_[p];
    if (from + phrase.words.size() > words.size()) continue;
    if (best && phrase.words.size() < best->words) continue;
    int edits = 0;
    for (size_t k = 0; k < phrase.words.size() && edits <= phrase.budget; ++k) {
      edits += BoundedEditDistance(words[from + k].text, phrase.words[k], phrase.budget - edits);
    }
    if (edits > phrase.budget) continue;
    if (!best || phrase.words.size() > best->words ||
        (phrase.words.size() == best->words && edits < best->edits)) {
      best = Match{p, from, phrase.words.size(), edits};
    }
  }
  return best;
}

std::optional<PhraseList::Match> PhraseList::Find(const std::vector<KeyWord>& words) const {
  for (size_t from = 0; from < words.size(); ++from) {
    if (auto m = MatchAt(words, from)) return m;
  }
  return std::nullopt;
}

std::optional<PhraseList::Match> PhraseList::MatchWhole(const std::vector<KeyWord>& words) const {
  std::optional<Match> best;
  for (size_t p = 0; p < phrases_.size(); ++p) {
    const Phrase& phrase = phrases_[p];
    if (phrase.words.size() != words.size()) continue;
    int edits = 0;
    for (size_t k = 0; k < words.size() && edits <= phrase.budget; ++k) {
      edits += BoundedEditDistance(words[k].text, phrase.words[k], phrase.budget - edits);
    }
    if (edits <= phrase.budget && (!best || edits < best->edits)) {
      best = Match{p, 0, words.size(), edits};
    }
  }
  return best;
}

}  // namespace vnplan
