// Trains the Restorer's model files (restorer.h) from clean text.
//
//  - The language model counts the words and word pairs of every clean
//    document (files, or folders searched recursively for *.txt), after NFC
//    normalisation and with the repair tokenizer, so training and repair cut
//    text the same way. Syllable lists (hunspell's vi_VN.dic, fcitx5-bamboo's
//    vietnamese.cm.dict: one word per line, hunspell flags after '/' ignored)
//    put every Vietnamese syllable in the vocabulary even if unseen.
//  - The channel model learns from pairs made by
//    scripts/render_channel_data.sh: NNNN.src.txt, what was rendered, and
//    NNNN.ocr.txt, what Tesseract read. Words are aligned by edit distance of
//    their skeletons; pairs too different to be the same word are skipped.
//
// Only counts reach the model files, never text.
#ifndef VNPLAN_PIPELINE_REPAIR_TRAINER_H_
#define VNPLAN_PIPELINE_REPAIR_TRAINER_H_

#include <cstddef>
#include <string>
#include <vector>

namespace vnplan {

struct TrainOptions {
  std::vector<std::string> corpus;    // Clean documents: files or folders.
  std::vector<std::string> lexicons;  // Syllable lists.
  std::vector<std::string> channel;   // Folders of rendered/OCR'd pairs.
  std::string out;                    // Receives lm.bin and channel.bin.
  int min_count = 2;                  // Rarer words become the unknown word.
  int min_bigram_count = 2;           // Rarer pairs are left to back-off.
  int min_trigram_count = 2;          // Rarer triples are left to back-off.
};

struct TrainReport {
  size_t documents = 0, sentences = 0, words = 0;
  size_t channel_files = 0, channel_pairs = 0;
};

// Throws vnplan::Error naming the file on unreadable input or output.
TrainReport TrainRepairModels(const TrainOptions& options);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_TRAINER_H_
