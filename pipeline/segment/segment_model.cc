#include "pipeline/segment/segment_model.h"

#include <map>
#include <sstream>

#include "pipeline/error.h"
#include "pipeline/segment/tsv.h"

namespace vnplan {
namespace {

std::string Where(const std::string& path, const TsvRecord& r) {
  return path + ":" + std::to_string(r.line);
}

void Require(const std::string& path, const TsvRecord& r, size_t fields) {
  if (r.fields.size() < fields || r.fields[0].empty() || r.fields[1].empty()) {
    throw Error(Where(path, r), "expected " + std::to_string(fields) + " tab-separated fields");
  }
}

void LoadKinds(const std::string& path, SegmentModel* m) {
  for (const TsvRecord& r : ReadTsv(path)) {
    Require(path, r, 2);
    m->kinds.Add(r.fields[1], r.fields[0]);
  }
}

void LoadNumbering(const std::string& path, SegmentModel* m) {
  for (const TsvRecord& r : ReadTsv(path)) {
    Require(path, r, 2);
    const std::string& role = r.fields[0];
    if (role == "letters") {
      std::istringstream in(r.fields[1]);
      std::vector<std::string> sequence;
      for (std::string letter; in >> letter;) sequence.push_back(letter);
      m->letter_sequences.push_back(std::move(sequence));
    } else if (role == "roman") {
      Require(path, r, 3);
      const std::string& from = r.fields[1];
      const std::string& to = r.fields[2];
      bool ascii = from.size() == 1 && static_cast<unsigned char>(from[0]) < 128;
      if (!ascii || (to != "I" && to != "V" && to != "X")) {
        throw Error(Where(path, r), "roman look-alikes map one ASCII character to I, V or X");
      }
      m->roman_lookalike[static_cast<unsigned char>(from[0])] = to[0];
    } else if (role == "letter") {
      Require(path, r, 3);
      m->letter_lookalikes.emplace_back(r.fields[1], r.fields[2]);
    } else if (role == "division") {
      m->divisions.Add(r.fields[1], r.fields[1]);
    } else if (role == "ordinal") {
      Require(path, r, 3);
      if (r.fields[2].find_first_not_of("0123456789") != std::string::npos || r.fields[2].empty() ||
          r.fields[2].size() > 2) {
        throw Error(Where(path, r), "an ordinal's number must be 1 to 99");
      }
      m->ordinals.Add(r.fields[1], r.fields[2]);
    } else if (role == "bullet") {
      m->bullets.push_back(r.fields[1]);
    } else {
      throw Error(Where(path, r), "unknown role '" + role + "'");
    }
  }
}

void LoadLayout(const std::string& path, SegmentModel* m) {
  const std::map<std::string, PhraseList*> lists = {
      {"motto", &m->motto},      {"number", &m->number_label},
      {"day", &m->day},          {"month", &m->month},
      {"year", &m->year},        {"type", &m->doc_types},
      {"unit", &m->units},       {"joiner", &m->joiners},
      {"body", &m->body_starts}, {"recipients", &m->recipients_label},
      {"archive", &m->archive},  {"authority", &m->authorities},
      {"seal", &m->seal_notes},
  };
  for (const TsvRecord& r : ReadTsv(path)) {
    Require(path, r, 2);
    auto it = lists.find(r.fields[0]);
    if (it == lists.end()) throw Error(Where(path, r), "unknown role '" + r.fields[0] + "'");
    const std::string& value =
        r.fields.size() > 2 && !r.fields[2].empty() ? r.fields[2] : r.fields[1];
    it->second->Add(r.fields[1], value);
  }
  for (const auto& [role, list] : lists) {
    if (list->empty()) throw Error(path, "no cue for role '" + role + "'");
  }
}

}  // namespace

SegmentModel SegmentModel::Load(const std::string& models_dir) {
  SegmentModel m;
  std::string dir = models_dir + "/segment/";
  LoadKinds(dir + "kinds.tsv", &m);
  LoadNumbering(dir + "numbering.tsv", &m);
  LoadLayout(dir + "layout.tsv", &m);
  if (m.kinds.empty()) throw Error(dir + "kinds.tsv", "no section kinds");
  return m;
}

}  // namespace vnplan
