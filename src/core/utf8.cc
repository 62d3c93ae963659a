#include "core/utf8.h"

namespace coopatlas::core {
namespace {

// Length of the sequence starting at `text[i]` if valid, else 0.
std::size_t ValidSequenceLength(std::string_view text, std::size_t i) {
  const auto b0 = static_cast<unsigned char>(text[i]);
  if (b0 < 0x80) return 1;
  auto cont = [&](std::size_t k) {
    return i + k < text.size() &&
           (static_cast<unsigned char>(text[i + k]) & 0xC0) == 0x80;
  };
  if (b0 >= 0xC2 && b0 <= 0xDF) return cont(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    if (!cont(1) || !cont(2)) return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b0 == 0xE0 && b1 < 0xA0) return 0;   // overlong
    if (b0 == 0xED && b1 >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const auto b1 = static_cast<unsigned char>(text[i + 1]);
    if (b0 == 0xF0 && b1 < 0x90) return 0;   // overlong
    if (b0 == 0xF4 && b1 >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

}  // namespace

std::optional<Utf8Error> FindInvalidUtf8(std::string_view text) {
  Utf8Error where;
  std::size_t i = 0;
  while (i < text.size()) {
    // Fast path over ASCII.
    const auto b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      if (b == '\n') {
        ++where.line;
        where.column = 1;
      } else {
        ++where.column;
      }
      ++i;
      continue;
    }
    const std::size_t n = ValidSequenceLength(text, i);
    if (n == 0) {
      where.offset = i;
      return where;
    }
    i += n;
    ++where.column;
  }
  return std::nullopt;
}

char32_t DecodeUtf8(std::string_view text, std::size_t* pos) {
  const std::size_t i = *pos;
  const std::size_t n = ValidSequenceLength(text, i);
  const auto b0 = static_cast<unsigned char>(text[i]);
  auto c = [&](std::size_t k) {
    return static_cast<char32_t>(static_cast<unsigned char>(text[i + k]) &
                                 0x3F);
  };
  switch (n) {
    case 1:
      *pos = i + 1;
      return b0;
    case 2:
      *pos = i + 2;
      return (static_cast<char32_t>(b0 & 0x1F) << 6) | c(1);
    case 3:
      *pos = i + 3;
      return (static_cast<char32_t>(b0 & 0x0F) << 12) | (c(1) << 6) | c(2);
    case 4:
      *pos = i + 4;
      return (static_cast<char32_t>(b0 & 0x07) << 18) | (c(1) << 12) |
             (c(2) << 6) | c(3);
    default:
      *pos = i + 1;
      return 0xFFFD;
  }
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string_view StripBom(std::string_view text) {
  if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") {
    return text.substr(3);
  }
  return text;
}

}  // namespace coopatlas::core
