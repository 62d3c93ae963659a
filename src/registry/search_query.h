// A person's search text to a safe SQLite FTS5 query. User input never
// reaches FTS5 unquoted: every word and phrase becomes a quoted string.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"

namespace coopatlas {

struct SearchTerms {
  std::vector<std::string> words;     // must all match
  std::vector<std::string> phrases;   // "exact phrases"
  std::vector<std::string> excluded;  // -word or -"phrase"
  std::vector<std::string> prefixes;  // word* (type-ahead)
  bool empty() const {
    return words.empty() && phrases.empty() && prefixes.empty();
  }
};

// Splits the text: words, "quoted phrases", -exclusions, word* prefixes.
// Anything else (FTS5 operators, brackets, colons, quotes left open) is
// ordinary text. Errors: kInvalidArgument for invalid UTF-8 or a text over
// 500 bytes, or exclusions without any word to look for.
Result<SearchTerms> ParseSearch(std::string_view text);

// The FTS5 MATCH expression of the terms (each term a quoted FTS5 string,
// '"' doubled; NOT for exclusions). `columns` restricts to columns, e.g.
// "title" for type-ahead ("" for all).
std::string ToFtsQuery(const SearchTerms& terms,
                       const std::string& column = "");

}  // namespace coopatlas
