// Money and evidence through the whole stack (import, store reads, finance,
// registry, CLI): a small hand-checked dataset imported here, and the
// demonstration data against the figures data/demo/SOURCE.md documents.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

// Rennes (35238) works with Dapaong (Togo, an LDC) on water and is twinned
// with Erlangen (Germany, not on the DAC list).
constexpr const char* kProjects =
    "ref_projet,titre,collectivite_fr,collectivite_partenaire,pays,"
    "type_partenariat,themes,acteurs\n"
    "T-1,Eau potable à Dapaong,35238,Dapaong,Togo,convention,"
    "eau-assainissement,\n"
    "T-2,Échanges de jeunes,35238,Erlangen,Allemagne,jumelage,"
    "jeunesse-mobilite-internationale,\n"
    "T-3,Puits villageois,44109,,Burkina Faso,action,eau-assainissement,"
    "Eau Vive:22\n"
    "T-4,Accueil de réfugiés,44109,,France,action,migrations-diasporas,\n"
    "T-5,Programme ONU-Habitat,44109,,Madagascar,action,gouvernance-locale,"
    "ONU-Habitat:40\n";

// T-1 planned: 2,000 in kind + 8,000 cash (Rennes) + 21,000 State call
//   + 5,000 water agency "1 % eau" + 655,957 XOF at 0.001524 = 999.68 EUR
//   (partner) = 36,999.68 EUR. Actual: 10,000 Rennes, 15,000 State.
// T-2 planned: 3,000 Rennes + 3,000 Erlangen; actual 3,000 Rennes.
constexpr const char* kFunding =
    "ref_projet,ligne,financeur,type_financeur,mecanisme,annee,nature,"
    "montant,devise,taux,date_taux\n"
    "T-1,1,35238,collectivite,budget-general,2024,réalisé,\"10 000,00\",,,\n"
    "T-1,2,35238,collectivite,nature,2024,prévu,2000,,,\n"
    "T-1,3,35238,collectivite,budget-general,2024,prévu,8000,,,\n"
    "T-1,4,Ministère de l'Europe et des Affaires étrangères,etat,appel-etat,"
    "2024,prévu,21000,,,\n"
    "T-1,5,Agence de l'eau Loire-Bretagne,agence-eau,1pc-eau,2024,prévu,"
    "5000,,,\n"
    "T-1,6,Dapaong,partenaire,budget-general,2024,prévu,\"655 957\",XOF,"
    "\"0,001524\",2024-01-15\n"
    "T-1,7,Ministère de l'Europe et des Affaires étrangères,etat,appel-etat,"
    "2024,réalisé,15000,,,\n"
    "T-2,1,35238,collectivite,budget-general,2024,réalisé,3000,,,\n"
    "T-2,2,35238,collectivite,budget-general,2024,prévu,3000,,,\n"
    "T-2,3,Erlangen,partenaire,budget-general,2024,prévu,3000,,,\n"
    // Nantes pays in 2023 for a well dug by an NGO in Burkina Faso, the
    // hosting of refugees in Nantes and a UN-Habitat programme.
    "T-3,1,44109,collectivite,budget-general,2023,réalisé,4000,,,\n"
    "T-4,1,44109,collectivite,budget-general,2023,réalisé,2500,,,\n"
    "T-5,1,44109,collectivite,budget-general,2023,réalisé,1500,,,\n";

// The databases of the two suites (set up once per suite).
ScratchDb* small_db = nullptr;
ScratchDb* demo_db = nullptr;

class FinanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    small_db = new ScratchDb();
    auto registry = small_db->Open();
    ProjectImportOptions o;
    o.projects_file = small_db->Write("projets.csv", kProjects);
    o.funding_file = small_db->Write("financements.csv", kFunding);
    auto report = registry->ImportProjects(o);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
  }
  static void TearDownTestSuite() { delete small_db; }
  static std::unique_ptr<Registry> Reader() {
    auto r = Registry::Open({small_db->path(), true});
    EXPECT_TRUE(r.ok());
    return std::move(*r);
  }
};

TEST_F(FinanceTest, ProjectSharesAndLeverage) {
  FinanceScope scope;
  scope.project = "T-1";
  auto s = Reader()->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 1);
  EXPECT_FALSE(s->includes_demo);
  EXPECT_EQ(s->planned.total_cents, 3'699'968);
  EXPECT_EQ(s->planned.lines, 5);
  EXPECT_EQ(s->planned.foreign_currency_lines, 1);
  EXPECT_EQ(s->planned.by_funder_type.at("french_authority"), 1'000'000);
  EXPECT_EQ(s->planned.by_funder_type.at("state"), 2'100'000);
  EXPECT_EQ(s->planned.by_funder_type.at("public_body"), 500'000);
  EXPECT_EQ(s->planned.by_funder_type.at("partner_authority"), 99'968);
  EXPECT_EQ(s->planned.by_mechanism.at("1pc-eau"), 500'000);
  EXPECT_EQ(s->planned.french_in_kind_cents, 200'000);
  EXPECT_EQ(s->planned.state_support_cents, 2'100'000);
  // 36,999.68 / 21,000 and (36,999.68 - 10,000) / 10,000.
  EXPECT_DOUBLE_EQ(*s->planned.budget_per_state_euro.value(),
                   3'699'968.0 / 2'100'000.0);
  EXPECT_DOUBLE_EQ(*s->planned.other_per_own_euro.value(), 2.699968);
  EXPECT_EQ(s->actual.total_cents, 2'500'000);
  EXPECT_DOUBLE_EQ(*s->actual.budget_per_state_euro.value(), 2.5 / 1.5);
}

TEST_F(FinanceTest, AuthorityCountryThemeYearScopes) {
  auto registry = Reader();
  FinanceScope scope;
  scope.authority = "35238";
  auto s = registry->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 2);
  EXPECT_EQ(s->planned.total_cents, 3'699'968 + 600'000);
  EXPECT_EQ(s->actual.total_cents, 2'800'000);
  EXPECT_EQ(s->planned.french_own_cents, 1'300'000);

  scope = {};
  scope.country = "TG";
  s = registry->Finance(scope);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->planned.total_cents, 3'699'968);

  scope = {};
  scope.theme = "jeunesse-mobilite-internationale";
  s = registry->Finance(scope);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->planned.total_cents, 600'000);
  EXPECT_FALSE(s->planned.budget_per_state_euro.value());  // no State

  scope = {};
  scope.year = 2024;  // a year alone: the whole atlas that year
  s = registry->Finance(scope);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->planned.total_cents, 4'299'968);
}

// The dashboard's filters combine, as the search's do: T-1 is the only
// project in Togo and the only water project; Rennes is in Ille-et-Vilaine
// (35), Bretagne (53); no project has a participant in Paris (75).
TEST_F(FinanceTest, CombinedFilters) {
  auto registry = Reader();
  FinanceScope scope;
  scope.country = "TG";
  scope.theme = "eau-assainissement";
  auto s = registry->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 1);
  EXPECT_EQ(s->planned.total_cents, 3'699'968);

  scope.theme = "jeunesse-mobilite-internationale";  // T-2 is in Germany
  s = registry->Finance(scope);
  EXPECT_EQ(s.status().code(), Code::kNotFound);

  scope = {};
  scope.fr_region = "53";
  s = registry->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 2);
  EXPECT_EQ(s->planned.total_cents, 3'699'968 + 600'000);

  scope = {};
  scope.departement = "35";
  scope.authority = "35238";
  scope.theme = "jeunesse-mobilite-internationale";
  scope.year = 2024;
  s = registry->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 1);
  EXPECT_EQ(s->planned.total_cents, 600'000);
  EXPECT_EQ(s->actual.total_cents, 300'000);

  scope = {};
  scope.departement = "75";
  s = registry->Finance(scope);
  EXPECT_EQ(s.status().code(), Code::kNotFound);

  // A project or national stands alone.
  scope = {};
  scope.project = "T-1";
  scope.country = "TG";
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kInvalidArgument);
  scope = {};
  scope.national = true;
  scope.theme = "eau-assainissement";
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kInvalidArgument);
}

// A call's scope: the projects with a State-call line of its edition year.
// T-1 has State lines of 2024 (21,000 planned, 15,000 actual); T-2 none.
TEST_F(FinanceTest, CallScopeIsTheProjectsItSupported) {
  auto registry = Reader();
  FinanceScope scope;
  scope.call = "generaliste-2024";
  auto s = registry->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 1);
  EXPECT_EQ(s->planned.total_cents, 3'699'968);  // all of T-1's lines
  EXPECT_EQ(s->planned.state_support_cents, 2'100'000);
  EXPECT_EQ(s->actual.total_cents, 2'500'000);
  scope.country = "DE";  // combined: T-1 is in Togo
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kNotFound);
  scope = {};
  scope.call = "generaliste-2025";  // no State line of 2025
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kNotFound);
  scope.call = "generaliste-1999";
  const Status unknown = registry->Finance(scope).status();
  EXPECT_EQ(unknown.code(), Code::kNotFound);
  EXPECT_NE(unknown.message().find("generaliste-2024"), std::string::npos)
      << unknown.ToString();  // lists the known calls
}

TEST_F(FinanceTest, ClearErrors) {
  auto registry = Reader();
  FinanceScope scope;
  scope.authority = "99999";
  auto s = registry->Finance(scope);
  EXPECT_EQ(s.status().code(), Code::kNotFound);
  EXPECT_NE(s.status().message().find("99999"), std::string::npos);
  scope.year = 2031;
  scope.authority = "35238";
  s = registry->Finance(scope);
  EXPECT_EQ(s.status().code(), Code::kNotFound);
  EXPECT_NE(s.status().message().find("2031"), std::string::npos);
  scope = {};
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kInvalidArgument);
  scope.country = "TG";  // filters combine: no health project in Togo
  scope.theme = "sante";
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kNotFound);
  scope = {};
  scope.country = "XX";
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kNotFound);
  scope = {};
  scope.project = "T-404";
  EXPECT_EQ(registry->Finance(scope).status().code(), Code::kNotFound);
}

TEST_F(FinanceTest, EligibilityUsesTheCountryClassAndPlannedLines) {
  EligibilityOptions o;
  o.project = "T-1";
  o.call = "generaliste-2025";
  o.prerequisites = {true, true};
  auto e = Reader()->CheckEligibility(o);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  EXPECT_EQ(e->country_classes.at("TG"), "ldc");
  EXPECT_EQ(e->budget_cents, 3'699'968);
  EXPECT_EQ(e->french_cents, 1'000'000);
  EXPECT_EQ(e->state_cents, 2'100'000);
  // 70 % of 36,999.68 = 25,899.776 -> 25,899.77.
  EXPECT_EQ(e->max_grant_cents, 2'589'977);
  EXPECT_EQ(e->outcome, "eligible");
  o.call = "generaliste-2024";
  e = Reader()->CheckEligibility(o);
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->max_grant_cents, 3'329'971);  // 90 %
  o.call = "generaliste-2031";
  EXPECT_EQ(Reader()->CheckEligibility(o).status().code(), Code::kNotFound);
}

// Adding next year's call is adding a data file: no code changes.
TEST_F(FinanceTest, NextYearsCallIsAFile) {
  const std::string dir = small_db->File("calls");
  std::filesystem::create_directory(dir);
  std::ofstream(dir + "/generaliste-2026.json") << R"({
    "id": "generaliste-2026", "name": "Appel à projets généraliste 2026",
    "funder": "MEAE", "edition": "2026", "source": "test",
    "country_status_date": "2025-06-30",
    "max_state_share_percent": {"ldc": 80, "oda": 40, "other": 20},
    "multi_country_max_percent": null,
    "french_min_share_percent": 30, "french_in_kind_max_percent": 40,
    "prerequisites": []})";
  EligibilityOptions o;
  o.project = "T-1";
  o.call = "generaliste-2026";
  o.calls_dir = dir;
  auto e = Reader()->CheckEligibility(o);
  ASSERT_TRUE(e.ok()) << e.status().ToString();
  // 80 % of 36,999.68 = 29,599.744 -> 29,599.74.
  EXPECT_EQ(e->max_grant_cents, 2'959'974);
  // French 10,000 of 36,999.68 = 27 %: under the new 30 % minimum.
  EXPECT_EQ(e->rules[0].rule, "french_share_min");
  EXPECT_EQ(e->rules[0].outcome, "failed");
  EXPECT_EQ(e->rules.size(), 3U);  // no prerequisite in this edition
  EXPECT_EQ(e->outcome, "not_eligible");
}

TEST_F(FinanceTest, ApdOwnFundsPaidOdaRecipientsOnly) {
  auto registry = Reader();
  ApdOptions o;
  o.authority = "35238";
  o.year = 2024;
  auto d = registry->Apd(o);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->oda_list_known);
  ASSERT_EQ(d->lines.size(), 1U);
  EXPECT_EQ(d->lines[0].recipient, "TG");
  EXPECT_EQ(d->lines[0].category, "cooperation");
  EXPECT_EQ(d->lines[0].amount_cents, 1'000'000);
  EXPECT_EQ(d->lines[0].projects, (std::vector<std::string>{"T-1"}));
  EXPECT_EQ(d->total_cents, 1'000'000);
  // Germany is not on the DAC list: Rennes' 3,000 there are not APD.
  ASSERT_EQ(d->not_oda.size(), 1U);
  EXPECT_EQ(d->not_oda[0].recipient, "DE");
  EXPECT_EQ(d->not_oda_cents, 300'000);

  o = {};
  o.region = "53";  // Bretagne
  o.year = 2024;
  d = registry->Apd(o);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->total_cents, 1'000'000);
  o = {};
  o.national = true;
  o.year = 2024;
  d = registry->Apd(o);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->authorities, 1);

  o = {};
  o.authority = "35238";
  o.year = 2023;
  EXPECT_EQ(registry->Apd(o).status().code(), Code::kNotFound);
  o.region = "53";
  EXPECT_EQ(registry->Apd(o).status().code(), Code::kInvalidArgument);
  o = {};
  o.region = "99";
  o.year = 2024;
  EXPECT_EQ(registry->Apd(o).status().code(), Code::kNotFound);
}

// Categories from the records: no authority abroad, and an NGO or a
// multilateral organisation carries the project; refugees hosted in France.
TEST_F(FinanceTest, ApdNgoGrantMultilateralAndRefugees) {
  ApdOptions o;
  o.authority = "44109";
  o.year = 2023;
  auto d = Reader()->Apd(o);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->lines.size(), 3U);  // by recipient: BF, FR, MG
  EXPECT_EQ(d->lines[0].recipient, "BF");
  EXPECT_EQ(d->lines[0].category, "ngo_grant");
  EXPECT_EQ(d->lines[0].amount_cents, 400'000);
  EXPECT_EQ(d->lines[1].recipient, "FR");
  EXPECT_EQ(d->lines[1].category, "refugees");
  EXPECT_EQ(d->lines[1].amount_cents, 250'000);
  EXPECT_EQ(d->lines[2].recipient, "MG");
  EXPECT_EQ(d->lines[2].category, "multilateral");
  EXPECT_EQ(d->lines[2].projects, (std::vector<std::string>{"T-5"}));
  EXPECT_EQ(d->total_cents, 800'000);
}

TEST_F(FinanceTest, ApdCsvAndXlsx) {
  ApdOptions o;
  o.authority = "35238";
  o.year = 2024;
  auto csv = Reader()->ApdExport(o, "csv");
  ASSERT_TRUE(csv.ok()) << csv.status().ToString();
  EXPECT_EQ(csv->bytes,
            "pays_beneficiaire,code_pays,categorie,code_categorie,montant_eur,"
            "projets\n"
            "Togo,TG,Projet de coopération ou jumelage,cooperation,10000.00,"
            "T-1\n"
            "Total,,,,10000.00,\n");
  auto xlsx = Reader()->ApdExport(o, "xlsx");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().ToString();
  EXPECT_EQ(xlsx->bytes.substr(0, 2), "PK");  // a zip container
  EXPECT_EQ(Reader()->ApdExport(o, "pdf").status().code(),
            Code::kInvalidArgument);
}

// Runs the coopatlas command; its output (both streams) goes to `file`.
int RunCli(const std::string& args, const std::string& file, std::string* out) {
  const std::string command =
      std::string(COOPATLAS_BINARY) + " " + args + " >" + file + " 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(file);
  std::stringstream ss;
  ss << in.rdbuf();
  *out = ss.str();
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The demonstration data (data/demo/SOURCE.md): totals and the eligibility
// edge cases it documents, for both years' rules.
class DemoFinanceTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_db = new ScratchDb();
    auto registry = demo_db->Open();
    ProjectImportOptions o;
    o.projects_file = SourceDir() + "/data/demo/projets.csv";
    o.funding_file = SourceDir() + "/data/demo/financements.csv";
    o.demo = true;
    ASSERT_TRUE(registry->ImportProjects(o).ok());
  }
  static void TearDownTestSuite() { delete demo_db; }
  static std::unique_ptr<Registry> Reader() {
    auto r = Registry::Open({demo_db->path(), true});
    EXPECT_TRUE(r.ok());
    return std::move(*r);
  }
  static Eligibility Check(const std::string& project,
                           const std::string& call) {
    EligibilityOptions o;
    o.project = project;
    o.call = call;
    o.prerequisites = {true, true};
    auto e = Reader()->CheckEligibility(o);
    EXPECT_TRUE(e.ok()) << e.status().ToString();
    return e.ok() ? *e : Eligibility{};
  }
};

TEST_F(DemoFinanceTest, NationalTotalsAreThoseOfSourceMd) {
  FinanceScope scope;
  scope.national = true;
  auto s = Reader()->Finance(scope);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_TRUE(s->includes_demo);
  EXPECT_EQ(s->projects, 200);
  EXPECT_EQ(s->planned.lines, 774);
  EXPECT_EQ(s->actual.lines, 285);
  EXPECT_EQ(s->planned.total_cents, 2'277'550'401);  // 22,775,504.01
  EXPECT_EQ(s->actual.total_cents, 1'083'097'085);   // 10,830,970.85
  // The shares add up to the total, in both views.
  for (const Cofinancing* c : {&s->planned, &s->actual}) {
    std::int64_t by_type = 0, by_mechanism = 0;
    for (const auto& [k, v] : c->by_funder_type) by_type += v;
    for (const auto& [k, v] : c->by_mechanism) by_mechanism += v;
    EXPECT_EQ(by_type, c->total_cents);
    EXPECT_EQ(by_mechanism, c->total_cents);
    EXPECT_EQ(c->french_cash_cents + c->french_in_kind_cents +
                  c->french_one_percent_cents,
              c->french_own_cents);
  }
}

TEST_F(DemoFinanceTest, EligibilityEdgeCasesOfSourceMd) {
  struct Case {
    const char* project;
    std::int64_t budget_cents;
    const char* rule;
    const char* outcome_2025;
    const char* outcome_2024;
  };
  // data/demo/SOURCE.md, "Edge cases for the eligibility rules".
  const Case cases[] = {
      {"DEMO-0120", 19'000'000, "french_share_min", "passed", "passed"},
      {"DEMO-0144", 2'400'000, "french_share_min", "passed", "passed"},
      {"DEMO-0020", 7'000'000, "french_share_min", "failed", "failed"},
      {"DEMO-0162", 13'000'000, "french_share_min", "failed", "failed"},
      {"DEMO-0021", 16'000'000, "in_kind_max", "passed", "passed"},
      {"DEMO-0174", 2'600'000, "in_kind_max", "passed", "passed"},
      {"DEMO-0063", 2'400'000, "in_kind_max", "failed", "failed"},
      {"DEMO-0078", 2'600'000, "in_kind_max", "failed", "failed"},
      {"DEMO-0097", 7'000'000, "in_kind_max", "failed", "failed"},
      // Ministry at the 2025 ceilings (70 % LDC, 50 % ODA, 30 % other);
      // 2024 allows 90 % / 70 % / 70 %.
      {"DEMO-0073", 3'000'000, "state_rate_max", "passed", "passed"},
      {"DEMO-0077", 2'800'000, "state_rate_max", "passed", "passed"},
      {"DEMO-0184", 3'200'000, "state_rate_max", "passed", "passed"},
      {"DEMO-0106", 19'000'000, "state_rate_max", "failed", "passed"},
  };
  for (const Case& c : cases) {
    for (const char* call : {"generaliste-2025", "generaliste-2024"}) {
      const Eligibility e = Check(c.project, call);
      EXPECT_EQ(e.budget_cents, c.budget_cents) << c.project;
      const char* expected = std::string(call) == "generaliste-2025"
                                 ? c.outcome_2025
                                 : c.outcome_2024;
      bool found = false;
      for (const RuleCheck& r : e.rules) {
        if (r.rule != c.rule) continue;
        found = true;
        EXPECT_EQ(r.outcome, expected) << c.project << " " << call;
      }
      EXPECT_TRUE(found);
      EXPECT_TRUE(e.demo);
    }
  }
  // The ceilings themselves: 70 % of 30,000, 50 % of 28,000, 30 % of 32,000.
  EXPECT_EQ(Check("DEMO-0073", "generaliste-2025").max_grant_cents, 2'100'000);
  EXPECT_EQ(Check("DEMO-0077", "generaliste-2025").max_grant_cents, 1'400'000);
  EXPECT_EQ(Check("DEMO-0184", "generaliste-2025").max_grant_cents, 960'000);
  EXPECT_EQ(Check("DEMO-0073", "generaliste-2024").max_grant_cents, 2'700'000);
  EXPECT_EQ(Check("DEMO-0106", "generaliste-2024").max_grant_cents, 13'300'000);
}

TEST_F(DemoFinanceTest, CliCommands) {
  std::string out;
  const std::string db = " --db " + demo_db->path();
  const std::string file = demo_db->File("cli.out");
  ASSERT_EQ(RunCli("finance --national --json" + db, file, &out), 0) << out;
  const auto j = nlohmann::json::parse(out);
  EXPECT_EQ(j["planned"]["total_cents"], 2'277'550'401);
  EXPECT_EQ(j["demo"], true);
  ASSERT_EQ(RunCli("eligibility --project DEMO-0106 --call generaliste-2025"
                   " --json" +
                       db,
                   file, &out),
            0)
      << out;
  EXPECT_EQ(nlohmann::json::parse(out)["outcome"], "not_eligible");
  const std::string xlsx = demo_db->File("apd.xlsx");
  ASSERT_EQ(
      RunCli("apd --national --year 2024 --format xlsx --out " + xlsx + db,
             file, &out),
      0)
      << out;
  EXPECT_TRUE(std::filesystem::file_size(xlsx) > 0);
  EXPECT_EQ(RunCli("apd --authority 99999 --year 2024" + db, file, &out), 4);
  EXPECT_NE(out.find("99999"), std::string::npos);
  // A project stands alone; a country and a theme combine.
  EXPECT_EQ(RunCli("finance --project DEMO-0106 --country SN" + db, file, &out),
            3);
  EXPECT_NE(out.find("one scope"), std::string::npos) << out;
  ASSERT_EQ(
      RunCli("finance --country SN --theme eau-assainissement --json" + db,
             file, &out),
      0)
      << out;
  EXPECT_EQ(nlohmann::json::parse(out)["scope"],
            "country SN, theme eau-assainissement");
}

}  // namespace
}  // namespace coopatlas::testing
