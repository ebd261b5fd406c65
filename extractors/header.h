// ExtractHeader: the header of an official document (decree 30/2020/NĐ-CP)
// read from the zone the segment stage found (Document::layout.header).
//
//   UBND TỈNH X                     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
//   SỞ Y                              Độc lập - Tự do - Hạnh phúc
//   Số: 15/KH-SY                      X, ngày 14 tháng 3 năm 2023
//   KẾ HOẠCH
//   Title, on one or more lines
//
// Contract:
//  - Pure: reads `doc` (text, lines, layout) and `model` only; safe to call
//    from several threads at once.
//  - Issuing bodies come out as a hierarchy: the superior body at level 0,
//    the body under it at level 1. A line opening with an administrative
//    unit ("TỈNH QUẢNG TRỊ") or following one ending with "VÀ" continues the
//    body above. The national motto is recognised by SegmentModel::motto
//    (diacritic-blind, OCR-tolerant) and is never an issuer, even when OCR
//    ran it into an issuer line.
//  - number "15", symbol "KH-SY" (spaces OCR put around '-' and '/' are
//    dropped); place "X"; date ISO 8601 "2023-03-14" from "ngày 14 tháng 3
//    năm 2023" or "ngày 14/3/2023"; type the canonical name of the type
//    line ("KẾ HOẠCH" -> "Kế hoạch"); title the lines after the type line,
//    joined by single spaces.
//  - Every field found carries the SourceSpan of the text it came from.
//    Header::legal_basis is left alone (the preamble's references are the
//    extract stage's).
//  - A field that is not there stays empty and one message per missing
//    field is appended to `warnings` (the caller files them with
//    Document::Warn); nothing is guessed. When there is no header zone at
//    all, the segment stage has said so and nothing is appended.
#ifndef VNPLAN_EXTRACTORS_HEADER_H_
#define VNPLAN_EXTRACTORS_HEADER_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/segment/segment_model.h"

namespace vnplan {

Header ExtractHeader(const Document& doc, const SegmentModel& model,
                     std::vector<std::string>* warnings);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_HEADER_H_
