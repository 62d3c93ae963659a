// Names to codes, against the real reference data (table-driven).
#include <gtest/gtest.h>

#include <set>

#include "coopatlas/registry.h"
#include "integration/environment.h"

namespace coopatlas::testing {
namespace {

struct Case {
  std::string name;
  Resolution status;
  std::string first_code;         // the best candidate
  std::vector<std::string> also;  // other codes that must be candidates
  ResolveHints hints = {};
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

class ResolveTest : public ::testing::TestWithParam<Case> {};

TEST_P(ResolveTest, Resolves) {
  const Case& c = GetParam();
  auto r = SharedRegistry().Resolve(c.name, c.hints);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, c.status) << ResolutionName(r->status);
  if (c.first_code.empty()) {
    EXPECT_TRUE(r->candidates.empty());
    return;
  }
  ASSERT_FALSE(r->candidates.empty());
  EXPECT_EQ(r->candidates[0].code, c.first_code) << r->candidates[0].why;
  std::set<std::string> codes;
  for (const auto& cand : r->candidates) codes.insert(cand.code);
  for (const auto& code : c.also) EXPECT_TRUE(codes.count(code)) << code;
}

constexpr auto kUnique = Resolution::kUnique;
constexpr auto kAmbiguous = Resolution::kAmbiguous;
constexpr auto kNotFound = Resolution::kNotFound;

INSTANTIATE_TEST_SUITE_P(
    Communes, ResolveTest,
    ::testing::Values(Case{"St Etienne", kUnique, "42218", {}},
                      Case{"Saint-Étienne", kUnique, "42218", {}},
                      Case{"SAINT ETIENNE", kUnique, "42218", {}},
                      Case{"42218", kUnique, "42218", {}},
                      Case{"Bordeaux", kUnique, "33063", {}},
                      Case{"Le Havre", kUnique, "76351", {}},
                      Case{"Havre", kUnique, "76351", {}},
                      Case{"L'Haÿ-les-Roses", kUnique, "94038", {}},
                      Case{"Lhay les roses", kNotFound, "", {}},
                      Case{
                          "Marseille 1er Arrondissement", kUnique, "13201", {}},
                      // Overseas communes.
                      Case{"Fort-de-France", kUnique, "97209", {}},
                      Case{"Mamoudzou", kUnique, "97611", {}},
                      Case{"Nouméa", kUnique, "98818", {}},
                      Case{"Papeete", kUnique, "98735", {}},
                      Case{"Saint-Denis (Réunion)", kUnique, "97411", {}},
                      Case{"Saint-Denis, La Réunion", kUnique, "97411", {}},
                      Case{"Nowhere-sur-Rien", kNotFound, "", {}},
                      Case{"", kNotFound, "", {}}));

INSTANTIATE_TEST_SUITE_P(
    FormerAndDelegated, ResolveTest,
    ::testing::Values(
        // Former names answer today's commune.
        Case{"Cherbourg", kUnique, "50129", {}},
        Case{"Cherbourg-Octeville", kUnique, "50129", {}},
        Case{"Annecy-le-Vieux", kUnique, "74010", {}},
        Case{"Château-Chinon (Ville)", kUnique, "58062", {}},
        Case{"Château-Chinon", kAmbiguous, "58062", {"58063"}}));

INSTANTIATE_TEST_SUITE_P(
    CommuneAndDepartement, ResolveTest,
    ::testing::Values(Case{"Paris", kAmbiguous, "75056", {"75"}},
                      Case{"Vienne", kAmbiguous, "86", {"38544"}},
                      Case{"Creuse", kAmbiguous, "23", {"80225"}},
                      Case{"Paris", kUnique, "75", {}, {"", "", "departement"}},
                      Case{
                          "Paris", kUnique, "75056", {}, {"", "", "commune"}}));

INSTANTIATE_TEST_SUITE_P(
    EpciDepartementsRegions, ResolveTest,
    ::testing::Values(
        Case{"Métropole Rouen Normandie", kUnique, "200023414", {}},
        Case{"CA du Pays Basque", kUnique, "200067106", {}},
        Case{"Communauté d'agglomération du Pays Basque",
             kUnique,
             "200067106",
             {}},
        Case{"Pays Basque", kUnique, "200067106", {}},
        Case{"Gers", kUnique, "32", {}},
        Case{"Département du Gers", kUnique, "32", {}},
        Case{"Gers, Département", kUnique, "32", {}},
        Case{"Hérault", kUnique, "34", {}}, Case{"Herault", kUnique, "34", {}},
        Case{"Île-de-France", kUnique, "11", {}},
        Case{"Ile de France", kUnique, "11", {}},
        Case{"Région Bretagne", kUnique, "53", {}},
        Case{"Nord-Pas-de-Calais", kUnique, "32", {}},
        Case{"2A", kUnique, "2A", {}}));

INSTANTIATE_TEST_SUITE_P(
    Hints, ResolveTest,
    ::testing::Values(
        Case{"Saint-Denis", kUnique, "93066", {}, {"93", "", ""}},
        Case{"Saint-Denis", kUnique, "97411", {}, {"", "97400", ""}},
        Case{"Sainte-Colombe", kUnique, "69189", {}, {"Rhône", "", ""}},
        Case{"Valence", kUnique, "26362", {}, {"Drôme", "", ""}},
        Case{"Valence (Drôme)", kUnique, "26362", {}}));

TEST(Resolve, SainteColombeHasTwelveHomonymsAndNoneIsPicked) {
  auto r = SharedRegistry().Resolve("Sainte-Colombe");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->status, Resolution::kAmbiguous);
  int communes = 0;
  std::set<std::string> departements;
  for (const auto& c : r->candidates) {
    if (c.kind == "commune" && c.score == 1.0) {
      ++communes;
      departements.insert(c.departement);
    }
  }
  EXPECT_EQ(communes, 12);
  EXPECT_EQ(departements.size(), 12u);  // a name plus its département is unique
  // Ranked by population: never fewer candidates than homonyms.
  for (std::size_t i = 1; i < r->candidates.size(); ++i) {
    if (r->candidates[i].score == r->candidates[i - 1].score) {
      EXPECT_LE(r->candidates[i].population.value_or(-1),
                r->candidates[i - 1].population.value_or(-1));
    }
  }
}

TEST(Resolve, AccentsDoNotMatter) {
  auto accented = SharedRegistry().Resolve("Saint-Rémy");
  auto plain = SharedRegistry().Resolve("Saint-Remy");
  ASSERT_TRUE(accented.ok() && plain.ok());
  EXPECT_EQ(accented->status, Resolution::kAmbiguous);
  ASSERT_EQ(accented->candidates.size(), plain->candidates.size());
  for (std::size_t i = 0; i < plain->candidates.size(); ++i) {
    EXPECT_EQ(accented->candidates[i].code, plain->candidates[i].code);
  }
}

TEST(Resolve, FormerNameIsExplained) {
  auto r = SharedRegistry().Resolve("Cherbourg");
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->candidates.empty());
  EXPECT_EQ(r->candidates[0].name, "Cherbourg-en-Cotentin");
  EXPECT_NE(r->candidates[0].why.find("ancien nom « Cherbourg »"),
            std::string::npos);
  EXPECT_LT(r->candidates[0].score, 1.0);
}

TEST(Resolve, BadInputIsAnError) {
  EXPECT_EQ(SharedRegistry().Resolve("Saint-\xE9tienne").status().code(),
            Code::kInvalidArgument);
  EXPECT_EQ(
      SharedRegistry().Resolve("Paris", {"", "", "planet"}).status().code(),
      Code::kInvalidArgument);
  EXPECT_EQ(
      SharedRegistry().Resolve("Paris", {"Atlantide", "", ""}).status().code(),
      Code::kInvalidArgument);
  EXPECT_EQ(
      SharedRegistry().Resolve("Paris", {"", "75A01", ""}).status().code(),
      Code::kInvalidArgument);
  EXPECT_EQ(SharedRegistry().Resolve(std::string(5000, 'a')).status().code(),
            Code::kInvalidArgument);
}

struct CountryCase {
  std::string name;
  std::string code;
};

class CountryTest : public ::testing::TestWithParam<CountryCase> {};

TEST_P(CountryTest, Resolves) {
  auto r = SharedRegistry().ResolveCountry(GetParam().name);
  ASSERT_TRUE(r.ok());
  if (GetParam().code.empty()) {
    EXPECT_EQ(r->status, Resolution::kNotFound);
    return;
  }
  EXPECT_EQ(r->status, Resolution::kUnique) << GetParam().name;
  ASSERT_FALSE(r->candidates.empty());
  EXPECT_EQ(r->candidates[0].code, GetParam().code);
}

INSTANTIATE_TEST_SUITE_P(
    Aliases, CountryTest,
    ::testing::Values(
        CountryCase{"Côte-d'Ivoire", "CI"}, CountryCase{"Cote d'Ivoire", "CI"},
        CountryCase{"Ivory Coast", "CI"}, CountryCase{"Sénégal", "SN"},
        CountryCase{"Senegal", "SN"}, CountryCase{"SN", "SN"},
        CountryCase{"SEN", "SN"}, CountryCase{"England", "GB"},
        CountryCase{"Scotland", "GB"}, CountryCase{"Wales", "GB"},
        CountryCase{"Georgia (country)", "GE"},
        CountryCase{"Republic of Ireland", "IE"},
        CountryCase{"Palestinian territories", "PS"},
        CountryCase{"People's Republic of China", "CN"},
        CountryCase{"Kingdom of the Netherlands", "NL"},
        CountryCase{"Corée du Sud", "KR"}, CountryCase{"South Korea", "KR"},
        CountryCase{"Eswatini", "SZ"}, CountryCase{"Swaziland", "SZ"},
        CountryCase{"Congo", "CG"}, CountryCase{"RDC", "CD"},
        CountryCase{"Burkina Faso", "BF"}, CountryCase{"Atlantis", ""}));

}  // namespace
}  // namespace coopatlas::testing
