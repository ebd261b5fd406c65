// The closing of an official document: the signature block and the "Nơi
// nhận" recipients list, read from the zones the segment stage found
// (Document::layout.signature and layout.recipients; see
// pipeline/segment/layout.h for how two-column closings are split).
//
// Contract (both functions):
//  - Pure: read `doc` and `model` only; safe from several threads at once.
//  - Every field found carries the SourceSpan of its text.
//  - What is not there stays empty, with one message per missing item
//    appended to `warnings` (the caller files them with Document::Warn);
//    a zone missing altogether, or a list without entries, the segment
//    stage has already reported, so nothing is appended for it.
#ifndef VNPLAN_EXTRACTORS_SIGNATURE_H_
#define VNPLAN_EXTRACTORS_SIGNATURE_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {

// authority: the line opening with KT./TM./Q./TL./TUQ. ("KT. CHỦ TỊCH",
// "TM. ỦY BAN NHÂN DÂN"), joined with a wrapped continuation; title: the
// capitalised line after it, or the first one when there is no authority
// ("TRƯỞNG PHÒNG"); name: the signer, a line of capitalised words
// ("Nguyễn Văn A"). Notes such as "(Đã ký)" are skipped.
Signature ExtractSignature(const Document& doc, const SegmentModel& model,
                           std::vector<std::string>* warnings);

// One Field per entry of the list, in order, its bullet and closing ';' or
// '.' removed, wrapped lines joined: "UBND tỉnh (b/c)", ..., "Lưu: VT, TH".
// A list that does not end with the archive entry ("Lưu") is warned of.
std::vector<Field> ExtractRecipients(const Document& doc, const SegmentModel& model,
                                     std::vector<std::string>* warnings);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_SIGNATURE_H_
