// The batch subcommands: each is a BatchCommand saying how far the pipeline
// runs and how a Document is printed.
#include "pipeline/cli/commands.h"

#include <string>

#include "pipeline/atomic_file.h"
#include "pipeline/cli/batch_command.h"
#include "pipeline/json_output.h"

namespace vnplan {
namespace {

std::string JsonLine(const Document& doc, const JsonOptions& options) {
  return DocumentJson(doc, options, -1) + "\n";
}

std::string PrettyJson(const Document& doc, const JsonOptions& options) {
  return DocumentJson(doc, options) + "\n";
}

JsonOptions RunJsonOptions(const Flags& flags) {
  JsonOptions options;
  options.ocr_lines = !flags.Has("no-ocr-lines");
  return options;
}

// The repair log alone: what `repair --report` writes.
std::string RepairReport(const Document& doc) {
  JsonOptions options;
  options.ocr_lines = false;
  nlohmann::ordered_json full = ToJson(doc, options);
  nlohmann::ordered_json report;
  report["schema_version"] = full["schema_version"];
  report["source"] = full["source"];
  report["encoding"] = doc.encoding;
  report["repairs"] = full["repairs"];
  report["diagnostics"] = full["diagnostics"];
  return Dump(report) + "\n";
}

}  // namespace

int RunCommand(int argc, char** argv, int first) {
  BatchCommand c;
  c.name = "run";
  c.synopsis =
      "Usage: vnplan run [OPTIONS] INPUT...\n"
      "\n"
      "Runs every stage (OCR, repair, segment, extract) on each INPUT (page images,\n"
      "PDFs, text files, or directories of them) and writes the plan as JSON: to\n"
      "stdout (one pretty document, or one document per line for several inputs),\n"
      "or one INPUT.json per input under --out.";
  c.extra_flags = {{"no-ocr-lines", "", "Leave per-line OCR boxes and confidences out"}};
  c.extension = ".json";
  c.render = [](const Document& d, const Flags& f) { return PrettyJson(d, RunJsonOptions(f)); };
  c.render_line = [](const Document& d, const Flags& f) { return JsonLine(d, RunJsonOptions(f)); };
  return RunBatchCommand(c, argc, argv, first);
}

int OcrCommand(int argc, char** argv, int first) {
  BatchCommand c;
  c.name = "ocr";
  c.synopsis =
      "Usage: vnplan ocr [OPTIONS] INPUT...\n"
      "\n"
      "Recognises page images (PNG, JPEG, TIFF, PNM, BMP, WebP) and PDFs with\n"
      "Tesseract's Vietnamese model after Leptonica preprocessing, and prints the\n"
      "text; --json prints each page's lines with boxes and confidences instead.";
  c.last = LastStage::kOcr;
  c.extra_flags = {{"json", "", "Print pages, lines, boxes and confidences as JSON"}};
  c.extension = ".txt";
  c.render = [](const Document& d, const Flags& f) {
    if (f.Has("json")) {
      return OcrJson(d) + "\n";
    }
    std::string text = d.original_text;
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text;
  };
  return RunBatchCommand(c, argc, argv, first);
}

int RepairCommand(int argc, char** argv, int first) {
  BatchCommand c;
  c.name = "repair";
  c.synopsis =
      "Usage: vnplan repair [OPTIONS] [FILE|-]...\n"
      "\n"
      "Repairs damaged Vietnamese text (legacy encodings, decomposed Unicode,\n"
      "diacritics lost to OCR) and prints it as NFC UTF-8, line for line. With\n"
      "--report FILE (or - for stderr) the change log is written as JSON: offset,\n"
      "before, after, kind, confidence of every change.";
  c.last = LastStage::kRepair;
  c.reads_stdin = true;
  c.extra_flags = {{"report", "FILE", "Write the change log as JSON to FILE (- for stderr)"}};
  c.extension = ".txt";
  c.render = [](const Document& d, const Flags&) { return d.text; };
  c.extra = [](const Document& d, const Flags& f, const std::string& out_path) {
    if (!f.Has("report")) return;
    std::string report = RepairReport(d);
    std::string target = f.Get("report");
    if (!out_path.empty()) {
      // One report per input beside its text when writing a batch to --out.
      WriteFileAtomically(out_path.substr(0, out_path.size() - 4) + ".repair.json", report);
    } else if (target == "-") {
      std::fwrite(report.data(), 1, report.size(), stderr);
    } else {
      WriteFileAtomically(target, report);
    }
  };
  return RunBatchCommand(c, argc, argv, first);
}

int ExtractCommand(int argc, char** argv, int first) {
  BatchCommand c;
  c.name = "extract";
  c.synopsis =
      "Usage: vnplan extract [OPTIONS] [FILE|-]...\n"
      "\n"
      "Repairs, segments and extracts plan text (standard input when no FILE):\n"
      "header, parts, tasks, cited documents, agencies, targets, signature and\n"
      "recipients, as the JSON of 'vnplan run'.";
  c.reads_stdin = true;
  c.extension = ".json";
  JsonOptions options;
  options.ocr_lines = false;
  c.render = [options](const Document& d, const Flags&) { return PrettyJson(d, options); };
  c.render_line = [options](const Document& d, const Flags&) { return JsonLine(d, options); };
  return RunBatchCommand(c, argc, argv, first);
}

}  // namespace vnplan
