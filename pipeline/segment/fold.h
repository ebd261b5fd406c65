// FoldedText: a copy of UTF-8 text reduced to ASCII for diacritic-blind
// matching, with a map back to byte offsets of the source.
//
// Every Vietnamese letter becomes its base letter ("Quyết định" -> "Quyet
// dinh", "Đ" -> "D"), combining marks vanish, dashes and odd spaces become
// '-' and ' ', and any other non-ASCII code point becomes '#'. Line breaks are
// kept, so patterns can still tell lines apart or match across them. OCR text
// that lost its marks ("Quyet dinh so 23/QD-TTg") folds to the same string as
// the correct text, which is why the extractors match on the folded copy.
//
// `cased` keeps letter case (for rules that look at capitals), `lower` is the
// same text lowercased; both have one byte per folded character, so offsets
// into either are interchangeable. Folding is linear in the input.
//
// It lives with the segment stage, the first to need it; the extractors run
// after segmentation, link its library and use this same code.
#ifndef VNPLAN_PIPELINE_SEGMENT_FOLD_H_
#define VNPLAN_PIPELINE_SEGMENT_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

class FoldedText {
 public:
  explicit FoldedText(std::string_view source);

  const std::string& cased() const { return cased_; }
  const std::string& lower() const { return lower_; }
  size_t size() const { return lower_.size(); }

  // Byte offset in the source of folded offset `i` (0 <= i <= size()); an
  // offset at size() maps to the end of the source.
  size_t Source(size_t i) const { return origin_[i]; }
  // Folded offset of source byte `s` (the first folded byte at or after it).
  size_t Folded(size_t s) const;

 private:
  std::string cased_;
  std::string lower_;
  std::vector<uint32_t> origin_;
};

// The folded byte of one code point as FoldedText makes it (case kept), or 0
// for one that folding drops (a combining mark): for scanners that fold as
// they go instead of copying the text.
char FoldCodePoint(char32_t cp);

// FoldCodePoint of the code point at s[*pos], advancing *pos past it; ASCII
// takes a fast path, as it is most of any Vietnamese text's bytes.
char NextFoldedChar(std::string_view s, size_t* pos);

// The lowercase folded form of `s`, without the offset map.
std::string Fold(std::string_view s);

// The canonical-key form of `s`: folded, lowercase, runs of anything but
// [a-z0-9] replaced by one '-', no leading or trailing '-'.
std::string Slug(std::string_view s);

// `s` folded, lowercase, with runs of non-alphanumerics (other than '&')
// reduced to single spaces and trimmed: the form names are compared in.
std::string NameKey(std::string_view s);

// `s` with runs of whitespace (including line breaks and no-break spaces)
// collapsed to one space and trimmed.
std::string CollapseSpace(std::string_view s);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_SEGMENT_FOLD_H_
