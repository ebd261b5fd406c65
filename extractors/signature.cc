#include "extractors/signature.h"

#include "pipeline/line_index.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/layout.h"
#include "pipeline/segment/numbering.h"

namespace vnplan {
namespace {

std::string_view CellText(const Document& doc, const Cell& c) {
  return std::string_view(doc.text).substr(c.begin, c.end - c.begin);
}

Field CellField(const Document& doc, const LineIndex& index, const Cell& c) {
  return {CollapseSpace(CellText(doc, c)), index.Span(c.begin, c.end)};
}

// "(Đã ký)", "(Ký, ghi rõ họ tên)": notes, not the title or the name.
bool IsNote(std::string_view s, const SegmentModel& model) {
  if (s.front() == '(' || s.back() == ')') return true;
  return model.seal_notes.MatchAt(KeyWords(s), 0).has_value();
}

// "NGUYỄN VĂN AN": two to six words of capital letters only.
bool IsCapitalName(std::string_view s) {
  FoldedText folded(s);
  const std::string& c = folded.cased();
  if (c.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ ") != std::string::npos) return false;
  size_t words = KeyWords(s).size();
  return words >= 2 && words <= 6;
}

}  // namespace

Signature ExtractSignature(const Document& doc, const SegmentModel& model,
                           std::vector<std::string>* warnings) {
  Signature sig;
  LineIndex index(doc);
  std::vector<Cell> cells = SignatureCells(index, doc.layout, model);
  Cell authority{};
  bool authority_open = false;  // A wrapped authority line may continue.
  Field capital_name;
  for (const Cell& cell : cells) {
    std::string_view s = CellText(doc, cell);
    if (IsNote(s, model)) continue;
    std::vector<KeyWord> words = KeyWords(s);
    bool upper = IsUpperText(s);
    // Stacked authorities ("TM. ỦY BAN NHÂN DÂN" over "KT. CHỦ TỊCH"): the
    // one nearest the title is the signer's own.
    if (upper && !sig.title.found() && !sig.name.found() && model.authorities.MatchAt(words, 0)) {
      authority = cell;
      sig.authority = CellField(doc, index, cell);
      authority_open = true;
      continue;
    }
    if (upper && authority_open && model.units.MatchAt(words, 0)) {
      // "TM. ỦY BAN NHÂN DÂN" / "HUYỆN X"
      sig.authority.value += " " + CollapseSpace(s);
      sig.authority.span = index.Span(authority.begin, cell.end);
      continue;
    }
    authority_open = false;
    if (upper && !sig.title.found() && !sig.name.found()) {
      sig.title = CellField(doc, index, cell);
    } else if (upper && !sig.name.found() && sig.title.found() && !capital_name.found() &&
               index.LineOf(cell.begin) == index.LineOf(sig.title.span.end) + 1) {
      // A title wrapped onto the next line ("PHÓ GIÁM ĐỐC" / "PHỤ TRÁCH").
      sig.title.value += " " + CollapseSpace(s);
      sig.title.span = index.Span(sig.title.span.begin, cell.end);
    } else if (LooksLikeName(s)) {
      sig.name = CellField(doc, index, cell);
    } else if (!sig.name.found() && sig.title.found() && IsCapitalName(s) &&
               index.LineOf(cell.begin) >= index.LineOf(sig.title.span.begin) + 2) {
      // Some offices print the name in capitals; the space left for the
      // signature sets it apart from a title wrapped onto a second line.
      capital_name = CellField(doc, index, cell);
    }
  }
  if (!sig.name.found()) sig.name = capital_name;
  if (doc.layout.signature.empty()) return sig;  // The segment stage has warned.
  if (!sig.authority.found()) warnings->push_back("signature: no authority line (KT./TM.)");
  if (!sig.title.found()) warnings->push_back("signature: no signer's title found");
  if (!sig.name.found()) warnings->push_back("signature: no signer's name found");
  return sig;
}

std::vector<Field> ExtractRecipients(const Document& doc, const SegmentModel& model,
                                     std::vector<std::string>* warnings) {
  std::vector<Field> entries;
  LineIndex index(doc);
  MarkReader reader(model);
  std::vector<Cell> cells = RecipientCells(index, doc.layout, model);
  // Entries as [begin, end) pieces of text: an entry may wrap onto lines
  // that carry signature text to their right.
  std::vector<std::vector<Cell>> pieces;
  for (const Cell& cell : cells) {
    std::string_view s = CellText(doc, cell);
    MarkReading r = reader.Read(s);
    if (!r.marks.empty()) {
      pieces.push_back({{cell.begin + r.text_begin, cell.end}});
    } else if (!pieces.empty()) {
      pieces.back().push_back(cell);
    }
  }
  for (const std::vector<Cell>& entry : pieces) {
    std::string value;
    for (const Cell& c : entry) value += std::string(CellText(doc, c)) + " ";
    value = CollapseSpace(value);
    size_t end = entry.back().end;
    while (!value.empty() && (value.back() == ';' || value.back() == '.' || value.back() == ',')) {
      value.pop_back();
      --end;
    }
    value = CollapseSpace(value);
    if (value.empty()) continue;
    entries.push_back({value, index.Span(entry.front().begin, end)});
  }
  // A missing list, or one without entries, the segment stage has warned of;
  // a list that stops short of the archive entry ("Lưu: VT") may have lost
  // its end to the page or to OCR.
  if (!entries.empty() &&
      !model.archive.MatchAt(KeyWords(Utf8Prefix(entries.back().value, 32)), 0)) {
    warnings->push_back("recipients: the list does not end with the archive entry (Lưu)");
  }
  return entries;
}

}  // namespace vnplan
