// Input that is not a plan must give valid, empty-ish output with warnings.
#include <gtest/gtest.h>

#include <string>

#include "tests/extract/extract_test_util.h"

namespace vnplan {
namespace {

bool HasExtractWarning(const Document& doc) {
  for (const Diagnostic& d : doc.diagnostics) {
    if (d.stage == "extract") return true;
  }
  return false;
}

TEST(BadInput, NovelProseHasNoTasksAndWarns) {
  std::string novel;
  for (int i = 0; i < 200; ++i) {
    novel += "Chiều hôm ấy, anh về làng, con đường đất đỏ dẫn qua cánh đồng lúa chín.\n";
  }
  Document doc = Extracted(novel);
  EXPECT_TRUE(doc.tasks.empty());
  EXPECT_TRUE(doc.references.empty());
  EXPECT_TRUE(HasExtractWarning(doc));
}

TEST(BadInput, TableDumpDoesNotInventCitations) {
  std::string table;
  for (int i = 0; i < 300; ++i) {
    table += std::to_string(i) + "\t12/3/2021\t4-5\t" + std::to_string(i * 7) + "/100\t45,5%\n";
  }
  Document doc = Extracted(table);
  EXPECT_TRUE(doc.references.empty());
  EXPECT_TRUE(doc.targets.empty());
}

TEST(BadInput, VeryLongLineCompletes) {
  std::string line;
  while (line.size() < 4 * 1000 * 1000) {
    line += "Sở Y tế chủ trì, phối hợp với Công an tỉnh theo Quyết định số 12/QĐ-UBND; ";
  }
  Document doc = Extracted("I. NHIỆM VỤ\n" + line + "\n");
  ASSERT_EQ(doc.references.size(), 1u);
  EXPECT_EQ(doc.references[0].id, "quyet-dinh-12-qd-ubnd");
  EXPECT_GT(doc.references[0].mentions.size(), 1000u);
}

TEST(BadInput, RepeatedAndDeepNumbering) {
  std::string text = "II. TỔ CHỨC THỰC HIỆN\n";
  for (int i = 0; i < 50; ++i)
    text += "1. Sở Tài chính\n1.1. Sở Tài chính\na) - + * Bố trí kinh phí.\n";
  Document doc = Extracted(text);
  for (const Task& t : doc.tasks) EXPECT_FALSE(t.id.empty());
}

TEST(BadInput, InvalidUtf8IsSurvived) {
  Document doc = Extracted("Căn cứ \xff\xfe Quyết định số 5/QĐ-TTg ngày 1/2/2020\xc3;\n\xe1\x80\n");
  ASSERT_EQ(doc.references.size(), 1u);
  EXPECT_EQ(doc.references[0].id, "quyet-dinh-5-2020-qd-ttg");
}

}  // namespace
}  // namespace vnplan
