#include "extractors/header.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "pipeline/line_index.h"
#include "pipeline/segment/fold.h"
#include "pipeline/segment/layout.h"

namespace vnplan {
namespace {

bool IsDigits(const std::string& s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r'; }

class HeaderReader {
 public:
  HeaderReader(const Document& doc, const SegmentModel& model)
      : doc_(doc), model_(model), index_(doc) {}

  Header Read(std::vector<std::string>* warnings) {
    Header h;
    const SourceSpan& zone = doc_.layout.header;
    if (zone.empty()) return h;  // The segment stage has warned.
    size_t first = index_.LineOf(zone.begin);
    size_t last = index_.LineOf(zone.end - 1);
    size_t type_line = last + 1;
    bool meta_seen = false;  // Issuers precede the number and the date.
    std::vector<Cell> issuer_cells;
    for (size_t l = first; l <= last && l < type_line; ++l) {
      for (Cell cell : SplitCells(index_, l)) {
        std::string_view s = Text(cell);
        std::vector<KeyWord> words = KeyWords(s);
        if (words.empty()) continue;  // An underline.
        if (auto m = model_.motto.Find(words)) {
          // OCR may run the issuer and the motto into one line.
          if (m->first_word > 0 && !meta_seen) {
            cell.end = cell.begin + words[m->first_word - 1].end;
            if (IsUpperText(Text(cell))) issuer_cells.push_back(cell);
          }
          continue;
        }
        if (!h.type.found() && IsUpperText(s) && model_.doc_types.MatchWhole(words)) {
          auto t = model_.doc_types.MatchWhole(words);
          h.type = {model_.doc_types.value(t->phrase), Span(cell)};
          type_line = l;
          break;
        }
        // OCR that lost the column gap puts the number and the date in one
        // cell: "Số: 52/KH-UBND Quảng Ninh, ngày 08 tháng 3 năm 2021".
        size_t number_end = 0;
        if (!h.number.found() && !h.symbol.found()) number_end = ReadNumber(cell, words, &h);
        if (number_end > 0) meta_seen = true;
        if (!h.date.found() && ReadDate(cell, words, number_end, &h)) {
          meta_seen = true;
          continue;
        }
        if (number_end > 0) continue;
        // A body's name has neither digits nor the ':' and '/' of a number
        // line whose label OCR damaged ("S6: 15/KH-UBND").
        if (!meta_seen && IsUpperText(s) && s.find_first_of("0123456789:/") == s.npos) {
          issuer_cells.push_back(cell);
        }
      }
    }
    BuildIssuers(issuer_cells, &h);
    if (type_line <= last) ReadTitle(type_line + 1, last, &h);

    if (h.issuers.empty()) warnings->push_back("header: no issuing body found");
    if (!h.number.found()) warnings->push_back("header: no document number found");
    if (!h.symbol.found()) warnings->push_back("header: no document symbol found");
    if (!h.place.found()) warnings->push_back("header: no place found");
    if (!h.date.found()) warnings->push_back("header: no date found");
    if (!h.type.found()) warnings->push_back("header: no document type line found");
    if (!h.title.found()) warnings->push_back("header: no title found");
    return h;
  }

 private:
  std::string_view Text(const Cell& c) const {
    return std::string_view(doc_.text).substr(c.begin, c.end - c.begin);
  }
  SourceSpan Span(const Cell& c) const { return index_.Span(c.begin, c.end); }
  Field MakeField(size_t begin, size_t end) const {
    return {CollapseSpace(std::string_view(doc_.text).substr(begin, end - begin)),
            index_.Span(begin, end)};
  }

  // "Số: 15/KH-UBND", "Số 15 /KH - UBND", "Số:    /KH-UBND" (not numbered
  // yet: symbol only). Returns the offset in the cell where what it read
  // ends, 0 when the cell holds no number.
  size_t ReadNumber(const Cell& cell, const std::vector<KeyWord>& words, Header* h) const {
    auto m = model_.number_label.MatchAt(words, 0);
    if (!m || words.size() <= m->words) return 0;
    std::string_view s = Text(cell);
    size_t i = words[m->words - 1].end;
    while (i < s.size() && (IsSpace(s[i]) || s[i] == ':' || s[i] == '.')) ++i;
    size_t number_begin = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    size_t number_end = i;
    if (number_end > number_begin && i < s.size() &&
        std::isalpha(static_cast<unsigned char>(s[i]))) {
      number_end = ++i;  // "15a"
    }
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '/') {
      if (number_end == number_begin) return 0;
      h->number = MakeField(cell.begin + number_begin, cell.begin + number_end);
      return number_end;
    }
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    // The symbol runs to the first space that is not OCR spacing around a
    // '-' or '/' ("KH - UBND").
    size_t symbol_begin = i, symbol_end = i;
    std::string symbol;
    while (i < s.size()) {
      if (IsSpace(s[i])) {
        size_t j = i;
        while (j < s.size() && IsSpace(s[j])) ++j;
        bool joins = j < s.size() && !symbol.empty() &&
                     (symbol.back() == '-' || symbol.back() == '/' || s[j] == '-' || s[j] == '/');
        if (!joins) break;
        i = j;
        continue;
      }
      symbol.push_back(s[i++]);
      symbol_end = i;
    }
    while (!symbol.empty() && (symbol.back() == '.' || symbol.back() == ',')) {
      symbol.pop_back();
      --symbol_end;
    }
    if (number_end > number_begin) {
      h->number = MakeField(cell.begin + number_begin, cell.begin + number_end);
    }
    if (!KeyWords(symbol).empty()) {
      h->symbol = {symbol, index_.Span(cell.begin + symbol_begin, cell.begin + symbol_end)};
    }
    if (h->symbol.found()) return symbol_end;
    return h->number.found() ? number_end : 0;
  }

  // "Quảng Trị, ngày 05 tháng 4 năm 2023" or "Quảng Trị, ngày 05/4/2023";
  // the place starts at offset `from` of the cell.
  bool ReadDate(const Cell& cell, const std::vector<KeyWord>& words, size_t from, Header* h) const {
    for (size_t i = 0; i + 3 < words.size(); ++i) {
      if (words[i].begin < from || !model_.day.MatchAt(words, i) || !IsDigits(words[i + 1].text)) {
        continue;
      }
      size_t d = i + 1, m, y;
      if (i + 5 < words.size() && model_.month.MatchAt(words, i + 2) &&
          model_.year.MatchAt(words, i + 4)) {
        m = i + 3;
        y = i + 5;
      } else {
        m = i + 2;
        y = i + 3;
      }
      if (!IsDigits(words[m].text) || !IsDigits(words[y].text) || words[y].text.size() != 4 ||
          words[d].text.size() > 2 || words[m].text.size() > 2) {
        continue;
      }
      int day = std::stoi(words[d].text), month = std::stoi(words[m].text);
      int year = std::stoi(words[y].text);
      if (day < 1 || day > 31 || month < 1 || month > 12) continue;
      char iso[16];
      std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
      h->date = {iso, index_.Span(cell.begin + words[i].begin, cell.begin + words[y].end)};
      std::string_view s = Text(cell).substr(0, words[i].begin);
      // A place is words; what precedes it in the cell is a number or code
      // ("S6: 52/KH-UBND Quang Ninh" when OCR damaged the "Số" label).
      for (size_t chunk = from; chunk < s.size();) {
        size_t end = std::min(s.find_first_of(" \t", chunk), s.size());
        if (s.substr(chunk, end - chunk).find_first_of("0123456789/:") != std::string::npos) {
          from = end;
        }
        chunk = end + 1;
      }
      size_t begin = s.find_first_not_of(" \t", from);
      size_t end = s.find_last_not_of(" \t,");
      if (begin != std::string_view::npos && end != std::string_view::npos && end >= begin) {
        h->place = MakeField(cell.begin + begin, cell.begin + end + 1);
      }
      return true;
    }
    return false;
  }

  // Cells joined by single spaces, spanning the first cell's start to the
  // last one's end (in two-column lines other text lies between them).
  Field JoinCells(const std::vector<Cell>& cells) const {
    std::string value;
    for (const Cell& c : cells) value += std::string(Text(c)) + " ";
    return {CollapseSpace(value), index_.Span(cells.front().begin, cells.back().end)};
  }

  void BuildIssuers(const std::vector<Cell>& cells, Header* h) const {
    std::vector<Cell> body;
    bool joins_next = false;
    auto flush = [&] {
      if (body.empty()) return;
      Issuer issuer;
      issuer.name = JoinCells(body);
      issuer.level = static_cast<int>(h->issuers.size());
      h->issuers.push_back(std::move(issuer));
      body.clear();
    };
    for (const Cell& cell : cells) {
      std::vector<KeyWord> words = KeyWords(Text(cell));
      bool continues = !body.empty() && (joins_next || model_.units.MatchAt(words, 0) ||
                                         model_.joiners.MatchAt(words, 0));
      if (!continues) flush();
      body.push_back(cell);
      char tail = Text(cell).back();
      joins_next = (!words.empty() && model_.joiners.MatchAt(words, words.size() - 1)) ||
                   tail == '-' || tail == '&';
    }
    flush();
  }

  void ReadTitle(size_t from, size_t last, Header* h) const {
    std::vector<Cell> cells;
    for (size_t l = from; l <= last; ++l) {
      for (const Cell& cell : SplitCells(index_, l)) {
        if (!KeyWords(Text(cell)).empty()) cells.push_back(cell);
      }
    }
    if (!cells.empty()) h->title = JoinCells(cells);
  }

  const Document& doc_;
  const SegmentModel& model_;
  LineIndex index_;
};

}  // namespace

Header ExtractHeader(const Document& doc, const SegmentModel& model,
                     std::vector<std::string>* warnings) {
  return HeaderReader(doc, model).Read(warnings);
}

}  // namespace vnplan
