#include "registry/search_query.h"

#include "core/utf8.h"

namespace coopatlas {
namespace {

constexpr std::size_t kMaxQueryBytes = 500;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// FTS5 string literal: "..." with '"' doubled.
std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// True if the text has a letter or digit (else it would match nothing and
// FTS5 would reject an empty string).
bool HasWordChar(std::string_view s) {
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') ||
        ((u | 32) >= 'a' && (u | 32) <= 'z')) {
      return true;
    }
  }
  return false;
}

}  // namespace

Result<SearchTerms> ParseSearch(std::string_view text) {
  if (!core::IsValidUtf8(text)) {
    return Status::InvalidArgument("the search text is not valid UTF-8");
  }
  if (text.size() > kMaxQueryBytes) {
    return Status::InvalidArgument("the search text is longer than " +
                                   std::to_string(kMaxQueryBytes) + " bytes");
  }
  SearchTerms terms;
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsSpace(text[i])) {
      ++i;
      continue;
    }
    bool exclude = false;
    if (text[i] == '-' && i + 1 < text.size() && !IsSpace(text[i + 1])) {
      exclude = true;
      ++i;
    }
    if (text[i] == '"') {
      const std::size_t close = text.find('"', i + 1);
      const std::size_t end =
          close == std::string_view::npos ? text.size() : close;
      const std::string phrase(text.substr(i + 1, end - i - 1));
      i = close == std::string_view::npos ? text.size() : close + 1;
      if (!HasWordChar(phrase)) continue;
      (exclude ? terms.excluded : terms.phrases).push_back(phrase);
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsSpace(text[end]) && text[end] != '"') ++end;
    std::string word(text.substr(i, end - i));
    i = end;
    bool prefix = false;
    while (!word.empty() && word.back() == '*') {
      prefix = true;
      word.pop_back();
    }
    if (!HasWordChar(word)) continue;
    if (exclude) {
      terms.excluded.push_back(word);
    } else {
      (prefix ? terms.prefixes : terms.words).push_back(word);
    }
  }
  if (terms.empty() && !terms.excluded.empty()) {
    return Status::InvalidArgument(
        "a search needs at least one word to look for, not only exclusions");
  }
  return terms;
}

std::string ToFtsQuery(const SearchTerms& terms, const std::string& column) {
  std::string q;
  auto add = [&](const std::string& term) {
    if (!q.empty()) q += " AND ";
    q += term;
  };
  for (const auto& w : terms.words) add(Quote(w));
  for (const auto& p : terms.phrases) add(Quote(p));
  for (const auto& p : terms.prefixes) add(Quote(p) + " *");
  if (!column.empty() && !q.empty()) q = column + " : (" + q + ")";
  for (const auto& x : terms.excluded) q += " NOT " + Quote(x);
  return q;
}

}  // namespace coopatlas
