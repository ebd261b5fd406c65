#include "extractors/extract_stage.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "extractors/agencies.h"
#include "extractors/context.h"
#include "extractors/cues.h"
#include "extractors/dates.h"
#include "extractors/header.h"
#include "extractors/references.h"
#include "extractors/signature.h"
#include "extractors/targets.h"
#include "extractors/tasks.h"
#include "pipeline/line_index.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {
namespace {

class ExtractStage : public Stage {
 public:
  explicit ExtractStage(const ExtractOptions& options)
      : segment_model_(SegmentModel::Load(options.models_dir)),
        cues_(Cues::Load(options.models_dir + "/extract/cues.tsv")),
        dates_(cues_),
        gazetteer_(Gazetteer::Load(options.models_dir + "/extract/agencies.tsv")),
        references_(options.models_dir, cues_, dates_, gazetteer_),
        tasks_(cues_, dates_),
        targets_(cues_) {}

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

    FoldedText folded(doc.text);
    LineIndex index(doc);
    // The plan's level, for the bodies it names without theirs: that of the
    // body that issues it, the last of the issuers.
    std::string level;
    for (auto it = doc.header.issuers.rbegin(); it != doc.header.issuers.rend() && level.empty();
         ++it) {
      level = gazetteer_.LevelOf(it->name.value);
    }
    std::vector<AgencyMention> mentions = gazetteer_.Find(doc.text, level);
    ExtractContext ctx{doc, folded, index, mentions};
    ctx.preamble_begin = doc.layout.body.empty() ? 0 : doc.layout.body.begin;
    ctx.preamble_end = doc.layout.body.empty() ? doc.text.size() : doc.layout.body.end;
    for (const Section& s : doc.sections) {
      if (s.parent < 0 && s.span.begin >= ctx.preamble_begin) {
        ctx.preamble_end = std::min(ctx.preamble_end, s.span.begin);
        break;
      }
    }
    doc.agencies = CollectAgencies(mentions, doc.text, index);
    doc.references = references_.Extract(ctx);
    for (const Reference& r : doc.references) {
      if (r.legal_basis) doc.header.legal_basis.push_back(r.id);
    }
    doc.tasks = tasks_.Extract(ctx, doc.references);
    if (doc.tasks.empty()) warnings.push_back("no tasks found");
    doc.targets = targets_.Extract(ctx);
    // A target's agency is the lead of the task that takes it on ("Chủ trì
    // thực hiện chỉ tiêu 7").
    for (Target& target : doc.targets) {
      for (const Task& task : doc.tasks) {
        if (!target.agency.empty()) break;
        if (std::find(task.indicators.begin(), task.indicators.end(), target.number) ==
            task.indicators.end()) {
          continue;
        }
        for (const AgencyRole& r : task.agencies) {
          if (r.role == "lead" && target.agency.empty()) target.agency = r.agency;
        }
      }
    }
    if (doc.references.empty()) warnings.push_back("no cited documents found");
    if (doc.agencies.empty()) warnings.push_back("no agencies found");
    for (std::string& w : warnings) doc.Warn(name(), std::move(w));
  }

 private:
  SegmentModel segment_model_;
  Cues cues_;
  DateReader dates_;  // After cues_, which it reads.
  Gazetteer gazetteer_;
  ReferenceExtractor references_;
  TaskExtractor tasks_;
  TargetExtractor targets_;
};

}  // namespace

std::unique_ptr<Stage> MakeExtractStage(const ExtractOptions& options) {
  return std::make_unique<ExtractStage>(options);
}

}  // namespace vnplan
