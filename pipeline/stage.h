// A Stage does one job to a Document: OCR, repair, segment or extract.
//
// Contract:
//  - Run() reads the fields earlier stages filled and fills its own (see
//    document.h for who owns which field). It never modifies fields owned by
//    another stage.
//  - A problem confined to part of the document (one page unreadable, a field
//    not found) becomes a Diagnostic on the document and Run() returns.
//  - A problem that leaves nothing to work with (corrupt file, no page
//    decodable) throws vnplan::Error naming the file and the reason; the
//    caller records it and moves on to the next file.
//  - A Stage holds configuration and read-only models only, so one instance
//    may serve many documents; Run() must be safe to call from several threads
//    at once on different documents.
#ifndef VNPLAN_PIPELINE_STAGE_H_
#define VNPLAN_PIPELINE_STAGE_H_

#include "pipeline/document.h"

namespace vnplan {

class Stage {
 public:
  virtual ~Stage() = default;
  virtual const char* name() const = 0;
  virtual void Run(Document& doc) const = 0;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_STAGE_H_
