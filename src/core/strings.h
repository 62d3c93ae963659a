// Small string helpers shared by the layers (std only).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::core {

// The hash of std::hash<std::string_view>, for unordered maps and sets of
// strings looked up by string_view without making a string (with
// std::equal_to<> as their comparison).
struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const {
    return std::hash<std::string_view>{}(s);
  }
};

// The parts joined by `separator`: Join({"a", "b"}, ", ") == "a, b".
std::string Join(const std::vector<std::string>& parts,
                 std::string_view separator);

// The words of a space-separated list, runs of spaces ignored:
// SplitSpaces(" SN  BF") == {"SN", "BF"}.
std::vector<std::string> SplitSpaces(std::string_view text);

// The digits of `n` (not negative) in groups of three separated by a space,
// as French documents write them: GroupThousands(1234567) == "1 234 567".
std::string GroupThousands(std::uint64_t n);

// Appends `text` to `out` with &, <, >, " and ' escaped for HTML text and
// attributes.
void AppendHtmlEscaped(std::string& out, std::string_view text);
std::string HtmlEscape(std::string_view text);

}  // namespace coopatlas::core
