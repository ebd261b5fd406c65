#include "pipeline/repair/channel_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "pipeline/repair/model_file.h"
#include "pipeline/repair/syllable.h"

namespace vnplan {
namespace {

constexpr std::string_view kMagic = "vnplan-repair-channel";
constexpr int kVersion = 1;
// Weight of the prior against learned counts, in observations.
constexpr double kPriorWeight = 2;
// A reading must explain this share of an observed character's sightings.
constexpr double kMinReadingShare = 0.02;
constexpr double kMinReadingCount = 2;
// Words longer than this are not Vietnamese syllables; they are scored as
// changed beyond recognition rather than aligned.
constexpr size_t kMaxLength = 24;
constexpr double kNever = -1e9;
// A sign inside a word ("K&", "1¢") is a letter OCR could not read, most
// often a vowel under marks: any vowel is a reading of it, if an unlikely
// one, and printing any marked vowel as a sign has at least this log
// probability. Quotes and apostrophes are what OCR makes of marks and horns
// ("tro’"), not of whole letters.
constexpr double kSignAsVowelLogProb = -4;
constexpr double kVowelAsSignLogProb = -6;
bool IsVowelSign(char32_t c) {
  static constexpr std::u32string_view kMarkLike = U"'`´’‘\"“”";
  return c != 0 && BaseLetter(c) == 0 && !(c >= '0' && c <= '9') &&
         kMarkLike.find(c) == std::u32string_view::npos;
}
constexpr std::u32string_view kVowelBases = U"aeiouy";
bool IsVowel(char32_t c) {
  char32_t base = BaseLetter(c);
  return base != 0 && kVowelBases.find(base) != std::u32string_view::npos;
}
// Every lowercase Vietnamese letter, for the dense tables.
constexpr char32_t kVietnameseLetters[] =
    U"abcdefghijklmnopqrstuvwxyzđáàảãạăắằẳẵặâấầẩẫậéèẻẽẹêếềểễệíìỉĩịóòỏõọôốồổỗộơớờởỡợúùủũụưứừửữựýỳỷỹ"
    U"ỵ";

// Prior probability that `intended` prints as first+second, before any
// counts: keeping a letter is likely, changing its marks less so, anything
// else rare.
double Prior(char32_t intended, char32_t first, char32_t second) {
  if (intended == 0) return 1e-3;
  if (first == 0) return 2e-3;
  if (second != 0) return 1e-5;
  if (first == intended) return 0.9;
  char32_t a = BaseLetter(intended), b = BaseLetter(first);
  bool same_case = IsUpperChar(intended) == IsUpperChar(first);
  if (a != 0 && a == b) return same_case ? 0.05 : 0.005;
  if (LowerChar(first) == LowerChar(intended)) return 0.01;
  return 1e-4;
}

struct AlignStep {
  char32_t intended, first, second;
};

// Best alignment of `intended` to `observed` under `op`; fills `steps` when
// given. Returns its log probability.
template <typename OpFn>
double Align(std::u32string_view observed, std::u32string_view intended, const OpFn& op,
             std::vector<AlignStep>* steps) {
  size_t n = intended.size(), m = observed.size();
  size_t w = m + 1;
  // Both are at most kMaxLength long, so the tables fit on the stack.
  double best[(kMaxLength + 1) * (kMaxLength + 1)];
  uint8_t how[(kMaxLength + 1) * (kMaxLength + 1)];  // 1 sub, 2 double, 3 delete, 4 insert.
  std::fill(best, best + (n + 1) * w, kNever);
  best[0] = 0;
  for (size_t i = 0; i <= n; ++i) {
    for (size_t j = 0; j <= m; ++j) {
      double here = best[i * w + j];
      if (here <= kNever) continue;
      auto relax = [&](size_t ni, size_t nj, double lp, uint8_t kind) {
        double s = here + lp;
        if (s > best[ni * w + nj]) {
          best[ni * w + nj] = s;
          how[ni * w + nj] = kind;
        }
      };
      if (j < m) relax(i, j + 1, op(0, observed[j], 0), 4);
      if (i < n) {
        relax(i + 1, j, op(intended[i], 0, 0), 3);
        if (j < m) relax(i + 1, j + 1, op(intended[i], observed[j], 0), 1);
        if (j + 1 < m) relax(i + 1, j + 2, op(intended[i], observed[j], observed[j + 1]), 2);
      }
    }
  }
  if (steps) {
    steps->clear();
    size_t i = n, j = m;
    while (i > 0 || j > 0) {
      switch (how[i * w + j]) {
        case 1:
          --i, --j;
          steps->push_back({intended[i], observed[j], 0});
          break;
        case 2:
          --i, j -= 2;
          steps->push_back({intended[i], observed[j], observed[j + 1]});
          break;
        case 3:
          --i;
          steps->push_back({intended[i], 0, 0});
          break;
        default:
          --j;
          steps->push_back({0, observed[j], 0});
          break;
      }
    }
  }
  return best[n * w + m];
}

}  // namespace

ChannelModel ChannelModel::Load(const std::string& path) {
  std::string body = ReadModelFile(path, kMagic, kVersion);
  ModelReader in(body, path);
  ChannelModel model;
  uint32_t rows = in.Get<uint32_t>();
  for (uint32_t r = 0; r < rows; ++r) {
    uint32_t intended = in.Get<uint32_t>(), first = in.Get<uint32_t>(), second = in.Get<uint32_t>();
    float count = in.Get<float>();
    if (intended > 0x10FFFF || first > 0x10FFFF || second > 0x10FFFF || !(count > 0)) {
      in.Fail("repair channel model has an invalid row");
    }
    model.counts_[MakeKey(intended, first, second)] += count;
  }
  if (!in.done()) in.Fail("repair channel model has trailing bytes");
  model.Index();
  return model;
}

void ChannelModel::Index(const ChannelModel* like) {
  totals_.clear();
  logp_.clear();
  readings_.clear();
  double steps = 0;
  for (const auto& [key, count] : counts_) {
    totals_[static_cast<char32_t>(key & 0x1FFFFF)] += count;
    steps += count;
  }
  // A stray character is a chance per printed position, not per intended one.
  totals_[0] = steps;
  for (const auto& [key, count] : counts_) {
    char32_t intended = key & 0x1FFFFF, first = (key >> 21) & 0x1FFFFF, second = key >> 42;
    logp_[key] = std::log((count + kPriorWeight * Prior(intended, first, second)) /
                          (totals_[intended] + kPriorWeight));
  }
  // Readings: per observed character (or pair), the share of its sightings
  // each skeleton letter explains, in the training or in the document the
  // model was adapted to, whichever shows it more: a confusion the document
  // shows often is a reading even where the training drowns it.
  auto add_readings = [this](const std::unordered_map<Key, double>& counts) {
    std::unordered_map<Key, double> seen;     // observed pair -> sightings.
    std::unordered_map<Key, double> as_base;  // (base, observed pair) -> sightings.
    for (const auto& [key, count] : counts) {
      char32_t intended = key & 0x1FFFFF;
      Key observed = key >> 21;
      if (observed == 0) continue;
      seen[observed] += count;
      if (char32_t base = BaseLetter(intended)) as_base[base | observed << 21] += count;
    }
    for (const auto& [key, count] : as_base) {
      Key observed = key >> 21;
      double share = count / seen[observed];
      if (count < kMinReadingCount || share < kMinReadingShare) continue;
      char32_t first = observed & 0x1FFFFF, second = observed >> 21;
      char32_t base = key & 0x1FFFFF;
      float logp = static_cast<float>(std::log(share));
      std::vector<Reading>& list = readings_[first];
      auto it = std::find_if(list.begin(), list.end(), [&](const Reading& r) {
        return r.second == second && r.base == base;
      });
      if (it == list.end()) {
        list.push_back({second, base, logp});
      } else {
        it->logp = std::max(it->logp, logp);
      }
    }
  };
  add_readings(counts_);
  add_readings(document_);
  for (auto& [c, list] : readings_) {
    std::sort(list.begin(), list.end(),
              [](const Reading& a, const Reading& b) { return a.logp > b.logp; });
  }

  // The alphabet: printable ASCII, every Vietnamese letter in both cases,
  // and whatever the counts mention.
  std::vector<char32_t> alphabet = {0};
  index_.clear();
  auto add = [&](char32_t c) {
    if (c != 0 && index_.emplace(c, static_cast<uint32_t>(alphabet.size())).second) {
      alphabet.push_back(c);
    }
  };
  for (char32_t c = 0x21; c < 0x7F; ++c) add(c);
  for (char32_t c : std::u32string_view(kVietnameseLetters)) {
    add(c);
    add(UpperChar(c));
  }
  for (const auto& [key, count] : counts_) {
    add(key & 0x1FFFFF);
    add((key >> 21) & 0x1FFFFF);
    add(key >> 42);
  }
  low_index_.assign(0x2000, kNoIndex);
  for (const auto& [c, i] : index_) {
    if (c < low_index_.size()) low_index_[c] = i;
  }
  size_t n = alphabet.size();
  single_.assign(n * n, 0);
  doubles_.assign(n, {});
  unseen_double_.assign(n, 0);
  const bool reuse = like != nullptr && like->alphabet_ == alphabet;
  auto total = [](const ChannelModel& m, char32_t c) {
    auto it = m.totals_.find(c);
    return it == m.totals_.end() ? 0.0 : it->second;
  };
  for (size_t i = 0; i < n; ++i) {
    // Row 0, stray characters, is per printed position: it always changes.
    if (reuse && i > 0 && total(*this, alphabet[i]) == total(*like, alphabet[i])) {
      std::copy_n(like->single_.begin() + static_cast<std::ptrdiff_t>(i * n), n,
                  single_.begin() + static_cast<std::ptrdiff_t>(i * n));
    } else {
      for (size_t o = 0; o < n; ++o) {
        single_[i * n + o] = static_cast<float>(Op(alphabet[i], alphabet[o], 0));
      }
    }
    unseen_double_[i] = static_cast<float>(Op(alphabet[i], U'\uFFFF', U'\uFFFF'));
  }
  for (const auto& [key, logp] : logp_) {
    char32_t second = key >> 42;
    if (second == 0) continue;
    doubles_[index_[key & 0x1FFFFF]].push_back(
        {index_[(key >> 21) & 0x1FFFFF], index_[second], static_cast<float>(logp)});
  }
  alphabet_ = std::move(alphabet);
}

double ChannelModel::Op(char32_t intended, char32_t first, char32_t second) const {
  double logp;
  if (auto it = logp_.find(MakeKey(intended, first, second)); it != logp_.end()) {
    logp = it->second;
  } else {
    auto total = totals_.find(intended);
    double n = total == totals_.end() ? 0 : total->second;
    logp = std::log(kPriorWeight * Prior(intended, first, second) / (n + kPriorWeight));
  }
  if (second == 0 && IsVowel(intended) && IsVowelSign(first)) {
    logp = std::max(logp, kVowelAsSignLogProb);
  }
  return logp;
}

uint32_t ChannelModel::IndexOf(char32_t c) const {
  if (c < low_index_.size()) return low_index_[c];
  auto it = index_.find(c);
  return it == index_.end() ? kNoIndex : it->second;
}

double ChannelModel::LogProb(std::u32string_view observed, std::u32string_view intended) const {
  if (observed.size() > kMaxLength || intended.size() > kMaxLength) {
    return observed == intended ? 0 : kNever;
  }
  // Characters as alphabet indexes; one outside the alphabet sends the word
  // to the slower path that computes every step.
  uint32_t obs[kMaxLength], want[kMaxLength];
  bool known = true;
  auto to_index = [&](std::u32string_view text, uint32_t* out) {
    for (size_t k = 0; k < text.size() && known; ++k) {
      out[k] = IndexOf(text[k]);
      known = out[k] != kNoIndex;
    }
  };
  to_index(observed, obs);
  to_index(intended, want);
  if (!known) {
    return Align(
        observed, intended, [this](char32_t i, char32_t f, char32_t s) { return Op(i, f, s); },
        nullptr);
  }
  return DenseLogProb(obs, observed.size(), want, intended.size());
}

double ChannelModel::DenseLogProb(const uint32_t* observed, size_t m, const uint32_t* intended,
                                  size_t n) const {
  // Align()'s table a row of intended characters at a time, each cell
  // taking the best of the cells that reach it rather than pushing to them;
  // the candidate search runs this for every word it weighs. Every cell is
  // reachable (any character may be lost or stray, at a finite cost), so
  // none is left at Align()'s kNever.
  const size_t a = doubles_.size();
  double rows[2][kMaxLength + 1];
  double *prev = rows[0], *cur = rows[1];
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + single_[observed[j - 1]];  // Stray.
  for (size_t i = 0; i < n; ++i) {
    const uint32_t c = intended[i];
    const float* sub = &single_[c * a];
    const double lost = sub[0];
    cur[0] = prev[0] + lost;
    for (size_t j = 1; j <= m; ++j) {
      double best = std::max(prev[j] + lost, prev[j - 1] + sub[observed[j - 1]]);
      if (j >= 2) {
        float logp = unseen_double_[c];
        for (const Double& d : doubles_[c]) {
          if (d.first == observed[j - 2] && d.second == observed[j - 1]) {
            logp = d.logp;
            break;
          }
        }
        best = std::max(best, prev[j - 2] + logp);
      }
      cur[j] = std::max(best, cur[j - 1] + single_[observed[j - 1]]);
    }
    std::swap(prev, cur);
  }
  return prev[m];
}

std::vector<ChannelModel::Reading> ChannelModel::ReadingsOf(char32_t c) const {
  std::vector<Reading> out;
  if (auto it = readings_.find(c); it != readings_.end()) out = it->second;
  char32_t own = BaseLetter(c);
  auto has = [&](char32_t base) {
    return std::any_of(out.begin(), out.end(),
                       [&](const Reading& r) { return r.second == 0 && r.base == base; });
  };
  if (own != 0 && !has(own)) out.push_back({0, own, static_cast<float>(std::log(0.5))});
  if (IsVowelSign(c)) {
    for (char32_t vowel : kVowelBases) {
      if (!has(vowel)) out.push_back({0, vowel, static_cast<float>(kSignAsVowelLogProb)});
    }
  }
  return out;
}

ChannelModel ChannelModel::Adapted(const std::vector<Sighting>& sightings, double share) const {
  std::unordered_map<Key, double> seen;
  double total = 0;
  std::vector<AlignStep> steps;
  for (const Sighting& w : sightings) {
    if (w.intended.empty() || w.intended.size() > kMaxLength || w.observed.size() > kMaxLength) {
      continue;
    }
    Align(
        w.observed, w.intended, [this](char32_t i, char32_t f, char32_t s) { return Op(i, f, s); },
        &steps);
    for (const AlignStep& s : steps) seen[MakeKey(s.intended, s.first, s.second)] += w.times;
    total += w.times * static_cast<double>(steps.size());
  }
  ChannelModel model;
  model.counts_ = counts_;
  model.document_ = std::move(seen);
  if (total > 0) {
    double trained = 0;
    for (const auto& [key, count] : counts_) trained += count;
    double weight = share * trained / total;
    for (const auto& [key, count] : model.document_) model.counts_[key] += weight * count;
  }
  model.Index(this);
  return model;
}

void ChannelModelBuilder::AddPair(std::u32string_view intended, std::u32string_view observed) {
  if (intended.empty() || intended.size() > kMaxLength || observed.size() > kMaxLength) return;
  pairs_.emplace_back(intended, observed);
}

void ChannelModelBuilder::Write(const std::string& path) const {
  // Two rounds of hard EM: align with the prior alone, count, then realign
  // with the counts so rare confusions line up the way common ones do.
  ChannelModel model;
  std::vector<AlignStep> steps;
  for (int round = 0; round < 2; ++round) {
    std::unordered_map<ChannelModel::Key, double> counts;
    for (const auto& [intended, observed] : pairs_) {
      Align(
          observed, intended,
          [&model](char32_t i, char32_t f, char32_t s) { return model.Op(i, f, s); }, &steps);
      for (const AlignStep& s : steps) {
        counts[ChannelModel::MakeKey(s.intended, s.first, s.second)] += 1;
      }
    }
    model.counts_ = std::move(counts);
    model.Index();
  }
  std::string body;
  PutRaw<uint32_t>(&body, static_cast<uint32_t>(model.counts_.size()));
  std::vector<std::pair<ChannelModel::Key, double>> rows(model.counts_.begin(),
                                                         model.counts_.end());
  std::sort(rows.begin(), rows.end());
  for (const auto& [key, count] : rows) {
    PutRaw<uint32_t>(&body, static_cast<uint32_t>(key & 0x1FFFFF));
    PutRaw<uint32_t>(&body, static_cast<uint32_t>((key >> 21) & 0x1FFFFF));
    PutRaw<uint32_t>(&body, static_cast<uint32_t>(key >> 42));
    PutRaw<float>(&body, static_cast<float>(count));
  }
  WriteModelFile(path, kMagic, kVersion, body);
}

}  // namespace vnplan
