#include "text/fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <string>

namespace coopatlas::text {
namespace {

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) std::abort();  // ICU data missing
  return *n;
}

const icu::Normalizer2& NfcInstance() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status) || n == nullptr) std::abort();
  return *n;
}

bool IsAscii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Appends a folded ASCII character, or a separator.
void PushAscii(char c, std::string* out, bool* pending_space) {
  const auto u = static_cast<unsigned char>(c);
  const bool alnum = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') ||
                     (u >= '0' && u <= '9');
  if (!alnum) {
    *pending_space = true;
    return;
  }
  if (*pending_space && !out->empty()) out->push_back(' ');
  *pending_space = false;
  out->push_back(static_cast<char>((u >= 'A' && u <= 'Z') ? u + 32 : u));
}

}  // namespace

std::string Nfc(std::string_view utf8) {
  if (IsAscii(utf8)) return std::string(utf8);
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  const icu::UnicodeString out = NfcInstance().normalize(in, status);
  std::string result;
  if (U_FAILURE(status)) return std::string(utf8);
  out.toUTF8String(result);
  return result;
}

std::string Fold(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pending_space = false;
  if (IsAscii(utf8)) {
    for (const char c : utf8) PushAscii(c, &out, &pending_space);
    return out;
  }
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  s = Nfd().normalize(s, status);
  if (U_FAILURE(status)) return out;
  s.foldCase();
  std::string piece;
  for (int32_t i = 0; i < s.length();) {
    const UChar32 cp = s.char32At(i);
    i += U16_LENGTH(cp);
    if (cp < 0x80) {
      PushAscii(static_cast<char>(cp), &out, &pending_space);
      continue;
    }
    const int8_t category = static_cast<int8_t>(u_charType(cp));
    if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
        category == U_COMBINING_SPACING_MARK) {
      continue;  // accents: dropped
    }
    if (cp >= 0x02B0 && cp <= 0x02FF) {
      continue;  // modifier letters (ʻokina, ʼ, ʾ): "Taiʻarapu" = "Taiarapu"
    }
    // Ligatures and letters that NFD does not decompose.
    const char* ascii = nullptr;
    switch (cp) {
      case 0x0153:
        ascii = "oe";
        break;  // œ
      case 0x00E6:
        ascii = "ae";
        break;  // æ
      case 0x00F8:
        ascii = "o";
        break;  // ø
      case 0x0111:
        ascii = "d";
        break;  // đ
      case 0x0142:
        ascii = "l";
        break;  // ł
      case 0x0131:
        ascii = "i";
        break;  // dotless ı
      case 0x00F0:
        ascii = "d";
        break;  // ð
      case 0x00FE:
        ascii = "th";
        break;  // þ
      default:
        break;
    }
    if (ascii != nullptr) {
      for (const char* p = ascii; *p != '\0'; ++p) {
        PushAscii(*p, &out, &pending_space);
      }
      continue;
    }
    if (u_isalnum(cp)) {
      if (pending_space && !out.empty()) out.push_back(' ');
      pending_space = false;
      piece.clear();
      icu::UnicodeString(cp).toUTF8String(piece);
      out += piece;
    } else {
      pending_space = true;  // punctuation, apostrophes, dashes, spaces
    }
  }
  return out;
}

std::vector<std::string_view> Tokens(std::string_view folded) {
  std::vector<std::string_view> tokens;
  std::size_t start = 0;
  while (start < folded.size()) {
    std::size_t end = folded.find(' ', start);
    if (end == std::string_view::npos) end = folded.size();
    if (end > start) tokens.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  return tokens;
}

}  // namespace coopatlas::text
