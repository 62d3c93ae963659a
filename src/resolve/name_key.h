// How a name written by a person becomes the key the resolver looks up:
// folding (text/fold.h), Saint/St/Ste, leading articles, parenthetical
// qualifiers, and words that say what kind of authority is meant.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::resolve {

// Canonical key of a folded name: "st"/"ste"/"sts"/"stes" expanded to
// "saint"/"sainte"/"saints"/"saintes".
//   NameKey("st etienne") == "saint etienne"
std::string NameKey(std::string_view folded);

// The key without its leading French or English article (le, la, les, l,
// the), or "" if it has none.
std::string WithoutArticle(std::string_view key);

// A query taken apart.
struct ParsedQuery {
  std::string key;  // NameKey of the name part
  // Parenthetical and after-comma parts that are not kind words, folded:
  // "Saint-Denis (Réunion)" -> {"reunion"}.
  std::vector<std::string> qualifiers;
  // "departement", "region", "commune" or "" when the text said
  // "Département du Gers", "Gers department", "Ville de Lyon", ...
  std::string implied_kind;
  // What was removed, in French, for the `why` of the answer.
  std::vector<std::string> notes;
};

// Parses a name. Input must be valid UTF-8.
ParsedQuery ParseQuery(std::string_view text);

}  // namespace coopatlas::resolve
