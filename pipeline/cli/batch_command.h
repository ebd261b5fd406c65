// What `run`, `ocr`, `repair` and `extract` share: the flags that configure
// the stages, the expansion of inputs, the batch over them and where results
// go (stdout, or one file per input under --out written atomically, which
// --resume uses to pass over inputs already done).
#ifndef VNPLAN_PIPELINE_CLI_BATCH_COMMAND_H_
#define VNPLAN_PIPELINE_CLI_BATCH_COMMAND_H_

#include <functional>
#include <string>
#include <vector>

#include "pipeline/cli/flags.h"
#include "pipeline/document.h"
#include "pipeline/pipeline.h"

namespace vnplan {

struct BatchCommand {
  std::string name;      // "run"
  std::string synopsis;  // First lines of --help.
  LastStage last = LastStage::kExtract;
  // Text commands (repair, extract) read standard input when given no file,
  // and do not offer the OCR flags.
  bool reads_stdin = false;
  std::vector<FlagSpec> extra_flags;  // Flags of this command alone.
  // One output per input: its file extension under --out, and its content.
  std::string extension;
  std::function<std::string(const Document&, const Flags&)> render;
  // Content for stdout when several inputs are printed there; empty: render
  // followed by a "==> path <==" header per input.
  std::function<std::string(const Document&, const Flags&)> render_line;
  // Optional extra output beside the main one (repair --report).
  std::function<void(const Document&, const Flags&, const std::string& out_path)> extra;
};

int RunBatchCommand(const BatchCommand& command, int argc, char** argv, int first);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_CLI_BATCH_COMMAND_H_
