#include "pipeline/repair/restorer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <limits>

#include "pipeline/repair/syllable.h"
#include "pipeline/repair/tokenizer.h"

namespace vnplan {
namespace {

constexpr char kLanguageModelFile[] = "lm.bin";
constexpr char kChannelModelFile[] = "channel.bin";

constexpr double kNever = -1e9;
constexpr double kUnseen = -2e9;  // Below kNever: no route found yet.
// The channel components: text as it was written, written without marks,
// or read by OCR without a Vietnamese model.
constexpr int kIntact = 0, kStripped = 1, kOcr = 2, kComponents = 3;
// Skeleton spellings of one observed word followed per position.
constexpr size_t kKeyBeam = 12;
// A skeleton one letter away from a spelled key is a weaker match; only the
// words the skeleton search ranks best are aligned character by character.
constexpr double kSkeletonEditLogProb = -4;
constexpr size_t kMaxAligned = 64;
// Only the likeliest spellings are searched for near misses.
constexpr size_t kNeighbourKeys = 3;
// Readings kept per word for decoding, and how far below the best a
// reading may score before it is dropped (natural log).
constexpr size_t kMaxCandidates = 12;
constexpr double kCandidateBeam = 10;
// A reading the trigram search picks with a posterior below this gives way
// to the word as written when that is the likelier.
constexpr double kKeepWrittenBelow = 0.1;
// Readings per word the trigram search considers, the likeliest under the
// bigram model.
constexpr size_t kTrigramReadings = 2;
// A word outside the vocabulary is the unknown word of the language model
// spelt out letter by letter; each letter costs this much.
// Names and foreign words are spelt with letters; a digit or sign inside a
// word is far more often OCR debris.
constexpr double kUnknownLetterLogProb = -2.5;
constexpr double kUnknownOtherLogProb = -6.0;
// The text is decoded in chunks of about this many words, each ending at a
// sentence end when one comes soon enough, so memory stays bounded on huge
// inputs; the channel weights are fitted per chunk.
constexpr size_t kChunkItems = 20000;
// Words whose candidates every call shares, at about 1 KB each; OCR debris
// makes the words of an archive unbounded, and the common ones come early.
constexpr size_t kSharedWords = 20000;
// Lines longer than this are tokenized in pieces.
constexpr size_t kMaxPieceBytes = size_t{1} << 16;
constexpr int kEmIterations = 8;
// A chunk is decoded a second time with the channel adapted to it when OCR
// explains at least this share of its words; its readings at least this
// sure teach the adapted channel, and weigh this share of the training.
constexpr double kAdaptMinOcrShare = 0.05;
constexpr double kAdaptMinConfidence = 0.9;
constexpr double kAdaptShare = 1;
// Readings of the first pass at least this sure, of known words, are kept
// in the second: it reads only the rest again.
constexpr double kPinConfidence = 0.99;

double LogSumExp(double a, double b) {
  if (a < b) std::swap(a, b);
  if (b <= kNever) return a;
  return a + std::log1p(std::exp(b - a));
}

// The case a reading of `observed` is spelt in. A mixed-case observation
// is OCR noise ("qUOc") unless it is the word itself ("TTg"; see Spell).
CaseShape SpellingShape(std::u32string_view observed) {
  CaseShape shape = ShapeOf(observed);
  if (shape != CaseShape::kMixed) return shape;
  auto first = std::find_if(observed.begin(), observed.end(), IsLetterChar);
  return first != observed.end() && IsUpperChar(*first) ? CaseShape::kTitle : CaseShape::kLower;
}

// `word` spelt in the case of `observed` (`lower` is `observed` in small
// letters, `shape` its SpellingShape), in `buffer` when it needs one.
std::u32string_view Spell(std::u32string_view word, std::u32string_view observed,
                          std::u32string_view lower, CaseShape shape, std::u32string* buffer) {
  if (lower == word) return observed;
  if (shape == CaseShape::kLower) return word;
  buffer->assign(word);
  Reshape(buffer, shape, observed);
  return *buffer;
}

// True if `word` without its marks, case kept, is `typed`: what typing it
// without marks gives.
bool StripsTo(std::u32string_view word, std::u32string_view typed) {
  if (word.size() != typed.size()) return false;
  for (size_t k = 0; k < word.size(); ++k) {
    char32_t c = word[k];
    if (char32_t base = BaseLetter(c)) c = IsUpperChar(c) ? UpperChar(base) : base;
    if (c != typed[k]) return false;
  }
  return true;
}

// A skeleton spelled from the first letters of an observed word.
struct Partial {
  SkeletonIndex::Key key;
  double logp;
};

// Keeps the kKeyBeam likeliest distinct spellings, best first.
void Prune(std::vector<Partial>* partials) {
  std::sort(partials->begin(), partials->end(), [](const Partial& a, const Partial& b) {
    return a.key != b.key ? a.key < b.key : a.logp > b.logp;
  });
  partials->erase(std::unique(partials->begin(), partials->end(),
                              [](const Partial& a, const Partial& b) { return a.key == b.key; }),
                  partials->end());
  std::sort(partials->begin(), partials->end(),
            [](const Partial& a, const Partial& b) { return a.logp > b.logp; });
  if (partials->size() > kKeyBeam) partials->resize(kKeyBeam);
}

std::vector<std::u32string> Words(const LanguageModel& lm) {
  std::vector<std::u32string> out(lm.size());
  for (uint32_t id = 0; id < lm.size(); ++id) out[id] = ToUtf32(lm.word(id));
  return out;
}

// The (skeleton, id) of each word in `words` (by id) that is spelt with
// letters and not too long to be searched.
std::vector<std::pair<SkeletonIndex::Key, uint32_t>> Skeletons(
    const std::vector<std::u32string>& words) {
  std::vector<std::pair<SkeletonIndex::Key, uint32_t>> out;
  for (uint32_t id = LanguageModel::kNumber + 1; id < words.size(); ++id) {
    std::u32string skeleton = Skeleton(words[id]);
    if (skeleton.empty() || skeleton.size() > SkeletonIndex::kMaxLetters ||
        !std::all_of(skeleton.begin(), skeleton.end(),
                     [](char32_t c) { return c >= 'a' && c <= 'z'; })) {
      continue;
    }
    SkeletonIndex::Key key;
    for (char32_t c : skeleton) key.Append(c);
    out.emplace_back(key, id);
  }
  return out;
}

}  // namespace

struct Restorer::Candidate {
  uint32_t id = LanguageModel::kUnknown;
  bool written = false;           // The observed word itself, as written.
  bool recased = false;           // Capitalised only, though written in capitals.
  double channel[kComponents]{};  // log P(observed | this) per component.
  double spelling = 0;            // Extra log prob of an unknown word's letters.
  double score = 0;               // Channel under the fitted weights, plus spelling.
  // A candidate holds no text: a document's caches hold a dozen per
  // distinct word, and only the chosen one is ever spelt (Spelt()).
};

struct Restorer::Item {
  size_t begin = 0, end = 0;  // Bytes of the text, for words.
  uint32_t fixed = LanguageModel::kBoundary;
  std::vector<Candidate>* candidates = nullptr;  // Null for numbers and boundaries.
  const std::u32string* observed = nullptr;      // The word as written: its cache key.
  size_t choice = 0;
  double confidence = 1;
  // Case evidence: the word's shape, whether a sentence runs before it, and
  // for a word in capitals, the log odds of capitals on its line.
  CaseShape shape = CaseShape::kLower;
  bool mid_sentence = false;
  double log_upper = 0, log_recased = 0;
};

// The language model probabilities one Restore call has looked up lately:
// documents repeat their phrases, and the model's tables are too large for
// the processor's caches. Direct-mapped; a collision just looks up again.
// Sized to the pairs of readings to score, so text with few readings per
// word (clean text) does not pay for clearing a large table.
struct Restorer::Memo {
  static constexpr int kMinBits = 10, kMaxBits = 16;
  // A bigram's probability is kept beside its log: the forward-backward
  // multiplies probabilities, and exp() per pair of readings would cost
  // more than the lookup.
  struct BigramSlot {
    uint64_t key = ~uint64_t{0};
    float logp = 0;
    double prob = 0;
  };
  struct TrigramSlot {
    uint64_t key = ~uint64_t{0};
    float logp = 0;
  };
  // Empties the memo for a chunk scoring `pairs` pairs; the table only
  // grows, so the chunks of a long text reuse its pages.
  void Reset(size_t pairs) {
    while (bits < kMaxBits && (size_t{1} << bits) < pairs) ++bits;
    std::fill(bigrams.begin(), bigrams.end(), BigramSlot{});
    std::fill(trigrams.begin(), trigrams.end(), TrigramSlot{});
    bigrams.resize(size_t{1} << bits);
    trigrams.resize(size_t{1} << bits);
  }
  int bits = kMinBits;
  std::vector<BigramSlot> bigrams;
  std::vector<TrigramSlot> trigrams;
  std::vector<size_t> slots;  // Bigrams()' and Trigrams()' slot indexes, reused.

  size_t Index(uint64_t key) const { return (key * 0x9E3779B97F4A7C15ULL) >> (64 - bits); }
  static uint64_t BigramKey(uint32_t prev, uint32_t word) { return (uint64_t{prev} << 32) | word; }
  // The log probability and probability of each of `pairs`, their memory
  // latencies overlapped: the memo's slots are fetched together, then the
  // model's for the pairs not in it.
  void Bigrams(const LanguageModel& lm, const std::vector<std::pair<uint32_t, uint32_t>>& pairs,
               float* logp, double* prob) {
    slots.resize(pairs.size());
    for (size_t k = 0; k < pairs.size(); ++k) {
      slots[k] = Index(BigramKey(pairs[k].first, pairs[k].second));
      __builtin_prefetch(&bigrams[slots[k]]);
    }
    for (size_t k = 0; k < pairs.size(); ++k) {
      if (bigrams[slots[k]].key != BigramKey(pairs[k].first, pairs[k].second)) {
        lm.PrefetchBigram(pairs[k].first, pairs[k].second);
      }
    }
    for (size_t k = 0; k < pairs.size(); ++k) {
      const auto& [prev, word] = pairs[k];
      BigramSlot& s = bigrams[slots[k]];
      if (s.key != BigramKey(prev, word)) {
        s.key = BigramKey(prev, word);
        s.logp = lm.LogProb(prev, word, &s.prob);
      }
      logp[k] = s.logp;
      prob[k] = s.prob;
    }
  }
  // One trigram to look up: its words, and the bigram of its last two.
  struct Trigram {
    uint32_t first, prev, word;
    float bigram;
  };
  static uint64_t TrigramKey(const Trigram& t) {
    return (uint64_t{t.first} << 42) | (uint64_t{t.prev} << 21) | t.word;
  }
  // LanguageModel::LogProb of each of `trigrams`, in blocks whose memory
  // is fetched together as in Bigrams().
  void Trigrams(const LanguageModel& lm, const std::vector<Trigram>& wanted, float* logp) {
    constexpr size_t kBlock = 64;
    slots.resize(kBlock);
    for (size_t begin = 0; begin < wanted.size(); begin += kBlock) {
      size_t end = std::min(wanted.size(), begin + kBlock);
      for (size_t k = begin; k < end; ++k) {
        slots[k - begin] = Index(TrigramKey(wanted[k]));
        __builtin_prefetch(&trigrams[slots[k - begin]]);
      }
      for (size_t k = begin; k < end; ++k) {
        const Trigram& t = wanted[k];
        if (trigrams[slots[k - begin]].key != TrigramKey(t)) {
          lm.PrefetchTrigram(t.first, t.prev, t.word);
        }
      }
      for (size_t k = begin; k < end; ++k) {
        const Trigram& t = wanted[k];
        TrigramSlot& s = trigrams[slots[k - begin]];
        if (s.key != TrigramKey(t)) {
          s = {TrigramKey(t), lm.LogProb(t.first, t.prev, t.word, t.bigram)};
        }
        logp[k] = s.logp;
      }
    }
  }
};

// DecodeSentence()'s arrays, kept from one sentence to the next so a
// text's thousands of sentences share one set of allocations. Each is
// sized and filled afresh for every sentence; see DecodeSentence for what
// they hold.
struct Restorer::Lattice {
  std::vector<size_t> offset, at, kept_count;
  std::vector<uint32_t> ids;
  std::vector<double> score, link, emit, alpha, beta, scale;
  std::vector<float> into, trigram;
  std::vector<std::pair<uint32_t, uint32_t>> pairs;
  std::vector<std::array<uint8_t, kTrigramReadings>> kept;
  std::vector<std::pair<double, size_t>> ranked;
  std::vector<Memo::Trigram> trigrams;
  std::vector<std::array<std::array<uint8_t, kTrigramReadings>, kTrigramReadings>> back;
};

// Vocabulary-sized working space of the candidate search, reused from word
// to word of one Restore call: it finds each word's best route without
// sorting every route found.
struct Restorer::Scratch {
  explicit Scratch(size_t vocabulary) : best(vocabulary, kUnseen) {}
  std::vector<double> best;  // Per word id; kUnseen between searches.
  std::vector<std::pair<uint32_t, double>> found, words;
  std::u32string spelt;                  // Spell()'s buffer.
  std::vector<std::vector<Partial>> at;  // Skeleton spellings by place.
};

struct Restorer::Weights {
  double log_weight[kComponents];
};

std::unique_ptr<Restorer> Restorer::Load(const std::string& models_dir) {
  std::string dir = models_dir + "/repair/";
  return std::make_unique<Restorer>(LanguageModel::Load(dir + kLanguageModelFile),
                                    ChannelModel::Load(dir + kChannelModelFile));
}

Restorer::~Restorer() = default;

Restorer::Restorer(LanguageModel lm, ChannelModel channel)
    : lm_(std::move(lm)),
      channel_(std::move(channel)),
      words_(Words(lm_)),
      skeletons_(Skeletons(words_)),
      shared_(std::make_unique<std::unordered_map<std::u32string, std::vector<Candidate>>>()) {}

std::vector<Restorer::Candidate> Restorer::Candidates(std::u32string_view observed,
                                                      const ChannelModel& channel,
                                                      Scratch* scratch) const {
  std::vector<Candidate> out;
  std::u32string lower = ToLower(observed);
  const CaseShape shape = SpellingShape(observed);
  uint32_t own = lm_.Find(ToUtf8(lower));
  auto make = [&](uint32_t id, std::u32string_view spelt) {
    Candidate c;
    c.id = id;
    c.channel[kIntact] = spelt == observed ? 0 : kNever;
    c.channel[kStripped] = StripsTo(spelt, observed) ? 0 : kNever;
    c.channel[kOcr] = channel.LogProb(observed, spelt);
    return c;
  };

  std::vector<std::vector<ChannelModel::Reading>> read(observed.size());
  for (size_t j = 0; j < observed.size(); ++j) read[j] = channel.ReadingsOf(observed[j]);
  // A word with no character OCR makes of a letter is left as it is; one
  // such as "&" or "1¢" may be all that is left of a syllable ("ở", "lệ").
  if (std::any_of(read.begin(), read.end(), [](const auto& r) { return !r.empty(); })) {
    // Skeleton spellings the observed characters may stand for, best first.
    std::vector<std::vector<Partial>>& at = scratch->at;
    if (at.size() < observed.size() + 1) at.resize(observed.size() + 1);
    for (size_t j = 0; j <= observed.size(); ++j) at[j].clear();
    at[0].push_back({SkeletonIndex::Key(), 0});
    for (size_t j = 0; j < observed.size(); ++j) {
      std::vector<Partial>& here = at[j];
      Prune(&here);
      const std::vector<ChannelModel::Reading>& readings = read[j];
      // A character with no reading of its own is skipped as debris, so
      // every spelling can reach the end of the word.
      bool alone = std::any_of(readings.begin(), readings.end(),
                               [](const ChannelModel::Reading& r) { return r.second == 0; });
      for (const Partial& p : here) {
        if (!alone) at[j + 1].push_back({p.key, p.logp + kUnknownOtherLogProb});
        for (const ChannelModel::Reading& r : readings) {
          SkeletonIndex::Key key = p.key;
          if (!key.Append(r.base)) break;
          if (r.second == 0) {
            at[j + 1].push_back({key, p.logp + r.logp});
          } else if (j + 1 < observed.size() && observed[j + 1] == r.second) {
            at[j + 2].push_back({key, p.logp + r.logp});
          }
        }
      }
    }
    std::vector<Partial>& keys = at[observed.size()];
    Prune(&keys);
    std::vector<std::pair<uint32_t, double>>& found = scratch->found;
    found.clear();
    for (size_t k = 0; k < keys.size(); ++k) {
      skeletons_.Lookup(keys[k].key, keys[k].logp, k < kNeighbourKeys, kSkeletonEditLogProb,
                        &found);
    }
    // Each word once, with its best route, then its unigram probability:
    // only the words the skeleton search and the unigram model like best are
    // aligned, alignment being the costly step.
    std::vector<std::pair<uint32_t, double>>& words = scratch->words;
    words.clear();
    for (const auto& [id, logp] : found) {
      double& best = scratch->best[id];
      if (best == kUnseen) words.emplace_back(id, 0);
      best = std::max(best, logp);
    }
    for (auto& [id, logp] : words) {
      logp = scratch->best[id] + lm_.UnigramLogProb(id);
      scratch->best[id] = kUnseen;
    }
    if (words.size() > kMaxAligned) {
      std::nth_element(words.begin(), words.begin() + kMaxAligned, words.end(),
                       [](const auto& a, const auto& b) { return a.second > b.second; });
      words.resize(kMaxAligned);
    }
    out.reserve(2 * words.size() + 2);
    std::vector<std::pair<double, size_t>> prior;  // Of each reading in `out`.
    for (const auto& [id, rough] : words) {
      if (id == own) continue;  // Added below as the observed word itself.
      Candidate c = make(id, Spell(words_[id], observed, lower, shape, &scratch->spelt));
      double best = *std::max_element(c.channel, c.channel + kComponents);
      if (best <= kNever) continue;
      prior.emplace_back(lm_.UnigramLogProb(id) + best, out.size());
      out.push_back(std::move(c));
    }
    std::sort(prior.begin(), prior.end(), std::greater<>());
    if (prior.size() > kMaxCandidates) prior.resize(kMaxCandidates);
    std::vector<Candidate> kept;
    kept.reserve(2 * prior.size() + 1);
    for (const auto& [p, k] : prior) kept.push_back(std::move(out[k]));
    out = std::move(kept);
  }
  // The observed word itself: a known word, or a name or foreign word that
  // no reading beats.
  // OCR prints some small letters as capitals ("BO" for "Bộ"): a word in
  // capitals may also be a capitalised word; its line decides (CaseScore).
  if (ShapeOf(observed) == CaseShape::kUpper) {
    size_t n = out.size();
    for (size_t k = 0; k < n; ++k) {
      Candidate c = make(out[k].id, ApplyShape(words_[out[k].id], CaseShape::kTitle, U""));
      c.recased = true;
      out.push_back(std::move(c));
    }
  }
  Candidate self = make(own, observed);
  self.written = true;
  if (own == LanguageModel::kUnknown) {
    for (char32_t c : observed) {
      self.spelling += IsLetterChar(c) ? kUnknownLetterLogProb : kUnknownOtherLogProb;
    }
  }
  out.insert(out.begin(), std::move(self));
  return out;
}

std::u32string Restorer::Spelt(std::u32string_view observed, const Candidate& c) const {
  if (c.written) return std::u32string(observed);
  if (c.recased) return ApplyShape(words_[c.id], CaseShape::kTitle, U"");
  std::u32string buffer;
  return std::u32string(
      Spell(words_[c.id], observed, ToLower(observed), SpellingShape(observed), &buffer));
}

std::vector<Restorer::Candidate> Restorer::TrainedCandidates(const std::u32string& observed,
                                                             Scratch* scratch) const {
  {
    std::lock_guard<std::mutex> lock(shared_mu_);
    if (auto it = shared_->find(observed); it != shared_->end()) return it->second;
  }
  std::vector<Candidate> found = Candidates(observed, channel_, scratch);
  std::lock_guard<std::mutex> lock(shared_mu_);
  if (shared_->size() < kSharedWords) shared_->emplace(observed, found);
  return found;
}

double Restorer::CaseScore(const Item& item, const Candidate& c) const {
  if (item.shape == CaseShape::kUpper) return c.recased ? item.log_recased : item.log_upper;
  if (item.mid_sentence && (item.shape == CaseShape::kTitle || item.shape == CaseShape::kLower)) {
    return lm_.CaseLogProb(c.id, item.shape == CaseShape::kTitle);
  }
  return 0;
}

Restorer::Weights Restorer::FitWeights(const ListUses& lists) const {
  // EM over the words of the chunk: how much of the text each channel
  // component explains, each word's readings weighted by their unigram
  // probability. One pseudo-observation per component keeps every
  // component possible.
  std::vector<std::pair<std::array<double, kComponents>, double>> likelihoods;
  likelihoods.reserve(lists.size());
  for (const auto& [candidates, n] : lists) {
    std::array<double, kComponents> l;
    l.fill(kNever);
    for (const Candidate& c : *candidates) {
      double prior = lm_.UnigramLogProb(c.id) + c.spelling;
      for (int k = 0; k < kComponents; ++k) l[k] = LogSumExp(l[k], prior + c.channel[k]);
    }
    likelihoods.emplace_back(l, n);
  }
  double weight[kComponents] = {1.0 / 3, 1.0 / 3, 1.0 / 3};
  for (int iteration = 0; iteration < kEmIterations; ++iteration) {
    double sum[kComponents] = {1, 1, 1};
    double log_weight[kComponents];
    for (int k = 0; k < kComponents; ++k) log_weight[k] = std::log(weight[k]);
    for (const auto& [l, n] : likelihoods) {
      double post[kComponents], total = kNever;
      for (int k = 0; k < kComponents; ++k) {
        post[k] = log_weight[k] + l[k];
        total = LogSumExp(total, post[k]);
      }
      for (int k = 0; k < kComponents; ++k) sum[k] += n * std::exp(post[k] - total);
    }
    double all = sum[0] + sum[1] + sum[2];
    for (int k = 0; k < kComponents; ++k) weight[k] = sum[k] / all;
  }
  Weights w;
  for (int k = 0; k < kComponents; ++k) w.log_weight[k] = std::log(weight[k]);
  return w;
}

void Restorer::Decode(std::vector<Item>& items, const ListUses& lists, const Weights& weights,
                      bool fresh, Memo* memo, Lattice* lattice) const {
  // Score every reading under the fitted channel and drop hopeless ones.
  for (const auto& [candidates, n] : lists) {
    std::vector<Candidate>& list = *candidates;
    for (Candidate& c : list) {
      c.score = kNever;
      for (int k = 0; k < kComponents; ++k) {
        c.score = LogSumExp(c.score, weights.log_weight[k] + c.channel[k]);
      }
      c.score += c.spelling;
    }
    auto total = [&](const Candidate& c) { return c.score + lm_.UnigramLogProb(c.id); };
    // Insertion sort: stable like std::stable_sort, without its buffer, and
    // the lists are short.
    for (size_t k = 1; k < list.size(); ++k) {
      for (size_t j = k; j > 0 && total(list[j]) > total(list[j - 1]); --j) {
        std::swap(list[j], list[j - 1]);
      }
    }
    size_t keep = 1;
    while (keep < list.size() && total(list[keep]) > total(list[0]) - kCandidateBeam) ++keep;
    list.resize(keep);
  }

  if (fresh) {
    size_t pairs = 0;
    for (size_t i = 1; i < items.size(); ++i) {
      auto count = [](const Item& item) { return item.candidates ? item.candidates->size() : 1; };
      pairs += count(items[i - 1]) * count(items[i]);
    }
    memo->Reset(pairs);
  }
  size_t sentence = 0;
  for (size_t i = 0; i <= items.size(); ++i) {
    if (i == items.size() || (!items[i].candidates && items[i].fixed == LanguageModel::kBoundary)) {
      DecodeSentence(items.data() + sentence, i - sentence, memo, lattice);
      sentence = i + 1;
    }
  }
}

void Restorer::DecodeSentence(Item* items, size_t n, Memo* memo, Lattice* lattice) const {
  if (n == 0) return;
  auto count = [](const Item& item) { return item.candidates ? item.candidates->size() : 1; };
  // Every word's readings in one array: word i's start at offset[i].
  std::vector<size_t>& offset = lattice->offset;
  offset.assign(n + 1, 0);
  for (size_t i = 0; i < n; ++i) offset[i + 1] = offset[i] + count(items[i]);
  std::vector<uint32_t>& ids = lattice->ids;
  ids.resize(offset[n]);
  std::vector<double>& score = lattice->score;
  score.assign(offset[n], 0);
  for (size_t i = 0; i < n; ++i) {
    if (!items[i].candidates) {
      ids[offset[i]] = items[i].fixed;
      continue;
    }
    for (size_t k = 0; k < items[i].candidates->size(); ++k) {
      const Candidate& c = (*items[i].candidates)[k];
      ids[offset[i] + k] = c.id;
      score[offset[i] + k] = c.score + CaseScore(items[i], c);
    }
  }
  auto id = [&](size_t i, size_t k) { return ids[offset[i] + k]; };

  // Bigrams between neighbouring readings, looked up once. Block i, from
  // at[i], holds word i-1's readings (the sentence start for i == 0) times
  // word i's; block n holds the last word's readings into the sentence end.
  // `into` holds their log probabilities, `link` their probabilities.
  const uint32_t kB = LanguageModel::kBoundary;
  auto width = [&](size_t i) { return i == 0 || i > n ? size_t{1} : offset[i] - offset[i - 1]; };
  auto reading = [&](size_t i, size_t k) { return i == 0 || i > n ? kB : id(i - 1, k); };
  std::vector<size_t>& at = lattice->at;
  at.assign(n + 2, 0);
  for (size_t i = 0; i <= n; ++i) at[i + 1] = at[i] + width(i) * (i < n ? count(items[i]) : 1);
  std::vector<float>& into = lattice->into;
  into.resize(at[n + 1]);
  std::vector<double>& link = lattice->link;
  link.resize(at[n + 1]);
  std::vector<std::pair<uint32_t, uint32_t>>& pairs = lattice->pairs;
  for (size_t i = 0; i <= n; ++i) {
    size_t from = width(i), to = i < n ? count(items[i]) : 1;
    pairs.clear();
    for (size_t j = 0; j < from; ++j) {
      for (size_t k = 0; k < to; ++k) pairs.emplace_back(reading(i, j), i < n ? id(i, k) : kB);
    }
    memo->Bigrams(lm_, pairs, into.data() + at[i], link.data() + at[i]);
  }

  // Forward-backward under the bigram model: each reading's posterior is
  // its confidence, and the likeliest few go on to the trigram search. In
  // probabilities scaled to sum to one at each word rather than in logs: the
  // pairs of readings are the inner loop, and a product is much cheaper than
  // a log-sum-exp. Reading scores are relative to the word's best, so none
  // underflows.
  std::vector<double>& emit = lattice->emit;
  emit.resize(offset[n]);
  for (size_t i = 0; i < n; ++i) {
    auto first = score.begin() + offset[i], last = score.begin() + offset[i + 1];
    double top = *std::max_element(first, last);
    std::transform(first, last, emit.begin() + offset[i],
                   [top](double s) { return std::exp(s - top); });
  }
  // Sums that vanish (every link negligible) are kept from dividing by zero.
  constexpr double kTiny = 1e-300;
  std::vector<double>&alpha = lattice->alpha, &beta = lattice->beta, &scale = lattice->scale;
  alpha.resize(offset[n]);
  beta.resize(offset[n]);
  scale.resize(n);
  for (size_t i = 0; i < n; ++i) {
    size_t m = count(items[i]), from = width(i);
    const double* l = link.data() + at[i];
    double sum = 0;
    for (size_t k = 0; k < m; ++k) {
      double a = 0;
      for (size_t j = 0; j < from; ++j) a += (i == 0 ? 1 : alpha[offset[i - 1] + j]) * l[j * m + k];
      a *= emit[offset[i] + k];
      alpha[offset[i] + k] = a;
      sum += a;
    }
    scale[i] = std::max(sum, kTiny);
    for (size_t k = 0; k < m; ++k) alpha[offset[i] + k] /= scale[i];
  }
  double end = 0;
  for (size_t k = 0; k < count(items[n - 1]); ++k) {
    end += alpha[offset[n - 1] + k] * link[at[n] + k];
  }
  end = std::max(end, kTiny);
  for (size_t k = 0; k < count(items[n - 1]); ++k) {
    beta[offset[n - 1] + k] = link[at[n] + k] / end;
  }
  for (size_t i = n - 1; i-- > 0;) {
    size_t next = count(items[i + 1]);
    const double* l = link.data() + at[i + 1];
    for (size_t k = 0; k < count(items[i]); ++k) {
      double b = 0;
      for (size_t j = 0; j < next; ++j) {
        b += l[k * next + j] * emit[offset[i + 1] + j] * beta[offset[i + 1] + j];
      }
      beta[offset[i] + k] = b / scale[i + 1];
    }
  }
  auto posterior = [&](size_t i, size_t k) { return alpha[offset[i] + k] * beta[offset[i] + k]; };
  // The trigram search keeps each word's kTrigramReadings likeliest readings.
  std::vector<std::array<uint8_t, kTrigramReadings>>& kept = lattice->kept;
  kept.resize(n);
  std::vector<size_t>& kept_count = lattice->kept_count;
  kept_count.resize(n);
  std::vector<std::pair<double, size_t>>& ranked = lattice->ranked;
  for (size_t i = 0; i < n; ++i) {
    ranked.clear();
    for (size_t k = 0; k < count(items[i]); ++k) ranked.emplace_back(posterior(i, k), k);
    size_t m = std::min(ranked.size(), kTrigramReadings);
    std::partial_sort(ranked.begin(), ranked.begin() + m, ranked.end(), std::greater<>());
    kept_count[i] = m;
    for (size_t r = 0; r < m; ++r) kept[i][r] = static_cast<uint8_t>(ranked[r].second);
  }

  // Viterbi over the trigram model: a state is the readings of the last two
  // words; position -1 is the sentence start.
  constexpr size_t K = kTrigramReadings;
  auto kept_id = [&](size_t i, size_t r) { return id(i, kept[i][r]); };
  // The trigrams the search weighs, in the order it weighs them, are known
  // before it starts: they are looked up together, their memory latencies
  // overlapped (Memo::Trigrams).
  std::vector<Memo::Trigram>& trigrams = lattice->trigrams;
  trigrams.clear();
  for (size_t q = 0; q < kept_count[0]; ++q) {
    trigrams.push_back({kB, kB, kept_id(0, q), into[at[0] + kept[0][q]]});
  }
  for (size_t i = 1; i < n; ++i) {
    size_t m = count(items[i]), prev_count = i >= 2 ? kept_count[i - 2] : 1;
    for (size_t p = 0; p < kept_count[i - 1]; ++p) {
      for (size_t q = 0; q < kept_count[i]; ++q) {
        float bigram = into[at[i] + kept[i - 1][p] * m + kept[i][q]];
        for (size_t o = 0; o < prev_count; ++o) {
          trigrams.push_back(
              {i >= 2 ? kept_id(i - 2, o) : kB, kept_id(i - 1, p), kept_id(i, q), bigram});
        }
      }
    }
  }
  for (size_t p = 0; p < (n >= 2 ? kept_count[n - 2] : 1); ++p) {
    for (size_t q = 0; q < kept_count[n - 1]; ++q) {
      trigrams.push_back(
          {n >= 2 ? kept_id(n - 2, p) : kB, kept_id(n - 1, q), kB, into[at[n] + kept[n - 1][q]]});
    }
  }
  std::vector<float>& trigram = lattice->trigram;
  trigram.resize(trigrams.size());
  memo->Trigrams(lm_, trigrams, trigram.data());

  using Grid = std::array<std::array<double, K>, K>;  // [previous][current].
  std::vector<std::array<std::array<uint8_t, K>, K>>& back = lattice->back;
  back.assign(n, {});
  Grid best;
  for (auto& row : best) row.fill(kNever);
  size_t t = 0;  // The next of `trigram`.
  for (size_t q = 0; q < kept_count[0]; ++q)
    best[0][q] = trigram[t++] + score[offset[0] + kept[0][q]];
  size_t prev_count = 1;  // The start state stands in the row 0.
  for (size_t i = 1; i < n; ++i) {
    Grid next;
    for (auto& row : next) row.fill(kNever);
    for (size_t p = 0; p < kept_count[i - 1]; ++p) {
      for (size_t q = 0; q < kept_count[i]; ++q) {
        for (size_t o = 0; o < prev_count; ++o) {
          double s = best[o][p] + trigram[t++];
          if (best[o][p] > kNever && s > next[p][q]) {
            next[p][q] = s;
            back[i][p][q] = static_cast<uint8_t>(o);
          }
        }
        next[p][q] += score[offset[i] + kept[i][q]];
      }
    }
    best = next;
    prev_count = kept_count[i - 1];
  }
  size_t bp = 0, bq = 0;
  double top = kNever * 10;
  for (size_t p = 0; p < prev_count; ++p) {
    for (size_t q = 0; q < kept_count[n - 1]; ++q) {
      double s = best[p][q] + trigram[t++];
      if (best[p][q] > kNever && s > top) top = s, bp = p, bq = q;
    }
  }
  for (size_t i = n; i-- > 0;) {
    items[i].choice = kept[i][bq];
    items[i].confidence = std::min(1.0, posterior(i, items[i].choice));
    if (i == 0) break;
    size_t o = back[i][bp][bq];
    bq = bp;
    bp = o;
  }
  // The trigram search may pick a reading the posterior all but rules out
  // ("so với năm giới" for "so với nam giới"): the words around it are what
  // the trigram liked, not this word. Such a change is not made when the
  // word as written is the likelier.
  for (size_t i = 0; i < n; ++i) {
    if (!items[i].candidates || items[i].confidence >= kKeepWrittenBelow) continue;
    const std::vector<Candidate>& list = *items[i].candidates;
    for (size_t k = 0; k < list.size(); ++k) {
      if (list[k].channel[kIntact] == 0 && posterior(i, k) > posterior(i, items[i].choice)) {
        items[i].choice = k;
        items[i].confidence = std::min(1.0, posterior(i, k));
      }
    }
  }
}

ChannelModel Restorer::Adapt(const std::vector<Item>& items) const {
  std::unordered_map<const Candidate*, ChannelModel::Sighting> seen;
  for (const Item& item : items) {
    if (!item.candidates || item.confidence < kAdaptMinConfidence) continue;
    const Candidate& c = (*item.candidates)[item.choice];
    // A name or foreign word kept as it is says nothing of the engine.
    if (c.id == LanguageModel::kUnknown) continue;
    auto [it, fresh] = seen.try_emplace(&c);
    if (fresh) {
      it->second.intended = Spelt(*item.observed, c);
      it->second.observed = *item.observed;
      it->second.times = 0;
    }
    it->second.times += 1;
  }
  std::vector<ChannelModel::Sighting> sightings;
  sightings.reserve(seen.size());
  for (auto& [c, s] : seen) sightings.push_back(std::move(s));
  return channel_.Adapted(sightings, kAdaptShare);
}

Rewrite Restorer::Restore(std::string_view text) const {
  RewriteBuilder out(text);
  std::vector<Item> items;
  // A word takes two bytes at the least; a chunk holds at most twice
  // kChunkItems. Growing by doubling would write every item twice over.
  items.reserve(std::min(text.size() / 2 + 1, 2 * kChunkItems));
  // Per distinct word of the chunk: its readings, and their place in the
  // chunk's ListUses.
  using Entry = std::pair<std::vector<Candidate>, size_t>;
  std::unordered_map<std::u32string, Entry> cache, adapted_cache;
  ListUses lists;
  // Counts one more use of `entry`'s readings, new to `uses` if `fresh`.
  auto use = [](Entry& entry, bool fresh, ListUses* uses) {
    if (fresh) {
      entry.second = uses->size();
      uses->emplace_back(&entry.first, 0);
    }
    ++(*uses)[entry.second].second;
    return &entry.first;
  };
  Scratch scratch(lm_.size());
  Memo memo;
  Lattice lattice;

  auto flush = [&] {
    Weights weights = FitWeights(lists);
    Decode(items, lists, weights, /*fresh=*/true, &memo, &lattice);
    // The kept readings of sure words; items point into it until output.
    std::unordered_map<const Candidate*, Entry> pinned;
    if (std::exp(weights.log_weight[kOcr]) >= kAdaptMinOcrShare) {
      ChannelModel adapted = Adapt(items);
      // Words the first pass was sure of keep their reading: the adapted
      // channel learned from them. The others are read again with it, among
      // their sure neighbours, under the same mixture weights.
      std::vector<std::pair<size_t, double>> sure;
      ListUses again;
      for (size_t i = 0; i < items.size(); ++i) {
        Item& item = items[i];
        if (!item.candidates) continue;
        const Candidate& c = (*item.candidates)[item.choice];
        if (item.confidence >= kPinConfidence && c.id != LanguageModel::kUnknown) {
          auto [it, fresh] = pinned.try_emplace(&c);
          if (fresh) it->second.first.push_back(c);
          item.candidates = use(it->second, fresh, &again);
          sure.emplace_back(i, item.confidence);
          continue;
        }
        auto [it, fresh] = adapted_cache.try_emplace(*item.observed);
        if (fresh) it->second.first = Candidates(*item.observed, adapted, &scratch);
        item.candidates = use(it->second, fresh, &again);
      }
      Decode(items, again, weights, /*fresh=*/false, &memo, &lattice);
      for (const auto& [i, confidence] : sure) items[i].confidence = confidence;
    }
    out.ReserveEdits(std::count_if(items.begin(), items.end(), [](const Item& item) {
      return item.candidates && !(*item.candidates)[item.choice].written;
    }));
    for (const Item& item : items) {
      if (!item.candidates) continue;
      const Candidate& c = (*item.candidates)[item.choice];
      if (c.written) continue;
      std::u32string spelt = Spelt(*item.observed, c);
      if (spelt == *item.observed) continue;
      bool marks_only = Skeleton(*item.observed) == Skeleton(spelt);
      out.CopyTo(item.begin);
      out.Replace(item.end - item.begin, ToUtf8(spelt), marks_only ? "diacritics" : "letters",
                  item.confidence);
    }
    items.clear();
    cache.clear();
    adapted_cache.clear();
    lists.clear();
  };
  auto boundary = [&] {
    if (!items.empty() && !items.back().candidates &&
        items.back().fixed == LanguageModel::kBoundary) {
      return;
    }
    items.push_back(Item{});
    if (items.size() >= kChunkItems) flush();
  };

  // One line, or one piece of a long line, starting at byte `line_begin`.
  auto read = [&](size_t line_begin, std::string_view line) {
    std::vector<Token> tokens = ModelTokens(line);
    if (tokens.empty()) boundary();  // A blank line ends a paragraph.
    // How much of the line is in capitals, for words whose capitals may be
    // OCR's doing.
    std::vector<CaseShape> shapes(tokens.size(), CaseShape::kLower);
    double words = 0, upper = 0;
    for (size_t k = 0; k < tokens.size(); ++k) {
      if (tokens[k].kind != TokenKind::kWord) continue;
      std::u32string w = ToUtf32(line.substr(tokens[k].begin, tokens[k].end - tokens[k].begin));
      shapes[k] = ShapeOf(w);
      if (std::count_if(w.begin(), w.end(), IsLetterChar) < 2) continue;
      ++words;
      upper += shapes[k] == CaseShape::kUpper;
    }
    for (size_t k = 0; k < tokens.size(); ++k) {
      const Token& t = tokens[k];
      if (t.kind == TokenKind::kBreak) {
        boundary();
        continue;
      }
      Item item;
      item.begin = line_begin + t.begin;
      item.end = line_begin + t.end;
      if (t.kind == TokenKind::kNumber) {
        item.fixed = LanguageModel::kNumber;
      } else {
        std::u32string observed = ToUtf32(line.substr(t.begin, t.end - t.begin));
        auto [it, fresh] = cache.try_emplace(std::move(observed));
        if (fresh) it->second.first = TrainedCandidates(it->first, &scratch);
        item.candidates = use(it->second, fresh, &lists);
        item.observed = &it->first;
        item.shape = shapes[k];
        item.mid_sentence = !items.empty() && (items.back().candidates ||
                                               items.back().fixed != LanguageModel::kBoundary);
        if (item.shape == CaseShape::kUpper) {
          // The other words of the line, with half a word of each case.
          double up = (upper - 1 + 0.5) / (words - 1 + 1);
          item.log_upper = std::log(up);
          item.log_recased = std::log1p(-up);
        }
      }
      items.push_back(item);
      // A sentence that never ends (a 100 MB line) is cut to bound memory.
      if (items.size() >= 2 * kChunkItems) flush();
    }
  };

  size_t line_begin = 0;
  while (line_begin <= text.size()) {
    size_t line_end = std::min(text.find('\n', line_begin), text.size());
    // A line longer than a page (a 100 MB line) is read in pieces cut at a
    // space, so its tokens need not all be held at once.
    size_t begin = line_begin;
    while (line_end - begin > kMaxPieceBytes) {
      size_t cut = text.substr(begin, kMaxPieceBytes).rfind(' ');
      if (cut != std::string_view::npos && cut > 0) {
        cut += begin;
      } else {
        cut = begin + kMaxPieceBytes;  // No space: cut between characters.
        while (cut > begin + 1 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      }
      read(begin, text.substr(begin, cut - begin));
      begin = cut;
    }
    read(begin, text.substr(begin, line_end - begin));
    line_begin = line_end + 1;
  }
  flush();
  return out.Finish();
}

}  // namespace vnplan
