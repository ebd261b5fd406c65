// Small UTF-8 helpers shared by the stages. Everything inside vnplan is
// UTF-8; these are the few byte-level facts the stages need about it.
#ifndef VNPLAN_PIPELINE_UTF8_H_
#define VNPLAN_PIPELINE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace vnplan {

// True when `s` is well-formed UTF-8 (no overlongs, surrogates or values
// above U+10FFFF).
bool IsValidUtf8(std::string_view s);

// Byte offset of the first ill-formed sequence, or npos.
size_t FindInvalidUtf8(std::string_view s);

// Decodes the code point starting at s[*pos] and advances *pos past it;
// ill-formed bytes decode to U+FFFD one byte at a time.
char32_t NextCodePoint(std::string_view s, size_t* pos);

void AppendUtf8(char32_t cp, std::string* out);

// Whole strings between UTF-8 and UTF-32, for code that indexes by code
// point; ill-formed bytes become U+FFFD as in NextCodePoint.
std::u32string ToUtf32(std::string_view utf8);
std::string ToUtf8(std::u32string_view text);

// Standard base64 with padding, for bytes that are not text.
std::string Base64(std::string_view bytes);

}  // namespace vnplan

#endif  // VNPLAN_PIPELINE_UTF8_H_
