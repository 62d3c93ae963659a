#include "ingest/text_decode.h"

#include <cstddef>
#include <string>

#include "core/utf8.h"

namespace coopatlas::ingest {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Windows-1252 code points of the bytes 0x80..0x9F; 0 marks the five bytes
// the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
constexpr char32_t kCp1252High[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

// The code point of a Windows-1252 byte, or 0 when the byte is undefined.
// (The byte 0x00 is rejected before, as a NUL.)
char32_t Cp1252ToCodePoint(unsigned char byte) {
  if (byte >= 0x80 && byte <= 0x9F) return kCp1252High[byte - 0x80];
  return byte;  // ASCII and 0xA0..0xFF are Latin-1
}

// True if `bytes` holds at least one valid multi-byte UTF-8 sequence.
bool HasValidMultiByteSequence(std::string_view bytes) {
  std::size_t pos = 0;
  while (pos < bytes.size()) {
    if (static_cast<unsigned char>(bytes[pos]) < 0x80) {
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    // DecodeUtf8 advances one byte on an invalid sequence, n > 1 on a valid
    // one (even for an encoded U+FFFD).
    core::DecodeUtf8(bytes, &pos);
    if (pos - start > 1) return true;
  }
  return false;
}

// Line and column (1-based, in code points) of `bytes[offset]`, where the
// bytes before `offset` are read as UTF-8 if they are valid UTF-8, else as
// a one-byte-per-character code page.
struct Position {
  std::size_t line = 1;
  std::size_t column = 1;
};
Position PositionOf(std::string_view bytes, std::size_t offset) {
  const std::string_view before = bytes.substr(0, offset);
  const bool utf8 = core::IsValidUtf8(before);
  Position where;
  for (const char c : before) {
    const auto b = static_cast<unsigned char>(c);
    if (b == '\n') {
      ++where.line;
      where.column = 1;
    } else if (!utf8 || (b & 0xC0) != 0x80) {  // not a continuation byte
      ++where.column;
    }
  }
  return where;
}

Status PositionedError(const std::string& source, std::string_view what,
                       std::size_t line, std::size_t column,
                       std::size_t byte_offset) {
  return Status::InvalidArgument(source + ": " + std::string(what) +
                                 " at line " + std::to_string(line) +
                                 ", column " + std::to_string(column) +
                                 " (byte " + std::to_string(byte_offset) + ")");
}

}  // namespace

std::string_view EncodingName(Encoding encoding) {
  switch (encoding) {
    case Encoding::kUtf8:
      return "UTF-8";
    case Encoding::kUtf8Bom:
      return "UTF-8 (BOM)";
    case Encoding::kWindows1252:
      return "Windows-1252";
  }
  return "unknown";
}

// In the messages, B is the 0-based byte offset of the bad byte in the file
// (BOM included), as core::ParseCsvTable reports it; L and C are counted
// after the BOM, C in code points (Windows-1252 characters when the file
// has no valid UTF-8 sequence).
Result<DecodedText> DecodeText(std::string_view bytes,
                               const std::string& source) {
  const bool has_bom = bytes.substr(0, kBom.size()) == kBom;
  // Positions are counted after the BOM (editors do not show it), byte
  // offsets from the start of the file.
  const std::size_t body_start = has_bom ? kBom.size() : 0;
  const std::string_view body = bytes.substr(body_start);

  // A NUL byte means a binary file (a .xlsx, UTF-16 text, ...): say so
  // before anything else.
  if (const std::size_t nul = body.find('\0'); nul != std::string_view::npos) {
    const Position where = PositionOf(body, nul);
    Status error = PositionedError(source, "NUL byte", where.line, where.column,
                                   body_start + nul);
    return Status::InvalidArgument(error.message() + ": not a text file");
  }

  const auto bad = core::FindInvalidUtf8(body);
  if (!bad) {
    DecodedText out;
    out.utf8 = std::string(body);
    out.encoding = has_bom ? Encoding::kUtf8Bom : Encoding::kUtf8;
    return out;
  }

  // Not UTF-8. Windows-1252 only if nothing in the bytes looks like UTF-8
  // (the BOM is a valid multi-byte sequence too).
  if (has_bom || HasValidMultiByteSequence(body)) {
    return PositionedError(source, "invalid UTF-8", bad->line, bad->column,
                           body_start + bad->offset);
  }

  DecodedText out;
  out.encoding = Encoding::kWindows1252;
  out.utf8.reserve(body.size() + body.size() / 8);
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const auto b = static_cast<unsigned char>(body[i]);
    const char32_t cp = Cp1252ToCodePoint(b);
    if (cp == 0) {
      // Neither UTF-8 nor Windows-1252. The byte is also invalid as UTF-8
      // (a lone continuation byte); columns are Windows-1252 characters.
      return PositionedError(source, "invalid UTF-8", line, column,
                             body_start + i);
    }
    if (b == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    core::AppendUtf8(cp, &out.utf8);
  }
  return out;
}

}  // namespace coopatlas::ingest
