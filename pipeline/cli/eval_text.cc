// `vnplan eval`: scores against ground truth. `eval text` is here;
// `eval extract` lives with the extractors' scorer (eval_extract.cc).
#include <cstdio>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/flags.h"
#include "pipeline/eval/text_metrics.h"
#include "pipeline/json_output.h"

namespace vnplan {
namespace {

bool ReadFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), {});
  return !in.bad();
}

nlohmann::ordered_json ScoreJson(const TextScore& s) {
  return {{"cer", s.cer()},
          {"wer", s.wer()},
          {"diacritic_blind_cer", s.blind_cer()},
          {"syllable_accuracy", s.syllable_accuracy()},
          {"chars", s.chars},
          {"words", s.words},
          {"syllables", s.syllables}};
}

}  // namespace

int EvalTextCommand(int argc, char** argv, int first) {
  Flags flags(
      "Usage: vnplan eval text [OPTIONS] REFERENCE HYPOTHESIS\n"
      "       vnplan eval text [OPTIONS] --pairs FILE\n"
      "\n"
      "Scores text against ground truth: character error rate (CER), word error\n"
      "rate (WER), diacritic-blind CER (both sides without tone and vowel marks)\n"
      "and syllable accuracy. White space runs, line breaks included, count as one\n"
      "space. With --pairs, FILE lists 'REFERENCE<TAB>HYPOTHESIS' per line and the\n"
      "totals are pooled over all pairs (errors summed, then divided).",
      {{"pairs", "FILE", "Score every pair listed in FILE"},
       {"json", "", "Print the scores as JSON"},
       {"per-file", "", "With --pairs: also print each pair's scores"}});
  std::string error;
  if (!flags.Parse(argc, argv, first, &error)) {
    std::fprintf(stderr, "vnplan eval text: %s\n", error.c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  std::vector<std::pair<std::string, std::string>> pairs;
  if (flags.Has("pairs")) {
    std::string list;
    if (!ReadFile(flags.Get("pairs"), &list)) {
      std::fprintf(stderr, "vnplan eval text: %s: cannot read\n", flags.Get("pairs").c_str());
      return 1;
    }
    std::istringstream in(list);
    std::string line;
    while (std::getline(in, line)) {
      size_t tab = line.find('\t');
      if (line.empty()) continue;
      if (tab == std::string::npos) {
        std::fprintf(stderr, "vnplan eval text: %s: line without a tab: %s\n",
                     flags.Get("pairs").c_str(), line.c_str());
        return 2;
      }
      pairs.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
  } else if (flags.positional().size() == 2) {
    pairs.emplace_back(flags.positional()[0], flags.positional()[1]);
  } else {
    std::fprintf(stderr, "vnplan eval text: give REFERENCE and HYPOTHESIS, or --pairs FILE\n");
    return 2;
  }

  TextScore total;
  nlohmann::ordered_json per_file = nlohmann::ordered_json::array();
  int failures = 0;
  for (const auto& [ref_path, hyp_path] : pairs) {
    std::string ref, hyp;
    if (!ReadFile(ref_path, &ref) || !ReadFile(hyp_path, &hyp)) {
      std::fprintf(stderr, "vnplan eval text: cannot read %s or %s\n", ref_path.c_str(),
                   hyp_path.c_str());
      ++failures;
      continue;
    }
    TextScore score = ScoreText(ref, hyp);
    total += score;
    if (flags.Has("per-file")) {
      auto j = ScoreJson(score);
      j["reference"] = ref_path;
      j["hypothesis"] = hyp_path;
      per_file.push_back(j);
      if (!flags.Has("json")) {
        std::printf("%-50s CER %6.2f%%  WER %6.2f%%  blind CER %6.2f%%  syllables %6.2f%%\n",
                    hyp_path.c_str(), 100 * score.cer(), 100 * score.wer(), 100 * score.blind_cer(),
                    100 * score.syllable_accuracy());
      }
    }
  }
  if (flags.Has("json")) {
    auto j = ScoreJson(total);
    j["pairs"] = pairs.size() - failures;
    if (flags.Has("per-file")) j["per_file"] = per_file;
    std::puts(Dump(j).c_str());
  } else {
    std::printf(
        "pairs %zu  CER %.2f%%  WER %.2f%%  diacritic-blind CER %.2f%%  "
        "syllable accuracy %.2f%%\n",
        pairs.size() - failures, 100 * total.cer(), 100 * total.wer(), 100 * total.blind_cer(),
        100 * total.syllable_accuracy());
  }
  return failures ? 1 : 0;
}

int EvalCommand(int argc, char** argv, int first) {
  std::string what = first < argc ? argv[first] : "";
  if (what == "text") return EvalTextCommand(argc, argv, first + 1);
  if (what == "extract") return EvalExtractCommand(argc, argv, first + 1);
  bool help = what == "--help" || what == "-h";
  std::fputs(
      "Usage: vnplan eval text ...     OCR or repair output against ground-truth text\n"
      "       vnplan eval extract ...  extraction JSON against expected facts\n"
      "'vnplan eval text --help' and 'vnplan eval extract --help' give the details.\n",
      help ? stdout : stderr);
  return help ? 0 : 2;
}

}  // namespace vnplan
