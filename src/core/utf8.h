// UTF-8 validation and decoding (std only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace coopatlas::core {

// Where the first invalid byte sequence of a text is.
struct Utf8Error {
  std::size_t offset = 0;  // byte offset from the start of the text
  std::size_t line = 1;    // 1-based line of that byte
  std::size_t column = 1;  // 1-based column, counted in code points
};

// Returns nothing if `text` is valid UTF-8 (no overlongs, no surrogates, no
// code point above U+10FFFF), else where the first invalid sequence starts.
std::optional<Utf8Error> FindInvalidUtf8(std::string_view text);

inline bool IsValidUtf8(std::string_view text) {
  return !FindInvalidUtf8(text).has_value();
}

// Decodes the code point at `text[*pos]` and advances *pos. Requires valid
// UTF-8 (check first); returns U+FFFD and advances one byte otherwise.
char32_t DecodeUtf8(std::string_view text, std::size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

// Removes a leading UTF-8 byte order mark, if any.
std::string_view StripBom(std::string_view text);

}  // namespace coopatlas::core
