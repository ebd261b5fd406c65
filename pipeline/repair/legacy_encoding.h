// LegacyCodecs: the ways Vietnamese text reaches vnplan other than as UTF-8,
// and how to undo each of them on one stretch of text.
//
//   tcvn3     TCVN 5712 (the ABC fonts .VnTime...), via glibc iconv
//   viscii    VISCII, via glibc iconv
//   cp1258    Windows-1258, via ICU (tones as combining marks)
//   vni       VNI Windows fonts (vni.tsv)
//   viqr      RFC 1456 ASCII marks, "Vie^.t Nam" (viqr.tsv)
//   mojibake  UTF-8 read as Windows-1252 or Latin-1, once or repeatedly
//   utf-8     as is; ill-formed bytes become U+FFFD
//
// Legacy text comes either as its raw bytes (then it is not valid UTF-8) or
// already converted to Unicode as if it were Windows-1252, the way a text
// layer or a copy from an old document delivers "ViÖt Nam": both are read
// back to the font's bytes and decoded. The single-byte tables are built
// once from the system converters and the data files, so decoding is a
// table lookup and needs no converter state per call.
//
// Decode() returns a Rewrite of the stretch whose edits have kind
// "encoding" (or "invalid-utf8" with confidence 0 for replaced bytes); its
// text is UTF-8 but not yet NFC. Control characters, tabs and line breaks
// are never changed. Immutable after construction; thread-safe.
#ifndef VNPLAN_PIPELINE_REPAIR_LEGACY_ENCODING_H_
#define VNPLAN_PIPELINE_REPAIR_LEGACY_ENCODING_H_

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/repair/rewrite.h"
#include "pipeline/repair/vietnamese_syllable.h"

namespace vnplan {

enum class Encoding { kUtf8, kTcvn3, kVni, kViqr, kViscii, kCp1258, kMojibake };

inline constexpr Encoding kAllEncodings[] = {
    Encoding::kUtf8,   Encoding::kTcvn3,  Encoding::kVni,     Encoding::kViqr,
    Encoding::kViscii, Encoding::kCp1258, Encoding::kMojibake};

// "utf-8", "tcvn3", ...: the names of the table above.
const char* EncodingName(Encoding e);
// Accepts those names, case-insensitively, and common aliases ("abc",
// "windows-1258", "utf8"); false for anything else.
bool ParseEncoding(std::string_view name, Encoding* out);

class LegacyCodecs {
 public:
  // Reads vni.tsv and viqr.tsv from `encodings_dir` and builds the tables;
  // throws vnplan::Error when a file or a system converter is missing.
  // `syllables` must outlive the codecs (VIQR decodes only words that then
  // are syllables, so "What?" stays English).
  LegacyCodecs(const std::string& encodings_dir, const VietnameseSyllables& syllables);

  // Decodes `stretch` (no '\n') as `e`; nullopt when the stretch cannot be
  // in that encoding (valid UTF-8 with characters no legacy byte becomes,
  // VIQR outside ASCII, mojibake that is not UTF-8 underneath).
  std::optional<Rewrite> Decode(Encoding e, std::string_view stretch) const;

  // True if `stretch` is Unicode text that could be a legacy encoding read
  // as Windows-1252 (every character is one such byte); cheap, so callers
  // can skip the legacy candidates for ordinary Unicode lines.
  bool IsByteLike(std::string_view stretch) const;

 private:
  // One legacy byte's meaning (UTF-8), for the single-byte encodings.
  using Table = std::array<std::string, 256>;

  // The stretch as legacy bytes, each with its length in the stretch.
  bool ToBytes(std::string_view stretch, std::vector<std::pair<unsigned char, int>>* units) const;
  std::optional<Rewrite> DecodeTable(const Table& table, bool caps_fonts,
                                     std::string_view stretch) const;
  std::optional<Rewrite> DecodeMojibakeOnce(std::string_view stretch) const;
  std::optional<Rewrite> DecodeViqr(std::string_view stretch) const;

  const VietnameseSyllables& syllables_;
  Table tcvn3_, viscii_, cp1258_, vni_;
  std::unordered_map<char32_t, unsigned char> cp1252_bytes_;  // U+0080.. to its byte.
  std::unordered_map<char, char32_t> viqr_marks_;
  std::vector<std::pair<std::string, std::string>> viqr_dd_;
  char viqr_escape_ = 0;
};

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_REPAIR_LEGACY_ENCODING_H_
