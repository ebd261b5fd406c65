#include "pipeline/cli/batch_command.h"

#include <cstdio>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "pipeline/atomic_file.h"
#include "pipeline/error.h"
#include "pipeline/load.h"

namespace vnplan {
namespace {

std::vector<FlagSpec> StageFlags(const BatchCommand& command) {
  std::vector<FlagSpec> flags = {
      {"out", "DIR", "Write one file per input under DIR (mirroring the input's path)"},
      {"o", "DIR", "Same as --out"},
      {"resume", "", "With --out: skip inputs whose output already exists"},
      {"jobs", "N", "Worker threads (default: all cores)"},
      {"models", "DIR", "Models directory (default: $VNPLAN_MODELS or the built-in one)"},
  };
  if (!command.reads_stdin) {
    std::vector<FlagSpec> ocr = {
        {"lang", "LANG", "Tesseract language (default: vie)"},
        {"tessdata", "DIR", "Tesseract language data directory"},
        {"force-ocr", "", "OCR PDF pages even when they have a text layer"},
        {"pdf-dpi", "N", "Resolution PDF pages are rendered at (default: 300)"},
        {"no-grayscale", "", "Skip grayscale conversion"},
        {"no-background", "", "Skip background normalisation"},
        {"no-deskew", "", "Skip deskewing"},
        {"no-orientation", "", "Skip 90/180/270 orientation detection"},
        {"no-binarize", "", "Skip binarisation"},
        {"no-upscale", "", "Skip upscaling of low-resolution scans"},
    };
    flags.insert(flags.end(), ocr.begin(), ocr.end());
  }
  if (command.last != LastStage::kOcr) {
    std::vector<FlagSpec> repair = {
        {"from", "ENCODING",
         "Force the input encoding: utf-8, tcvn3, vni, viqr, viscii, cp1258, mojibake"},
        {"tone", "STYLE", "Tone-mark placement: traditional (hòa, default) or modern (hoà)"},
        {"no-restore", "", "Do not restore diacritics destroyed by OCR"},
        {"threshold", "P", "Repairs less sure than P (0..1) are flagged uncertain (default 0.6)"},
    };
    flags.insert(flags.end(), repair.begin(), repair.end());
  }
  flags.insert(flags.end(), command.extra_flags.begin(), command.extra_flags.end());
  return flags;
}

PipelineOptions OptionsFrom(const BatchCommand& command, const Flags& flags, int ocr_jobs) {
  PipelineOptions options;
  options.last = command.last;
  options.text_only = command.reads_stdin;
  options.models_dir = flags.Get("models");
  OcrOptions& ocr = options.ocr;
  ocr.jobs = ocr_jobs;
  ocr.language = flags.Get("lang", ocr.language);
  ocr.tessdata_dir = flags.Get("tessdata");
  ocr.force_ocr = flags.Has("force-ocr");
  ocr.pdf_dpi = flags.GetInt("pdf-dpi", ocr.pdf_dpi);
  ocr.preprocess.grayscale = !flags.Has("no-grayscale");
  ocr.preprocess.normalize_background = !flags.Has("no-background");
  ocr.preprocess.deskew = !flags.Has("no-deskew");
  ocr.preprocess.orientation = !flags.Has("no-orientation");
  ocr.preprocess.binarize = !flags.Has("no-binarize");
  ocr.preprocess.upscale = !flags.Has("no-upscale");
  RepairOptions& repair = options.repair;
  repair.encoding = flags.Get("from");
  std::string tone = flags.Get("tone", "traditional");
  if (tone == "modern") {
    repair.tone = TonePlacement::kModern;
  } else if (tone != "traditional") {
    throw std::invalid_argument("--tone takes 'traditional' or 'modern', not '" + tone + "'");
  }
  repair.restore_diacritics = !flags.Has("no-restore");
  if (flags.Has("threshold")) {
    try {
      repair.confidence_threshold = std::stod(flags.Get("threshold"));
    } catch (const std::exception&) {
      throw std::invalid_argument("--threshold takes a number between 0 and 1");
    }
  }
  return options;
}

// Where the output for `input` goes under `dir`: the input's own path
// mirrored below it, so inputs from different folders never collide.
std::string OutputPath(const std::string& dir, const std::string& input, const std::string& ext) {
  std::filesystem::path rel = input == "-" ? "stdin" : std::filesystem::path(input).relative_path();
  std::string clean;
  for (const auto& part : rel) {
    if (part == "..") continue;
    if (part == ".") continue;
    clean += (clean.empty() ? "" : "/") + part.string();
  }
  return (std::filesystem::path(dir) / (clean + ext)).string();
}

}  // namespace

int RunBatchCommand(const BatchCommand& command, int argc, char** argv, int first) {
  Flags flags(command.synopsis, StageFlags(command));
  std::string error;
  if (!flags.Parse(argc, argv, first, &error)) {
    std::fprintf(stderr, "vnplan %s: %s\n(see 'vnplan %s --help')\n", command.name.c_str(),
                 error.c_str(), command.name.c_str());
    return 2;
  }
  if (flags.help_requested()) {
    std::fputs(flags.Help().c_str(), stdout);
    return 0;
  }
  std::vector<std::string> inputs = flags.positional();
  if (inputs.empty()) {
    if (!command.reads_stdin) {
      std::fprintf(stderr, "vnplan %s: no input (see 'vnplan %s --help')\n", command.name.c_str(),
                   command.name.c_str());
      return 2;
    }
    inputs.push_back("-");
  }
  std::string out_dir = flags.Get("out", flags.Get("o"));
  if (flags.Has("resume") && out_dir.empty()) {
    std::fprintf(stderr, "vnplan %s: --resume needs --out DIR\n", command.name.c_str());
    return 2;
  }

  int failures = 0;
  std::vector<std::string> expand_errors;
  std::vector<std::string> paths = ExpandInputs(inputs, &expand_errors);
  for (const auto& e : expand_errors) std::fprintf(stderr, "vnplan: %s\n", e.c_str());
  failures += static_cast<int>(expand_errors.size());

  std::unique_ptr<Pipeline> pipeline;
  int jobs = 0;
  try {
    jobs = flags.GetInt("jobs", 0);
    if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    // Each OCR worker loads a Tesseract engine: no more than the pages. The
    // text commands have no OCR stage and need not look at the inputs.
    int ocr_jobs = command.reads_stdin
                       ? 1
                       : static_cast<int>(std::max<size_t>(
                             1, PagesToRecognize(paths, static_cast<size_t>(jobs))));
    pipeline = std::make_unique<Pipeline>(OptionsFrom(command, flags, ocr_jobs));
  } catch (const std::invalid_argument& e) {
    std::fprintf(stderr, "vnplan %s: %s\n", command.name.c_str(), e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "vnplan %s: %s\n", command.name.c_str(), e.what());
    return 1;
  }

  auto skip = [&](const std::string& path) {
    return flags.Has("resume") &&
           std::filesystem::exists(OutputPath(out_dir, path, command.extension));
  };
  const bool many = paths.size() > 1;
  size_t done = 0, skipped = 0;
  auto sink = [&](BatchResult& r) {
    if (r.status == BatchResult::Status::kSkipped) {
      ++skipped;
      return;
    }
    if (r.status == BatchResult::Status::kFailed) {
      std::fprintf(stderr, "vnplan: %s\n", r.error.c_str());
      return;
    }
    // Warnings go to stderr too: text outputs have nowhere else to carry
    // them, and a batch log should show every file that needs a look.
    for (const auto& d : r.doc.diagnostics) {
      std::string page = d.page > 0 ? ": page " + std::to_string(d.page) : "";
      std::fprintf(stderr, "vnplan: %s%s: %s (%s): %s\n", r.path.c_str(), page.c_str(),
                   d.severity.c_str(), d.stage.c_str(), d.message.c_str());
    }
    try {
      if (!out_dir.empty()) {
        std::string out = OutputPath(out_dir, r.path, command.extension);
        WriteFileAtomically(out, command.render(r.doc, flags));
        if (command.extra) command.extra(r.doc, flags, out);
      } else if (many && command.render_line) {
        std::string line = command.render_line(r.doc, flags);
        std::fwrite(line.data(), 1, line.size(), stdout);
      } else {
        if (many) std::printf("==> %s <==\n", r.path.c_str());
        std::string content = command.render(r.doc, flags);
        std::fwrite(content.data(), 1, content.size(), stdout);
        if (command.extra) command.extra(r.doc, flags, "");
      }
      ++done;
    } catch (const std::exception& e) {
      std::fprintf(stderr, "vnplan: %s\n", e.what());
      ++failures;
    }
    std::fflush(stdout);
  };
  failures += RunBatch(*pipeline, paths, jobs, skip, sink);
  if (many || failures > 0) {
    std::fprintf(stderr, "vnplan %s: %zu done, %d failed, %zu skipped\n", command.name.c_str(),
                 done, failures, skipped);
  }
  return failures > 0 ? 1 : 0;
}

}  // namespace vnplan
