// Unicode normalisation and folding for matching names (ICU).
//
// Fold() is the one definition of "the same name, written differently":
// two strings match when their folds are equal. It is used by the resolver,
// the country lookups and, later, by search and deduplication.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::text {

// NFC form of valid UTF-8 text (input must be valid; see core/utf8.h).
std::string Nfc(std::string_view utf8);

// Folds a name for matching: NFC, accents removed (NFD then combining marks
// dropped), full case folding, ligatures expanded (œ -> oe, æ -> ae,
// ß -> ss), every character that is not a letter or digit (apostrophes of
// any kind, hyphens, dots, commas, brackets, ...) turned into a space,
// runs of spaces collapsed, ends trimmed.
//   Fold("L'Haÿ-les-Roses") == "l hay les roses"
//   Fold("  ŒUVRE  ") == "oeuvre"
// Input must be valid UTF-8. Thread-safe.
std::string Fold(std::string_view utf8);

// Splits a folded string on spaces.
std::vector<std::string_view> Tokens(std::string_view folded);

}  // namespace coopatlas::text
