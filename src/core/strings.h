// Small string helpers shared by the layers (std only).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace coopatlas::core {

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
