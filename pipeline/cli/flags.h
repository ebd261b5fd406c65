// Command-line flags for the vnplan subcommands: declared once with their
// help text, so --help is always in step with what is parsed.
#ifndef VNPLAN_PIPELINE_CLI_FLAGS_H_
#define VNPLAN_PIPELINE_CLI_FLAGS_H_

#include <map>
#include <string>
#include <vector>

namespace vnplan {

struct FlagSpec {
  std::string name;   // Without dashes: "jobs" for --jobs.
  std::string value;  // Placeholder for flags that take a value ("N"); empty for switches.
  std::string help;
};

class Flags {
 public:
  // `usage` is the synopsis line(s) and description printed by --help.
  Flags(std::string usage, std::vector<FlagSpec> specs);

  // Parses argv[first..argc). Returns false with *error set on an unknown
  // flag or a missing value. "--help"/"-h" sets help_requested().
  bool Parse(int argc, char** argv, int first, std::string* error);

  bool help_requested() const { return help_; }
  bool Has(const std::string& name) const { return values_.count(name) > 0; }
  std::string Get(const std::string& name, const std::string& fallback = "") const;
  // Throws std::invalid_argument naming the flag when the value is not a number.
  int GetInt(const std::string& name, int fallback) const;
  const std::vector<std::string>& positional() const { return positional_; }

  std::string Help() const;

 private:
  const FlagSpec* Find(const std::string& name) const;

  std::string usage_;
  std::vector<FlagSpec> specs_;
  std::map<std::string, std::string> values_;
  std::vector<std::string> positional_;
  bool help_ = false;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_CLI_FLAGS_H_
