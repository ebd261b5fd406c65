#include "pipeline/repair/repair_stage.h"

#include <gtest/gtest.h>
#include <iconv.h>
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
#include "tests/repair/encode_util.h"

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

TEST(RepairStage, MissingModelsThrow) {
  RepairOptions options;
  options.models_dir = "/nonexistent";
  EXPECT_THROW(MakeRepairStage(options), Error);
}

const std::string kPlanText =
    "ỦY BAN NHÂN DÂN\n"
    "TỈNH HÒA BÌNH\n"
    "Số: 15/KH-UBND\n"
    "KẾ HOẠCH\n"
    "Thực hiện Chương trình chuyển đổi số giai đoạn 2021-2025\n"
    "1. Sở Thông tin và Truyền thông chủ trì, phối hợp với các sở, ban, ngành.\n";

TEST(RepairStage, CleanTextIsUntouched) {
  const std::string& text = kPlanText;
  Document doc = Repair(text);
  EXPECT_EQ(doc.text, text);
  EXPECT_TRUE(doc.repairs.empty());
  EXPECT_EQ(doc.encoding, "utf-8");
  EXPECT_TRUE(doc.diagnostics.empty());
}

TEST(RepairStage, UnknownEncodingThrows) {
  RepairOptions options;
  options.encoding = "koi8-r";
  EXPECT_THROW(MakeStage(options), Error);
}

TEST(RepairStage, MixedDocumentBecomesOneCleanText) {
  // Decomposed Unicode, TCVN3 bytes with the modern tone placement, VIQR.
  std::string in = "Ho\u0300a Bi\u0300nh, nga\u0300y 14 tha\u0301ng 3\n" +
                   Iconv("TCVN5712-1", "Phát triển thuỷ lợi, khoẻ mạnh\n") + "\n" +
                   "Ke^' hoa.ch pho`ng cho^'ng thie^n tai\n";
  Document doc = Repair(in);
  EXPECT_EQ(doc.text,
            "Hòa Bình, ngày 14 tháng 3\n"
            "Phát triển thủy lợi, khỏe mạnh\n"
            "\n"
            "Kế hoạch phòng chống thiên tai\n");
  EXPECT_NE(doc.encoding.find("tcvn3"), std::string::npos) << doc.encoding;
  EXPECT_NE(doc.encoding.find("viqr"), std::string::npos) << doc.encoding;
  for (const RepairEdit& e : doc.repairs) {
    EXPECT_NE(e.before(doc.original_text), e.after(doc.text));
  }
}

TEST(RepairStage, ToneOptionAndForcedEncoding) {
  RepairOptions options;
  options.tone = TonePlacement::kModern;
  options.encoding = "tcvn3";
  Document doc = Repair(Iconv("TCVN5712-1", "Hòa Bình, thủy lợi\n"), options);
  EXPECT_EQ(doc.text, "Hoà Bình, thuỷ lợi\n");
  EXPECT_EQ(doc.encoding, "tcvn3");
}

TEST(RepairStage, LowConfidenceEditsAreFlagged) {
  RepairOptions options;
  options.confidence_threshold = 1.01;  // Everything is below it.
  Document doc = Repair("Ho\u0300a\n", options);
  ASSERT_EQ(doc.repairs.size(), 1u);
  EXPECT_TRUE(doc.repairs[0].uncertain);
  EXPECT_FALSE(Repair("Ho\u0300a\n").repairs[0].uncertain);
}

TEST(RepairStage, CleanTextIsUntouchedWithTheRestorer) {
  RepairOptions options;
  options.models_dir = VNPLAN_MODELS_DIR;
  std::unique_ptr<Stage> stage = MakeRepairStage(options);
  Document doc = FromText("plan.txt", kPlanText);
  stage->Run(doc);
  EXPECT_EQ(doc.text, kPlanText);
  EXPECT_TRUE(doc.repairs.empty());
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
    EXPECT_NE(e.before(doc.original_text), e.after(doc.text));
    rebuilt += doc.original_text.substr(at, e.original_begin - at);
    rebuilt += e.after(doc.text);
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
