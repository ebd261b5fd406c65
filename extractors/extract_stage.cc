#include "extractors/extract_stage.h"

#include <string>
#include <utility>
#include <vector>

#include "extractors/header.h"
#include "extractors/signature.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {
namespace {

class ExtractStage : public Stage {
 public:
  explicit ExtractStage(const ExtractOptions& options)
      : segment_model_(SegmentModel::Load(options.models_dir)) {}

  const char* name() const override { return "extract"; }

  void Run(Document& doc) const override {
    doc.header = Header{};
    doc.references.clear();
    doc.agencies.clear();
    doc.tasks.clear();
    doc.targets.clear();
    doc.signature = Signature{};
    doc.recipients.clear();
    if (doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
      doc.Warn(name(), "no text to extract from");
      return;
    }
    std::vector<std::string> warnings;
    doc.header = ExtractHeader(doc, segment_model_, &warnings);
    doc.signature = ExtractSignature(doc, segment_model_, &warnings);
    doc.recipients = ExtractRecipients(doc, segment_model_, &warnings);
    for (std::string& w : warnings) doc.Warn(name(), std::move(w));
  }

 private:
  SegmentModel segment_model_;
};

}  // namespace

std::unique_ptr<Stage> MakeExtractStage(const ExtractOptions& options) {
  return std::make_unique<ExtractStage>(options);
}

}  // namespace vnplan
