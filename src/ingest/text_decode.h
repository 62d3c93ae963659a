// Bytes from the field to UTF-8: UTF-8 with or without BOM, or Windows-1252
// (what French Excel writes), detected, never guessed silently.
#pragma once

#include <string>
#include <string_view>

#include "coopatlas/status.h"

namespace coopatlas::ingest {

enum class Encoding { kUtf8, kUtf8Bom, kWindows1252 };

// "UTF-8", "UTF-8 (BOM)", "Windows-1252".
std::string_view EncodingName(Encoding encoding);

struct DecodedText {
  std::string utf8;  // NFC is not applied; the BOM is removed
  Encoding encoding = Encoding::kUtf8;
};

// Decodes a file's bytes:
// - valid UTF-8 (with or without BOM) is kept as is (BOM removed);
// - text with no valid multi-byte UTF-8 sequence at all, whose bytes are all
//   defined in Windows-1252, is converted from Windows-1252;
// - anything else is an error: kInvalidArgument
//   "<source>: invalid UTF-8 at line L, column C (byte B)" naming the first
//   bad byte (a UTF-8 file with a corrupt byte, or bytes undefined in
//   Windows-1252: 0x81 0x8D 0x8F 0x90 0x9D).
// A NUL byte anywhere is an error too ("<source>: NUL byte at line L ...":
// not a text file).
Result<DecodedText> DecodeText(std::string_view bytes,
                               const std::string& source);

}  // namespace coopatlas::ingest
