// Restorer: puts back the tone marks, vowel marks and letters that OCR
// without a Vietnamese model destroyed ("Thuc hién Quyét dinh sb 23/QD-TTg"
// -> "Thực hiện Quyết định số 23/QĐ-TTg").
//
// The model is a noisy channel. Each word token of the text is explained as
// an intended syllable (any syllable or abbreviation the language model knows,
// or the token itself when it is a name or foreign word) seen through a
// channel; the channel mixes three ways text reaches us: intact, stripped of
// all marks, and read by OCR (character confusions learned from rendered and
// OCR'd text: é for ế/ề/ệ, 6 for ố, P for Đ, "dugc" for "được"). The mixture
// weights are fitted to each text by EM, so clean text is left alone and
// damaged text is repaired. A syllable bigram language model picks the
// sentence's most likely reading (Viterbi). Text that OCR explains is
// decoded twice: the confident readings of the first pass adapt the channel
// to the engine that printed it (ChannelModel::Adapted), and the second pass
// reads the words the first was unsure of again with it.
//
// Contract of Restore():
//  - input is valid NFC UTF-8; the result is a Rewrite of it whose edits
//    carry kind "diacritics" (only marks changed) or "letters", and a
//    confidence in [0,1] (the local posterior of the chosen reading);
//  - line breaks and white space are untouched; digits of numbers, dates,
//    percentages and document symbols are never changed, only the letter
//    runs of symbols ("QD" in "23/QD-TTg") are;
//  - the case shape of a word is kept ("KE" -> "KẾ", "Ke" -> "Kế");
//  - const and thread-safe. A call's state is its own, but for a cache of
//    the candidate readings of words under the trained channel, which every
//    call shares (a batch's documents repeat their words): a pure function
//    of the word, so no result depends on what was repaired before.
#ifndef VNPLAN_PIPELINE_REPAIR_RESTORER_H_
#define VNPLAN_PIPELINE_REPAIR_RESTORER_H_

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/repair/channel_model.h"
#include "pipeline/repair/language_model.h"
#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/skeleton_index.h"

namespace vnplan {

class Restorer {
 public:
  // Loads the model files from `models_dir`/repair/. Throws vnplan::Error
  // naming the file that is missing or corrupt.
  static std::unique_ptr<Restorer> Load(const std::string& models_dir);

  Restorer(LanguageModel lm, ChannelModel channel);
  ~Restorer();

  Rewrite Restore(std::string_view text) const;

 private:
  struct Candidate;
  struct Item;
  struct Weights;
  struct Memo;
  struct Lattice;
  struct Scratch;
  std::vector<Candidate> Candidates(std::u32string_view observed, const ChannelModel& channel,
                                    Scratch* scratch) const;
  // How candidate `c` of word `observed` is written in the output.
  std::u32string Spelt(std::u32string_view observed, const Candidate& c) const;
  // Candidates() under the trained channel, through the shared cache.
  std::vector<Candidate> TrainedCandidates(const std::u32string& observed, Scratch* scratch) const;
  // The channel adapted to the confident readings of a decoded chunk.
  ChannelModel Adapt(const std::vector<Item>& items) const;
  // The distinct candidate lists of a chunk's words, in the order the words
  // first use them, each with how many words use it: EM and scoring run
  // once per list.
  using ListUses = std::vector<std::pair<std::vector<Candidate>*, size_t>>;
  Weights FitWeights(const ListUses& lists) const;
  // Log probability of the case `c` is written in, given its context.
  double CaseScore(const Item& item, const Candidate& c) const;
  // Scores the readings of `lists`, the ListUses of `items`, then decodes
  // each sentence. `fresh`: these items are new to `memo`, which is emptied
  // and sized for them; a second decode of the same items keeps what the
  // first looked up.
  void Decode(std::vector<Item>& items, const ListUses& lists, const Weights& weights, bool fresh,
              Memo* memo, Lattice* lattice) const;
  // Chooses a reading for each of the `n` words of one sentence.
  void DecodeSentence(Item* items, size_t n, Memo* memo, Lattice* lattice) const;

  LanguageModel lm_;
  ChannelModel channel_;
  std::vector<std::u32string> words_;  // The language model's words, by id, decoded.
  SkeletonIndex skeletons_;

  mutable std::mutex shared_mu_;
  // Guarded by shared_mu_. Candidate is complete only in restorer.cc, hence
  // the pointer.
  std::unique_ptr<std::unordered_map<std::u32string, std::vector<Candidate>>> shared_;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_RESTORER_H_
