#include "pipeline/repair/repair_stage.h"

#include <optional>
#include <string>

#include "pipeline/error.h"
#include "pipeline/repair/encoding_repair.h"
#include "pipeline/repair/legacy_encoding.h"
#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/unicode_cleanup.h"
#include "pipeline/repair/vietnamese_syllable.h"

namespace vnplan {
namespace {

std::string EncodingsDir(const RepairOptions& options) {
  return options.models_dir + "/repair/encodings";
}

std::optional<Encoding> Forced(const RepairOptions& options) {
  if (options.encoding.empty()) return std::nullopt;
  Encoding e;
  if (!ParseEncoding(options.encoding, &e)) {
    throw Error("", "unknown encoding '" + options.encoding +
                        "' (known: utf-8, tcvn3, vni, viqr, viscii, cp1258, mojibake)");
  }
  return e;
}

class RepairStage : public Stage {
 public:
  explicit RepairStage(const RepairOptions& options)
      : options_(options),
        syllables_(EncodingsDir(options)),
        codecs_(EncodingsDir(options), syllables_),
        decoder_(codecs_, syllables_, Forced(options)),
        cleanup_(EncodingsDir(options), syllables_, options.tone) {}

  const char* name() const override { return "repair"; }

  void Run(Document& doc) const override {
    DecodedText decoded = decoder_.Run(doc.original_text, doc);
    Rewrite result = Compose(decoded.rewrite, cleanup_.Run(decoded.rewrite.text));
    for (RepairEdit& e : result.edits) e.uncertain = e.confidence < options_.confidence_threshold;
    doc.encoding = std::move(decoded.encoding);
    doc.text = std::move(result.text);
    doc.repairs = std::move(result.edits);
  }

 private:
  RepairOptions options_;
  VietnameseSyllables syllables_;
  LegacyCodecs codecs_;
  EncodingRepair decoder_;
  UnicodeCleanup cleanup_;
};

}  // namespace

std::unique_ptr<Stage> MakeRepairStage(const RepairOptions& options) {
  return std::make_unique<RepairStage>(options);
}

}  // namespace vnplan
