#include "pipeline/repair/repair_stage.h"

#include <optional>
#include <string>

#include "pipeline/error.h"
#include "pipeline/repair/encoding_repair.h"
#include "pipeline/repair/legacy_encoding.h"
#include "pipeline/repair/restorer.h"
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

// `first` applied to `input`, followed by `second` (whose input is
// first.text). Most passes change nothing in most documents; skipping
// Compose then saves copying the text.
Rewrite Then(std::string_view input, Rewrite first, Rewrite second) {
  if (second.edits.empty()) return first;
  if (first.edits.empty()) return second;
  return Compose(input, first, second);
}

class RepairStage : public Stage {
 public:
  explicit RepairStage(const RepairOptions& options)
      : options_(options),
        syllables_(EncodingsDir(options)),
        codecs_(EncodingsDir(options), syllables_),
        decoder_(codecs_, syllables_, Forced(options)),
        cleanup_(EncodingsDir(options), syllables_, options.tone),
        restorer_(options.restore_diacritics ? Restorer::Load(options.models_dir) : nullptr) {}

  const char* name() const override { return "repair"; }

  void Run(Document& doc) const override {
    DecodedText decoded = decoder_.Run(doc.original_text, doc);
    Rewrite cleaned = cleanup_.Run(decoded.rewrite.text);
    Rewrite result = Then(doc.original_text, std::move(decoded.rewrite), std::move(cleaned));
    // Text in another language has no Vietnamese marks to restore.
    if (restorer_ && decoded.vietnamese) {
      Rewrite restored = PlaceTones(result.text, restorer_->Restore(result.text));
      result = Then(doc.original_text, std::move(result), std::move(restored));
    }
    for (RepairEdit& e : result.edits) e.uncertain = e.confidence < options_.confidence_threshold;
    doc.encoding = std::move(decoded.encoding);
    doc.text = std::move(result.text);
    doc.repairs = std::move(result.edits);
  }

 private:
  // The restorer spells words as its model learnt them; the words it wrote
  // get this document's tone placement like every other word. Rebuilt from
  // the restorer's `input` rather than composed with a third rewrite: a
  // document repaired in every word then holds two edit logs, not four.
  Rewrite PlaceTones(std::string_view input, const Rewrite& restored) const {
    RewriteBuilder b(input);
    b.ReserveEdits(restored.edits.size());
    UnicodeCleanup::Memo memo;
    for (const RepairEdit& e : restored.edits) {
      b.CopyTo(e.original_begin);
      b.Replace(e.original_end - e.original_begin, cleanup_.Run(e.after(restored.text), &memo).text,
                e.kind, e.confidence);
    }
    return b.Finish();
  }

  RepairOptions options_;
  VietnameseSyllables syllables_;
  LegacyCodecs codecs_;
  EncodingRepair decoder_;
  UnicodeCleanup cleanup_;
  std::unique_ptr<Restorer> restorer_;
};

}  // namespace

std::unique_ptr<Stage> MakeRepairStage(const RepairOptions& options) {
  return std::make_unique<RepairStage>(options);
}

}  // namespace vnplan
