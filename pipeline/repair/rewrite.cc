#include "pipeline/repair/rewrite.h"

#include <algorithm>
#include <cassert>

namespace vnplan {
namespace {

// "a+b" plus `kind` unless it is already one of the parts.
void JoinKind(std::string& kinds, std::string_view kind) {
  if (kinds.empty()) {
    kinds = kind;
    return;
  }
  std::string_view rest = kinds;
  while (true) {
    size_t plus = rest.find('+');
    if (rest.substr(0, plus) == kind) return;
    if (plus == std::string_view::npos) break;
    rest.remove_prefix(plus + 1);
  }
  kinds += '+';
  kinds += kind;
}

// Folds `e` into `into`, which ends at or before `e` begins.
void Absorb(RepairEdit& into, const RepairEdit& e) {
  into.original_end = e.original_end;
  into.end = e.end;
  JoinKind(into.kind, e.kind);
  into.confidence = std::min(into.confidence, e.confidence);
  into.uncertain = into.uncertain || e.uncertain;
}

}  // namespace

RewriteBuilder::RewriteBuilder(std::string_view input, size_t max_edits)
    : input_(input), max_edits_(std::max<size_t>(max_edits, 1)) {
  out_.text.reserve(input.size());
}

void RewriteBuilder::ReserveEdits(size_t n) {
  std::vector<RepairEdit>& edits = out_.edits;
  if (edits.capacity() - edits.size() >= n) return;
  edits.reserve(std::max(edits.size() + n, 2 * edits.capacity()));
}

void RewriteBuilder::Copy(size_t n) {
  assert(n <= remaining());
  out_.text.append(input_.substr(pos_, n));
  pos_ += n;
}

void RewriteBuilder::CopyTo(size_t input_offset) {
  assert(input_offset >= pos_);
  Copy(input_offset - pos_);
}

void RewriteBuilder::Replace(size_t n, std::string_view replacement, std::string_view kind,
                             double confidence) {
  assert(n <= remaining());
  std::string_view before = input_.substr(pos_, n);
  if (before == replacement) {
    Copy(n);
    return;
  }
  RepairEdit e;
  e.original_begin = pos_;
  e.original_end = pos_ + n;
  e.begin = out_.text.size();
  e.end = e.begin + replacement.size();
  e.kind = kind;
  e.confidence = confidence;
  out_.text.append(replacement);
  pos_ += n;

  if (!out_.edits.empty()) {
    RepairEdit& last = out_.edits.back();
    if (last.original_end == e.original_begin || out_.edits.size() >= max_edits_) {
      Absorb(last, e);
      // A deletion followed by re-insertion of the same bytes is no change.
      if (last.before(input_) == last.after(out_.text)) out_.edits.pop_back();
      return;
    }
  }
  out_.edits.push_back(std::move(e));
}

Rewrite RewriteBuilder::Finish() {
  Copy(remaining());
  return std::move(out_);
}

Rewrite Compose(std::string_view input, const Rewrite& first, const Rewrite& second) {
  // Both edit lists are positioned in the middle text B = first.text: first's
  // edits by [begin, end), second's by [original_begin, original_end). Walk
  // them together, grouping edits whose B ranges overlap or touch.
  const std::vector<RepairEdit>& f = first.edits;
  const std::vector<RepairEdit>& s = second.edits;
  Rewrite out;
  out.text = second.text;

  // B offset minus A offset (resp. C offset minus B offset) in unchanged text
  // after the edits consumed so far.
  long long shift1 = 0, shift2 = 0;
  size_t i = 0, j = 0;
  while (i < f.size() || j < s.size()) {
    bool take_first = j == s.size() || (i < f.size() && f[i].begin <= s[j].original_begin);
    size_t b0 = take_first ? f[i].begin : s[j].original_begin;
    size_t b1 = b0;
    size_t i0 = i, j0 = j;
    long long shift1_before = shift1, shift2_before = shift2;
    while (true) {
      if (i < f.size() && f[i].begin <= b1) {
        b1 = std::max(b1, f[i].end);
        shift1 += static_cast<long long>(f[i].end - f[i].begin) -
                  static_cast<long long>(f[i].original_end - f[i].original_begin);
        ++i;
      } else if (j < s.size() && s[j].original_begin <= b1) {
        b1 = std::max(b1, s[j].original_end);
        shift2 += static_cast<long long>(s[j].end - s[j].begin) -
                  static_cast<long long>(s[j].original_end - s[j].original_begin);
        ++j;
      } else {
        break;
      }
    }

    RepairEdit e;
    e.original_begin = b0 - shift1_before;
    e.original_end = b1 - shift1;
    e.begin = b0 + shift2_before;
    e.end = b1 + shift2;
    e.confidence = 1;
    if (e.before(input) == e.after(out.text)) continue;

    for (size_t k = i0; k < i; ++k) {
      JoinKind(e.kind, f[k].kind);
      e.confidence = std::min(e.confidence, f[k].confidence);
      e.uncertain = e.uncertain || f[k].uncertain;
    }
    for (size_t k = j0; k < j; ++k) {
      JoinKind(e.kind, s[k].kind);
      e.confidence = std::min(e.confidence, s[k].confidence);
      e.uncertain = e.uncertain || s[k].uncertain;
    }
    out.edits.push_back(std::move(e));
  }
  return out;
}

}  // namespace vnplan
