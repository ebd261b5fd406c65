#include "pipeline/repair/language_model.h"

#include <algorithm>
#include <bit>
#include <cmath>

#include "pipeline/error.h"
#include "pipeline/repair/mix_key.h"
#include "pipeline/repair/model_file.h"
#include "pipeline/repair/syllable.h"

namespace vnplan {
namespace {

constexpr std::string_view kMagic = "vnplan-repair-lm";
constexpr int kVersion = 3;
// Absolute discount: the usual value for counts of this size.
constexpr double kDiscount = 0.75;
// Weight, in observations, of the average capitalisation rate in a word's
// own rate.
constexpr double kCasePrior = 2;

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
  for (uint32_t i = 0; i < n; ++i) {
    lm.unigram_prob_.push_back(std::exp(static_cast<double>(lm.unigram_[i])));
    lm.backoff_weight_.push_back(std::exp(static_cast<double>(lm.backoff_[i])));
  }
  if (n > (1u << kIdBits)) in.Fail("repair language model vocabulary is too large");
  // Three tables of (key, log value) rows; `ids` ids per key.
  auto read_table = [&](Table* table, int ids) {
    uint32_t rows = in.Get<uint32_t>();
    if (rows > (1u << 27)) in.Fail("repair language model has an implausible n-gram count");
    table->Reserve(rows);
    for (uint32_t r = 0; r < rows; ++r) {
      uint32_t id[3];
      for (int k = 0; k < ids; ++k) {
        id[k] = in.Get<uint32_t>();
        if (id[k] >= n) in.Fail("repair language model n-gram names an unknown word");
      }
      float value = in.Get<float>();
      table->Insert(ids == 2 ? Key(id[0], id[1]) : Key(id[0], id[1], id[2]), value);
    }
  };
  read_table(&lm.bigrams_, 2);
  read_table(&lm.contexts_, 2);
  read_table(&lm.trigrams_, 3);
  if (!in.done()) in.Fail("repair language model has trailing bytes");
  return lm;
}

uint32_t LanguageModel::Find(std::string_view lower_word) const {
  auto it = ids_.find(lower_word);
  return it == ids_.end() ? kUnknown : it->second;
}

void LanguageModel::Table::Reserve(size_t n) {
  slots_.assign(std::bit_ceil(n * 2 + 2), Slot{kEmpty, 0});
}

void LanguageModel::Table::Insert(uint64_t key, float value) {
  size_t mask = slots_.size() - 1;
  size_t slot = MixKey(key) & mask;
  while (slots_[slot].key != kEmpty && slots_[slot].key != key) slot = (slot + 1) & mask;
  slots_[slot] = Slot{key, value};
}

const float* LanguageModel::Table::Find(uint64_t key) const {
  size_t mask = slots_.size() - 1;
  for (size_t slot = MixKey(key) & mask;; slot = (slot + 1) & mask) {
    if (slots_[slot].key == key) return &slots_[slot].value;
    if (slots_[slot].key == kEmpty) return nullptr;
  }
}

void LanguageModel::Table::Prefetch(uint64_t key) const {
  __builtin_prefetch(&slots_[MixKey(key) & (slots_.size() - 1)]);
}

float LanguageModel::LogProb(uint32_t prev, uint32_t word) const {
  double prob;
  return LogProb(prev, word, &prob);
}

float LanguageModel::LogProb(uint32_t prev, uint32_t word, double* prob) const {
  if (const float* p = bigrams_.Find(Key(prev, word))) {
    *prob = std::exp(static_cast<double>(*p));
    return *p;
  }
  *prob = backoff_weight_[prev] * unigram_prob_[word];
  return backoff_[prev] + unigram_[word];
}

float LanguageModel::LogProb(uint32_t first, uint32_t prev, uint32_t word, float bigram) const {
  if (const float* p = trigrams_.Find(Key(first, prev, word))) return *p;
  const float* backoff = contexts_.Find(Key(first, prev));
  return (backoff ? *backoff : 0.0f) + bigram;
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
  const uint32_t boundary = Intern("");
  uint32_t first = boundary, prev = boundary;
  ++counts_[prev];
  auto count_pair = [&](uint32_t id) {
    ++bigrams_[(uint64_t{prev} << 32) | id];
    ++trigrams_[(uint64_t{first} << 42) | (uint64_t{prev} << 21) | id];
    first = prev;
    prev = id;
  };
  for (size_t i = 0; i < words.size(); ++i) {
    std::u32string written = ToUtf32(words[i]);
    uint32_t id = Intern(ToUtf8(ToLower(written)));
    ++counts_[id];
    if (i > 0) {
      CaseShape shape = ShapeOf(written);
      if (shape == CaseShape::kTitle) ++title_counts_[id];
      if (shape == CaseShape::kLower) ++lower_counts_[id];
    }
    count_pair(id);
  }
  count_pair(boundary);
}

void LanguageModelBuilder::Write(const std::string& path, int min_count, int min_bigram_count,
                                 int min_trigram_count) const {
  if (words_.size() >= (1u << 21)) {
    throw Error(path, "training text has too many distinct words for the trigram keys");
  }
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

  std::unordered_map<uint64_t, double> kept_bigrams;
  for (const auto& [key, c] : pairs) {
    if (c < min_bigram_count) continue;
    uint32_t prev = static_cast<uint32_t>(key >> 32), word = static_cast<uint32_t>(key);
    kept_bigrams[key] =
        std::log((c - kDiscount) / context[prev] + std::exp(backoff[prev] + unigram[word]));
  }
  auto bigram = [&](uint32_t prev, uint32_t word) {
    auto it = kept_bigrams.find((uint64_t{prev} << 32) | word);
    return it != kept_bigrams.end() ? it->second : backoff[prev] + unigram[word];
  };

  // Trigrams over final ids, and per two-word context its total and number
  // of distinct followers.
  constexpr uint64_t kMask = (uint64_t{1} << 21) - 1;
  std::unordered_map<uint64_t, double> triples;
  for (const auto& [key, c] : trigrams_) {
    triples[(uint64_t{final_id[key >> 42]} << 42) |
            (uint64_t{final_id[(key >> 21) & kMask]} << 21) | final_id[key & kMask]] += c;
  }
  std::unordered_map<uint64_t, std::pair<double, double>> contexts;  // Total, followers.
  for (const auto& [key, c] : triples) {
    auto& ctx = contexts[((key >> 42) << 32) | ((key >> 21) & kMask)];
    ctx.first += c;
    ctx.second += 1;
  }

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
  // Rows of (ids..., value), sorted so the file is reproducible.
  using Row = std::pair<uint64_t, double>;
  auto put_rows = [&](std::vector<Row> rows, int ids) {
    std::sort(rows.begin(), rows.end());
    PutRaw<uint32_t>(&body, static_cast<uint32_t>(rows.size()));
    for (const auto& [key, value] : rows) {
      if (ids == 2) {
        PutRaw<uint32_t>(&body, static_cast<uint32_t>(key >> 32));
        PutRaw<uint32_t>(&body, static_cast<uint32_t>(key));
      } else {
        PutRaw<uint32_t>(&body, static_cast<uint32_t>(key >> 42));
        PutRaw<uint32_t>(&body, static_cast<uint32_t>((key >> 21) & kMask));
        PutRaw<uint32_t>(&body, static_cast<uint32_t>(key & kMask));
      }
      PutRaw<float>(&body, static_cast<float>(value));
    }
  };
  std::vector<Row> trigram_rows, context_rows;
  for (const auto& [key, c] : triples) {
    if (c < min_trigram_count) continue;
    uint32_t first = static_cast<uint32_t>(key >> 42);
    uint32_t prev = static_cast<uint32_t>((key >> 21) & kMask);
    uint32_t word = static_cast<uint32_t>(key & kMask);
    const auto& [total_c, followers_c] = contexts[(uint64_t{first} << 32) | prev];
    double lower = std::exp(std::log(kDiscount * followers_c / total_c) + bigram(prev, word));
    trigram_rows.emplace_back(key, std::log((c - kDiscount) / total_c + lower));
  }
  // Only contexts that kept a trigram need their weight: elsewhere the
  // bigram stands alone.
  std::unordered_map<uint64_t, bool> used;
  for (const Row& row : trigram_rows) used[((row.first >> 42) << 32) | ((row.first >> 21) & kMask)];
  for (const auto& [key, ctx] : contexts) {
    if (used.count(key))
      context_rows.emplace_back(key, std::log(kDiscount * ctx.second / ctx.first));
  }
  put_rows(std::vector<Row>(kept_bigrams.begin(), kept_bigrams.end()), 2);
  put_rows(std::move(context_rows), 2);
  put_rows(std::move(trigram_rows), 3);
  WriteModelFile(path, kMagic, kVersion, body);
}

}  // namespace vnplan
