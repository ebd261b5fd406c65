#include "pipeline/repair/repair_stage.h"

#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "pipeline/error.h"
#include "pipeline/load.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

std::unique_ptr<Stage> MakeStage(RepairOptions options = {}) {
  options.models_dir = VNPLAN_MODELS_DIR;
  options.restore_diacritics = false;
  return MakeRepairStage(options);
}

Document Repair(std::string bytes, RepairOptions options = {}) {
  Document doc = FromText("test.txt", std::move(bytes));
  MakeStage(options)->Run(doc);
  return doc;
}

std::string Nfc(const std::string& s) {
  UErrorCode status = U_ZERO_ERROR;
  std::string out;
  icu::Normalizer2::getNFCInstance(status)
      ->normalize(icu::UnicodeString::fromUTF8(s), status)
      .toUTF8String(out);
  EXPECT_TRUE(U_SUCCESS(status));
  return out;
}

TEST(RepairStage, MissingModelsThrow) {
  RepairOptions options;
  options.models_dir = "/nonexistent";
  EXPECT_THROW(MakeRepairStage(options), Error);
}

TEST(RepairStage, CleanTextIsUntouched) {
  const std::string text =
      "ỦY BAN NHÂN DÂN\n"
      "TỈNH HÒA BÌNH\n"
      "Số: 15/KH-UBND\n"
      "KẾ HOẠCH\n"
      "Thực hiện Chương trình chuyển đổi số giai đoạn 2021-2025\n"
      "1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành.\n";
  Document doc = Repair(text);
  EXPECT_EQ(doc.text, text);
  EXPECT_TRUE(doc.repairs.empty());
  EXPECT_EQ(doc.encoding, "utf-8");
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(RepairStage, EmptyInput) {
  Document doc = Repair("");
  EXPECT_EQ(doc.text, "");
  EXPECT_TRUE(doc.repairs.empty());
}

TEST(RepairStage, InvalidUtf8IsReplacedAndReported) {
  std::string in = "Kế hoạch\xFF số 15\n\xC3(\n";
  Document doc = Repair(in);
  EXPECT_EQ(doc.text, "Kế hoạch\uFFFD số 15\n\uFFFD(\n");
  ASSERT_FALSE(doc.diagnostics.empty());
  EXPECT_NE(doc.diagnostics[0].message.find("offset " + std::to_string(in.find('\xFF'))),
            std::string::npos)
      << doc.diagnostics[0].message;
  ASSERT_EQ(doc.repairs.size(), 2u);
  EXPECT_TRUE(doc.repairs[0].uncertain);
  EXPECT_EQ(doc.repairs[1].original_begin, in.find('\xC3'));
}

TEST(RepairStage, BinaryInputNeitherCrashesNorDropsLines) {
  std::string in;
  for (int i = 0; i < 5000; ++i) in += static_cast<char>((i * 7919) % 256);
  Document doc = Repair(in);
  EXPECT_TRUE(IsValidUtf8(doc.text));
  EXPECT_EQ(std::count(doc.text.begin(), doc.text.end(), '\n'),
            std::count(in.begin(), in.end(), '\n'));
  EXPECT_FALSE(doc.diagnostics.empty());
}

TEST(RepairStage, LogMapsOriginalToRepaired) {
  std::string in = "Ho\u0300a Bi\u0300nh\u00A0 2023\n";
  Document doc = Repair(in);
  EXPECT_EQ(doc.text, "Hòa Bình  2023\n");
  std::string rebuilt;
  size_t at = 0;
  for (const RepairEdit& e : doc.repairs) {
    EXPECT_EQ(doc.original_text.substr(e.original_begin, e.original_end - e.original_begin),
              e.before);
    EXPECT_EQ(doc.text.substr(e.begin, e.end - e.begin), e.after);
    rebuilt += doc.original_text.substr(at, e.original_begin - at) + e.after;
    at = e.original_end;
  }
  EXPECT_EQ(rebuilt + doc.original_text.substr(at), doc.text);
}

// The seeds are real plans typed in Unicode: repair may only compose them
// to NFC and turn their no-break spaces into spaces.
TEST(RepairStage, CleanSeedsComeOutIdenticalExceptNfc) {
  const std::filesystem::path seeds = std::string(VNPLAN_SHARED_DIR) + "/seeds";
  if (!std::filesystem::is_directory(seeds)) GTEST_SKIP() << seeds << " absent: no seeds to check";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(seeds)) {
    std::string name = entry.path().filename().string();
    if (name.rfind("002_", 0) != 0 && name.rfind("004_", 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string bytes(std::istreambuf_iterator<char>(in), {});
    Document doc = Repair(bytes);
    std::string expected = Nfc(doc.original_text);
    for (size_t at; (at = expected.find("\u00A0")) != std::string::npos;) {
      expected.replace(at, 2, " ");
    }
    EXPECT_EQ(doc.text, expected) << name;
    EXPECT_EQ(doc.encoding, "utf-8") << name;
    ++checked;
  }
  EXPECT_EQ(checked, 2) << "expected seeds 002_* and 004_* in " << seeds;
}

}  // namespace
}  // namespace vnplan
