#include "pipeline/segment/segment_stage.h"

#include "pipeline/line_index.h"
#include "pipeline/segment/layout.h"
#include "pipeline/segment/numbering.h"
#include "pipeline/segment/sections.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {
namespace {

class SegmentStage : public Stage {
 public:
  explicit SegmentStage(const SegmentOptions& options)
      : model_(SegmentModel::Load(options.models_dir)), reader_(model_) {}

  const char* name() const override { return "segment"; }

  void Run(Document& doc) const override {
    doc.layout = Layout{};
    doc.sections.clear();
    if (doc.text.find_first_not_of(" \t\r\n\f") == std::string::npos) {
      doc.Warn(name(), "no text to segment");
      return;
    }
    LineIndex index(doc);
    Zones zones = FindZones(doc.text, index, model_, reader_);
    doc.layout = zones.layout;
    std::vector<std::string> warnings = std::move(zones.warnings);
    doc.sections = BuildSections(doc.text, index, zones.body_begin, zones.body_end, model_, reader_,
                                 &warnings);
    for (std::string& w : warnings) doc.Warn(name(), std::move(w));
  }

 private:
  SegmentModel model_;
  MarkReader reader_;  // Points into model_.
};

}  // namespace

std::unique_ptr<Stage> MakeSegmentStage(const SegmentOptions& options) {
  return std::make_unique<SegmentStage>(options);
}

}  // namespace vnplan
