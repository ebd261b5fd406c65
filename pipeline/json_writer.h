// JsonWriter: JSON text written straight into a string, value by value.
//
// A plan's JSON holds a span object for every section, task, mention and
// repair; building it as a tree of nodes first cost as much as extracting
// the plan. The writer appends each value as it comes instead.
//
// Contract:
//  - Calls must form one well-formed value: Key() only directly inside an
//    object and before each of its values; Begin/End pairs match. The writer
//    checks nothing; a mismatched sequence writes malformed text.
//  - Strings are written as UTF-8 with the escapes JSON requires; ill-formed
//    UTF-8 in a string is written as U+FFFD, so the output always parses.
//  - Doubles are written in their shortest round-trip form ("0.7", "1.0");
//    NaN and infinities, which JSON lacks, as null.
//  - With `indent` >= 0, one member or element per line, nested `indent`
//    spaces deeper, as nlohmann::json::dump(indent) writes; < 0: compact.
#ifndef VNPLAN_PIPELINE_JSON_WRITER_H_
#define VNPLAN_PIPELINE_JSON_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vnplan {

class JsonWriter {
 public:
  explicit JsonWriter(int indent = -1) : indent_(indent) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  // Key(key) then String(value): most members of a plan's JSON.
  void Member(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }

  void String(std::string_view s);
  void Int(int64_t n);
  void UInt(uint64_t n);
  void Double(double d);
  void Bool(bool b);
  void Null();
  // A string, or null when `s` is empty.
  void StringOrNull(std::string_view s);
  void Strings(const std::vector<std::string>& items);

  const std::string& text() const { return out_; }
  std::string Take() { return std::move(out_); }

 private:
  void Open(char bracket);
  void Close(char bracket);
  // Separator and indentation before a value (not after a key).
  void BeforeValue();
  void NewLine();
  void Quote(std::string_view s);

  const int indent_;
  std::string out_;
  // Per open object or array: whether it has a member yet.
  std::vector<bool> filled_;
  bool after_key_ = false;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_JSON_WRITER_H_
