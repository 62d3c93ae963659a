#include "text/tokens.h"

#include <gtest/gtest.h>

#include <tuple>
#include <vector>

#include "text/fold.h"

namespace coopatlas::text {
namespace {

using Tok = std::tuple<std::string, std::size_t, std::size_t>;

std::vector<Tok> All(std::string_view text) {
  std::vector<Tok> out;
  ForEachToken(text, [&](const Token& t) {
    out.emplace_back(std::string(t.folded), t.begin, t.end);
    return true;
  });
  return out;
}

TEST(ForEachToken, FoldsAndKeepsOriginalOffsets) {
  const std::string text = "Coopération à l'Haÿ-les-Roses";
  const auto tokens = All(text);
  ASSERT_EQ(tokens.size(), 6u);
  EXPECT_EQ(tokens[0], Tok("cooperation", 0, 12));  // é is two bytes
  EXPECT_EQ(text.substr(0, 12), "Coopération");
  EXPECT_EQ(tokens[1], Tok("a", 13, 15));
  EXPECT_EQ(tokens[2], Tok("l", 16, 17));
  EXPECT_EQ(tokens[3], Tok("hay", 18, 22));
  EXPECT_EQ(tokens[5], Tok("roses", 27, 32));
}

TEST(ForEachToken, AgreesWithFold) {
  for (const char* text : {"Saint-Étienne", "ŒUVRE d'art", "Łódź  Straße",
                           "Taiʻarapu-Ouest", "E\xCC\x81tat", "東京 2024"}) {
    std::string joined;
    ForEachToken(text, [&](const Token& t) {
      joined += (joined.empty() ? "" : " ") + std::string(t.folded);
      return true;
    });
    EXPECT_EQ(joined, Fold(text)) << text;
  }
}

TEST(ForEachToken, StopsWhenAsked) {
  int n = 0;
  ForEachToken("un deux trois", [&](const Token&) { return ++n < 2; });
  EXPECT_EQ(n, 2);
}

TEST(ForEachToken, LowerKeepsAccents) {
  std::vector<std::string> lower;
  ForEachToken("Éducation SANTÉ", [&](const Token& t) {
    lower.emplace_back(t.lower);
    return true;
  });
  EXPECT_EQ(lower, (std::vector<std::string>{"éducation", "santé"}));
}

TEST(Stemmer, FrenchInflectionsShareAStem) {
  Stemmer french("french");
  const std::string a(french.Stem("cooperation"));
  EXPECT_EQ(a, std::string(french.Stem("cooperations")));
  EXPECT_EQ(std::string(french.Stem("potable")),
            std::string(french.Stem("potables")));
  Stemmer english("english");
  EXPECT_EQ(std::string(english.Stem("schools")), "school");
}

}  // namespace
}  // namespace coopatlas::text
