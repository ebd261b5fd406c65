#include "pipeline/json_writer.h"

#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

namespace vnplan {
namespace {

void WriteSample(JsonWriter& w) {
  w.BeginObject();
  w.Key("text");
  w.String("Kế hoạch \"số 1\"\n\tlưu \\ VT");
  w.Key("numbers");
  w.BeginArray();
  w.Int(-3);
  w.UInt(18446744073709551615ull);
  w.Double(0.7);
  w.Double(1);
  w.Double(std::numeric_limits<double>::quiet_NaN());
  w.EndArray();
  w.Key("empty");
  w.BeginObject();
  w.EndObject();
  w.Key("none");
  w.BeginArray();
  w.EndArray();
  w.Key("flags");
  w.BeginArray();
  w.Bool(true);
  w.Null();
  w.StringOrNull("");
  w.EndArray();
  w.EndObject();
}

TEST(JsonWriter, WritesWhatNlohmannReadsAndIndentsAsItDoes) {
  JsonWriter pretty(2), compact;
  WriteSample(pretty);
  WriteSample(compact);
  auto parsed = nlohmann::ordered_json::parse(compact.text());
  EXPECT_EQ(parsed["text"], "Kế hoạch \"số 1\"\n\tlưu \\ VT");
  EXPECT_EQ(parsed["numbers"][1].get<uint64_t>(), 18446744073709551615ull);
  EXPECT_DOUBLE_EQ(parsed["numbers"][2].get<double>(), 0.7);
  EXPECT_TRUE(parsed["numbers"][4].is_null());
  EXPECT_TRUE(parsed["flags"][2].is_null());
  EXPECT_EQ(pretty.text(), parsed.dump(2));
  EXPECT_EQ(compact.text(), parsed.dump());
}

TEST(JsonWriter, ControlCharactersAndBrokenUtf8StillParse) {
  JsonWriter w;
  w.String(std::string("a\x01z \xC3 \xE1\xBB\x87 \xEF\xBF\xBD", 13));
  EXPECT_EQ(w.text(), "\"a\\u0001z \xEF\xBF\xBD \xE1\xBB\x87 \xEF\xBF\xBD\"");
  EXPECT_NO_THROW(nlohmann::json::parse(w.text()));
}

}  // namespace
}  // namespace vnplan
