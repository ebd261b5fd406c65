#include "pipeline/repair/language_model.h"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "pipeline/error.h"

namespace vnplan {
namespace {

class LanguageModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("vnplan_lm_test_" + std::to_string(::getpid()) + ".bin"))
                .string();
    LanguageModelBuilder b;
    b.AddLexiconWord("hoặc");
    for (int i = 0; i < 5; ++i) {
      b.AddSentence({"kế", "hoạch", "thực", "hiện", "năm", "<num>"});
      b.AddSentence({"thực", "hiện", "kế", "hoạch"});
    }
    b.AddSentence({"kế", "toán"});
    b.AddSentence({"hiếm"});
    b.Write(path_, 2, 2, 2);
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(LanguageModelTest, VocabularyKeepsFrequentAndLexiconWords) {
  LanguageModel lm = LanguageModel::Load(path_);
  EXPECT_NE(lm.Find("hoạch"), LanguageModel::kUnknown);
  EXPECT_NE(lm.Find("hoặc"), LanguageModel::kUnknown);  // Lexicon, never seen.
  EXPECT_EQ(lm.Find("hiếm"), LanguageModel::kUnknown);  // Seen once.
  EXPECT_EQ(lm.Find(LanguageModel::kNumberWord), LanguageModel::kNumber);
  EXPECT_EQ(lm.word(lm.Find("kế")), "kế");
}

TEST_F(LanguageModelTest, SeenPairsBeatUnseenOnes) {
  LanguageModel lm = LanguageModel::Load(path_);
  uint32_t ke = lm.Find("kế"), hoach = lm.Find("hoạch"), hoac = lm.Find("hoặc");
  EXPECT_GT(lm.LogProb(ke, hoach), lm.LogProb(ke, hoac));
  EXPECT_GT(lm.LogProb(lm.Find("năm"), LanguageModel::kNumber),
            lm.LogProb(ke, LanguageModel::kNumber));
  // Back-off gives every pair a probability.
  EXPECT_TRUE(std::isfinite(lm.LogProb(hoac, hoac)));
  EXPECT_LT(lm.LogProb(hoac, hoac), 0);
}

TEST_F(LanguageModelTest, ProbabilityOutIsTheExpOfTheLogForSeenAndBackedOffPairs) {
  LanguageModel lm = LanguageModel::Load(path_);
  uint32_t ke = lm.Find("kế"), hoach = lm.Find("hoạch"), hoac = lm.Find("hoặc");
  for (auto [prev, word] : {std::pair{ke, hoach}, std::pair{hoac, hoac}}) {
    double prob = -1;
    float logp = lm.LogProb(prev, word, &prob);
    EXPECT_EQ(logp, lm.LogProb(prev, word));
    EXPECT_NEAR(prob, std::exp(static_cast<double>(logp)), 1e-6 * prob);
  }
}

TEST_F(LanguageModelTest, ProbabilitiesAfterAWordSumToAboutOne) {
  LanguageModel lm = LanguageModel::Load(path_);
  double sum = 0;
  for (uint32_t w = 0; w < lm.size(); ++w) sum += std::exp(lm.LogProb(lm.Find("thực"), w));
  EXPECT_NEAR(sum, 1.0, 0.05);
}

TEST_F(LanguageModelTest, CorruptFileIsRefusedNamingIt) {
  std::string bytes;
  {
    std::ifstream in(path_, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  // Drop bytes from the middle of the body but keep header and end marker.
  std::string cut = bytes.substr(0, bytes.size() / 2) + bytes.substr(bytes.size() - 4);
  std::ofstream(path_, std::ios::binary | std::ios::trunc) << cut;
  try {
    LanguageModel::Load(path_);
    FAIL() << "corrupt model loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), path_);
  }
}

}  // namespace
}  // namespace vnplan
