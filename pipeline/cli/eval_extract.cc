// `vnplan eval extract`: extraction against hand-checked expected facts
// (corpus/README.md), scored by pipeline/eval/extraction_score.h.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/flags.h"
#include "pipeline/error.h"
#include "pipeline/eval/extraction_score.h"
#include "pipeline/eval/run_json.h"
#include "pipeline/json_output.h"
#include "pipeline/load.h"
#include "pipeline/pipeline.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

using json = nlohmann::ordered_json;

constexpr char kExpectedSuffix[] = ".expected.json";

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot read");
  std::string bytes(std::istreambuf_iterator<char>(in), {});
  if (in.bad()) throw Error(path, "read error");
  return bytes;
}

// How a document to score is obtained: a saved `vnplan run` JSON is read
// back; text goes through the stages, all of them as `vnplan extract` runs
// them, or segment and extract alone on the text as it is (--no-repair).
class Extractor {
 public:
  Extractor(const std::string& models_flag, bool repair) {
    if (repair) {
      PipelineOptions options;
      options.models_dir = models_flag;
      pipeline_ = std::make_unique<Pipeline>(std::move(options));
    } else {
      std::string models = ResolveModelsDir(models_flag);
      segment_ = MakeSegmentStage({models});
      extract_ = MakeExtractStage({models});
    }
  }

  Document Get(const std::string& path) const {
    std::string bytes = ReadFile(path);
    size_t first = bytes.find_first_not_of(" \t\r\n");
    if (first != std::string::npos && bytes[first] == '{') {
      nlohmann::json run = nlohmann::json::parse(bytes, nullptr, false);
      if (run.is_object() && run.contains("schema_version")) return DocumentFromRunJson(run);
    }
    if (pipeline_) return pipeline_->Process(path);
    Document doc = FromText(path, std::move(bytes));
    if (!IsValidUtf8(doc.original_text)) {
      throw Error(path, "not UTF-8: --no-repair scores text as it is; drop it to repair first");
    }
    doc.text = doc.original_text;
    segment_->Run(doc);
    extract_->Run(doc);
    return doc;
  }

 private:
  std::unique_ptr<Pipeline> pipeline_;
  std::unique_ptr<Stage> segment_, extract_;
};

json RowJson(const ItemCounts& c) {
  return {{"tp", c.tp},           {"fp", c.fp},  {"fn", c.fn}, {"precision", c.precision()},
          {"recall", c.recall()}, {"f1", c.f1()}};
}

json ScoreJson(const ExtractionScore& s) {
  json rows = json::object();
  for (const auto& name : ExtractionRows()) {
    auto it = s.rows.find(name);
    if (it != s.rows.end()) rows[name] = RowJson(it->second);
  }
  return {{"rows", rows}, {"total", RowJson(s.Total())}};
}

void PrintRow(const std::string& name, const ItemCounts& c) {
  std::printf("%-16s %5zu %5zu %5zu %9.3f %7.3f %7.3f\n", name.c_str(), c.tp, c.fp, c.fn,
              c.precision(), c.recall(), c.f1());
}

void PrintTable(const ExtractionScore& s) {
  std::printf("%-16s %5s %5s %5s %9s %7s %7s\n", "item", "TP", "FP", "FN", "precision", "recall",
              "F1");
  for (const auto& name : ExtractionRows()) {
    auto it = s.rows.find(name);
    if (it != s.rows.end()) PrintRow(IsSideRow(name) ? "  " + name : name, it->second);
  }
  PrintRow("total", s.Total());
}

// X.expected.json beside X.txt for every expected file in `dir`, sorted.
std::vector<std::pair<std::string, std::string>> PairsIn(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<std::pair<std::string, std::string>> pairs;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    size_t n = name.size(), k = sizeof(kExpectedSuffix) - 1;
    if (n <= k || name.compare(n - k, k, kExpectedSuffix) != 0) continue;
    fs::path text = it->path().parent_path() / (name.substr(0, n - k) + ".txt");
    pairs.emplace_back(it->path().string(), text.string());
  }
  if (ec) throw Error(dir, ec.message());
  std::sort(pairs.begin(), pairs.end());
  return pairs;
}

}  // namespace

int EvalExtractCommand(int argc, char** argv, int first) {
  Flags flags(
      "Usage: vnplan eval extract [OPTIONS] EXPECTED.json DOCUMENT...\n"
      "       vnplan eval extract [OPTIONS] --dir DIR\n"
      "\n"
      "Scores extraction against expected facts written by hand (format:\n"
      "corpus/README.md): precision, recall and F1 per item type (header fields,\n"
      "legal basis, cited documents, agencies, tasks with their lead, cooperating\n"
      "agencies and deadlines, targets, parts, signature, recipients), pooled over\n"
      "all documents. A DOCUMENT is plan text, run through repair, segment and\n"
      "extract as 'vnplan extract' does, or the JSON 'vnplan run' or 'vnplan\n"
      "extract' saved. With --dir, every X.expected.json in DIR is paired with X.txt.",
      {{"dir", "DIR", "Score every X.txt in DIR against its X.expected.json"},
       {"json", "", "Print the scores as JSON"},
       {"errors", "", "List each mismatch under its document"},
       {"no-repair", "", "Run segment and extract alone on text taken as it is"},
       {"models", "DIR", "Models directory (default: $VNPLAN_MODELS or the built-in one)"}});
  std::string error;
  if (!flags.Parse(argc, argv, first, &error)) {
    std::fprintf(stderr, "vnplan eval extract: %s\n", error.c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  std::vector<std::pair<std::string, std::string>> pairs;  // (expected, document)
  try {
    if (flags.Has("dir")) {
      if (!flags.positional().empty()) throw std::invalid_argument("--dir takes no other inputs");
      pairs = PairsIn(flags.Get("dir"));
      if (pairs.empty()) throw std::invalid_argument("no *.expected.json in " + flags.Get("dir"));
    } else {
      const auto& args = flags.positional();
      if (args.size() < 2) throw std::invalid_argument("give EXPECTED.json and DOCUMENT, or --dir");
      for (size_t i = 1; i < args.size(); ++i) pairs.emplace_back(args[0], args[i]);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnplan eval extract: %s\n", e.what());
    return 2;
  }

  std::unique_ptr<Extractor> extractor;
  try {
    extractor = std::make_unique<Extractor>(flags.Get("models"), !flags.Has("no-repair"));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnplan eval extract: %s\n", e.what());
    return 1;
  }

  bool as_json = flags.Has("json");
  ExtractionScore total;
  json files = json::array();
  int failures = 0;
  for (const auto& [expected_path, doc_path] : pairs) {
    ExtractionScore score;
    try {
      nlohmann::json expected = nlohmann::json::parse(ReadFile(expected_path), nullptr, false);
      if (expected.is_discarded()) throw Error(expected_path, "not valid JSON");
      try {
        score = ScoreExtraction(extractor->Get(doc_path), expected);
      } catch (const std::invalid_argument& e) {
        throw Error(expected_path, e.what());
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vnplan eval extract: %s\n", e.what());
      ++failures;
      continue;
    }
    total += score;
    if (as_json) {
      json j = ScoreJson(score);
      j["document"] = doc_path;
      j["expected"] = expected_path;
      j["errors"] = score.errors;
      files.push_back(std::move(j));
      continue;
    }
    ItemCounts t = score.Total();
    std::printf("%-60s F1 %.3f  (%zu mismatches)\n", doc_path.c_str(), t.f1(), score.errors.size());
    if (flags.Has("errors")) {
      for (const auto& e : score.errors) std::printf("    %s\n", e.c_str());
    }
  }
  if (as_json) {
    json out = ScoreJson(total);
    out["documents"] = pairs.size() - failures;
    out["files"] = std::move(files);
    std::puts(Dump(out).c_str());
  } else if (pairs.size() > size_t(failures)) {
    // No table when nothing was scored: its empty rows would read as perfect.
    std::printf("\n%zu document(s)\n", pairs.size() - failures);
    PrintTable(total);
  }
  return failures ? 1 : 0;
}

}  // namespace vnplan
