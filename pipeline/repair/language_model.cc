#include "pipeline/repair/language_model.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "pipeline/error.h"
#include "pipeline/repair/model_file.h"
#include "pipeline/repair/syllable.h"

namespace vnplan {
namespace {

constexpr std::string_view kMagic = "vnplan-repair-lm";
constexpr int kVersion = 2;
// Absolute discount: the usual value for counts of this size.
constexpr double kDiscount = 0.75;
// Weight, in observations, of the average capitalisation rate in a word's
// own rate.
constexpr double kCasePrior = 2;

size_t Mix(uint64_t key) {
  key ^= key >> 33;
  key *= 0xff51afd7ed558ccdULL;
  key ^= key >> 33;
  return static_cast<size_t>(key);
}

}  // namespace

LanguageModel LanguageModel::Load(const std::string& path) {
  std::string body = ReadModelFile(path, kMagic, kVersion);
  ModelReader in(body, path);
  LanguageModel lm;
  uint32_t n = in.Get<uint32_t>();
  if (n < 3 || n > (1u << 24)) in.Fail("repair language model has an implausible vocabulary size");
  lm.words_.reserve(n);
  lm.unigram_.reserve(n);
  lm.backoff_.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    uint16_t len = in.Get<uint16_t>();
    lm.words_.emplace_back(in.Take(len));
    lm.unigram_.push_back(in.Get<float>());
    lm.backoff_.push_back(in.Get<float>());
    float title = in.Get<float>();
    if (!(title > 0 && title < 1)) in.Fail("repair language model has an invalid case rate");
    lm.title_.push_back(std::log(title));
    lm.lower_.push_back(std::log1p(-title));
  }
  for (uint32_t i = 0; i < n; ++i) lm.ids_.emplace(lm.words_[i], i);
  uint32_t bigrams = in.Get<uint32_t>();
  if (bigrams > (1u << 26)) in.Fail("repair language model has an implausible bigram count");
  size_t capacity = std::bit_ceil(size_t{bigrams} * 2 + 2);
  lm.bigrams_.assign(capacity, Slot{kEmpty, 0});
  for (uint32_t i = 0; i < bigrams; ++i) {
    uint32_t prev = in.Get<uint32_t>(), word = in.Get<uint32_t>();
    float logp = in.Get<float>();
    if (prev >= n || word >= n) in.Fail("repair language model bigram names an unknown word");
    uint64_t key = lm.Key(prev, word);
    size_t slot = Mix(key) & (capacity - 1);
    while (lm.bigrams_[slot].key != kEmpty) slot = (slot + 1) & (capacity - 1);
    lm.bigrams_[slot] = Slot{key, logp};
  }
  if (!in.done()) in.Fail("repair language model has trailing bytes");
  return lm;
}

uint32_t LanguageModel::Find(std::string_view lower_word) const {
  auto it = ids_.find(lower_word);
  return it == ids_.end() ? kUnknown : it->second;
}

const float* LanguageModel::FindBigram(uint64_t key) const {
  size_t mask = bigrams_.size() - 1;
  for (size_t slot = Mix(key) & mask;; slot = (slot + 1) & mask) {
    if (bigrams_[slot].key == key) return &bigrams_[slot].logp;
    if (bigrams_[slot].key == kEmpty) return nullptr;
  }
}

float LanguageModel::LogProb(uint32_t prev, uint32_t word) const {
  if (const float* p = FindBigram(Key(prev, word))) return *p;
  return backoff_[prev] + unigram_[word];
}

uint32_t LanguageModelBuilder::Intern(std::string_view word) {
  auto [it, added] = ids_.emplace(std::string(word), static_cast<uint32_t>(words_.size()));
  if (added) {
    words_.emplace_back(word);
    counts_.push_back(0);
    title_counts_.push_back(0);
    lower_counts_.push_back(0);
    lexicon_.push_back(false);
  }
  return it->second;
}

void LanguageModelBuilder::AddLexiconWord(std::string_view lower_word) {
  lexicon_[Intern(lower_word)] = true;
}

void LanguageModelBuilder::AddSentence(const std::vector<std::string>& words) {
  if (words.empty()) return;
  // Builder ids 0..2 are not reserved; the boundary is spelled "" here.
  uint32_t prev = Intern("");
  ++counts_[prev];
  for (size_t i = 0; i < words.size(); ++i) {
    std::u32string written = ToUtf32(words[i]);
    uint32_t id = Intern(ToUtf8(ToLower(written)));
    ++counts_[id];
    if (i > 0) {
      CaseShape shape = ShapeOf(written);
      if (shape == CaseShape::kTitle) ++title_counts_[id];
      if (shape == CaseShape::kLower) ++lower_counts_[id];
    }
    ++bigrams_[(uint64_t{prev} << 32) | id];
    prev = id;
  }
  ++bigrams_[(uint64_t{prev} << 32) | Intern("")];
}

void LanguageModelBuilder::Write(const std::string& path, int min_count,
                                 int min_bigram_count) const {
  // Final ids: the three specials, then kept words by falling frequency so
  // the file reads naturally.
  std::vector<uint32_t> order;
  for (uint32_t i = 0; i < words_.size(); ++i) {
    if (words_[i].empty() || words_[i] == LanguageModel::kNumberWord) continue;
    if (lexicon_[i] || counts_[i] >= static_cast<uint64_t>(min_count)) order.push_back(i);
  }
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    return counts_[a] != counts_[b] ? counts_[a] > counts_[b] : words_[a] < words_[b];
  });
  std::vector<uint32_t> final_id(words_.size(), LanguageModel::kUnknown);
  std::vector<std::string> names = {"<unk>", "<s>", std::string(LanguageModel::kNumberWord)};
  std::vector<double> count(3, 0), title(3, 0), lower(3, 0);
  for (uint32_t i = 0; i < words_.size(); ++i) {
    if (words_[i].empty()) final_id[i] = LanguageModel::kBoundary;
    if (words_[i] == LanguageModel::kNumberWord) final_id[i] = LanguageModel::kNumber;
  }
  for (uint32_t i : order) {
    final_id[i] = static_cast<uint32_t>(names.size());
    names.push_back(words_[i]);
    count.push_back(0);
    title.push_back(0);
    lower.push_back(0);
  }
  double total = 0, all_title = 0, all_lower = 0;
  for (uint32_t i = 0; i < words_.size(); ++i) {
    count[final_id[i]] += static_cast<double>(counts_[i]);
    title[final_id[i]] += static_cast<double>(title_counts_[i]);
    lower[final_id[i]] += static_cast<double>(lower_counts_[i]);
    total += static_cast<double>(counts_[i]);
    all_title += static_cast<double>(title_counts_[i]);
    all_lower += static_cast<double>(lower_counts_[i]);
  }
  double title_rate = (all_title + 1) / (all_title + all_lower + 2);

  // Pair counts over final ids (unknown words merge), and per context its
  // total and number of distinct followers.
  std::unordered_map<uint64_t, double> pairs;
  for (const auto& [key, c] : bigrams_) {
    pairs[(uint64_t{final_id[key >> 32]} << 32) | final_id[key & 0xffffffff]] += c;
  }
  std::vector<double> context(names.size(), 0), followers(names.size(), 0);
  for (const auto& [key, c] : pairs) {
    context[key >> 32] += c;
    followers[key >> 32] += 1;
  }

  std::vector<float> unigram(names.size()), backoff(names.size());
  double denom = total + 0.5 * static_cast<double>(names.size());
  for (size_t i = 0; i < names.size(); ++i) {
    unigram[i] = static_cast<float>(std::log((count[i] + 0.5) / denom));
    backoff[i] =
        context[i] > 0 ? static_cast<float>(std::log(kDiscount * followers[i] / context[i])) : 0.0f;
  }

  std::vector<std::pair<uint64_t, double>> kept;
  for (const auto& [key, c] : pairs) {
    if (c >= min_bigram_count) kept.emplace_back(key, c);
  }
  std::sort(kept.begin(), kept.end());

  std::string body;
  PutRaw<uint32_t>(&body, static_cast<uint32_t>(names.size()));
  for (size_t i = 0; i < names.size(); ++i) {
    PutRaw<uint16_t>(&body, static_cast<uint16_t>(names[i].size()));
    body += names[i];
    PutRaw<float>(&body, unigram[i]);
    PutRaw<float>(&body, backoff[i]);
    PutRaw<float>(&body, static_cast<float>((title[i] + kCasePrior * title_rate) /
                                            (title[i] + lower[i] + kCasePrior)));
  }
  PutRaw<uint32_t>(&body, static_cast<uint32_t>(kept.size()));
  for (const auto& [key, c] : kept) {
    uint32_t prev = static_cast<uint32_t>(key >> 32), word = static_cast<uint32_t>(key);
    double p = (c - kDiscount) / context[prev] + std::exp(backoff[prev] + unigram[word]);
    PutRaw<uint32_t>(&body, prev);
    PutRaw<uint32_t>(&body, word);
    PutRaw<float>(&body, static_cast<float>(std::log(p)));
  }
  WriteModelFile(path, kMagic, kVersion, body);
}

}  // namespace vnplan
