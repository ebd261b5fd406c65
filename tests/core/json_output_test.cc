#include "pipeline/json_output.h"

#include <gtest/gtest.h>

#include "pipeline/line_index.h"
#include "pipeline/load.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

TEST(JsonOutput, SpansAreCodePointsAndCarryRepairConfidence) {
  Document doc = FromText("k.txt", "Ke hoach\nSở Y tế");
  doc.text = "Kế hoạch\nSở Y tế";
  RepairEdit edit;
  edit.begin = 0;
  edit.end = 4;           // "Kế"
  edit.original_end = 2;  // "Ke"
  edit.confidence = 0.7;
  doc.repairs.push_back(edit);
  LineIndex index(doc);
  doc.header.type = {"Kế hoạch", index.Span(0, doc.text.find('\n'))};
  size_t so = doc.text.find("Sở");
  doc.agencies.push_back(
      {"so-y-te", "Sở Y tế", "province", {"Sở Y tế"}, {index.Span(so, doc.text.size())}});

  auto j = ToJson(doc);
  EXPECT_EQ(j["schema_version"], kSchemaVersion);
  EXPECT_EQ(j["text"]["original"], "Ke hoach\nSở Y tế");
  auto span = j["header"]["type"]["span"];
  EXPECT_EQ(span["start"], 0);
  EXPECT_EQ(span["end"], 8);  // Code points, not bytes.
  EXPECT_DOUBLE_EQ(span["repair_confidence"].get<double>(), 0.7);
  auto mention = j["agencies"][0]["mentions"][0];
  EXPECT_EQ(mention["start"], 9);
  EXPECT_EQ(mention["page"], 1);
  EXPECT_EQ(mention["line"], 2);
  EXPECT_FALSE(mention.contains("repair_confidence"));
  EXPECT_TRUE(j["header"]["title"].is_null());
  // The log holds offsets; the JSON spells out both sides from the texts.
  EXPECT_EQ(j["repairs"][0]["before"], "Ke");
  EXPECT_EQ(j["repairs"][0]["after"], "Kế");
}

TEST(JsonOutput, KeepsNonUtf8OriginalAsBase64) {
  Document doc = FromText("tcvn3.txt", "K\xd5 ho\xb9\x63h");
  doc.text = "Kế hoạch";
  auto j = ToJson(doc);
  EXPECT_FALSE(j["text"].contains("original"));
  EXPECT_EQ(j["text"]["original_base64"], Base64("K\xd5 ho\xb9\x63h"));
  EXPECT_NO_THROW(Dump(j));
}

}  // namespace
}  // namespace vnplan
