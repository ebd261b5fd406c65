#include "pipeline/cli/flags.h"

#include <stdexcept>

namespace vnplan {

Flags::Flags(std::string usage, std::vector<FlagSpec> specs)
    : usage_(std::move(usage)), specs_(std::move(specs)) {}

const FlagSpec* Flags::Find(const std::string& name) const {
  for (const auto& s : specs_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool Flags::Parse(int argc, char** argv, int first, std::string* error) {
  bool only_positional = false;
  for (int i = first; i < argc; ++i) {
    std::string arg = argv[i];
    if (only_positional || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      positional_.push_back(arg);
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    if (arg == "--help" || arg == "-h") {
      help_ = true;
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name.resize(eq);
      inline_value = true;
    }
    const FlagSpec* spec = Find(name);
    if (!spec) {
      *error = "unknown option " + arg;
      return false;
    }
    if (!spec->value.empty() && !inline_value) {
      if (i + 1 >= argc) {
        *error = "option --" + name + " needs a value (" + spec->value + ")";
        return false;
      }
      value = argv[++i];
    }
    values_[name] = value;
  }
  return true;
}

std::string Flags::Get(const std::string& name, const std::string& fallback) const {
  auto it = values_.find(name);
  return it == values_.end() ? fallback : it->second;
}

int Flags::GetInt(const std::string& name, int fallback) const {
  auto it = values_.find(name);
  if (it == values_.end()) return fallback;
  size_t used = 0;
  int v = 0;
  try {
    v = std::stoi(it->second, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used == 0 || used != it->second.size()) {
    throw std::invalid_argument("--" + name + " takes a whole number, not '" + it->second + "'");
  }
  return v;
}

std::string Flags::Help() const {
  std::string out = usage_ + "\n\nOptions:\n";
  for (const auto& s : specs_) {
    std::string left = "  --" + s.name + (s.value.empty() ? "" : " " + s.value);
    if (left.size() < 26)
      left.resize(26, ' ');
    else
      left += "\n" + std::string(26, ' ');
    out += left + s.help + "\n";
  }
  out += "  --help                  Show this help.\n";
  return out;
}

}  // namespace vnplan
