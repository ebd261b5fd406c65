// vnplan: Vietnamese government plans (Kế hoạch) to structured JSON.
//
// The data flow, top-down:
//   pipeline/cli/*.cc      subcommands: parse flags, feed inputs to a batch
//   pipeline/pipeline.h    Load -> Ocr -> Repair -> Segment -> Extract
//   pipeline/document.h    the Document every stage reads and fills
//   pipeline/json_output.h the Document as versioned JSON
#include <malloc.h>

#include <cstdio>
#include <cstring>
#include <string>

#include "pipeline/cli/commands.h"
#include "pipeline/cli/train.h"

namespace {

constexpr char kUsage[] =
    "vnplan " VNPLAN_VERSION
    ": Vietnamese government plans to structured JSON\n"
    "\n"
    "Usage: vnplan COMMAND [OPTIONS] INPUT...\n"
    "\n"
    "Commands:\n"
    "  run      Every stage: scans, PDFs or text to plan JSON\n"
    "  ocr      Page images and PDFs to text (or --json with lines, boxes, confidences)\n"
    "  repair   Damaged Vietnamese text to correct Unicode, with a change log\n"
    "  extract  Plan text to its header, parts, tasks, references, agencies, targets\n"
    "  eval     Score OCR, repair or extraction against ground truth\n"
    "  train    Retrain the repair model on folders of clean documents\n"
    "  version  Print the version\n"
    "\n"
    "'vnplan COMMAND --help' describes a command's options.\n";

}  // namespace

int main(int argc, char** argv) {
  // Page images come and go by the megabyte, and Tesseract allocates as
  // much again per page. glibc hands freed blocks that large back to the
  // kernel, which must map and zero them afresh for the next page; kept,
  // they are reused (a 2-job OCR run's wall time: about 2.5% less). Memory
  // stays at its peak, which every page reaches anyway.
  mallopt(M_MMAP_THRESHOLD, 64 << 20);
  mallopt(M_TRIM_THRESHOLD, 256 << 20);
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") ||
      !std::strcmp(argv[1], "help")) {
    std::fputs(kUsage, argc < 2 ? stderr : stdout);
    return argc < 2 ? 2 : 0;
  }
  std::string command = argv[1];
  if (command == "run") return vnplan::RunCommand(argc, argv, 2);
  if (command == "ocr") return vnplan::OcrCommand(argc, argv, 2);
  if (command == "repair") return vnplan::RepairCommand(argc, argv, 2);
  if (command == "extract") return vnplan::ExtractCommand(argc, argv, 2);
  if (command == "eval") return vnplan::EvalCommand(argc, argv, 2);
  if (command == "train") return vnplan::TrainCommand(argc, argv, 2);
  if (command == "version" || command == "--version") {
    std::puts("vnplan " VNPLAN_VERSION);
    return 0;
  }
  std::fprintf(stderr, "vnplan: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
