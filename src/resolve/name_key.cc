#include "resolve/name_key.h"

#include <array>
#include <string>

#include "text/fold.h"

namespace coopatlas::resolve {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() &&
         s.substr(s.size() - suffix.size()) == suffix;
}

struct KindWord {
  std::string_view words;  // folded
  std::string_view kind;
};

// Prefixes that name the kind of authority, longest first so that
// "departement de la" is tried before "departement de".
constexpr std::array<KindWord, 30> kPrefixes = {{
    {"conseil departemental de la ", "departement"},
    {"conseil departemental des ", "departement"},
    {"conseil departemental du ", "departement"},
    {"conseil departemental de ", "departement"},
    {"conseil departemental d ", "departement"},
    {"conseil general de la ", "departement"},
    {"conseil general des ", "departement"},
    {"conseil general du ", "departement"},
    {"conseil general de ", "departement"},
    {"conseil general d ", "departement"},
    {"departement de la ", "departement"},
    {"departement des ", "departement"},
    {"departement du ", "departement"},
    {"departement de ", "departement"},
    {"departement d ", "departement"},
    {"conseil regional de ", "region"},
    {"conseil regional d ", "region"},
    {"conseil regional ", "region"},
    {"region de ", "region"},
    {"region d ", "region"},
    {"region ", "region"},
    {"mairie de ", "commune"},
    {"mairie d ", "commune"},
    {"ville de ", "commune"},
    {"ville d ", "commune"},
    {"commune de ", "commune"},
    {"commune d ", "commune"},
    {"city of ", "commune"},
    {"town of ", "commune"},
    {"departement ", "departement"},
}};

constexpr std::array<KindWord, 6> kSuffixes = {{
    {" departement", "departement"},
    {" department", "departement"},
    {" dept", "departement"},
    {" region", "region"},
    {" city", "commune"},
    {" town", "commune"},
}};

// A qualifier that only says the kind (", Département") or the country.
std::string_view KindOfQualifier(std::string_view q) {
  if (q == "departement" || q == "department" || q == "dept") {
    return "departement";
  }
  if (q == "region") return "region";
  if (q == "commune" || q == "ville" || q == "city" || q == "town" ||
      q == "village") {
    return "commune";
  }
  if (q == "intercommunality" || q == "intercommunalite" || q == "communaute" ||
      q == "epci") {
    return "epci";
  }
  return {};
}

std::string Trim(std::string_view s) {
  std::size_t a = 0, b = s.size();
  while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
  while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
  return std::string(s.substr(a, b - a));
}

}  // namespace

std::string NameKey(std::string_view folded) {
  std::string out;
  out.reserve(folded.size() + 8);
  for (const std::string_view token : text::Tokens(folded)) {
    if (!out.empty()) out.push_back(' ');
    if (token == "st") {
      out += "saint";
    } else if (token == "ste") {
      out += "sainte";
    } else if (token == "sts") {
      out += "saints";
    } else if (token == "stes") {
      out += "saintes";
    } else {
      out += token;
    }
  }
  return out;
}

std::string WithoutArticle(std::string_view key) {
  for (const std::string_view article : {"le ", "la ", "les ", "l ", "the "}) {
    if (StartsWith(key, article) && key.size() > article.size()) {
      return std::string(key.substr(article.size()));
    }
  }
  return {};
}

ParsedQuery ParseQuery(std::string_view text) {
  ParsedQuery query;
  // Parenthetical groups, anywhere: "Valence (Drôme)".
  std::string name;
  std::string group;
  int depth = 0;
  for (const char c : text) {
    if (c == '(' || c == '[') {
      if (depth++ == 0) group.clear();
      continue;
    }
    if ((c == ')' || c == ']') && depth > 0) {
      if (--depth == 0) {
        const std::string folded = text::Fold(group);
        if (!folded.empty()) query.qualifiers.push_back(folded);
      }
      continue;
    }
    (depth > 0 ? group : name).push_back(c);
  }
  if (depth > 0) {
    // An unclosed bracket: keep its text as part of the name.
    name += ' ';
    name += group;
  }
  // After the first comma: "Dijon, Côte-d'Or", "Gers, Département".
  const std::size_t comma = name.find(',');
  if (comma != std::string::npos) {
    std::string rest = name.substr(comma + 1);
    name = name.substr(0, comma);
    std::size_t start = 0;
    while (start <= rest.size()) {
      std::size_t end = rest.find(',', start);
      if (end == std::string::npos) end = rest.size();
      const std::string folded =
          text::Fold(Trim(rest.substr(start, end - start)));
      if (!folded.empty()) query.qualifiers.push_back(folded);
      start = end + 1;
    }
  }
  // Qualifiers that are kind words or the country itself are not places.
  std::vector<std::string> places;
  for (const std::string& q : query.qualifiers) {
    const std::string_view kind = KindOfQualifier(q);
    if (!kind.empty()) {
      query.implied_kind = std::string(kind);
      query.notes.push_back("« " + q + " » indique le type");
    } else if (q == "france") {
      query.notes.push_back("« france » ignoré");
    } else {
      places.push_back(q);
    }
  }
  query.qualifiers = std::move(places);

  std::string key = NameKey(text::Fold(name));
  for (const KindWord& prefix : kPrefixes) {
    if (StartsWith(key, prefix.words) && key.size() > prefix.words.size()) {
      query.implied_kind = std::string(prefix.kind);
      query.notes.push_back("préfixe « " + Trim(prefix.words) + " » retiré");
      key = key.substr(prefix.words.size());
      break;
    }
  }
  for (const KindWord& suffix : kSuffixes) {
    if (EndsWith(key, suffix.words) && key.size() > suffix.words.size()) {
      query.implied_kind = std::string(suffix.kind);
      query.notes.push_back("suffixe « " + Trim(suffix.words) + " » retiré");
      key = key.substr(0, key.size() - suffix.words.size());
      break;
    }
  }
  query.key = std::move(key);
  return query;
}

}  // namespace coopatlas::resolve
