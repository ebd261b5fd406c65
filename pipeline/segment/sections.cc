#include "pipeline/segment/sections.h"

#include <algorithm>
#include <unordered_set>

#include "pipeline/segment/fold.h"
#include "pipeline/segment/layout.h"

namespace vnplan {
namespace {

// Marks are short; reading only a line's opening keeps a 100 MB line cheap.
constexpr size_t kMarkWindow = 64;
constexpr size_t kMaxHeadingLines = 4;
constexpr size_t kMaxHeadingBytes = 1024;
constexpr size_t kKindWindow = 200;

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

bool BlankLine(std::string_view line) {
  for (char c : line) {
    if (!IsBlank(c)) return false;
  }
  return true;
}

std::string_view TrimRight(std::string_view s) {
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

int Rank(const Mark& m) {
  switch (m.style) {
    case MarkStyle::kDivision:
      return 70;
    case MarkStyle::kUpperLetter:
      return 60;
    case MarkStyle::kRoman:
      return 50;
    case MarkStyle::kArabic:
      return 40;
    case MarkStyle::kDecimal:
      return 40 - m.depth;
    case MarkStyle::kLetter:
      return 30;
    case MarkStyle::kBullet:
      return 10;
  }
  return 0;
}

std::string StyleKey(const Mark& m) {
  switch (m.style) {
    case MarkStyle::kDivision:
      return "P";
    case MarkStyle::kUpperLetter:
      return "U";
    case MarkStyle::kRoman:
      return "R";
    case MarkStyle::kArabic:
      return "A";
    case MarkStyle::kDecimal:
      return "D" + std::to_string(m.depth);
    case MarkStyle::kLetter:
      return "L";
    case MarkStyle::kBullet:
      return "B" + m.number;
  }
  return "";
}

class Builder {
 public:
  Builder(std::string_view text, const LineIndex& index, const SegmentModel& model,
          const MarkReader& reader)
      : text_(text), index_(index), model_(model), reader_(reader) {}

  std::vector<Section> Build(size_t begin, size_t end, std::vector<std::string>* warnings) {
    for (size_t l = begin; l < end; ++l) {
      std::string_view line = index_.Line(l);
      MarkReading reading = reader_.Read(Utf8Prefix(line, kMarkWindow));
      if (!reading.marks.empty() && l > begin && WrapsOn(line, reading, index_.Line(l - 1))) {
        continue;
      }
      bool placed = false;
      for (const Mark& mark : reading.marks) {
        if (Place(mark, l, reading)) {
          placed = true;
          break;
        }
      }
      if (!placed && !reading.marks.empty()) ++unplaced_;
    }
    // A part ends where the next part at its level or above begins.
    std::vector<size_t> stops(sections_.size(), end);
    std::vector<size_t> open;
    for (size_t j = 0; j < sections_.size(); ++j) {
      while (!open.empty() && sections_[open.back()].level >= sections_[j].level) {
        stops[open.back()] = lines_[j];
        open.pop_back();
      }
      open.push_back(j);
    }
    size_t numbered = 0;
    for (size_t i = 0; i < sections_.size(); ++i) {
      Section& s = sections_[i];
      FillHeading(i, end);
      FillSpan(i, stops[i]);
      // The plan's main parts: its top level, and the parts directly under a
      // division whose heading names no kind ("Phần thứ hai: KẾ HOẠCH" /
      // "I. MỤC TIÊU"). Parents come before their parts.
      bool major = s.level == 1;
      if (s.parent >= 0) {
        const Section& parent = sections_[static_cast<size_t>(s.parent)];
        major = marks_[static_cast<size_t>(s.parent)].style == MarkStyle::kDivision &&
                parent.level == 1 && parent.kind == "other";
      }
      if (major && !IsBullet(i)) {
        std::vector<KeyWord> words = KeyWords(Utf8Prefix(s.heading.value, kKindWindow));
        auto m = model_.kinds.Find(words);
        s.kind = m ? model_.kinds.value(m->phrase) : "other";
      }
      if (!IsBullet(i)) ++numbered;
    }
    if (numbered == 0) warnings->push_back("no numbered parts in the body");
    for (const std::string& skip : skips_) warnings->push_back("part numbering skips from " + skip);
    for (const std::string& r : restored_) warnings->push_back("read damaged part number " + r);
    if (unplaced_ > 0) {
      warnings->push_back("numbered lines read as text, out of sequence or nested deeper than " +
                          std::to_string(kMaxSectionDepth) +
                          " levels: " + std::to_string(unplaced_));
    }
    return std::move(sections_);
  }

 private:
  struct Open {
    Mark mark;
    std::string key;
    size_t section;
  };

  bool IsBullet(size_t i) const { return marks_[i].style == MarkStyle::kBullet; }

  bool Continues(const Mark& previous, const Mark& next) const {
    switch (next.style) {
      case MarkStyle::kBullet:
        return true;
      case MarkStyle::kLetter:
        return reader_.LetterFollows(previous.number, next.number);
      case MarkStyle::kDecimal:
        return next.prefix == previous.prefix ? next.ordinal == previous.ordinal + 1
                                              : next.ordinal == 1 && OpensUnderParent(next);
      case MarkStyle::kUpperLetter:
        if (reader_.LetterFollows(SmallListLetter(previous.number), SmallListLetter(next.number))) {
          return true;
        }
        [[fallthrough]];
      case MarkStyle::kDivision:
      case MarkStyle::kRoman:
        // Parts of these styles head the plan's main divisions and never
        // open a line by accident, so a skipped one ("II." then "IV.", a
        // drafting slip) is still a part.
        return next.ordinal == previous.ordinal + 1 || next.ordinal == previous.ordinal + 2;
      default:
        return next.ordinal == previous.ordinal + 1;
    }
  }

  // A decimal list "2.1" may open only under the part numbered "2", when
  // that part is open.
  bool OpensUnderParent(const Mark& m) const {
    for (size_t k = stack_.size(); k-- > 0;) {
      const Mark& open = stack_[k].mark;
      if (open.style == MarkStyle::kArabic || open.style == MarkStyle::kDecimal) {
        return open.number == m.prefix;
      }
    }
    return true;
  }

  bool Opens(const Mark& m) const {
    switch (m.style) {
      case MarkStyle::kBullet:
        return true;
      case MarkStyle::kLetter:
        return reader_.LetterFollows("", m.number);
      case MarkStyle::kDecimal:
        return m.ordinal == 1 && OpensUnderParent(m);
      default:
        return m.ordinal == 1;
    }
  }

  bool Place(const Mark& read, size_t line, const MarkReading& reading) {
    Mark mark = read;
    std::string key = StyleKey(mark);
    size_t same = stack_.size();
    for (size_t k = stack_.size(); k-- > 0;) {
      if (stack_[k].key == key) {
        same = k;
        break;
      }
    }
    if (same < stack_.size()) {
      const Mark& previous = stack_[same].mark;
      if (!Continues(previous, mark) && LostStrokes(previous, mark, line, reading)) {
        // "I. NHIỆM VỤ" after "I. MỤC ĐÍCH": OCR lost a stroke of "II".
        mark.ordinal = previous.ordinal + 1;
        mark.number = RomanNumeral(mark.ordinal);
        restored_.push_back(read.number + " as " + mark.number);
      }
      if (!Continues(previous, mark)) return false;
      if (!mark.seen.empty()) restored_.push_back(mark.seen + " as " + mark.number);
      if (mark.ordinal > previous.ordinal + 1 && previous.ordinal > 0) {
        skips_.push_back(previous.number + " to " + mark.number);
      }
      stack_.resize(same);
    } else {
      if (!Opens(mark)) return false;
      if (mark.style != MarkStyle::kBullet) {
        while (!stack_.empty() && Rank(stack_.back().mark) <= Rank(mark)) stack_.pop_back();
      }
      if (stack_.size() >= kMaxSectionDepth) return false;
    }
    Section s;
    s.number = mark.number;
    s.level = static_cast<int>(stack_.size()) + 1;
    s.parent = stack_.empty() ? -1 : static_cast<int>(stack_.back().section);
    s.id = Id(mark, s.parent);
    size_t start = index_.LineStart(line);
    s.span.begin = start + reading.mark_begin;
    stack_.push_back({mark, key, sections_.size()});
    sections_.push_back(std::move(s));
    marks_.push_back(mark);
    lines_.push_back(line);
    text_begins_.push_back(start + reading.text_begin);
    return true;
  }

  std::string Id(const Mark& mark, int parent) {
    std::string prefix = parent < 0 ? "" : sections_[parent].id + ".";
    size_t& children = parent < 0 ? top_children_ : child_count_[parent];
    ++children;
    std::string part;
    switch (mark.style) {
      case MarkStyle::kBullet:
        part = std::to_string(children);
        break;
      case MarkStyle::kLetter:
      case MarkStyle::kUpperLetter:
        part = mark.number;
        break;
      default:
        part = std::to_string(mark.ordinal);
    }
    std::string id = prefix + part;
    // Ordinals are unique among siblings of one list; a parent that mixes a
    // list with bullets can repeat one, so the position disambiguates.
    if (!ids_.insert(id).second) {
      id = prefix + "-" + std::to_string(children);
      ids_.insert(id);
    }
    child_count_.push_back(0);
    return id;
  }

  bool StartsLower(std::string_view line) const {
    size_t i = 0;
    while (i < line.size() && IsBlank(line[i])) ++i;
    FoldedText folded(Utf8Prefix(line.substr(i), 8));
    return !folded.cased().empty() && folded.cased()[0] >= 'a' && folded.cased()[0] <= 'z';
  }

  bool EndsSentence(std::string_view line) const {
    line = TrimRight(line);
    return !line.empty() && std::string_view(".;:!?").find(line.back()) != std::string_view::npos;
  }

  // A roman numeral no greater than the open part's, heading a line in
  // capitals as main parts are, is that part's successor with strokes lost.
  bool LostStrokes(const Mark& previous, const Mark& mark, size_t line,
                   const MarkReading& reading) const {
    if (mark.style != MarkStyle::kRoman || mark.ordinal > previous.ordinal ||
        RomanNumeral(previous.ordinal + 1).empty()) {
      return false;
    }
    std::string_view text = index_.Line(line);
    return IsUpperText(
        Utf8Prefix(text.substr(std::min(reading.text_begin, text.size())), kKindWindow));
  }

  // A hard wrap can put a number at the start of a line ("... tổ chức" /
  // "3. lớp tập huấn ..."). A numbered part opens with a capital or follows
  // a finished sentence or a heading ("2. Kiểm tra" / "a) kiểm tra ..."); a
  // number that does none of these continues the line above.
  bool WrapsOn(std::string_view line, const MarkReading& reading, std::string_view previous) const {
    if (reading.marks[0].style == MarkStyle::kBullet) return false;
    if (BlankLine(previous) || EndsSentence(previous) || HasMark(previous)) return false;
    return StartsLower(line.substr(std::min(reading.text_begin, line.size())));
  }

  bool HasMark(std::string_view line) const {
    return !reader_.Read(Utf8Prefix(line, kMarkWindow)).marks.empty();
  }

  void FillHeading(size_t i, size_t end) {
    size_t l = lines_[i];
    size_t begin = text_begins_[i];
    size_t stop = index_.LineEnd(l);
    // A mark alone on its line ("I." then "MỤC ĐÍCH"): OCR split the heading.
    if (begin >= stop && l + 1 < end && !BlankLine(index_.Line(l + 1)) &&
        !HasMark(index_.Line(l + 1))) {
      ++l;
      begin = index_.LineStart(l);
      stop = index_.LineEnd(l);
    }
    // A capitalised heading wraps onto capitals ("NHIỆM VỤ VÀ GIẢI PHÁP THỰC"
    // / "HIỆN"), any other onto a lowercase word.
    bool capitals = IsUpperText(Utf8Prefix(text_.substr(begin, stop - begin), kKindWindow));
    for (size_t joined = 1; joined < kMaxHeadingLines && l + 1 < end; ++joined) {
      std::string_view next = index_.Line(l + 1);
      if (EndsSentence(index_.Line(l)) || BlankLine(next) || HasMark(next)) break;
      bool wraps = capitals
                       ? IsUpperText(Utf8Prefix(next, kKindWindow)) && next.size() <= kKindWindow
                       : StartsLower(next);
      if (!wraps) break;
      ++l;
      stop = index_.LineEnd(l);
    }
    std::string_view raw = TrimRight(text_.substr(begin, stop - begin));
    Section& s = sections_[i];
    s.heading.value = CollapseSpace(Utf8Prefix(raw, kMaxHeadingBytes));
    s.heading.span = index_.Span(begin, begin + raw.size());
  }

  void FillSpan(size_t i, size_t stop) {
    Section& s = sections_[i];
    while (stop > lines_[i] + 1 && BlankLine(index_.Line(stop - 1))) --stop;
    s.span = index_.Span(s.span.begin, index_.LineEnd(stop - 1));
  }

  std::string_view text_;
  const LineIndex& index_;
  const SegmentModel& model_;
  const MarkReader& reader_;

  std::vector<Open> stack_;
  std::vector<Section> sections_;
  std::vector<Mark> marks_;
  std::vector<size_t> lines_;
  std::vector<size_t> text_begins_;
  std::vector<size_t> child_count_;
  size_t top_children_ = 0;
  std::unordered_set<std::string> ids_;
  size_t unplaced_ = 0;
  std::vector<std::string> skips_;
  std::vector<std::string> restored_;
};

}  // namespace

std::vector<Section> BuildSections(std::string_view text, const LineIndex& index, size_t begin_line,
                                   size_t end_line, const SegmentModel& model,
                                   const MarkReader& reader, std::vector<std::string>* warnings) {
  return Builder(text, index, model, reader).Build(begin_line, end_line, warnings);
}

}  // namespace vnplan
