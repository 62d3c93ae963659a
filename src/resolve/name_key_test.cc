#include "resolve/name_key.h"

#include <gtest/gtest.h>

#include "text/fold.h"

namespace coopatlas::resolve {
namespace {

TEST(NameKey, ExpandsSaintAbbreviations) {
  EXPECT_EQ(NameKey(text::Fold("St Etienne")), "saint etienne");
  EXPECT_EQ(NameKey(text::Fold("St.-Étienne")), "saint etienne");
  EXPECT_EQ(NameKey(text::Fold("Ste-Colombe")), "sainte colombe");
  EXPECT_EQ(NameKey(text::Fold("Stes-Maries-de-la-Mer")),
            "saintes maries de la mer");
  // "st" inside a word is not an abbreviation.
  EXPECT_EQ(NameKey(text::Fold("Stains")), "stains");
}

TEST(WithoutArticle, StripsLeadingArticleOnly) {
  EXPECT_EQ(WithoutArticle("le havre"), "havre");
  EXPECT_EQ(WithoutArticle("l isle adam"), "isle adam");
  EXPECT_EQ(WithoutArticle("les mureaux"), "mureaux");
  EXPECT_EQ(WithoutArticle("the gambia"), "gambia");
  EXPECT_EQ(WithoutArticle("lens"), "");
  EXPECT_EQ(WithoutArticle("le"), "");
}

struct ParseCase {
  const char* text;
  const char* key;
  std::vector<std::string> qualifiers;
  const char* kind;
};

void PrintTo(const ParseCase& c, std::ostream* os) { *os << c.text; }

class ParseQueryTest : public ::testing::TestWithParam<ParseCase> {};

TEST_P(ParseQueryTest, Parses) {
  const ParseCase& c = GetParam();
  const ParsedQuery q = ParseQuery(c.text);
  EXPECT_EQ(q.key, c.key);
  EXPECT_EQ(q.qualifiers, c.qualifiers);
  EXPECT_EQ(q.implied_kind, c.kind);
}

INSTANTIATE_TEST_SUITE_P(
    Table, ParseQueryTest,
    ::testing::Values(
        ParseCase{"Saint-Denis (Réunion)", "saint denis", {"reunion"}, ""},
        ParseCase{"Valence, Drôme", "valence", {"drome"}, ""},
        ParseCase{"Gers, Département", "gers", {}, "departement"},
        ParseCase{"Département du Gers", "gers", {}, "departement"},
        ParseCase{"Conseil départemental de la Gironde",
                  "gironde",
                  {},
                  "departement"},
        ParseCase{"Calvados department", "calvados", {}, "departement"},
        ParseCase{"Région Bretagne", "bretagne", {}, "region"},
        ParseCase{"Ville de Lyon", "lyon", {}, "commune"},
        ParseCase{"Paris, France", "paris", {}, ""},
        ParseCase{"Gisors (intercommunality)", "gisors", {}, "epci"},
        ParseCase{"Lyon (unclosed", "lyon unclosed", {}, ""},
        ParseCase{"", "", {}, ""}));

}  // namespace
}  // namespace coopatlas::resolve
