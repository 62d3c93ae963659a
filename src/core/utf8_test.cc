#include "core/utf8.h"

#include <gtest/gtest.h>

namespace coopatlas::core {
namespace {

struct Utf8Case {
  const char* name;
  std::string text;
  bool valid;
  std::size_t offset, line, column;
};

void PrintTo(const Utf8Case& c, std::ostream* os) { *os << c.name; }

class Utf8Test : public ::testing::TestWithParam<Utf8Case> {};

TEST_P(Utf8Test, FindsFirstInvalidSequence) {
  const Utf8Case& c = GetParam();
  const auto bad = FindInvalidUtf8(c.text);
  EXPECT_EQ(!bad.has_value(), c.valid);
  if (bad) {
    EXPECT_EQ(bad->offset, c.offset);
    EXPECT_EQ(bad->line, c.line);
    EXPECT_EQ(bad->column, c.column);
  }
}

INSTANTIATE_TEST_SUITE_P(
    Table, Utf8Test,
    ::testing::Values(
        Utf8Case{"empty", "", true, 0, 0, 0},
        Utf8Case{"ascii", "Dapaong", true, 0, 0, 0},
        Utf8Case{"accents", "Saint-\xC3\x89tienne", true, 0, 0, 0},
        Utf8Case{"four_bytes", "\xF0\x9F\x8C\x8D", true, 0, 0, 0},
        // Windows-1252 "é" (0xE9) in the middle of the second line.
        Utf8Case{"cp1252", "ok\nSaint-\xE9tienne", false, 9, 2, 7},
        Utf8Case{"overlong", "\xC0\xAF", false, 0, 1, 1},
        Utf8Case{"surrogate", "a\xED\xA0\x80", false, 1, 1, 2},
        Utf8Case{"above_max", "\xF4\x90\x80\x80", false, 0, 1, 1},
        Utf8Case{"truncated", "\xC3", false, 0, 1, 1},
        Utf8Case{"lone_continuation", "\x80", false, 0, 1, 1}),
    [](const auto& test_info) { return std::string(test_info.param.name); });

TEST(Utf8, DecodeAndAppendRoundTrip) {
  const std::string text = "A\xC3\xA9\xE2\x80\x99\xF0\x9F\x8C\x8D";
  std::size_t pos = 0;
  std::string out;
  while (pos < text.size()) AppendUtf8(DecodeUtf8(text, &pos), &out);
  EXPECT_EQ(out, text);
}

TEST(Utf8, StripBom) {
  EXPECT_EQ(StripBom("\xEF\xBB\xBFname"), "name");
  EXPECT_EQ(StripBom("name"), "name");
}

}  // namespace
}  // namespace coopatlas::core
