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
