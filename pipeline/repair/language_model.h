// LanguageModel: a case-folded syllable trigram model, the repair model's
// judge of which reading of a damaged sentence is Vietnamese.
//
// Words are lowercase NFC strings as the repair tokenizer cuts them: a
// syllable, an abbreviation ("ubnd"), or a letter run of a document symbol
// ("qđ", "ttg" from "QĐ-TTg"). Numbers are one word, kNumber; sentence ends
// are kBoundary; every word outside the vocabulary is kUnknown. Probabilities
// are interpolated absolute discounting (trigram over bigram over an
// add-half unigram), so every sequence has a probability; n-grams seen once
// are pruned to keep the file small, their mass staying with the back-off.
//
// Case is folded out of the n-grams but kept as one fact per word: how often
// it is capitalised inside a sentence. Names are ("Hải" in "Hải Dương"),
// their look-alikes are not ("hại"), which tells them apart when marks are
// lost.
//
// The file is a model_file.h container: the vocabulary with unigram and
// back-off log weights, the kept bigrams, the back-off weights of bigram
// contexts, then the kept trigrams. A loaded model is immutable
// and safe to share between threads.
#ifndef VNPLAN_PIPELINE_REPAIR_LANGUAGE_MODEL_H_
#define VNPLAN_PIPELINE_REPAIR_LANGUAGE_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnplan {

class LanguageModel {
 public:
  static constexpr uint32_t kUnknown = 0, kBoundary = 1, kNumber = 2;
  // How training text spells kNumber for the builder.
  static constexpr std::string_view kNumberWord = "<num>";

  // Throws vnplan::Error naming `path` if it is missing, of another kind or
  // version, truncated or inconsistent.
  static LanguageModel Load(const std::string& path);

  // Move-only: the word index points into the vocabulary's strings.
  LanguageModel(LanguageModel&&) = default;
  LanguageModel& operator=(LanguageModel&&) = default;
  LanguageModel(const LanguageModel&) = delete;
  LanguageModel& operator=(const LanguageModel&) = delete;

  // The id of a lowercase word, kUnknown if it is not in the vocabulary.
  uint32_t Find(std::string_view lower_word) const;
  const std::string& word(uint32_t id) const { return words_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(words_.size()); }

  // Natural log of P(word | prev).
  float LogProb(uint32_t prev, uint32_t word) const;
  // The same, with P(word | prev) itself in `*prob`: decoders that multiply
  // probabilities ask for millions of pairs, most of them backed off to the
  // unigram, whose probability is then a product of two stored factors
  // rather than an exp().
  float LogProb(uint32_t prev, uint32_t word, double* prob) const;
  // Starts loading what LogProb(prev, word) will read into the processor's
  // cache: a caller about to ask for many pairs overlaps their memory
  // latencies instead of waiting for each in turn.
  void PrefetchBigram(uint32_t prev, uint32_t word) const { bigrams_.Prefetch(Key(prev, word)); }
  // PrefetchBigram() for LogProb(first, prev, word, bigram).
  void PrefetchTrigram(uint32_t first, uint32_t prev, uint32_t word) const {
    trigrams_.Prefetch(Key(first, prev, word));
    contexts_.Prefetch(Key(first, prev));
  }
  // Natural log of P(word | first, prev); `bigram` is LogProb(prev, word),
  // which callers scoring many sequences already hold.
  float LogProb(uint32_t first, uint32_t prev, uint32_t word, float bigram) const;
  float UnigramLogProb(uint32_t word) const { return unigram_[word]; }
  // Natural log of P(written capitalised | word, not first in its sentence),
  // or of its complement when `capitalised` is false.
  float CaseLogProb(uint32_t word, bool capitalised) const {
    return capitalised ? title_[word] : lower_[word];
  }

 private:
  LanguageModel() = default;
  static uint64_t Key(uint32_t prev, uint32_t word) { return (uint64_t{prev} << 32) | word; }
  // Trigram keys pack three ids of at most kIdBits bits.
  static constexpr int kIdBits = 21;
  static uint64_t Key(uint32_t first, uint32_t prev, uint32_t word) {
    return (uint64_t{first} << (2 * kIdBits)) | (uint64_t{prev} << kIdBits) | word;
  }

  std::vector<std::string> words_;
  std::unordered_map<std::string_view, uint32_t> ids_;  // Views into words_.
  std::vector<float> unigram_, backoff_, title_, lower_;
  std::vector<double> unigram_prob_, backoff_weight_;  // exp() of unigram_, backoff_.
  // Open addressing, capacity a power of two; empty slots hold kEmpty. Key
  // and value share a slot so a lookup touches one cache line.
  class Table {
   public:
    void Reserve(size_t n);
    void Insert(uint64_t key, float value);
    const float* Find(uint64_t key) const;
    void Prefetch(uint64_t key) const;

   private:
    static constexpr uint64_t kEmpty = ~uint64_t{0};
    struct Slot {
      uint64_t key;
      float value;
    };
    std::vector<Slot> slots_;
  };
  Table bigrams_;   // Key(prev, word) -> log P.
  Table contexts_;  // Key(first, prev) -> log back-off weight to the bigram.
  Table trigrams_;  // Key(first, prev, word) -> log P.
};

// Counts words and word pairs of training sentences, then writes the model.
class LanguageModelBuilder {
 public:
  // A word that belongs to the vocabulary even if training text lacks it
  // (the syllable inventory).
  void AddLexiconWord(std::string_view lower_word);
  // One sentence of words as written (kNumberWord for numbers); boundaries
  // are added around it.
  void AddSentence(const std::vector<std::string>& words);

  // Keeps words seen at least `min_count` times (lexicon words always),
  // bigrams seen at least `min_bigram_count` times
  // and trigrams at least `min_trigram_count` times; writes `path`.
  void Write(const std::string& path, int min_count, int min_bigram_count,
             int min_trigram_count) const;

 private:
  uint32_t Intern(std::string_view word);

  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> words_;
  std::vector<uint64_t> counts_;
  // Inside sentences: times written capitalised ("Hải") and in lowercase.
  std::vector<uint64_t> title_counts_, lower_counts_;
  std::vector<bool> lexicon_;
  std::unordered_map<uint64_t, uint32_t> bigrams_;
  std::unordered_map<uint64_t, uint32_t> trigrams_;  // Builder ids, 21 bits each.
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_LANGUAGE_MODEL_H_
