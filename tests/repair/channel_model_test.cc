#include "pipeline/repair/channel_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "pipeline/error.h"

namespace vnplan {
namespace {

class ChannelModelTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() /
             ("vnplan_channel_test_" + std::to_string(::getpid()) + ".bin"))
                .string();
  }
  void TearDown() override { std::filesystem::remove(path_); }
  std::string path_;
};

TEST_F(ChannelModelTest, LearnsConfusionsFromPairs) {
  ChannelModelBuilder b;
  for (int i = 0; i < 20; ++i) {
    b.AddPair(U"số", U"s6");
    b.AddPair(U"hiện", U"hién");
    b.AddPair(U"không", U"khong");
    b.AddPair(U"Địa", U"Pia");
  }
  b.Write(path_);
  ChannelModel m = ChannelModel::Load(path_);
  // A learned confusion beats an unseen change of the same letter.
  EXPECT_GT(m.LogProb(U"s6", U"số"), m.LogProb(U"s7", U"số"));
  EXPECT_GT(m.LogProb(U"Pia", U"Địa"), m.LogProb(U"Qia", U"Địa"));
  // Keeping a word is likelier than any change to it.
  EXPECT_GT(m.LogProb(U"sao", U"sao"), m.LogProb(U"sao", U"sáo"));
  // '6' reads as the skeleton letter 'o'.
  auto readings = m.ReadingsOf(U'6');
  EXPECT_TRUE(std::any_of(readings.begin(), readings.end(),
                          [](const ChannelModel::Reading& r) { return r.base == U'o'; }));
  // A letter always reads as itself too.
  auto own = m.ReadingsOf(U'q');
  EXPECT_TRUE(std::any_of(own.begin(), own.end(),
                          [](const ChannelModel::Reading& r) { return r.base == U'q'; }));
}

TEST_F(ChannelModelTest, AdaptsToAnEngineThatConfusesOtherwise) {
  ChannelModelBuilder b;
  for (int i = 0; i < 50; ++i) {
    b.AddPair(U"bố", U"bé");
    b.AddPair(U"bao", U"bao");
  }
  b.Write(path_);
  ChannelModel m = ChannelModel::Load(path_);
  auto reads_o = [](const ChannelModel& model) {
    auto readings = model.ReadingsOf(U'b');
    return std::any_of(readings.begin(), readings.end(),
                       [](const ChannelModel::Reading& r) { return r.base == U'o'; });
  };
  EXPECT_FALSE(reads_o(m));
  // A document whose engine prints ố as 'b'.
  ChannelModel adapted = m.Adapted({{U"số", U"sb", 5}, {U"bao", U"bao", 20}}, 0.5);
  EXPECT_TRUE(reads_o(adapted));
  EXPECT_GT(adapted.LogProb(U"sb", U"số"), m.LogProb(U"sb", U"số") + 3);
  // What the document confirms stays as likely; the model is unchanged.
  EXPECT_GT(adapted.LogProb(U"bao", U"bao"), -0.5);
  EXPECT_FALSE(reads_o(m));
}

TEST_F(ChannelModelTest, ASignInAWordMayBeAnyVowel) {
  ChannelModelBuilder b;
  b.AddPair(U"số", U"s6");
  b.Write(path_);
  ChannelModel m = ChannelModel::Load(path_);
  auto bases = [&](char32_t c) {
    std::u32string out;
    for (const auto& r : m.ReadingsOf(c)) out.push_back(r.base);
    return out;
  };
  for (char32_t vowel : std::u32string_view(U"aeiouy")) {
    EXPECT_NE(bases(U'&').find(vowel), std::u32string::npos);
  }
  // Apostrophes and quotes stand for marks, and digits for what they were seen as.
  EXPECT_TRUE(bases(U'’').empty());
  EXPECT_EQ(bases(U'7').find(U'a'), std::u32string::npos);
}

TEST_F(ChannelModelTest, MissingFileIsNamed) {
  try {
    ChannelModel::Load(path_);
    FAIL() << "loaded a missing file";
  } catch (const Error& e) {
    EXPECT_EQ(e.file(), path_);
  }
}

}  // namespace
}  // namespace vnplan
