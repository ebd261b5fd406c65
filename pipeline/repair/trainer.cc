#include "pipeline/repair/trainer.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "pipeline/error.h"
#include "pipeline/repair/channel_model.h"
#include "pipeline/repair/language_model.h"
#include "pipeline/repair/syllable.h"
#include "pipeline/repair/tokenizer.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

namespace fs = std::filesystem;

// Longer "words" are URLs, tables or debris, not language.
constexpr size_t kMaxWordLength = 30;
// Words at most this far apart (edit distance over the longer length) are
// taken for the same word when aligning rendered and OCR'd text.
constexpr double kMaxPairDistance = 0.5;
// How far OCR'd words may drift from their source position when aligning.
constexpr long kAlignBand = 150;

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot read training file");
  std::string data(std::istreambuf_iterator<char>(in), {});
  if (!IsValidUtf8(data)) throw Error(path, "training file is not valid UTF-8");
  return data;
}

std::string Nfc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(text);
  if (U_SUCCESS(status) && nfc->isNormalized(s, status)) return text;
  status = U_ZERO_ERROR;
  icu::UnicodeString normal = nfc->normalize(s, status);
  std::string out;
  normal.toUTF8String(out);
  return out;
}

// The text files of `paths`, folders searched recursively, in a stable order.
std::vector<std::string> TextFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const std::string& p : paths) {
    if (fs::is_directory(p)) {
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        if (e.is_regular_file() && e.path().extension() == ".txt") out.push_back(e.path());
      }
    } else if (fs::is_regular_file(p)) {
      out.push_back(p);
    } else {
      throw Error(p, "no such training file or folder");
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CountDocument(const std::string& text, LanguageModelBuilder* lm, TrainReport* report) {
  std::vector<std::string> sentence;
  auto end_sentence = [&] {
    if (sentence.empty()) return;
    lm->AddSentence(sentence);
    report->words += sentence.size();
    ++report->sentences;
    sentence.clear();
  };
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = std::string_view(text).substr(begin, end - begin);
    std::vector<Token> tokens = ModelTokens(line);
    if (tokens.empty()) end_sentence();
    for (const Token& t : tokens) {
      if (t.kind == TokenKind::kBreak) {
        end_sentence();
      } else if (t.kind == TokenKind::kNumber) {
        sentence.emplace_back(LanguageModel::kNumberWord);
      } else if (t.end - t.begin <= kMaxWordLength) {
        sentence.emplace_back(line.substr(t.begin, t.end - t.begin));
      }
    }
    begin = end + 1;
  }
  end_sentence();
}

void AddLexicon(const std::string& path, LanguageModelBuilder* lm) {
  std::string text = Nfc(ReadAll(path));
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = std::string_view(text).substr(begin, end - begin);
    line = line.substr(0, line.find('/'));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    std::u32string word = ToLower(ToUtf32(line));
    // Hunspell's first line is the entry count; only letter words count.
    if (!word.empty() && word.size() <= kMaxWordLength &&
        std::all_of(word.begin(), word.end(), IsLetterChar)) {
      lm->AddLexiconWord(ToUtf8(word));
    }
    begin = end + 1;
  }
}

std::vector<std::u32string> Words(const std::string& text) {
  std::vector<std::u32string> out;
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = std::min(text.find('\n', begin), text.size());
    std::string_view line = std::string_view(text).substr(begin, end - begin);
    for (const Token& t : ModelTokens(line)) {
      if (t.kind == TokenKind::kWord) out.push_back(ToUtf32(line.substr(t.begin, t.end - t.begin)));
    }
    begin = end + 1;
  }
  return out;
}

// Edit distance of the skeletons, over the longer length: 0 same, 1 unrelated.
double Distance(const std::u32string& a, const std::u32string& b) {
  std::u32string x = Skeleton(a), y = Skeleton(b);
  std::vector<size_t> row(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] != y[j - 1])});
      diagonal = up;
    }
  }
  return static_cast<double>(row[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

// Aligns the source words with the OCR'd words (edit distance over word
// sequences within a band) and adds the pairs close enough to be one word.
size_t AddChannelPairs(const std::vector<std::u32string>& src,
                       const std::vector<std::u32string>& ocr, ChannelModelBuilder* channel) {
  const long n = static_cast<long>(src.size()), m = static_cast<long>(ocr.size());
  const long width = 2 * kAlignBand + 1;
  constexpr double kGap = 0.6, kInf = 1e18;
  auto center = [&](long i) { return n == 0 ? 0 : i * m / n; };
  std::vector<double> cost((n + 1) * width, kInf);
  std::vector<uint8_t> how((n + 1) * width, 0);  // 1 pair, 2 skip source, 3 skip OCR.
  auto cell = [&](long i, long j) -> long {
    long d = j - center(i) + kAlignBand;
    return d < 0 || d >= width ? -1 : i * width + d;
  };
  cost[cell(0, 0)] = 0;
  for (long i = 0; i <= n; ++i) {
    for (long j = std::max(0L, center(i) - kAlignBand); j <= std::min(m, center(i) + kAlignBand);
         ++j) {
      long c = cell(i, j);
      if (c < 0 || (i == 0 && j == 0)) continue;
      double best = kInf;
      uint8_t kind = 0;
      if (long p = i > 0 && j > 0 ? cell(i - 1, j - 1) : -1; p >= 0 && cost[p] < kInf) {
        double s = cost[p] + std::min(1.0, Distance(src[i - 1], ocr[j - 1]));
        if (s < best) best = s, kind = 1;
      }
      if (long p = i > 0 ? cell(i - 1, j) : -1; p >= 0 && cost[p] + kGap < best) {
        best = cost[p] + kGap, kind = 2;
      }
      if (long p = j > 0 ? cell(i, j - 1) : -1; p >= 0 && cost[p] + kGap < best) {
        best = cost[p] + kGap, kind = 3;
      }
      cost[c] = best;
      how[c] = kind;
    }
  }
  size_t added = 0;
  long i = n, j = m;
  if (cell(n, m) < 0 || cost[cell(n, m)] >= kInf) return 0;  // OCR lost too much to align.
  while (i > 0 || j > 0) {
    uint8_t kind = how[cell(i, j)];
    if (kind == 1) {
      --i, --j;
      if (Distance(src[i], ocr[j]) <= kMaxPairDistance) {
        channel->AddPair(src[i], ocr[j]);
        ++added;
      }
    } else if (kind == 2) {
      --i;
    } else {
      --j;
    }
  }
  return added;
}

}  // namespace

TrainReport TrainRepairModels(const TrainOptions& options) {
  TrainReport report;
  LanguageModelBuilder lm;
  for (const std::string& path : options.lexicons) AddLexicon(path, &lm);
  for (const std::string& path : TextFiles(options.corpus)) {
    CountDocument(Nfc(ReadAll(path)), &lm, &report);
    ++report.documents;
  }
  ChannelModelBuilder channel;
  for (const std::string& dir : options.channel) {
    for (const std::string& ocr_path : TextFiles({dir})) {
      const std::string suffix = ".ocr.txt";
      if (ocr_path.size() < suffix.size() ||
          ocr_path.compare(ocr_path.size() - suffix.size(), suffix.size(), suffix) != 0) {
        continue;
      }
      std::string src_path = ocr_path.substr(0, ocr_path.size() - suffix.size()) + ".src.txt";
      if (!fs::exists(src_path)) continue;
      report.channel_pairs +=
          AddChannelPairs(Words(Nfc(ReadAll(src_path))), Words(Nfc(ReadAll(ocr_path))), &channel);
      ++report.channel_files;
    }
  }
  std::error_code ec;
  fs::create_directories(options.out, ec);
  if (ec) throw Error(options.out, "cannot create model folder: " + ec.message());
  lm.Write(options.out + "/lm.bin", options.min_count, options.min_bigram_count,
           options.min_trigram_count);
  channel.Write(options.out + "/channel.bin");
  return report;
}

}  // namespace vnplan
