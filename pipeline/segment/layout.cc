#include "pipeline/segment/layout.h"

#include <algorithm>
#include <cctype>

#include "pipeline/segment/fold.h"

namespace vnplan {
namespace {

// The header (issuers, motto, number, date, type, title) fits in this many
// lines of any plan; the closing zone in this many lines from the end.
constexpr size_t kHeaderLines = 40;
constexpr size_t kClosingLines = 400;
// Cells longer than this are prose, never a cue line; bounding them keeps
// the cue checks cheap on pathological input (a 100 MB line).
constexpr size_t kMaxCueCell = 240;
// Cue words open a line within this many bytes.
constexpr size_t kCueWindow = 48;
// A cell starting this many code points from the left margin is in the
// right-hand column (motto, signature).
constexpr size_t kRightColumn = 20;
constexpr size_t kMaxTitleLines = 6;
constexpr size_t kMaxTitleGap = 2;
constexpr size_t kMaxSignatureTitleGap = 3;
constexpr size_t kMaxTitleWords = 6;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool BlankLine(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) { return IsBlank(c); });
}

size_t Column(const LineIndex& index, size_t line, size_t offset) {
  std::string_view s = index.Line(line).substr(0, offset - index.LineStart(line));
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// True when an authority cue ("KT.", "TM.", "Thay mặt") opens words[k]
// of `s` and more words follow it.
bool AuthorityAt(const std::vector<KeyWord>& words, size_t k, std::string_view s,
                 const SegmentModel& model) {
  auto m = model.authorities.MatchAt(words, k);
  if (!m || words.size() < k + m->words + 1) return false;
  size_t after = words[k + m->words - 1].end;
  // Abbreviations carry a period, which OCR often reads as a comma.
  return m->words > 1 || (after < s.size() && (s[after] == '.' || s[after] == ','));
}

// Where in cell text `s` signature text begins that OCR ran into a
// recipients entry for want of a column gap, or npos:
//   "Nơi nhận: KT. CHỦ TỊCH"                  an authority line
//   "- Bộ Y tế; (báo cáo) PHÓ CHỦ TỊCH"       a title in capitals
//   "- Các sở, ban, ngành; Nguyễn Thị Hạnh"   the signer's name
size_t SignatureTail(std::string_view s, const SegmentModel& model) {
  constexpr size_t npos = std::string_view::npos;
  if (s.size() > kMaxCueCell) return npos;
  std::vector<KeyWord> words = KeyWords(s);
  for (size_t k = 1; k < words.size(); ++k) {
    if (AuthorityAt(words, k, s, model) && IsUpperText(s.substr(words[k].begin))) {
      return words[k].begin;
    }
  }
  size_t k = words.size();
  while (k > 0 &&
         IsUpperText(s.substr(words[k - 1].begin, words[k - 1].end - words[k - 1].begin))) {
    --k;
  }
  if (k > 0 && words.size() - k >= 2) {
    std::string_view head = s.substr(0, words[k].begin);
    std::string_view tail = s.substr(words[k].begin);
    size_t last = head.find_last_not_of(" \t");
    bool separated = last != npos && std::string_view(";),:").find(head[last]) != npos;
    if (separated && !IsUpperText(head) && tail.find_first_of(",;:.") == npos) {
      return words[k].begin;
    }
  }
  size_t cut = s.find_last_of(";)");
  if (cut != npos) {
    size_t begin = s.find_first_not_of(" \t", cut + 1);
    if (begin != npos && LooksLikeName(s.substr(begin)) && KeyWords(s.substr(begin)).size() >= 3) {
      return begin;
    }
  }
  return npos;
}

class ZoneFinder {
 public:
  ZoneFinder(std::string_view text, const LineIndex& index, const SegmentModel& model,
             const MarkReader& reader)
      : index_(index), model_(model), reader_(reader), text_(text) {}

  Zones Find() {
    Zones z;
    size_t n = index_.line_count();
    size_t header_end = FindHeader(&z);
    size_t recipients = npos, authority = npos;
    size_t from = std::max(header_end, n > kClosingLines ? n - kClosingLines : 0);
    for (size_t l = from; l < n; ++l) {
      std::vector<Cell> cells = SplitCells(index_, l);
      for (size_t k = 0; k < cells.size(); ++k) {
        std::string_view s = Text(cells[k]);
        if (k == 0 && IsRecipientsLabel(s)) recipients = l;
        if (IsAuthorityLine(s)) authority = l;
      }
    }
    if (recipients == npos) recipients = DamagedRecipientsLabel(from);
    size_t closing = std::min(recipients, authority);
    if (closing == npos) closing = TrailingSignature(header_end);
    size_t closing_begin = closing == npos ? n : closing;
    z.body_begin = header_end;
    z.body_end = closing_begin;
    z.layout.body = SpanOfLines(z.body_begin, z.body_end);
    if (z.layout.body.empty()) z.warnings.push_back("no body text between header and closing");

    size_t recipients_end = recipients == npos ? npos : RecipientsEnd(recipients);
    if (recipients == npos) {
      z.warnings.push_back("no recipients list (Nơi nhận) found");
    } else {
      z.layout.recipients = SpanOfLines(recipients, recipients_end);
      if (recipients_end == recipients + 1) z.warnings.push_back("recipients list has no entries");
    }
    if (closing != npos) {
      z.layout.signature = index_.Span(index_.LineStart(closing_begin), text_.size());
      std::vector<Cell> cells = SignatureCells(index_, z.layout, model_);
      z.layout.signature =
          cells.empty() ? SourceSpan{} : index_.Span(cells.front().begin, cells.back().end);
    }
    if (z.layout.signature.empty()) z.warnings.push_back("no signature block found");
    return z;
  }

 private:
  static constexpr size_t npos = std::string::npos;

  std::string_view Text(const Cell& c) const { return text_.substr(c.begin, c.end - c.begin); }

  SourceSpan SpanOfLines(size_t begin, size_t end) const {
    while (begin < end && BlankLine(index_.Line(begin))) ++begin;
    while (end > begin && BlankLine(index_.Line(end - 1))) --end;
    if (begin >= end) return {};
    return index_.Span(index_.LineStart(begin), index_.LineEnd(end - 1));
  }

  bool StartsBody(std::string_view line) const {
    std::vector<KeyWord> words = KeyWords(line.substr(0, kMaxCueCell));
    return model_.body_starts.MatchAt(words, 0).has_value();
  }

  bool HasMark(std::string_view line) const {
    return !reader_.Read(line.substr(0, kMaxCueCell)).marks.empty();
  }

  bool IsHeaderMeta(std::string_view s) const {
    std::vector<KeyWord> words = KeyWords(s);
    if (words.size() >= 2 && model_.number_label.MatchAt(words, 0)) {
      // "Số: 15/KH-UBND", "Số 15/...", "Số:   /KH-UBND", not "Sở Y tế".
      size_t i = words[0].end;
      bool colon = false;
      while (i < s.size() && (IsBlank(s[i]) || s[i] == ':' || s[i] == '.')) colon |= s[i++] == ':';
      if (colon ||
          (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '/'))) {
        return true;
      }
    }
    for (size_t i = 0; i + 1 < words.size(); ++i) {
      if (model_.day.MatchAt(words, i) &&
          std::isdigit(static_cast<unsigned char>(words[i + 1].text[0]))) {
        return true;
      }
    }
    return false;
  }

  // Sets the header span and returns the line after the header (0 when
  // there is none).
  size_t FindHeader(Zones* z) {
    size_t n = index_.line_count();
    size_t limit = std::min(n, kHeaderLines);
    size_t first = npos, type = npos, meta = npos;
    for (size_t l = 0; l < limit && type == npos; ++l) {
      std::string_view line = index_.Line(l);
      if (BlankLine(line)) continue;
      if (StartsBody(line) || HasMark(line)) break;
      if (first == npos) first = l;
      for (const Cell& cell : SplitCells(index_, l)) {
        std::string_view s = Text(cell);
        if (s.size() > kMaxCueCell) continue;
        if (IsUpperText(s) && model_.doc_types.MatchWhole(KeyWords(s))) type = l;
        if (IsHeaderMeta(s)) meta = l;
      }
    }
    size_t end = npos;
    if (type != npos) {
      size_t title = type + 1;
      // A title set apart by a blank line is told from the preamble by its
      // capitals ("KẾ HOẠCH", "", "THỰC HIỆN CHƯƠNG TRÌNH ...").
      size_t next = title;
      while (next < n && next - title < kMaxTitleGap && BlankLine(index_.Line(next))) ++next;
      if (next > title && next < n && IsUpperText(index_.Line(next).substr(0, kMaxCueCell)) &&
          !HasMark(index_.Line(next))) {
        title = next;
      }
      end = title;
      while (end < n && end - title < kMaxTitleLines) {
        std::string_view line = index_.Line(end);
        if (BlankLine(line) || KeyWords(line.substr(0, kMaxCueCell)).empty()) break;
        if (end > title && (StartsBody(line) || HasMark(line))) break;
        ++end;
      }
      if (end == title) end = type + 1;
    } else if (meta != npos) {
      end = meta + 1;
      z->warnings.push_back("no document type line (e.g. KẾ HOẠCH) in the header");
    }
    if (end == npos) {
      z->warnings.push_back("no header found (no document type, number or date line)");
      return 0;
    }
    z->layout.header = SpanOfLines(first, end);
    return end;
  }

  bool IsRecipientsLabel(std::string_view s) const {
    std::vector<KeyWord> words = KeyWords(Utf8Prefix(s, kCueWindow));
    auto m = model_.recipients_label.MatchAt(words, 0);
    if (!m) return false;
    size_t next = s.find_first_not_of(" \t", words[m->words - 1].end);
    return next == std::string_view::npos || s[next] == ':';
  }

  bool IsAuthorityLine(std::string_view s) const {
    return s.size() <= kMaxCueCell &&
           AuthorityAt(KeyWords(Utf8Prefix(s, kCueWindow)), 0, s, model_) && IsUpperText(s);
  }

  // When OCR garbled the "Nơi nhận:" label beyond recognition, the list is
  // still there: a run of entries ending with the archive entry ("- Lưu:
  // VT."), under a line whose first cell keeps the label's colon.
  size_t DamagedRecipientsLabel(size_t from) const {
    constexpr size_t kLabelColon = 24;
    size_t n = index_.line_count();
    size_t archive = npos;
    for (size_t l = n; l-- > from;) {
      std::string_view line = index_.Line(l);
      MarkReading r = reader_.Read(Utf8Prefix(line, kMaxCueCell));
      if (r.marks.empty() || r.marks[0].style != MarkStyle::kBullet) continue;
      if (model_.archive.MatchAt(KeyWords(Utf8Prefix(line.substr(r.text_begin), kCueWindow)), 0)) {
        archive = l;
      }
      break;
    }
    if (archive == npos) return npos;
    size_t top = archive;
    while (top > from) {
      std::string_view above = index_.Line(top - 1);
      if (BlankLine(above) || !HasMark(above)) break;
      --top;
    }
    if (top == from || BlankLine(index_.Line(top - 1)) || HasMark(index_.Line(top - 1))) {
      return npos;
    }
    std::vector<Cell> cells = SplitCells(index_, top - 1);
    std::string_view label = Utf8Prefix(Text(cells[0]), kLabelColon);
    return label.find(':') != std::string_view::npos ? top - 1 : npos;
  }

  // A closing with neither a recipients label nor an authority line: a
  // person's name as the last line, perhaps under a title ("TRƯỞNG PHÒNG").
  size_t TrailingSignature(size_t from) const {
    size_t l = index_.line_count();
    while (l > from && BlankLine(index_.Line(l - 1))) --l;
    if (l == from) return npos;
    std::vector<Cell> cells = SplitCells(index_, l - 1);
    if (cells.empty() || !LooksLikeName(Text(cells.back()))) return npos;
    size_t name = l - 1;
    size_t up = name;
    while (up > from && name - up < kMaxSignatureTitleGap && BlankLine(index_.Line(up - 1))) --up;
    if (up == from || BlankLine(index_.Line(up - 1))) return name;
    std::vector<Cell> above = SplitCells(index_, up - 1);
    bool title = above.size() == 1 && IsUpperText(Text(above[0])) &&
                 KeyWords(Text(above[0])).size() <= kMaxTitleWords;
    return title ? up - 1 : name;
  }

  // One past the last line of the recipients list that starts at `label`.
  size_t RecipientsEnd(size_t label) const {
    size_t n = index_.line_count();
    size_t last = label;
    bool any = false, gap = false;
    for (size_t l = label + 1; l < n; ++l) {
      std::vector<Cell> cells = ClosingCells(index_, l, model_);
      bool left = !cells.empty() && Column(index_, l, cells[0].begin) < kRightColumn;
      // Scans put blank lines between entries; after a blank line only a
      // new entry continues the list.
      if (cells.empty()) {
        gap = true;
        continue;
      }
      if (!left) continue;
      std::string_view s = Text(cells[0]);
      MarkReading r = reader_.Read(s.substr(0, kMaxCueCell));
      if (!r.marks.empty()) {
        last = l;
        any = true;
        gap = false;
        std::vector<KeyWord> words = KeyWords(s.substr(r.text_begin, kMaxCueCell));
        if (model_.archive.MatchAt(words, 0)) break;
      } else if (any && !gap && !IsUpperText(s) && !LooksLikeName(s)) {
        last = l;
      } else {
        break;
      }
    }
    return last + 1;
  }

  const LineIndex& index_;
  const SegmentModel& model_;
  const MarkReader& reader_;
  std::string_view text_;
};

}  // namespace

std::vector<Cell> SplitCells(const LineIndex& index, size_t line) {
  std::string_view s = index.Line(line);
  size_t base = index.LineStart(line);
  std::vector<Cell> cells;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsBlank(s[i])) ++i;
    if (i >= s.size()) break;
    size_t start = i, end = i;
    while (i < s.size()) {
      if (s[i] == '\t') break;
      if (IsBlank(s[i])) {
        size_t j = i;
        while (j < s.size() && IsBlank(s[j]) && s[j] != '\t') ++j;
        if (j - i >= 3 || (j < s.size() && s[j] == '\t')) break;
        i = j;
        continue;
      }
      ++i;
      end = i;
    }
    cells.push_back({base + start, base + end});
  }
  return cells;
}

bool IsUpperText(std::string_view s) {
  FoldedText folded(s);
  int letters = 0;
  for (char c : folded.cased()) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
  }
  return letters >= 2;
}

bool LooksLikeName(std::string_view s) {
  constexpr size_t kMaxNameBytes = 80;
  if (s.size() > kMaxNameBytes) return false;
  FoldedText folded(s);
  const std::string& c = folded.cased();
  size_t words = 0;
  bool lower_seen = false;
  for (size_t i = 0; i < c.size(); ++i) {
    if (c[i] == ' ') continue;
    bool upper = c[i] >= 'A' && c[i] <= 'Z';
    if (!upper) return false;
    ++words;
    size_t j = i + 1;
    for (; j < c.size() && c[j] != ' '; ++j) {
      if (c[j] >= 'a' && c[j] <= 'z') {
        lower_seen = true;
      } else if (!(c[j] >= 'A' && c[j] <= 'Z')) {
        return false;
      }
    }
    i = j;
  }
  return words >= 2 && words <= 6 && lower_seen;
}

std::vector<Cell> ClosingCells(const LineIndex& index, size_t line, const SegmentModel& model) {
  std::vector<Cell> cells;
  for (const Cell& cell : SplitCells(index, line)) {
    std::string_view s =
        index.Line(line).substr(cell.begin - index.LineStart(line), cell.end - cell.begin);
    size_t tail = SignatureTail(s, model);
    if (tail == std::string_view::npos) {
      cells.push_back(cell);
      continue;
    }
    size_t head_end = s.find_last_not_of(" \t", tail - 1) + 1;
    cells.push_back({cell.begin, cell.begin + head_end});
    cells.push_back({cell.begin + tail, cell.end});
  }
  return cells;
}

Zones FindZones(std::string_view text, const LineIndex& index, const SegmentModel& model,
                const MarkReader& reader) {
  return ZoneFinder(text, index, model, reader).Find();
}

std::vector<Cell> RecipientCells(const LineIndex& index, const Layout& layout,
                                 const SegmentModel& model) {
  std::vector<Cell> cells;
  if (layout.recipients.empty()) return cells;
  size_t first = index.LineOf(layout.recipients.begin);
  size_t last = index.LineOf(layout.recipients.end - 1);
  for (size_t l = first + 1; l <= last; ++l) {
    std::vector<Cell> line = ClosingCells(index, l, model);
    if (!line.empty() && Column(index, l, line[0].begin) < kRightColumn) cells.push_back(line[0]);
  }
  return cells;
}

std::vector<Cell> SignatureCells(const LineIndex& index, const Layout& layout,
                                 const SegmentModel& model) {
  std::vector<Cell> cells;
  if (layout.signature.empty()) return cells;
  size_t r_first = 1, r_last = 0;
  if (!layout.recipients.empty()) {
    r_first = index.LineOf(layout.recipients.begin);
    r_last = index.LineOf(layout.recipients.end - 1);
  }
  size_t first = index.LineOf(layout.signature.begin);
  size_t last = index.LineOf(layout.signature.end - 1);
  for (size_t l = first; l <= last; ++l) {
    std::vector<Cell> line = ClosingCells(index, l, model);
    for (size_t k = 0; k < line.size(); ++k) {
      bool recipient =
          l >= r_first && l <= r_last && k == 0 && Column(index, l, line[k].begin) < kRightColumn;
      if (recipient || line[k].begin < layout.signature.begin ||
          line[k].end > layout.signature.end) {
        continue;
      }
      cells.push_back(line[k]);
    }
  }
  return cells;
}

}  // namespace vnplan
