#include "text/tokens.h"

#include <libstemmer.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdlib>

namespace coopatlas::text {
namespace {

const icu::Normalizer2& Nfd() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status) || n == nullptr) std::abort();
  return *n;
}

void AppendUtf8(UChar32 cp, std::string* out) {
  char buffer[4];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, 4, cp, error);
  if (!error) out->append(buffer, static_cast<std::size_t>(length));
}

// Appends the folded form of one code point from U+0080 (possibly nothing:
// accents) to `token` and its case-folded form to `lower`; returns false if
// the code point separates tokens. ForEachToken folds ASCII itself.
bool FoldInto(UChar32 cp, std::string* token);

bool FoldCodePoint(UChar32 cp, std::string* token, std::string* lower) {
  const bool part = FoldInto(cp, token);
  if (part) AppendUtf8(u_foldCase(cp, U_FOLD_CASE_DEFAULT), lower);
  return part;
}

bool FoldInto(UChar32 cp, std::string* token) {
  const int8_t category = static_cast<int8_t>(u_charType(cp));
  if (category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK ||
      category == U_COMBINING_SPACING_MARK || (cp >= 0x02B0 && cp <= 0x02FF)) {
    return true;  // part of the word, adds nothing
  }
  switch (cp) {
    case 0x0152:
    case 0x0153:
      token->append("oe");
      return true;
    case 0x00C6:
    case 0x00E6:
      token->append("ae");
      return true;
    case 0x00D8:
    case 0x00F8:
      token->push_back('o');
      return true;
    case 0x0110:
    case 0x0111:
      token->push_back('d');
      return true;
    case 0x0141:
    case 0x0142:
      token->push_back('l');
      return true;
    case 0x0131:
      token->push_back('i');
      return true;
    case 0x00DF:
      token->append("ss");
      return true;
    default:
      break;
  }
  if (!u_isalnum(cp)) return false;
  // Decompose, drop marks, fold case.
  icu::UnicodeString decomposed;
  if (Nfd().getDecomposition(cp, decomposed)) {
    for (int32_t i = 0; i < decomposed.length();) {
      const UChar32 c = decomposed.char32At(i);
      i += U16_LENGTH(c);
      const int8_t cat = static_cast<int8_t>(u_charType(c));
      if (cat == U_NON_SPACING_MARK || cat == U_ENCLOSING_MARK ||
          cat == U_COMBINING_SPACING_MARK) {
        continue;
      }
      AppendUtf8(u_foldCase(c, U_FOLD_CASE_DEFAULT), token);
    }
    return true;
  }
  AppendUtf8(u_foldCase(cp, U_FOLD_CASE_DEFAULT), token);
  return true;
}

}  // namespace

void ForEachToken(std::string_view utf8,
                  const std::function<bool(const Token&)>& each) {
  std::string token, lower;
  std::size_t begin = 0;
  bool in_token = false;
  int32_t i = 0;
  const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  while (i < length) {
    const int32_t start = i;
    bool part = false;
    if (s[i] < 0x80) {
      // ASCII, most of the bytes of a French text, folded here;
      // FoldCodePoint takes the other code points.
      const auto c = static_cast<char>(s[i++]);
      const bool upper = c >= 'A' && c <= 'Z';
      part = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (part) {
        const char folded = upper ? static_cast<char>(c + ('a' - 'A')) : c;
        token.push_back(folded);
        lower.push_back(folded);
      }
    } else {
      UChar32 cp = 0;
      U8_NEXT(s, i, length, cp);
      if (cp < 0) cp = 0xFFFD;
      part = FoldCodePoint(cp, &token, &lower);
    }
    if (part) {
      if (!in_token) {
        in_token = true;
        begin = static_cast<std::size_t>(start);
      }
      continue;
    }
    if (in_token) {
      in_token = false;
      if (!token.empty() &&
          !each({token, lower, begin, static_cast<std::size_t>(start)})) {
        return;
      }
      token.clear();
      lower.clear();
    }
  }
  if (in_token && !token.empty()) each({token, lower, begin, utf8.size()});
}

Stemmer::Stemmer(const char* language)
    : stemmer_(sb_stemmer_new(language, "UTF_8")) {
  if (stemmer_ == nullptr) std::abort();  // libstemmer without the language
}

Stemmer::~Stemmer() { sb_stemmer_delete(stemmer_); }

std::string_view Stemmer::Stem(std::string_view folded) {
  const sb_symbol* out = sb_stemmer_stem(
      stemmer_, reinterpret_cast<const sb_symbol*>(folded.data()),
      static_cast<int>(folded.size()));
  if (out == nullptr) return folded;  // out of memory: the word itself
  return {reinterpret_cast<const char*>(out),
          static_cast<std::size_t>(sb_stemmer_length(stemmer_))};
}

}  // namespace coopatlas::text
