#include "pipeline/repair/legacy_encoding.h"

#include <iconv.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>

#include <cctype>
#include <fstream>
#include <memory>
#include <sstream>

#include "pipeline/error.h"
#include "pipeline/utf8.h"

namespace vnplan {
namespace {

constexpr char kReplacement[] = "\xEF\xBF\xBD";

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

// Each byte of `charset` through glibc iconv on its own. The Vietnamese
// charsets are single-byte (TCVN's tone bytes come out as combining marks),
// so this is the whole converter.
void FillFromIconv(const char* charset, std::array<std::string, 256>* table) {
  iconv_t raw = iconv_open("UTF-8", charset);
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    throw Error(charset, "glibc iconv has no converter for this charset");
  }
  std::unique_ptr<void, IconvCloser> cd(raw);
  for (int byte = 0; byte < 0x100; ++byte) {
    char in = static_cast<char>(byte);
    char out[16];
    char* in_ptr = &in;
    size_t in_left = 1;
    char* out_ptr = out;
    size_t out_left = sizeof out;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);
    bool ok = iconv(raw, &in_ptr, &in_left, &out_ptr, &out_left) != static_cast<size_t>(-1) &&
              iconv(raw, nullptr, nullptr, &out_ptr, &out_left) != static_cast<size_t>(-1);
    (*table)[byte] = ok ? std::string(out, out_ptr - out) : kReplacement;
  }
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};

// Each byte of `charset` through an ICU converter.
void FillFromIcu(const char* charset, std::array<std::string, 256>* table) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, ConverterCloser> cnv(ucnv_open(charset, &status));
  if (U_FAILURE(status)) throw Error(charset, "ICU has no converter for this charset");
  for (int byte = 0; byte < 0x100; ++byte) {
    char in = static_cast<char>(byte);
    UChar out[8];
    status = U_ZERO_ERROR;
    ucnv_reset(cnv.get());
    int32_t n = ucnv_toUChars(cnv.get(), out, 8, &in, 1, &status);
    std::string& utf8 = (*table)[byte];
    utf8.clear();
    if (U_FAILURE(status) || n == 0) {
      utf8 = kReplacement;
      continue;
    }
    for (int32_t i = 0; i < n;) {
      UChar32 c;
      U16_NEXT(out, i, n, c);
      AppendUtf8(c, &utf8);
    }
  }
}

// TCVN and VISCII put capitals on some C0 control codes, but tab and line
// breaks mean the same in every encoding.
void KeepControls(std::array<std::string, 256>* table) {
  for (char c : {'\t', '\n', '\r', '\f'}) (*table)[static_cast<unsigned char>(c)] = c;
}

std::string ToUpper(std::string_view utf8) {
  std::string out;
  for (size_t pos = 0; pos < utf8.size();) AppendUtf8(u_toupper(NextCodePoint(utf8, &pos)), &out);
  return out;
}

bool IsAsciiLetter(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

std::vector<std::string> SplitTabs(const std::string& line) {
  std::string data = line.substr(0, line.find("\t#"));
  std::vector<std::string> fields;
  std::istringstream split(data);
  for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
  return fields;
}

template <typename Handler>
void ReadTable(const std::string& path, Handler handle) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot read the encoding table");
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (line.empty() || line[0] == '#') continue;
    if (!handle(SplitTabs(line)))
      throw Error(path, "line " + std::to_string(number) + ": malformed");
  }
}

bool ParseHex(const std::string& s, unsigned long* out) {
  if (s.empty() || s.size() > 6) return false;
  char* end = nullptr;
  *out = std::strtoul(s.c_str(), &end, 16);
  return *end == '\0';
}

}  // namespace

const char* EncodingName(Encoding e) {
  switch (e) {
    case Encoding::kUtf8:
      return "utf-8";
    case Encoding::kTcvn3:
      return "tcvn3";
    case Encoding::kVni:
      return "vni";
    case Encoding::kViqr:
      return "viqr";
    case Encoding::kViscii:
      return "viscii";
    case Encoding::kCp1258:
      return "cp1258";
    case Encoding::kMojibake:
      return "mojibake";
  }
  return "";
}

bool ParseEncoding(std::string_view name, Encoding* out) {
  std::string n;
  for (char c : name) {
    if (c != '-' && c != '_') n += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  static constexpr std::pair<const char*, Encoding> kAliases[] = {
      {"utf8", Encoding::kUtf8},        {"unicode", Encoding::kUtf8},
      {"tcvn3", Encoding::kTcvn3},      {"tcvn", Encoding::kTcvn3},
      {"abc", Encoding::kTcvn3},        {"tcvn57121", Encoding::kTcvn3},
      {"vni", Encoding::kVni},          {"vniwindows", Encoding::kVni},
      {"viqr", Encoding::kViqr},        {"viscii", Encoding::kViscii},
      {"cp1258", Encoding::kCp1258},    {"windows1258", Encoding::kCp1258},
      {"mojibake", Encoding::kMojibake}};
  for (const auto& [alias, e] : kAliases) {
    if (n == alias) {
      *out = e;
      return true;
    }
  }
  return false;
}

LegacyCodecs::LegacyCodecs(const std::string& encodings_dir, const VietnameseSyllables& syllables)
    : syllables_(syllables) {
  FillFromIconv("TCVN5712-1", &tcvn3_);
  FillFromIconv("VISCII", &viscii_);
  FillFromIcu("windows-1258", &cp1258_);
  Table cp1252;
  FillFromIcu("windows-1252", &cp1252);
  // Windows-1252 leaves five bytes undefined; Windows passes them through as
  // the C1 controls of the same value, as Latin-1 does.
  for (int byte = 0x80; byte < 0xA0; ++byte) {
    if (cp1252[byte] == kReplacement) {
      cp1252[byte].clear();
      AppendUtf8(byte, &cp1252[byte]);
    }
  }
  // Text read as Latin-1 has C1 controls where Windows-1252 has quotes and
  // dashes: both read back to the same byte.
  for (int byte = 0x80; byte < 0x100; ++byte) {
    size_t pos = 0;
    cp1252_bytes_[NextCodePoint(cp1252[byte], &pos)] = static_cast<unsigned char>(byte);
    cp1252_bytes_.emplace(static_cast<char32_t>(byte), static_cast<unsigned char>(byte));
  }
  // VNI fonts keep Windows-1252's characters where they draw no Vietnamese.
  vni_ = cp1252;
  for (Table* t : {&tcvn3_, &viscii_, &cp1258_, &vni_}) KeepControls(t);

  ReadTable(encodings_dir + "/vni.tsv", [&](const std::vector<std::string>& f) {
    unsigned long byte, cp;
    if (f.size() != 2 || !ParseHex(f[0], &byte) || byte < 0x80 || byte > 0xFF) return false;
    std::string utf8;
    std::istringstream points(f[1]);
    for (std::string hex; points >> hex;) {
      if (!ParseHex(hex, &cp)) return false;
      AppendUtf8(static_cast<char32_t>(cp), &utf8);
    }
    if (utf8.empty()) return false;
    vni_[byte] = utf8;
    return true;
  });
  ReadTable(encodings_dir + "/viqr.tsv", [&](const std::vector<std::string>& f) {
    unsigned long cp;
    if (f.size() == 3 && f[0] == "mark" && f[1].size() == 1 && ParseHex(f[2], &cp)) {
      viqr_marks_[f[1][0]] = static_cast<char32_t>(cp);
    } else if (f.size() == 3 && f[0] == "dd" && !f[1].empty() && !f[2].empty()) {
      viqr_dd_.emplace_back(f[1], f[2]);
    } else if (f.size() == 2 && f[0] == "escape" && f[1].size() == 1) {
      viqr_escape_ = f[1][0];
    } else {
      return false;
    }
    return true;
  });
  if (viqr_marks_.empty()) throw Error(encodings_dir + "/viqr.tsv", "no marks");
}

bool LegacyCodecs::IsByteLike(std::string_view stretch) const {
  for (size_t pos = 0; pos < stretch.size();) {
    if (static_cast<unsigned char>(stretch[pos]) < 0x80) {
      ++pos;
      continue;
    }
    if (!cp1252_bytes_.count(NextCodePoint(stretch, &pos))) return false;
  }
  return true;
}

bool LegacyCodecs::ToBytes(std::string_view stretch,
                           std::vector<std::pair<unsigned char, int>>* units) const {
  units->clear();
  units->reserve(stretch.size());
  if (!IsValidUtf8(stretch)) {
    for (char c : stretch) units->emplace_back(static_cast<unsigned char>(c), 1);
    return true;
  }
  for (size_t pos = 0; pos < stretch.size();) {
    size_t start = pos;
    char32_t c = NextCodePoint(stretch, &pos);
    if (c < 0x80) {
      units->emplace_back(static_cast<unsigned char>(c), 1);
      continue;
    }
    auto it = cp1252_bytes_.find(c);
    if (it == cp1252_bytes_.end()) return false;
    units->emplace_back(it->second, static_cast<int>(pos - start));
  }
  return true;
}

std::optional<Rewrite> LegacyCodecs::DecodeTable(const Table& table, bool caps_fonts,
                                                 std::string_view stretch) const {
  std::vector<std::pair<unsigned char, int>> units;
  if (!ToBytes(stretch, &units)) return std::nullopt;
  RewriteBuilder b(stretch);
  // ASCII other than letters, unless a charset made a capital of it.
  auto separator = [&](size_t k) {
    unsigned char c = units[k].first;
    return c < 0x80 && !IsAsciiLetter(c) && table[c].size() == 1;
  };
  // The ABC fonts set capitals with a separate font (.VnTimeH) that draws
  // the lower-case codes as capitals. A word is in it when its ASCII letters
  // are all capitals and there are two of them ("TØNH" is TỈNH, "Tû" is Tỷ),
  // or one in a heading: a line without lower-case ASCII holding two such
  // words, one with a lower-case legacy letter ("UBND TØNH H\xB5 GIANG",
  // not "Sè: 24/KH-PGD§T").
  auto caps_word = [&](size_t begin, size_t end, bool* legacy) {
    size_t upper = 0, lower = 0;
    *legacy = false;
    for (size_t k = begin; k < end; ++k) {
      unsigned char c = units[k].first;
      upper += c >= 'A' && c <= 'Z';
      lower += c >= 'a' && c <= 'z';
      *legacy = *legacy || ((c >= 0x80 || table[c].size() > 1) && ToUpper(table[c]) != table[c]);
    }
    return lower > 0 ? -1 : static_cast<int>(upper);
  };
  auto word_end = [&](size_t i) {
    while (i < units.size() && !separator(i)) ++i;
    return i;
  };
  bool heading = false;
  if (caps_fonts) {
    size_t caps_words = 0;
    bool any_legacy = false, lower = false;
    for (size_t i = 0; i < units.size();) {
      if (separator(i)) {
        ++i;
        continue;
      }
      size_t j = word_end(i);
      bool legacy;
      int upper = caps_word(i, j, &legacy);
      lower = lower || upper < 0;
      if (upper >= 2) {
        ++caps_words;
        any_legacy = any_legacy || legacy;
      }
      i = j;
    }
    heading = !lower && caps_words >= 2 && any_legacy;
  }
  for (size_t i = 0; i < units.size();) {
    if (separator(i)) {
      b.Copy(units[i++].second);
      continue;
    }
    size_t j = word_end(i);
    bool legacy;
    int upper = caps_word(i, j, &legacy);
    bool caps = caps_fonts && (upper >= 2 || (upper == 1 && heading));
    for (; i < j; ++i) {
      const std::string& meaning = table[units[i].first];
      b.Replace(units[i].second, caps ? ToUpper(meaning) : meaning, "encoding");
    }
  }
  return b.Finish();
}

std::optional<Rewrite> LegacyCodecs::DecodeMojibakeOnce(std::string_view stretch) const {
  std::vector<std::pair<unsigned char, int>> units;
  if (!IsValidUtf8(stretch) || !ToBytes(stretch, &units)) return std::nullopt;
  RewriteBuilder b(stretch);
  bool decoded = false;
  std::string bytes;
  for (size_t i = 0; i < units.size();) {
    unsigned char lead = units[i].first;
    size_t need = lead >= 0xC2 && lead <= 0xDF   ? 2
                  : lead >= 0xE0 && lead <= 0xEF ? 3
                  : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                 : 0;
    if (need == 0 || i + need > units.size()) {
      b.Copy(units[i++].second);
      continue;
    }
    bytes.clear();
    size_t length = 0;
    for (size_t k = i; k < i + need; ++k) {
      bytes += static_cast<char>(units[k].first);
      length += units[k].second;
    }
    if (!IsValidUtf8(bytes)) {
      b.Copy(units[i++].second);
      continue;
    }
    b.Replace(length, bytes, "encoding");
    decoded = true;
    i += need;
  }
  if (!decoded) return std::nullopt;
  return b.Finish();
}

std::optional<Rewrite> LegacyCodecs::DecodeViqr(std::string_view s) const {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return std::nullopt;
  }
  auto is_mark = [&](size_t k) { return k < s.size() && viqr_marks_.count(s[k]); };
  auto is_vowel = [&](size_t k) {
    return k < s.size() && std::string_view("aeiouyAEIOUY").find(s[k]) != std::string_view::npos;
  };
  RewriteBuilder b(s);
  std::u32string word;
  SyllableLetters letters;
  SyllableParse parse;
  size_t i = 0;
  while (i < s.size()) {
    if (s[i] == viqr_escape_ && is_mark(i + 1)) {
      b.CopyTo(i);
      b.Replace(1, "", "encoding");
      i += 2;
      continue;
    }
    if (!IsAsciiLetter(s[i]) || (i > 0 && IsAsciiLetter(s[i - 1]))) {
      ++i;
      continue;
    }
    size_t start = i;
    word.clear();
    bool marked = false;
    for (const auto& [spelling, letter] : viqr_dd_) {
      if (s.substr(i, spelling.size()) == spelling) {
        size_t pos = 0;
        word += NextCodePoint(letter, &pos);
        i += spelling.size();
        marked = true;
        break;
      }
    }
    while (i < s.size() && (IsAsciiLetter(s[i]) || (is_mark(i) && !word.empty()))) {
      if (!is_mark(i)) {
        word += static_cast<char32_t>(s[i++]);
        continue;
      }
      // A '.' or '?' closing a sentence after a plain vowel is punctuation.
      bool last = i + 1 == s.size() || !(IsAsciiLetter(s[i + 1]) || is_mark(i + 1));
      bool sentence_end =
          i + 1 == s.size() || (s[i + 1] == ' ' && (i + 2 == s.size() || std::isupper(s[i + 2])));
      if (last && (s[i] == '.' || s[i] == '?') && is_vowel(i - 1) && sentence_end) break;
      word += viqr_marks_.at(s[i++]);
      marked = true;
    }
    if (!marked || !syllables_.Analyze(word, &letters) ||
        !syllables_.Parse(letters, TonePlacement::kTraditional, &parse)) {
      continue;
    }
    b.CopyTo(start);
    b.Replace(i - start, syllables_.Spell(letters, parse.tone_at), "encoding");
  }
  return b.Finish();
}

std::optional<Rewrite> LegacyCodecs::Decode(Encoding e, std::string_view stretch) const {
  switch (e) {
    case Encoding::kUtf8: {
      RewriteBuilder b(stretch);
      for (size_t at = FindInvalidUtf8(stretch); at != std::string_view::npos;) {
        b.CopyTo(at);
        b.Replace(1, kReplacement, "invalid-utf8", 0);
        size_t rest = FindInvalidUtf8(stretch.substr(at + 1));
        at = rest == std::string_view::npos ? rest : at + 1 + rest;
      }
      return b.Finish();
    }
    case Encoding::kTcvn3:
      return DecodeTable(tcvn3_, /*caps_fonts=*/true, stretch);
    case Encoding::kVni:
      return DecodeTable(vni_, false, stretch);
    case Encoding::kViscii:
      return DecodeTable(viscii_, false, stretch);
    case Encoding::kCp1258:
      return DecodeTable(cp1258_, false, stretch);
    case Encoding::kViqr:
      return DecodeViqr(stretch);
    case Encoding::kMojibake: {
      std::optional<Rewrite> r = DecodeMojibakeOnce(stretch);
      // Text converted twice (or more) decodes again until it is UTF-8.
      for (int round = 0; r && round < 2; ++round) {
        std::optional<Rewrite> again = DecodeMojibakeOnce(r->text);
        if (!again) break;
        r = Compose(stretch, *r, *again);
      }
      return r;
    }
  }
  return std::nullopt;
}

}  // namespace vnplan
