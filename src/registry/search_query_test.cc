#include "registry/search_query.h"

#include <gtest/gtest.h>

namespace coopatlas {
namespace {

struct Case {
  const char* text;
  const char* fts;  // expected MATCH expression ("" when empty)
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.text; }

class SearchQueryTest : public ::testing::TestWithParam<Case> {};

TEST_P(SearchQueryTest, QuotesEverything) {
  auto terms = ParseSearch(GetParam().text);
  ASSERT_TRUE(terms.ok()) << terms.status().ToString();
  EXPECT_EQ(ToFtsQuery(*terms), GetParam().fts);
}

INSTANTIATE_TEST_SUITE_P(
    Table, SearchQueryTest,
    ::testing::Values(
        Case{"eau potable", "\"eau\" AND \"potable\""},
        Case{"\"eau potable\" Sénégal", "\"Sénégal\" AND \"eau potable\""},
        Case{"eau -assainissement", "\"eau\" NOT \"assainissement\""},
        Case{"coop*", "\"coop\" *"}, Case{"a\"b", "\"a\" AND \"b\""},
        Case{"title:eau OR NEAR(", "\"title:eau\" AND \"OR\" AND \"NEAR(\""},
        Case{"((( ^ *", ""}, Case{"", ""},
        Case{"\"unclosed phrase", "\"unclosed phrase\""},
        Case{"l'eau", "\"l'eau\""}, Case{"say \"\"\"x", "\"say\" AND \"x\""}));

TEST(SearchQuery, ColumnRestriction) {
  auto terms = ParseSearch("lyo");
  ASSERT_TRUE(terms.ok());
  terms->prefixes.push_back(terms->words.back());
  terms->words.clear();
  EXPECT_EQ(ToFtsQuery(*terms, "title"), "title : (\"lyo\" *)");
}

TEST(SearchQuery, Errors) {
  EXPECT_EQ(ParseSearch("-eau").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(ParseSearch("\xE9t\xE9").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(ParseSearch(std::string(600, 'a')).status().code(),
            Code::kInvalidArgument);
}

}  // namespace
}  // namespace coopatlas
