#include "pipeline/ocr/page_lines.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "pipeline/utf8.h"

namespace vnplan {
namespace {

struct Run {
  OcrLine line;
  int right = 0, bottom = 0;
  float confidence_sum = 0;
  int words = 0;

  void Add(const OcrWord& word) {
    if (words == 0) {
      line.box = word.box;
      right = word.box.x + word.box.width;
      bottom = word.box.y + word.box.height;
    } else {
      line.text += ' ';
      line.box.x = std::min(line.box.x, word.box.x);
      line.box.y = std::min(line.box.y, word.box.y);
      right = std::max(right, word.box.x + word.box.width);
      bottom = std::max(bottom, word.box.y + word.box.height);
    }
    line.text += word.text;
    confidence_sum += word.confidence;
    ++words;
  }

  OcrLine Finish() {
    line.box.width = right - line.box.x;
    line.box.height = bottom - line.box.y;
    line.confidence = confidence_sum / static_cast<float>(words);
    return std::move(line);
  }
};

bool HasLetterOrDigit(const std::string& text) {
  for (size_t i = 0; i < text.size();) {
    if (u_isalnum(static_cast<UChar32>(NextCodePoint(text, &i)))) return true;
  }
  return false;
}

}  // namespace

std::vector<OcrLine> SplitAtColumnGaps(const std::vector<OcrWord>& words) {
  std::vector<OcrLine> lines;
  if (words.empty()) return lines;
  // The line's height, from its words: a gap is measured against the text
  // size, so the rule holds at any resolution.
  int top = words.front().box.y, bottom = top;
  for (const OcrWord& w : words) {
    top = std::min(top, w.box.y);
    bottom = std::max(bottom, w.box.y + w.box.height);
  }
  const double max_space = kColumnGapHeights * (bottom - top);
  Run run;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) {
      const Box& prev = words[i - 1].box;
      const int gap = words[i].box.x - (prev.x + prev.width);
      if (gap > max_space) {
        lines.push_back(run.Finish());
        run = Run();
      }
    }
    run.Add(words[i]);
  }
  lines.push_back(run.Finish());
  return lines;
}

void DropNoiseLines(std::vector<OcrLine>& lines) {
  std::vector<int> heights;
  for (const OcrLine& line : lines) {
    if (HasLetterOrDigit(line.text)) heights.push_back(line.box.height);
  }
  double min_height = 0;
  if (!heights.empty()) {
    std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
    min_height = kNoiseHeightRatio * heights[heights.size() / 2];
  }
  std::erase_if(lines, [min_height](const OcrLine& line) {
    return !HasLetterOrDigit(line.text) || line.box.height < min_height;
  });
}

}  // namespace vnplan
