// ExtractContext: what the extractors of one document share, built once by
// the extract stage: the folded text (pipeline/segment/fold.h) every pattern
// runs on, the line index for spans, the agency mentions, and the zones.
// Offsets named `*_begin`/`*_end` are bytes of Document::text.
#ifndef VNPLAN_EXTRACTORS_CONTEXT_H_
#define VNPLAN_EXTRACTORS_CONTEXT_H_

#include <cstddef>
#include <string_view>
#include <vector>

#include "extractors/agencies.h"
#include "pipeline/document.h"
#include "pipeline/line_index.h"
#include "pipeline/segment/fold.h"

namespace vnplan {

struct ExtractContext {
  const Document& doc;
  const FoldedText& folded;
  const LineIndex& index;
  const std::vector<AgencyMention>& agencies;  // In text order.
  // The preamble: from the body's start to its first numbered part (or the
  // body's end when it has none). Its "Căn cứ…" paragraphs cite the basis.
  size_t preamble_begin = 0, preamble_end = 0;

  // Folded text of source bytes [begin, end).
  std::string_view Folded(size_t begin, size_t end) const {
    size_t b = folded.Folded(begin), e = folded.Folded(end);
    return std::string_view(folded.lower()).substr(b, e - b);
  }
  // Source offset of a position in a view returned by Folded().
  size_t Source(std::string_view view, size_t at) const {
    return folded.Source(view.data() - folded.lower().data() + at);
  }
  // True when [begin, end) lies in the header, signature or recipients zone.
  bool OutsideBody(size_t begin, size_t end) const {
    for (const SourceSpan* z :
         {&doc.layout.header, &doc.layout.signature, &doc.layout.recipients}) {
      if (!z->empty() && begin < z->end && end > z->begin) return true;
    }
    return false;
  }
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_CONTEXT_H_
