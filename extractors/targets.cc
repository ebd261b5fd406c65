#include "extractors/targets.h"

#include <algorithm>
#include <set>
#include <string>

#include "extractors/paragraphs.h"
#include "pipeline/segment/fold.h"

namespace vnplan {
namespace {

// "99,5" and "1.000" as written in Vietnamese: '.' groups thousands, ','
// marks decimals.
double ParseNumber(std::string_view s) {
  std::string plain;
  for (char c : s) {
    if (c == ',') {
      plain.push_back('.');
    } else if (c != '.') {
      plain.push_back(c);
    }
  }
  return std::stod(plain);
}

struct Found {
  size_t begin, end;  // Folded offsets within the paragraph.
  double value;
  std::string unit;
};

}  // namespace

TargetExtractor::TargetExtractor(const Cues& cues)
    : cues_(cues),
      number_label_("^(\\s*(?:" + cues.Pattern("word", "number") + "\\s*)?(\\d{1,3})\\s*[:.)\\-])"),
      percent_("(\\d+(?:[.,]\\d+)*)\\s*%"),
      count_("(?:^|\\s)(\\d+(?:[.,]\\d+)*)\\s+"),
      year_("^\\s*(\\d{4})\\b") {}

std::vector<TargetValue> TargetExtractor::Values(const ExtractContext& ctx, size_t begin,
                                                 size_t end) const {
  std::string_view f = ctx.Folded(begin, end);
  // Years and where their cue begins.
  std::vector<std::pair<size_t, int>> years;
  for (const CueMatch& cue : cues_.FindAll("target_year", f)) {
    int year = 0;
    if (RE2::PartialMatch(f.substr(cue.end, 12), year_, &year) && year >= 1900 && year < 2100) {
      years.emplace_back(cue.begin, year);
    }
  }
  std::vector<Found> found;
  re2::StringPiece rest = f, number;
  while (RE2::FindAndConsume(&rest, percent_, &number)) {
    size_t b = number.data() - f.data();
    found.push_back({b, size_t(rest.data() - f.data()), ParseNumber(number), "%"});
  }
  if (found.empty()) {
    // Counts: the last number before each year cue, its unit the words between.
    size_t from = 0;
    for (const auto& [cue_begin, year] : years) {
      std::string_view window = f.substr(from, cue_begin - from);
      re2::StringPiece w = window, n;
      std::optional<Found> last;
      while (RE2::FindAndConsume(&w, count_, &n)) {
        size_t b = n.data() - f.data();
        last = Found{b, b + n.size(), ParseNumber(n), ""};
      }
      from = cue_begin;
      if (!last) continue;
      size_t unit_end = cue_begin;
      for (const CueMatch& stop :
           cues_.FindAll("unit_stop", f.substr(last->end, cue_begin - last->end))) {
        unit_end = std::min(unit_end, last->end + stop.begin);
      }
      size_t ub = ctx.Source(f, last->end), ue = ctx.Source(f, unit_end);
      last->unit = CollapseSpace(std::string_view(ctx.doc.text).substr(ub, ue - ub));
      last->end = unit_end;
      if (!last->unit.empty() && last->unit.size() <= 60) found.push_back(*last);
    }
  }
  std::vector<TargetValue> out;
  for (size_t i = 0; i < found.size(); ++i) {
    const Found& v = found[i];
    size_t limit = i + 1 < found.size() ? found[i + 1].begin : f.size();
    int year = 0;
    for (const auto& [at, y] : years) {
      if (at >= v.end && at < limit) {
        year = y;
        break;
      }
    }
    size_t b = ctx.Source(f, v.begin), e = ctx.Source(f, v.end);
    out.push_back(
        {v.value, v.unit, year, CollapseSpace(std::string_view(ctx.doc.text).substr(b, e - b))});
  }
  return out;
}

std::vector<Target> TargetExtractor::Extract(const ExtractContext& ctx) const {
  std::vector<Target> out;
  std::set<std::string> seen;
  size_t begin = ctx.doc.layout.body.empty() ? 0 : ctx.doc.layout.body.begin;
  size_t end = ctx.doc.layout.body.empty() ? ctx.doc.text.size() : ctx.doc.layout.body.end;
  for (const ByteRange& p : Paragraphs(ctx.index, begin, end)) {
    std::string_view f = ctx.Folded(p.begin, p.end);
    auto cue = cues_.Opens("target", f);
    if (!cue) continue;
    re2::StringPiece label;
    std::string number;
    if (!RE2::PartialMatch(f.substr(cue->end, 16), number_label_, &label, &number)) continue;
    size_t text_begin = ctx.Source(f, label.data() - f.data() + label.size());
    while (text_begin < p.end &&
           (ctx.doc.text[text_begin] == ' ' || ctx.doc.text[text_begin] == '\t'))
      ++text_begin;
    if (!seen.insert(number).second) continue;
    Target t;
    t.id = "target:" + number;
    t.number = number;
    t.text = {CollapseSpace(std::string_view(ctx.doc.text).substr(text_begin, p.end - text_begin)),
              ctx.index.Span(p.begin, p.end)};
    t.values = Values(ctx, text_begin, p.end);
    out.push_back(std::move(t));
  }
  return out;
}

}  // namespace vnplan
