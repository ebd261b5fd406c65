// ChannelModel: how OCR without a Vietnamese model prints Vietnamese letters.
//
// Each intended character (case and marks kept: 'ế', 'Đ') prints as nothing,
// one character or two ("ứ" -> "ir"), and stray characters may appear; a
// word's probability is that of its best character alignment. The counts are
// learned from clean text rendered to images and read back by Tesseract's
// English model (scripts/render_channel_data.sh), so the model knows é stands
// for ế/ề/ệ, 6 for ố/ơ, P for Đ, ¢ for ệ, and how often each happens. Pairs
// never seen fall back to a prior that prefers keeping the letter, then
// changing only its marks, then anything else.
//
// The file is a model_file.h container of (intended, observed, count) rows.
// A loaded model is immutable and safe to share between threads.
#ifndef VNPLAN_PIPELINE_REPAIR_CHANNEL_MODEL_H_
#define VNPLAN_PIPELINE_REPAIR_CHANNEL_MODEL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vnplan {

class ChannelModel {
 public:
  // Throws vnplan::Error naming `path` if it is missing or corrupt.
  static ChannelModel Load(const std::string& path);

  // Natural log of P(observed | intended) along the best alignment.
  double LogProb(std::u32string_view observed, std::u32string_view intended) const;

  // What an observed character, or a pair of them, may stand for: the
  // skeleton letter (ASCII, đ as 'd') of the intended character and how
  // likely that reading is. The candidate search spells skeletons from these.
  struct Reading {
    char32_t second = 0;  // The pair's second observed character; 0 for one.
    char32_t base = 0;
    float logp = 0;
  };
  // Readings starting with observed character `c`, most likely first. A
  // letter always has its own base among them.
  std::vector<Reading> ReadingsOf(char32_t c) const;

  // An intended word seen printed as `observed`, `times` times.
  struct Sighting {
    std::u32string intended, observed;
    double times = 1;
  };
  // This model after also seeing `sightings`, which weigh `share` of what
  // the model was trained on. An archive's OCR engine has confusions of its
  // own (P for Đ, & for ê, b for ố) that no training rendering shows; the
  // words of a document repaired with confidence teach them, and the rest of
  // it is then read with them.
  ChannelModel Adapted(const std::vector<Sighting>& sightings, double share) const;

 private:
  friend class ChannelModelBuilder;
  using Key = uint64_t;  // intended | observed[0] << 21 | observed[1] << 42.
  static Key MakeKey(char32_t intended, char32_t first, char32_t second) {
    return Key{intended} | Key{first} << 21 | Key{second} << 42;
  }
  // Log P(intended prints as first+second); first == 0 for nothing;
  // intended == 0 for a stray character.
  double Op(char32_t intended, char32_t first, char32_t second) const;
  // Rebuilds the derived tables from counts_. A dense row depends only on
  // its intended character's counts: with `like`, a model over the same
  // alphabet, rows whose character's total is the same there are copied
  // from it (an adapted model differs in the few letters a document showed).
  void Index(const ChannelModel* like = nullptr);

  std::unordered_map<Key, double> counts_;
  std::unordered_map<Key, double> document_;     // An adapted model's own sightings.
  std::unordered_map<Key, double> logp_;         // Seen pairs.
  std::unordered_map<char32_t, double> totals_;  // Per intended character.
  std::unordered_map<char32_t, std::vector<Reading>> readings_;

  // Dense copies of Op over the characters the model knows (index 0 is "no
  // character"), so aligning a word costs array reads, not hash lookups.
  struct Double {
    uint32_t first, second;
    float logp;
  };
  std::vector<char32_t> alphabet_;  // By dense index; 0 is "no character".
  std::unordered_map<char32_t, uint32_t> index_;
  // index_ as an array below U+2000 (every Vietnamese letter is), read for
  // each character of every alignment; kNoIndex where index_ has none.
  static constexpr uint32_t kNoIndex = ~uint32_t{0};
  std::vector<uint32_t> low_index_;
  uint32_t IndexOf(char32_t c) const;
  // LogProb of words given as dense indexes, from the dense tables alone.
  double DenseLogProb(const uint32_t* observed, size_t m, const uint32_t* intended, size_t n) const;
  std::vector<float> single_;                 // [intended * alphabet size + observed].
  std::vector<std::vector<Double>> doubles_;  // Seen pairs, per intended.
  std::vector<float> unseen_double_;          // Per intended.
};

// Learns a ChannelModel from (intended word, OCR'd word) pairs.
class ChannelModelBuilder {
 public:
  void AddPair(std::u32string_view intended, std::u32string_view observed);
  size_t pairs() const { return pairs_.size(); }
  // Aligns every pair, counts, realigns with what was learned, and writes.
  void Write(const std::string& path) const;

 private:
  std::vector<std::pair<std::u32string, std::u32string>> pairs_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_CHANNEL_MODEL_H_
