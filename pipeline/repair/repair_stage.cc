#include "pipeline/repair/repair_stage.h"

#include <string>

#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/unicode_cleanup.h"
#include "pipeline/repair/vietnamese_syllable.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

// Reporting every bad byte of a binary file would drown the other warnings.
constexpr int kMaxByteWarnings = 10;

// Replaces each ill-formed UTF-8 byte by U+FFFD and says where it was.
Rewrite ReplaceInvalidUtf8(std::string_view text, Document& doc) {
  RewriteBuilder b(text);
  size_t bad = 0;
  for (size_t at = FindInvalidUtf8(text); at != std::string_view::npos;) {
    if (++bad <= kMaxByteWarnings) {
      doc.Warn("repair",
               "invalid UTF-8 byte at offset " + std::to_string(at) + ", replaced with U+FFFD");
    }
    b.CopyTo(at);
    b.Replace(1, "\xEF\xBF\xBD", "invalid-utf8", 0);
    size_t rest = FindInvalidUtf8(text.substr(at + 1));
    at = rest == std::string_view::npos ? rest : at + 1 + rest;
  }
  if (bad > kMaxByteWarnings) {
    doc.Warn("repair", std::to_string(bad) + " invalid UTF-8 bytes in all");
  }
  return b.Finish();
}

class RepairStage : public Stage {
 public:
  explicit RepairStage(const RepairOptions& options)
      : options_(options),
        syllables_(EncodingsDir(options)),
        cleanup_(EncodingsDir(options), syllables_, options.tone) {}

  const char* name() const override { return "repair"; }

  void Run(Document& doc) const override {
    Rewrite decoded = ReplaceInvalidUtf8(doc.original_text, doc);
    Rewrite result = Compose(decoded, cleanup_.Run(decoded.text));
    for (RepairEdit& e : result.edits) e.uncertain = e.confidence < options_.confidence_threshold;
    doc.encoding = "utf-8";
    doc.text = std::move(result.text);
    doc.repairs = std::move(result.edits);
  }

 private:
  static std::string EncodingsDir(const RepairOptions& options) {
    return options.models_dir + "/repair/encodings";
  }

  RepairOptions options_;
  VietnameseSyllables syllables_;
  UnicodeCleanup cleanup_;
};

}  // namespace

std::unique_ptr<Stage> MakeRepairStage(const RepairOptions& options) {
  return std::make_unique<RepairStage>(options);
}

}  // namespace vnplan
