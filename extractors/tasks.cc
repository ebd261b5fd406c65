#include "extractors/tasks.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "extractors/paragraphs.h"
#include "pipeline/segment/fold.h"

namespace vnplan {
namespace {

// How many words a heading may say besides its agencies and still be only a
// name ("Sở Y tế (cơ quan thường trực)").
constexpr size_t kHeadingSlack = 3;
// Words after a heading's colon that make it a sentence rather than a label.
constexpr size_t kMinSaysWhat = 3;

size_t CountWords(std::string_view folded) {
  size_t words = 0;
  bool in = false;
  for (char c : folded) {
    bool w = std::isalnum(static_cast<unsigned char>(c));
    words += w && !in;
    in = w;
  }
  return words;
}

}  // namespace

// True when the folded gap between two agencies of a list holds only
// punctuation other than ';', '.' and ':' and words of role list_word ("và",
// "các", "cơ quan"…), which a wrapped line may split.
bool TaskExtractor::IsListGap(std::string_view gap) const {
  std::string word;
  auto connector = [&](const std::string& w) { return w.empty() || cues_.Has("list_word", w); };
  for (char c : gap) {
    if (c == ';' || c == '.' || c == ':') return false;
    if (std::isalnum(static_cast<unsigned char>(c))) {
      word.push_back(c);
    } else {
      if (!connector(word)) return false;
      word.clear();
    }
  }
  return connector(word);
}

namespace {

void AddUnique(std::vector<std::string>* list, const std::string& id) {
  if (std::find(list->begin(), list->end(), id) == list->end()) list->push_back(id);
}

}  // namespace

TaskExtractor::TaskExtractor(const Cues& cues, const DateReader& dates)
    : cues_(cues),
      dates_(dates),
      period_("^\\s*((?:" + cues.Pattern("word", "quarter") + "\\s+[ivx0-9]+|" +
              cues.Pattern("word", "month") + "\\s+\\d{1,2})\\s*[/\\-]\\s*\\d{4}|" +
              cues.Pattern("word", "year") + "\\s+\\d{4})"),
      day_month_("^\\s*((?:" + cues.Pattern("word", "day") + "\\s+)?\\d{1,2}\\s*/\\s*\\d{1,2})\\b"),
      numbers_("^\\s*(\\d+(?:\\s*(?:,|" + cues.Pattern("word", "and") + "|-)\\s*\\d+)*)") {}

std::vector<std::string> TaskExtractor::ListAt(const ExtractContext& ctx, size_t source_at,
                                               size_t limit, bool at_once) const {
  std::vector<std::string> out;
  auto it = std::lower_bound(ctx.agencies.begin(), ctx.agencies.end(), source_at,
                             [](const AgencyMention& a, size_t x) { return a.begin < x; });
  size_t from = source_at;
  for (; it != ctx.agencies.end() && it->end <= limit; ++it) {
    std::string_view gap = ctx.Folded(from, it->begin);
    if (!IsListGap(gap) || (at_once && out.empty() && CountWords(gap) > 0)) break;
    AddUnique(&out, it->id);
    from = it->end;
  }
  return out;
}

std::vector<std::string> TaskExtractor::HeadingAgencies(const ExtractContext& ctx, size_t begin,
                                                        size_t end) const {
  std::string_view f = ctx.Folded(begin, end);
  size_t from = begin;
  if (auto cue = cues_.Opens("owner", f)) from = ctx.Source(f, cue->end);
  std::vector<std::string> ids = ListAt(ctx, from, end, true);
  if (ids.empty()) return ids;
  // Words the heading says after its last agency.
  size_t covered_end = from;
  for (auto it = std::lower_bound(ctx.agencies.begin(), ctx.agencies.end(), from,
                                  [](const AgencyMention&a, size_t x) { return a.begin < x; });
       it != ctx.agencies.end() && it->end <= end; ++it) {
    covered_end = it->end;
  }
  // Words in parentheses ("(cơ quan thường trực)") and a trailing group the
  // heading adds ("và các tổ chức thành viên") do not make it a sentence.
  std::string rest;
  int depth = 0;
  for (char c : ctx.Folded(covered_end, end)) {
    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
    if (depth <= 0 && c != ')') rest.push_back(c);
  }
  size_t first = rest.find_first_not_of(" ,\t\n");
  bool group = first != std::string::npos && rest.compare(first, 3, "va ") == 0;
  return group || CountWords(rest) <= kHeadingSlack ? ids : std::vector<std::string>{};
}

Task TaskExtractor::Build(const ExtractContext& ctx, size_t begin, size_t end,
                          const Owner& owner) const {
  Task t;
  const std::string& text = ctx.doc.text;
  t.text = {CollapseSpace(std::string_view(text).substr(begin, end - begin)),
            ctx.index.Span(begin, end)};
  std::string_view f = ctx.Folded(begin, end);

  std::vector<std::string> lead;
  for (const CueMatch& cue : cues_.FindAll("lead", f)) {
    if (!lead.empty()) break;
    size_t cue_begin = ctx.Source(f, cue.begin), cue_end = ctx.Source(f, cue.end);
    if (cue.value == "before") {
      // "Sở Y tế chủ trì": the agency right before the cue.
      auto it = std::lower_bound(ctx.agencies.begin(), ctx.agencies.end(), cue_begin,
                                 [](const AgencyMention& a, size_t x) { return a.end < x; });
      if (it != ctx.agencies.begin()) {
        --it;
        if (it->begin >= begin && it->end <= cue_begin &&
            IsListGap(ctx.Folded(it->end, cue_begin)) &&
            CountWords(ctx.Folded(it->end, cue_begin)) == 0) {
          lead.push_back(it->id);
        }
      }
    } else {
      lead = ListAt(ctx, cue_end, end, true);
    }
  }
  if (lead.empty()) {
    size_t from = begin;
    if (auto cue = cues_.Opens("owner", f)) from = ctx.Source(f, cue->end);
    lead = ListAt(ctx, from, end, true);
  }
  if (lead.empty()) lead = owner.agencies;
  for (const auto& id : lead) t.agencies.push_back({id, "lead"});

  std::vector<std::string> cooperate;
  for (const CueMatch& cue : cues_.FindAll("cooperate", f)) {
    for (const auto& id : ListAt(ctx, ctx.Source(f, cue.end), end, false)) {
      if (std::find(lead.begin(), lead.end(), id) == lead.end()) AddUnique(&cooperate, id);
    }
  }
  for (const auto& id : cooperate) t.agencies.push_back({id, "cooperate"});

  for (const CueMatch& cue : cues_.FindAll("deadline", f)) {
    std::string_view after = f.substr(cue.end, 80);
    size_t stop = 0;
    std::string date;
    re2::StringPiece period;
    if (auto d = dates_.Opening(after)) {
      stop = cue.end + d->end;
      date = d->iso;
    } else if (RE2::PartialMatch(after, period_, &period) ||
               RE2::PartialMatch(after, day_month_, &period)) {
      stop = period.data() + period.size() - f.data();
    } else {
      continue;
    }
    size_t b = ctx.Source(f, cue.begin), e = ctx.Source(f, stop);
    t.deadlines.push_back(
        {CollapseSpace(std::string_view(text).substr(b, e - b)), date, "", ctx.index.Span(b, e)});
  }
  for (const CueMatch& cue : cues_.FindAll("recurrence", f)) {
    size_t b = ctx.Source(f, cue.begin), e = ctx.Source(f, cue.end);
    t.deadlines.push_back({CollapseSpace(std::string_view(text).substr(b, e - b)), "", cue.value,
                           ctx.index.Span(b, e)});
  }
  std::sort(t.deadlines.begin(), t.deadlines.end(),
            [](const Deadline& a, const Deadline& b) { return a.span.begin < b.span.begin; });

  for (const CueMatch& cue : cues_.FindAll("indicator", f)) {
    re2::StringPiece list;
    if (!RE2::PartialMatch(f.substr(cue.end, 60), numbers_, &list)) continue;
    std::string number;
    for (char c : std::string_view(list)) {
      if (std::isdigit(static_cast<unsigned char>(c))) {
        number.push_back(c);
      } else if (!number.empty()) {
        AddUnique(&t.indicators, number);
        number.clear();
      }
    }
    if (!number.empty()) AddUnique(&t.indicators, number);
  }
  return t;
}

void TaskExtractor::Walk(const ExtractContext& ctx, const std::vector<std::vector<int>>& children,
                         int index, Owner owner, std::vector<Task>* out) const {
  const Section& s = ctx.doc.sections[index];
  const std::vector<int>& kids = children[index];
  bool top = owner.part;
  size_t heading_begin = s.heading.span.empty() ? s.span.begin : s.heading.span.begin;
  size_t heading_end = s.heading.span.empty() ? s.span.begin : s.heading.span.end;
  std::vector<std::string> heads =
      top ? std::vector<std::string>{} : HeadingAgencies(ctx, heading_begin, heading_end);
  if (!heads.empty()) owner.agencies = heads;

  auto emit = [&](size_t b, size_t e) {
    Task t = Build(ctx, b, e, owner);
    t.section = s.id;
    out->push_back(std::move(t));
  };
  size_t content_begin = std::max(heading_end, s.span.begin);
  size_t content_end = kids.empty() ? s.span.end : ctx.doc.sections[kids.front()].span.begin;
  std::vector<ByteRange> paragraphs;
  for (const ByteRange& p : Paragraphs(ctx.index, content_begin, content_end)) {
    if (!cues_.Opens("not_task", ctx.Folded(p.begin, p.end))) paragraphs.push_back(p);
  }
  // A heading that reads as a title (no closing '.' or ';') over paragraphs
  // of its own names what they do; a sentence heading is the item itself.
  std::string_view heading =
      std::string_view(ctx.doc.text).substr(heading_begin, heading_end - heading_begin);
  size_t last = heading.find_last_not_of(" \t\r");
  bool titled = last == std::string_view::npos || (heading[last] != '.' && heading[last] != ';');
  // Content opening in lower case or with a digit continues a heading the
  // segmenter cut at a line break ("…theo Quyết định số" / "1790/QĐ-TTg…").
  // So does a heading ending in a dash or a comma ("…ngành Lao động -"), and
  // one that says who and then what ("5. Sở Tư pháp: chủ trì… của" / "Kế
  // hoạch; …"): it is a sentence, whatever case its next line opens in.
  size_t colon = heading.find(':');
  bool says_what = colon != std::string_view::npos &&
                   CountWords(ctx.Folded(heading_begin + colon + 1, heading_end)) >= kMinSaysWhat;
  bool continued =
      !paragraphs.empty() &&
      (!std::isupper(static_cast<unsigned char>(
           ctx.folded.cased()[ctx.folded.Folded(paragraphs[0].begin)])) ||
       says_what ||
       (last != std::string_view::npos && (heading[last] == '-' || heading[last] == ',')));
  // Only numbered parts ("4.") are titles over paragraphs; a bullet or a
  // lettered item ("a)") is an item whose wrapped text follows it.
  bool numbered = !s.number.empty() && std::isdigit(static_cast<unsigned char>(s.number[0]));
  if (!heads.empty() || (top && kids.empty())) {
    for (const ByteRange& p : paragraphs) emit(p.begin, p.end);
  } else if (kids.empty() && !heading.empty() && continued) {
    emit(heading_begin, paragraphs[0].end);
  } else if (kids.empty() && titled && numbered && !paragraphs.empty()) {
    for (const ByteRange& p : paragraphs) emit(p.begin, p.end);
  } else if (kids.empty() && !heading.empty()) {
    emit(heading_begin, heading_end);
  }
  owner.part = false;
  for (int kid : kids) Walk(ctx, children, kid, owner, out);
}

std::vector<Task> TaskExtractor::Extract(const ExtractContext& ctx,
                                         const std::vector<Reference>& references) const {
  std::vector<Task> tasks;
  const std::vector<Section>& sections = ctx.doc.sections;
  std::vector<std::vector<int>> children(sections.size());
  for (size_t i = 0; i < sections.size(); ++i) {
    int p = sections[i].parent;
    if (p >= 0 && static_cast<size_t>(p) < sections.size()) children[p].push_back(int(i));
  }
  // Task parts are main parts: top-level ones, or those under a division
  // ("PHẦN II") that is not a task part itself.
  auto task_part = [&](int i) { return cues_.Has("task_part", sections[i].kind); };
  for (size_t i = 0; i < sections.size(); ++i) {
    int p = sections[i].parent;
    if (task_part(static_cast<int>(i)) && (p < 0 || (sections[p].parent < 0 && !task_part(p)))) {
      Walk(ctx, children, static_cast<int>(i), Owner{{}, true}, &tasks);
    }
  }
  if (sections.empty()) {
    // No numbered parts: the paragraphs after the preamble that assign work.
    size_t end = ctx.doc.layout.body.empty() ? ctx.doc.text.size() : ctx.doc.layout.body.end;
    for (const ByteRange& p : Paragraphs(ctx.index, ctx.preamble_begin, end)) {
      std::string_view f = ctx.Folded(p.begin, p.end);
      if (cues_.Opens("preamble", f) || cues_.Opens("not_task", f)) continue;
      Task t = Build(ctx, p.begin, p.end, Owner{});
      if (!t.agencies.empty() || !t.deadlines.empty()) tasks.push_back(std::move(t));
    }
  }
  std::map<std::string, int> ordinals;
  for (Task& t : tasks) t.id = "task:" + t.section + "." + std::to_string(++ordinals[t.section]);
  // Tasks come in text order and do not overlap: each mention finds its task
  // by binary search.
  for (const Reference& r : references) {
    for (const SourceSpan& m : r.mentions) {
      auto it = std::upper_bound(tasks.begin(), tasks.end(), m.begin,
                                 [](size_t at, const Task& t) { return at < t.text.span.begin; });
      if (it == tasks.begin()) continue;
      --it;
      if (m.end <= it->text.span.end) AddUnique(&it->references, r.id);
    }
  }
  return tasks;
}

}  // namespace vnplan
