// The repair stage: Document::original_text (any encoding, any damage) to
// Document::text, correct NFC Vietnamese, with a log of every change.
//
// In order: decode legacy encodings (TCVN3, VNI, VIQR, VISCII, CP1258,
// UTF-8 mis-decoded as Windows-1252/Latin-1, detected per document and per
// stretch of text); normalise Unicode (NFC, one tone-mark placement, strip
// look-alikes, zero-width and odd spaces); restore diacritics and letters
// destroyed by OCR with the statistical model in `models_dir`. Line breaks
// are kept: `text` has exactly as many lines as `original_text`. Text that
// is already correct comes out unchanged except for NFC.
#ifndef VNPLAN_PIPELINE_REPAIR_REPAIR_STAGE_H_
#define VNPLAN_PIPELINE_REPAIR_REPAIR_STAGE_H_

#include <memory>
#include <string>

#include "pipeline/stage.h"

namespace vnplan {

// Where the tone mark goes in syllables like hoa/hoe/huy + tone.
enum class TonePlacement {
  kTraditional,  // "hòa", "thủy": the placement of current official documents.
  kModern,       // "hoà", "thuỷ".
};

struct RepairOptions {
  std::string models_dir;  // Holds the repair model files.
  std::string encoding;    // Force one ("tcvn3", "vni", ...); empty: detect.
  TonePlacement tone = TonePlacement::kTraditional;
  bool restore_diacritics = true;     // Decode OCR damage with the model.
  double confidence_threshold = 0.6;  // Edits below it are flagged uncertain.
};

// Throws vnplan::Error if the model files are missing or corrupt.
std::unique_ptr<Stage> MakeRepairStage(const RepairOptions& options);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_REPAIR_STAGE_H_
