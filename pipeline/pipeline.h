// The pipeline: the stages in order, and a batch runner that streams many
// inputs through them.
//
//   Load(path) -> OcrStage -> RepairStage -> SegmentStage -> ExtractStage
//
// `last` cuts the chain short for the subcommands that need only its start
// (`vnplan ocr` stops after OCR, `vnplan repair` after repair). Stages are
// built once and shared by the worker threads of a batch; each input is one
// Document, independent of all others.
#ifndef VNPLAN_PIPELINE_PIPELINE_H_
#define VNPLAN_PIPELINE_PIPELINE_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "extractors/extract_stage.h"
#include "pipeline/document.h"
#include "pipeline/ocr/ocr_stage.h"
#include "pipeline/repair/repair_stage.h"
#include "pipeline/segment/segment_stage.h"
#include "pipeline/stage.h"

namespace vnplan {

enum class LastStage { kOcr, kRepair, kSegment, kExtract };

struct PipelineOptions {
  std::string models_dir;  // Filled into each stage's options.
  OcrOptions ocr;
  RepairOptions repair;
  LastStage last = LastStage::kExtract;
  // Inputs are text only (`vnplan repair`, `vnplan extract`): no OCR engine is
  // loaded, and an image or PDF input fails with an error saying so.
  bool text_only = false;
};

// The models directory to use: `flag` when given, else $VNPLAN_MODELS, else
// the one built in at compile time.
std::string ResolveModelsDir(const std::string& flag);

class Pipeline {
 public:
  // Builds the stages; throws vnplan::Error when a model or the OCR engine
  // cannot be loaded.
  explicit Pipeline(PipelineOptions options);

  // Loads `path` and runs it through the stages. Throws vnplan::Error when
  // the input cannot be processed at all.
  Document Process(const std::string& path) const;

  // Runs the stages on a Document already loaded (e.g. text from memory).
  void Run(Document& doc) const;

 private:
  bool text_only_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

// What happened to one input of a batch.
struct BatchResult {
  enum class Status { kDone, kFailed, kSkipped };
  std::string path;
  Status status = Status::kFailed;
  std::string error;  // When kFailed: "FILE[: page N]: reason".
  Document doc;       // When kDone.
};

// Processes `paths` on `jobs` threads and hands each result to `sink` in
// input order, one at a time (so the sink needs no locking and output is
// deterministic). At most about 2 * jobs documents are held in memory.
// `skip` (may be empty) is asked first and lets a resumed batch pass over
// inputs it already has; those reach the sink as kSkipped. Returns the
// number of failed inputs.
int RunBatch(const Pipeline& pipeline, const std::vector<std::string>& paths, int jobs,
             const std::function<bool(const std::string&)>& skip,
             const std::function<void(BatchResult&)>& sink);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_PIPELINE_H_
