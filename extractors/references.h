// Cited legal documents (Document::references).
//
// A citation is a document symbol ("23/QĐ-TTg", "121/2020/QH14", "28-CT/TW")
// with the type named before it ("Quyết định số", "Luật Người cao tuổi số";
// types and their symbol codes in models/extract/doc_types.tsv) or, failing
// that, the type whose code opens the symbol, or the generic type (Công văn)
// after "số"; then optionally its date
// ("ngày 07/01/2021"), issuer ("của Thủ tướng Chính phủ") and subject ("về
// việc…", cues in cues.tsv). Patterns run on the folded text, so citations
// broken across lines or stripped of their marks are found alike.
//
// Contract:
//  - One Reference per distinct document, keyed by the team convention
//    "<type>-<number>-<year>-<symbol without number and year>" (year from the
//    symbol, else the date, else left out), with every mention's span. A
//    mention without a year or without a symbol ("Nghị quyết số 09-NQ/TU",
//    "Nghị quyết số 41") joins the one entry it can only mean; a bare number
//    that matches none is not a citation.
//  - issuer: the body a specific symbol part names (TTg, QH14; issuers.tsv),
//    else the one the text names after "của", else the kind a generic part
//    names (UBND), else a body whose abbreviation is the part (STTTT).
//  - legal_basis: mentioned in a preamble paragraph opening with a cue of
//    role "preamble" (Căn cứ, Thực hiện, Xét đề nghị…).
//  - The document's own number ("Số: 15/KH-UBND") and the header, signature
//    and recipients zones are not citations.
//  - Immutable after construction; Extract is linear in the text.
#ifndef VNPLAN_EXTRACTORS_REFERENCES_H_
#define VNPLAN_EXTRACTORS_REFERENCES_H_

#include <re2/re2.h>

#include <map>
#include <string>
#include <vector>

#include "extractors/agencies.h"
#include "extractors/context.h"
#include "extractors/cues.h"
#include "extractors/dates.h"

namespace vnplan {

class ReferenceExtractor {
 public:
  // Reads models_dir/extract/{doc_types,issuers}.tsv; throws vnplan::Error
  // naming the file on a malformed record. `cues`, `dates` and `gazetteer`
  // must outlive the extractor.
  ReferenceExtractor(const std::string& models_dir, const Cues& cues, const DateReader& dates,
                     const Gazetteer& gazetteer);

  std::vector<Reference> Extract(const ExtractContext& ctx) const;

 private:
  struct DocType {
    std::string name, slug;
  };
  struct SymbolIssuer {
    std::string name;
    bool specific = false;
  };
  struct Mention;

  std::string IssuerOfSymbol(const std::vector<std::string>& parts, bool specific) const;
  bool InPreamble(const ExtractContext& ctx, size_t begin) const;

  const Cues& cues_;
  const DateReader& dates_;
  const Gazetteer& gazetteer_;
  std::vector<DocType> types_;
  std::map<std::string, int> type_by_phrase_;  // Folded words -> types_ index.
  std::map<std::string, int> type_by_code_;    // Folded code ("qd") -> types_ index.
  int generic_type_ = -1;  // Marked '*' in doc_types.tsv: "số 12/UBND-VX" alone.
  std::map<std::string, SymbolIssuer> issuers_;  // Folded part ("ttg", "ct-tw").
  std::unique_ptr<RE2> type_re_;
  RE2 symbol_re_;
  RE2 bare_number_re_;
  RE2 number_word_at_end_;
};

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_REFERENCES_H_
