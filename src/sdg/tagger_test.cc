// The SDG tagger on sentences written for these tests (not taken from the
// evaluation sets): each goal has French and English sentences that must get
// it, near misses that must not, and the edge cases (empty, another
// language, 1 MB, bad lexicon files).
#include "sdg/tagger.h"

#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace coopatlas::sdg {
namespace {

const Tagger& TheTagger() {
  static const Tagger* tagger = [] {
    auto t = Tagger::Load(COOPATLAS_SOURCE_DIR);
    if (!t.ok()) {
      ADD_FAILURE() << t.status().ToString();
      std::abort();
    }
    return new Tagger(std::move(t).value());
  }();
  return *tagger;
}

std::set<int> GoalsOf(const Suggestions& s) {
  std::set<int> out;
  for (const auto& g : s.goals) out.insert(g.goal);
  return out;
}

std::string Show(const Suggestions& s) {
  std::string out;
  for (const auto& g : s.goals) {
    out += std::to_string(g.goal) + "(";
    for (const auto& e : g.evidence) out += e.words + "/" + e.code + " ";
    out += ") ";
  }
  return out.empty() ? "no goal: " + s.note : out;
}

struct Case {
  int goal;
  std::string text;
};

// Sentences that must get their goal, two French and one English per goal.
const std::vector<Case>& Positives() {
  static const std::vector<Case> kCases = {
      {1,
       "Le programme met en place des filets sociaux et des transferts "
       "monétaires pour les ménages les plus pauvres de la commune."},
      {1,
       "Création d'un registre social pour étendre la protection sociale "
       "aux familles en situation d'extrême pauvreté."},
      {1,
       "The programme extends social protection and cash transfers to "
       "households living in extreme poverty."},
      {2,
       "Les agriculteurs du village adoptent des pratiques agroécologiques "
       "pour améliorer leurs rendements et la sécurité alimentaire."},
      {2,
       "Un dépistage de la malnutrition des enfants et la distribution de "
       "compléments nutritionnels sont organisés dans les villages."},
      {2,
       "Smallholder farmers are trained in sustainable agriculture to "
       "improve food security."},
      {3,
       "Le centre de santé du district est équipé et les sages-femmes sont "
       "formées aux accouchements."},
      {3,
       "Une campagne de vaccination et de lutte contre le paludisme est "
       "menée dans les villages."},
      {3,
       "The hospital is equipped to reduce maternal mortality and treat "
       "malaria."},
      {4,
       "Construction de trois salles de classe et formation des "
       "enseignants de l'école primaire."},
      {4,
       "Un programme d'alphabétisation des adultes et de scolarisation des "
       "filles est lancé dans la commune."},
      {4,
       "The project builds classrooms and trains teachers to improve "
       "primary education."},
      {5,
       "Une campagne contre l'excision et les mariages précoces est menée "
       "avec les chefs religieux."},
      {5,
       "Le projet soutient l'autonomisation économique des femmes et la "
       "représentation des femmes au conseil municipal."},
      {5,
       "The project fights violence against women and promotes gender "
       "equality in local councils."},
      {6,
       "Réalisation de forages et de bornes-fontaines pour l'accès à l'eau "
       "potable des quartiers."},
      {6,
       "Construction de latrines et d'une station d'épuration pour le "
       "traitement des eaux usées."},
      {6,
       "Boreholes and latrines give the villages access to drinking water "
       "and sanitation."},
      {7,
       "L'électrification rurale par mini-réseaux solaires alimente 300 "
       "foyers du village."},
      {7,
       "Des foyers améliorés et du biogaz remplacent le charbon pour la "
       "cuisson des repas."},
      {7,
       "Rural electrification with renewable energy mini-grids and energy "
       "efficiency in public buildings."},
      {8,
       "Un incubateur accompagne la création d'entreprises par les jeunes "
       "et leur insertion professionnelle."},
      {8,
       "Le projet développe le tourisme et l'artisanat local pour créer "
       "des emplois."},
      {8,
       "Youth employment and entrepreneurship are supported through "
       "microfinance and decent work programmes."},
      {9,
       "Réhabilitation de la piste rurale et construction d'un pont pour "
       "désenclaver les villages."},
      {9,
       "Déploiement de la fibre optique et d'un accès à internet à haut "
       "débit dans les mairies."},
      {9,
       "The project builds rural infrastructure and supports industrial "
       "innovation and broadband internet access."},
      {10,
       "Le projet lutte contre les discriminations et favorise "
       "l'inclusion sociale des personnes handicapées."},
      {10,
       "Un service réduit le coût des transferts de fonds des migrants "
       "vers leurs familles restées au pays."},
      {10,
       "The programme reduces inequality and discrimination against "
       "people with disabilities."},
      {11,
       "Élaboration du schéma directeur d'urbanisme et de l'adressage des "
       "rues de la ville."},
      {11,
       "Restauration du patrimoine architectural de la médina et "
       "construction de logements sociaux."},
      {11,
       "Urban planning, public transport and affordable housing for the "
       "city."},
      {12,
       "Mise en place du tri des déchets, du compostage et du recyclage "
       "des plastiques."},
      {12,
       "Une campagne contre le gaspillage alimentaire et pour la "
       "consommation responsable est menée."},
      {12, "Recycling, circular economy and the reduction of food waste."},
      {13,
       "La commune élabore son plan climat et un système d'alerte précoce "
       "contre les crues."},
      {13,
       "Un programme d'adaptation au changement climatique protège les "
       "cultures contre la sécheresse."},
      {13,
       "The city adopts a climate adaptation plan and reduces greenhouse "
       "gas emissions."},
      {14,
       "Création d'une aire marine protégée et restauration des mangroves "
       "du littoral."},
      {14,
       "Les pêcheurs de la pêche artisanale luttent contre la surpêche et "
       "la pollution marine."},
      {14,
       "Protection of coral reefs and marine protected areas against ocean "
       "acidification."},
      {15,
       "Un programme de reboisement lutte contre la désertification et la "
       "déforestation."},
      {15,
       "Protection de la biodiversité et lutte contre le braconnage dans "
       "le parc national."},
      {15,
       "Reforestation and the protection of biodiversity and endangered "
       "species in forests."},
      {16,
       "Modernisation de l'état civil et enregistrement des naissances "
       "des enfants."},
      {16,
       "Mise en place d'un budget participatif et lutte contre la "
       "corruption dans l'administration communale."},
      {16,
       "Civil registration, access to justice and the fight against "
       "corruption in local institutions."},
      {17,
       "Appui à la mobilisation des ressources propres et à la fiscalité "
       "locale de la commune."},
      {17,
       "Création d'une plateforme multi-acteurs et d'un observatoire des "
       "statistiques locales."},
      {17,
       "The partnership strengthens tax revenue collection and statistics "
       "capacity through south-south cooperation."},
  };
  return kCases;
}

// Near misses: the words of a goal, but not an activity serving it (the
// rules of data/sdg-eval/README.md). The goal must not be suggested.
const std::vector<Case>& NearMisses() {
  static const std::vector<Case> kCases = {
      {6,
       "Le syndicat des eaux et sa ville jumelle organisent un tournoi de "
       "football amical."},
      {4,
       "La chorale de l'école de musique donne un concert avec la ville "
       "jumelle."},
      {14, "Les élus visitent le musée de la mer pendant le voyage d'amitié."},
      {7,
       "Les panneaux solaires de la salle des fêtes sont inaugurés par les "
       "deux maires."},
      {10, "Une association de migrants organise un repas de quartier."},
      {13,
       "Une exposition de photographies sur le climat de la Bretagne est "
       "présentée à la mairie."},
      {5,
       "Les femmes du comité de jumelage préparent un repas pour les "
       "visiteurs."},
      {8, "Le marché de Noël accueille le stand de la ville jumelle."},
      {15, "Les deux maires plantent un arbre symbolique de l'amitié."},
      {9, "Les élus échangent sur la route des vins lors de leur visite."},
      {3,
       "Le comité de jumelage organise une course solidaire entre les deux "
       "villes."},
      {16, "La délégation est reçue à la mairie pour une visite protocolaire."},
      {17, "Le partenariat entre les deux villes fête ses vingt ans."},
      {2, "Les familles d'accueil offrent un repas aux jeunes en échange."},
      {11,
       "Les musiciens de la ville jumelle jouent sur la place du "
       "marché."},
      {12, "Le comité de jumelage vend des produits de la ville jumelle."},
      {1, "Les jeunes des deux villes jouent un match de basket."},
      {14, "The twin towns held a friendly sailing race at sea."},
      {4, "The mayors visited a music school during the exchange."},
  };
  return kCases;
}

TEST(SdgTaggerTest, EveryGoalHasSentencesThatGetIt) {
  std::map<int, std::pair<int, int>> per_goal;  // French, English sentences
  for (const Case& c : Positives()) {
    const Suggestions s = TheTagger().Suggest(c.text);
    EXPECT_EQ(GoalsOf(s).count(c.goal), 1U)
        << "goal " << c.goal << " expected for: " << c.text << "\n  got "
        << Show(s);
    if (s.language == "fr") ++per_goal[c.goal].first;
    if (s.language == "en") ++per_goal[c.goal].second;
  }
  for (int goal = 1; goal <= 17; ++goal) {
    EXPECT_GE(per_goal[goal].first, 2) << "goal " << goal;
    EXPECT_GE(per_goal[goal].second, 1) << "goal " << goal;
  }
}

TEST(SdgTaggerTest, NearMissesDoNotGetTheGoal) {
  for (const Case& c : NearMisses()) {
    const Suggestions s = TheTagger().Suggest(c.text);
    EXPECT_EQ(GoalsOf(s).count(c.goal), 0U)
        << "goal " << c.goal << " not expected for: " << c.text << "\n  got "
        << Show(s);
  }
}

TEST(SdgTaggerTest, SchoolCanteenIsEducationAndAtMostHunger) {
  const Suggestions s = TheTagger().Suggest(
      "La commune soutient la cantine scolaire de l'école primaire de Kaya : "
      "repas chauds pour 400 élèves, cuisine rénovée et potager.");
  const std::set<int> goals = GoalsOf(s);
  EXPECT_EQ(goals.count(4), 1U) << Show(s);
  for (int g : goals) EXPECT_TRUE(g == 4 || g == 2) << Show(s);
}

TEST(SdgTaggerTest, NeverMoreThanMaxGoals) {
  // Words of every goal in one text: the cut keeps at most max_goals.
  std::string text;
  for (const Case& c : Positives()) {
    if (c.text.find("Le ") == 0 || c.text.find("Un") == 0) text += c.text + " ";
  }
  const Suggestions s = TheTagger().Suggest(text);
  EXPECT_LE(static_cast<int>(s.goals.size()), TheTagger().Options().max_goals);
  EXPECT_FALSE(s.goals.empty());
}

TEST(SdgTaggerTest, EvidenceQuotesTheTextAndNamesValidCodes) {
  const std::string text =
      "Réalisation de forages et de latrines dans trois écoles du village.";
  const Suggestions s = TheTagger().Suggest(text);
  ASSERT_FALSE(s.goals.empty());
  for (const auto& g : s.goals) {
    double sum = 0;
    for (const auto& e : g.evidence) {
      EXPECT_EQ(text.substr(e.begin, e.end - e.begin), e.words);
      EXPECT_EQ(e.code.substr(0, e.code.find('.')), std::to_string(g.goal));
      sum += e.weight;
    }
    EXPECT_GE(g.score, sum - 1e-9);
  }
  for (const auto& t : s.targets) {
    EXPECT_EQ(GoalsOf(s).count(t.goal), 1U) << t.target;
  }
}

TEST(SdgTaggerTest, EmptyTextGetsNoGoalAndANote) {
  for (const char* text : {"", "   ", "\n\t", "... !!! ---"}) {
    const Suggestions s = TheTagger().Suggest(text);
    EXPECT_TRUE(s.goals.empty()) << text;
    EXPECT_TRUE(s.targets.empty()) << text;
    EXPECT_FALSE(s.note.empty()) << text;
  }
}

TEST(SdgTaggerTest, AnotherLanguageIsSaidSo) {
  for (const char* text :
       {"Das Projekt verbessert die Wasserversorgung und die Schulen der "
        "Stadt mit der Partnergemeinde.",
        "El proyecto mejora el acceso al agua potable y la salud de los "
        "habitantes de la comunidad con la construcción de pozos.",
        "Il progetto migliora la gestione dei rifiuti della città e per le "
        "scuole."}) {
    const Suggestions s = TheTagger().Suggest(text);
    EXPECT_TRUE(s.language.empty()) << text;
    EXPECT_TRUE(s.goals.empty()) << text;
    EXPECT_NE(s.note.find("language"), std::string::npos) << s.note;
  }
  // Forcing a language analyses the text anyway.
  const Suggestions forced = TheTagger().Suggest(
      "Das Projekt baut Latrinen und forages.", Lang::kFrench);
  EXPECT_EQ(forced.language, "fr");
}

TEST(SdgTaggerTest, OneMegabyteTextIsAnsweredWithinTheLimits) {
  const std::string sentence =
      "Le projet finance des forages pour l'accès à l'eau potable et forme "
      "les enseignants des écoles du district. ";
  std::string text;
  while (text.size() < (1U << 20)) text += sentence;
  const Suggestions s = TheTagger().Suggest(text);
  EXPECT_EQ(s.language, "fr");
  const std::set<int> goals = GoalsOf(s);
  EXPECT_EQ(goals.count(6), 1U) << Show(s);
  EXPECT_LE(static_cast<int>(goals.size()), TheTagger().Options().max_goals);
  for (const auto& g : s.goals) {
    for (const auto& e : g.evidence) EXPECT_LT(e.end, 200U);  // first place
  }
}

TEST(SdgTaggerTest, InvalidUtf8BytesAreSeparators) {
  const Suggestions s = TheTagger().Suggest(
      "forages\xff\xfe et latrines \xc3 pour l'eau potable");
  EXPECT_EQ(GoalsOf(s).count(6), 1U) << Show(s);
}

TEST(SdgTaggerTest, LanguagesAndLexiconsAreLoaded) {
  EXPECT_EQ(ParseLang("fr"), Lang::kFrench);
  EXPECT_EQ(ParseLang("en"), Lang::kEnglish);
  EXPECT_FALSE(ParseLang("de").has_value());
  EXPECT_GT(TheTagger().PhraseCount(Lang::kFrench), 700U);
  EXPECT_GT(TheTagger().PhraseCount(Lang::kEnglish), 3000U);
  EXPECT_EQ(TheTagger().GoalName(6, Lang::kEnglish),
            "Clean water and sanitation");
  EXPECT_EQ(TheTagger().GoalName(18, Lang::kFrench), "");
}

class SdgLexiconErrorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    namespace fs = std::filesystem;
    root_ = fs::temp_directory_path() /
            ("sdg-lexicon-test-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    const fs::path src = COOPATLAS_SOURCE_DIR;
    for (const char* f :
         {"third_party/sdg/sdg_fr_en.csv", "data/sdg-lexicon/en.tsv",
          "third_party/sdg-lexicons/sdg_targets_cleaned.csv",
          "third_party/sdg-lexicons/cmu250_keywords_cleaned.csv",
          "data/themes/themes.csv"}) {
      fs::create_directories((root_ / f).parent_path());
      fs::copy_file(src / f, root_ / f);
    }
    fs::create_directories(root_ / "data/sdg-lexicon");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  Status LoadWithFrench(const std::string& content) {
    std::ofstream(root_ / "data/sdg-lexicon/fr.tsv") << content;
    auto t = Tagger::Load(root_.string());
    return t.ok() ? Status::Ok() : t.status();
  }

  std::filesystem::path root_;
};

TEST_F(SdgLexiconErrorTest, ErrorsNameTheFileLineAndField) {
  EXPECT_TRUE(LoadWithFrench("# ok\n6.1\t3\teau potable\n").ok());
  Status s = LoadWithFrench("# c\n6.1\t3\teau potable\n6.2\tlots\tlatrines\n");
  EXPECT_EQ(s.code(), Code::kCorruption);
  EXPECT_NE(s.message().find("data/sdg-lexicon/fr.tsv:3"), std::string::npos)
      << s.message();
  EXPECT_NE(s.message().find("WEIGHT"), std::string::npos) << s.message();
  s = LoadWithFrench("6.99\t3\teau potable\n");
  EXPECT_NE(s.message().find("fr.tsv:1: field CODE"), std::string::npos)
      << s.message();
  s = LoadWithFrench("6.1\t3\tle la les\n");
  EXPECT_NE(s.message().find("fr.tsv:1: field PHRASE"), std::string::npos)
      << s.message();
  s = LoadWithFrench("6.1 3 eau potable\n");
  EXPECT_NE(s.message().find("CODE<TAB>WEIGHT<TAB>PHRASE"), std::string::npos)
      << s.message();
  EXPECT_TRUE(LoadWithFrench("6.1\t3\teau potable\n").ok());
  std::filesystem::remove(root_ / "data/sdg-lexicon/en.tsv");
  auto t = Tagger::Load(root_.string());
  EXPECT_EQ(t.status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace coopatlas::sdg
