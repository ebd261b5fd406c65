#include "pipeline/cli/train.h"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include "pipeline/cli/flags.h"
#include "pipeline/error.h"
#include "pipeline/repair/trainer.h"

namespace vnplan {
namespace {

// "a,b,c" -> {"a", "b", "c"}; empty parts are dropped.
std::vector<std::string> SplitList(const std::string& list) {
  std::vector<std::string> out;
  size_t begin = 0;
  while (begin <= list.size()) {
    size_t end = std::min(list.find(',', begin), list.size());
    if (end > begin) out.push_back(list.substr(begin, end - begin));
    begin = end + 1;
  }
  return out;
}

}  // namespace

int TrainCommand(int argc, char** argv, int first) {
  Flags flags(
      "Usage: vnplan train [OPTIONS] --out DIR CORPUS...\n"
      "\n"
      "Trains the repair models (lm.bin, channel.bin) into DIR from clean documents:\n"
      "each CORPUS is a UTF-8 text file or a folder searched for *.txt. Syllable\n"
      "lists put every Vietnamese syllable in the vocabulary; channel folders hold\n"
      "NNNN.src.txt/NNNN.ocr.txt pairs made by scripts/render_channel_data.sh.\n"
      "Only counts are written, never text.",
      {{"out", "DIR", "Folder receiving the model files (e.g. models/repair)"},
       {"corpus", "PATHS", "More clean documents, comma-separated"},
       {"lexicon", "FILES", "Syllable lists, comma-separated (one word per line)"},
       {"channel", "DIRS", "Rendered/OCR'd pair folders, comma-separated"},
       {"min-count", "N", "Words seen fewer times are unknown (default 2)"},
       {"min-bigram-count", "N", "Pairs seen fewer times are left to back-off (default 2)"},
       {"min-trigram-count", "N", "Triples seen fewer times are left to back-off (default 2)"}});
  std::string error;
  if (!flags.Parse(argc, argv, first, &error)) {
    std::fprintf(stderr, "vnplan train: %s\n", error.c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  TrainOptions options;
  options.out = flags.Get("out");
  options.corpus = flags.positional();
  for (const std::string& p : SplitList(flags.Get("corpus"))) options.corpus.push_back(p);
  options.lexicons = SplitList(flags.Get("lexicon"));
  options.channel = SplitList(flags.Get("channel"));
  try {
    options.min_count = flags.GetInt("min-count", options.min_count);
    options.min_bigram_count = flags.GetInt("min-bigram-count", options.min_bigram_count);
    options.min_trigram_count = flags.GetInt("min-trigram-count", options.min_trigram_count);
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "vnplan train: %s\n", e.what());
    return 2;
  }
  if (options.out.empty() || options.corpus.empty()) {
    std::fprintf(stderr, "vnplan train: needs --out DIR and at least one CORPUS\n");
    return 2;
  }
  try {
    TrainReport r = TrainRepairModels(options);
    std::fprintf(stderr,
                 "vnplan train: %zu documents, %zu sentences, %zu words; channel: %zu files, "
                 "%zu word pairs; models in %s\n",
                 r.documents, r.sentences, r.words, r.channel_files, r.channel_pairs,
                 options.out.c_str());
  } catch (const Error& e) {
    std::fprintf(stderr, "vnplan train: %s\n", e.what());
    return 1;
  }
  return 0;
}

}  // namespace vnplan
