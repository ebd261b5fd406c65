// The agency gazetteer (models/extract/agencies.tsv, format in its header
// comment) and the matcher that finds the bodies a plan names.
//
// Contract:
//  - Gazetteer::Load throws vnplan::Error naming the file and line of a
//    malformed record. The gazetteer is immutable afterwards, so one instance
//    serves any number of threads.
//  - Find is one left-to-right pass over the words of the text: at each word
//    the longest gazetteer phrase wins, matched case-, diacritic- and
//    punctuation-blind ("Sở LĐTB&XH", "So Lao dong - Thuong binh va Xa hoi").
//    Bodies built from a prefix record ("Sở" + a sector, "UBND huyện" + a
//    place, "Trung tâm" + a name) must start with a capital in the text, so
//    "các sở, ngành" is no agency; a place or name is a run of capitalised
//    words joined by white space only.
//  - Mentions come out in text order, non-overlapping, with stable ids: the
//    record's ID, or the prefix ID and the slug of the sector, place or name.
//  - A body named without its level ("Ủy ban Mặt trận Tổ quốc") is the one
//    of the plan's own level (`level`, as LevelOf its issuer gives it); with
//    no level known, or none listed for it, it is left out.
#ifndef VNPLAN_EXTRACTORS_AGENCIES_H_
#define VNPLAN_EXTRACTORS_AGENCIES_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/document.h"

namespace vnplan {

struct AgencyMention {
  std::string id;
  std::string name;           // Canonical name.
  std::string level;          // central, province, district, commune, unit.
  size_t begin = 0, end = 0;  // Byte range in the text searched.
  std::string base;           // Place prefixes: the prefix's ID, with or without a place.
};

class Gazetteer {
 public:
  static Gazetteer Load(const std::string& path);

  std::vector<AgencyMention> Find(std::string_view text, std::string_view level = "") const;

  // The level of the first body `name` names ("SỞ Y TẾ" -> province), else
  // that its first word says ("TỈNH QUẢNG NINH" -> province), or "".
  std::string LevelOf(std::string_view name) const;

  // The canonical name of the body a symbol part stands for ("SGDĐT" -> "Sở
  // Giáo dục và Đào tạo"), or "" when none does.
  std::string NameOfAbbreviation(std::string_view part) const;

 private:
  enum class Kind { kFixed, kSectorPrefix, kPlacePrefix, kNamePrefix, kUnlevelled };
  struct Entry {
    Kind kind = Kind::kFixed;
    std::string id, name, level;
    bool composed = false;           // Built from a prefix record: needs a capital in the text.
    std::vector<std::string> exact;  // Name prefixes: lowercase spellings with marks.
    std::vector<int> by_level;       // Unlevelled: the entries it may stand for.
  };
  struct Node {
    std::unordered_map<std::string, int> next;
    int entry = -1;
  };

  void AddPhrase(std::string_view phrase, int entry);
  int AddEntry(Entry e);

  std::vector<Entry> entries_;
  std::vector<Node> trie_ = std::vector<Node>(1);
  std::unordered_map<std::string, int> compact_;              // "sgddt" -> entry.
  std::unordered_map<std::string, std::string> level_words_;  // "tinh" -> "province".
};

// Document::agencies from mentions found in `text`: one Agency per id, in
// order of first mention, with every mention's span and spelling. A body
// named without its place ("UBND xã") is the one named with it ("UBND xã Hòa
// Tiến") when the plan names exactly one such.
std::vector<Agency> CollectAgencies(const std::vector<AgencyMention>& mentions,
                                    std::string_view text, const class LineIndex& index);

}  // namespace vnplan

#endif  // VNPLAN_EXTRACTORS_AGENCIES_H_
