// The finance computations on small hand-checked datasets: every expected
// figure is worked out in the comments from the lines built here.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/file.h"
#include "finance/apd.h"
#include "finance/calls.h"
#include "finance/cofinancing.h"

namespace coopatlas::finance {
namespace {

FinanceLine Line(FunderType type, const std::string& mechanism,
                 std::int64_t cents, bool actual = false, int year = 2024,
                 std::int64_t project = 1) {
  FinanceLine l;
  l.project_id = project;
  l.project_ref = "P" + std::to_string(project);
  l.funder_type = type;
  l.mechanism = mechanism;
  l.amount_cents = cents;
  l.actual = actual;
  l.year = year;
  if (type == FunderType::kFrenchAuthority) l.funder_code = "35238";
  return l;
}

using FT = FunderType;

TEST(ClassifyFunderTest, AuthoritiesByCountryActorsByIatiType) {
  EXPECT_EQ(ClassifyFunder(true, "FR", ""), FT::kFrenchAuthority);
  EXPECT_EQ(ClassifyFunder(true, "SN", ""), FT::kPartnerAuthority);
  EXPECT_EQ(ClassifyFunder(false, "", "10"), FT::kState);
  EXPECT_EQ(ClassifyFunder(false, "", "15"), FT::kPublicBody);
  EXPECT_EQ(ClassifyFunder(false, "", "40"), FT::kEu);
  EXPECT_EQ(ClassifyFunder(false, "", "22"), FT::kNgo);
  EXPECT_EQ(ClassifyFunder(false, "", "60"), FT::kFoundation);
  EXPECT_EQ(ClassifyFunder(false, "", "70"), FT::kCompany);
  EXPECT_EQ(ClassifyFunder(false, "", "90"), FT::kOther);
  EXPECT_EQ(ClassifyFunder(false, "", ""), FT::kOther);
}

// Planned: 50,000.00 EUR =
//   French authority: 10,000 cash + 2,000 in kind + 3,000 "1 % eau"
//   State call 12,000; AFD FICOL 8,000; partner authority 5,000;
//   NGO 1,000; EU 9,000 (the EU line in 2025, all others in 2024).
// Actual: 4,000 French cash, 6,000 State call, 999.68 NGO in XOF (2024).
std::vector<FinanceLine> Dataset() {
  std::vector<FinanceLine> lines = {
      Line(FT::kFrenchAuthority, "budget-general", 1'000'000),
      Line(FT::kFrenchAuthority, "nature", 200'000),
      Line(FT::kFrenchAuthority, "1pc-eau", 300'000),
      Line(FT::kState, "appel-etat", 1'200'000),
      Line(FT::kPublicBody, "afd-ficol", 800'000),
      Line(FT::kPartnerAuthority, "budget-general", 500'000),
      Line(FT::kNgo, "autre", 100'000),
      Line(FT::kEu, "ue", 900'000, false, 2025),
      Line(FT::kFrenchAuthority, "budget-general", 400'000, true),
      Line(FT::kState, "appel-etat", 600'000, true),
      Line(FT::kNgo, "autre", 99'968, true),
  };
  lines.back().currency = "XOF";
  lines.back().original_amount = "655957";
  lines.back().exchange_rate = "0.001524";
  lines.back().rate_date = "2024-03-01";
  return lines;
}

TEST(CofinancingTest, SharesAndLeverageOfPlannedLines) {
  const Cofinancing c = ComputeCofinancing(Dataset(), false);
  EXPECT_EQ(c.lines, 8);
  EXPECT_EQ(c.total_cents, 5'000'000);
  // Own funds 10,000 + 2,000 + 3,000 = 15,000.
  EXPECT_EQ(c.french_own_cents, 1'500'000);
  EXPECT_EQ(c.french_cash_cents, 1'000'000);
  EXPECT_EQ(c.french_in_kind_cents, 200'000);
  EXPECT_EQ(c.french_one_percent_cents, 300'000);
  // State support: ministry call 12,000 + AFD FICOL 8,000.
  EXPECT_EQ(c.state_support_cents, 2'000'000);
  // 50,000 / 20,000 = 2.5 euros of budget per euro of State support.
  ASSERT_TRUE(c.budget_per_state_euro.value());
  EXPECT_DOUBLE_EQ(*c.budget_per_state_euro.value(), 2.5);
  // (50,000 - 15,000) / 15,000 = 7/3 euros of other funding per own euro.
  EXPECT_EQ(c.other_per_own_euro.numerator_cents, 3'500'000);
  EXPECT_EQ(c.other_per_own_euro.denominator_cents, 1'500'000);
  EXPECT_DOUBLE_EQ(*c.other_per_own_euro.value(), 7.0 / 3.0);
  // Shares by funder type: French 15,000 (30 %), State 12,000 (24 %),
  // public bodies 8,000 (16 %), EU 9,000 (18 %), partner 5,000 (10 %),
  // NGO 1,000 (2 %).
  EXPECT_EQ(c.by_funder_type.at("french_authority"), 1'500'000);
  EXPECT_EQ(c.by_funder_type.at("state"), 1'200'000);
  EXPECT_EQ(c.by_funder_type.at("public_body"), 800'000);
  EXPECT_EQ(c.by_funder_type.at("eu"), 900'000);
  EXPECT_EQ(c.by_funder_type.at("partner_authority"), 500'000);
  EXPECT_EQ(c.by_funder_type.at("ngo"), 100'000);
  EXPECT_EQ(c.by_funder_type.size(), 6U);
  // By mechanism: budget-general is the French cash plus the partner's.
  EXPECT_EQ(c.by_mechanism.at("budget-general"), 1'500'000);
  EXPECT_EQ(c.by_mechanism.at("nature"), 200'000);
  EXPECT_EQ(c.by_mechanism.at("1pc-eau"), 300'000);
  EXPECT_EQ(c.by_mechanism.at("appel-etat"), 1'200'000);
  EXPECT_EQ(c.by_mechanism.at("afd-ficol"), 800'000);
  EXPECT_EQ(c.by_mechanism.at("ue"), 900'000);
  EXPECT_EQ(c.by_mechanism.at("autre"), 100'000);
  EXPECT_EQ(c.foreign_currency_lines, 0);
}

TEST(CofinancingTest, ActualLinesPlannedAgainstActualAndYears) {
  const FinanceSummary s = Summarize(Dataset(), "project P1", std::nullopt);
  EXPECT_EQ(s.projects, 1);
  EXPECT_EQ(s.years, (std::vector<int>{2024, 2025}));
  // Actual: 4,000 + 6,000 + 999.68 = 10,999.68.
  EXPECT_EQ(s.actual.total_cents, 1'099'968);
  EXPECT_EQ(s.actual.lines, 3);
  EXPECT_EQ(s.actual.foreign_currency_lines, 1);
  EXPECT_EQ(s.actual.state_support_cents, 600'000);
  // 10,999.68 / 6,000 and (10,999.68 - 4,000) / 4,000.
  EXPECT_DOUBLE_EQ(*s.actual.budget_per_state_euro.value(),
                   1'099'968.0 / 600'000.0);
  EXPECT_DOUBLE_EQ(*s.actual.other_per_own_euro.value(), 699'968.0 / 400'000.0);
  // Execution: 10,999.68 of 50,000 planned.
  EXPECT_EQ(s.execution.numerator_cents, 1'099'968);
  EXPECT_EQ(s.execution.denominator_cents, 5'000'000);

  // Only 2025: the EU's 9,000 planned, nothing actual, no State support.
  const FinanceSummary y = Summarize(Dataset(), "project P1", 2025);
  EXPECT_EQ(y.planned.total_cents, 900'000);
  EXPECT_EQ(y.actual.total_cents, 0);
  EXPECT_FALSE(y.planned.budget_per_state_euro.value());
  EXPECT_FALSE(y.planned.other_per_own_euro.value());
  EXPECT_EQ(y.years, (std::vector<int>{2025}));
}

// --- calls ------------------------------------------------------------------

CallRules Call(const std::string& id) {
  const std::string dir = std::string(COOPATLAS_SOURCE_DIR) + "/data/calls";
  auto call = LoadCall(dir, id);
  EXPECT_TRUE(call.ok()) << call.status().ToString();
  return call.ok() ? *call : CallRules{};
}

// A project of `budget` cents planned: French cash and in kind, State, and
// the rest from the partner authority.
EligibilityInput Project(std::int64_t budget, std::int64_t cash,
                         std::int64_t in_kind, std::int64_t state,
                         std::map<std::string, std::string> classes) {
  EligibilityInput in;
  in.project_ref = "P1";
  in.lines = {Line(FT::kFrenchAuthority, "budget-general", cash),
              Line(FT::kFrenchAuthority, "nature", in_kind),
              Line(FT::kState, "appel-etat", state),
              Line(FT::kPartnerAuthority, "budget-general",
                   budget - cash - in_kind - state),
              // Actual lines never count for eligibility.
              Line(FT::kState, "appel-etat", 99'999'999, true)};
  in.country_classes = std::move(classes);
  in.prerequisites = {true, true};
  return in;
}

const RuleCheck& Rule(const Eligibility& e, const std::string& name) {
  for (const RuleCheck& r : e.rules) {
    if (r.rule == name) return r;
  }
  static const RuleCheck kNone;
  ADD_FAILURE() << "no rule " << name;
  return kNone;
}

class CallYearTest : public ::testing::TestWithParam<const char*> {};

TEST_P(CallYearTest, FrenchShareExactlyTenPercentPasses) {
  const CallRules call = Call(GetParam());
  // 100,000.00 budget: 7,000 cash + 3,000 in kind = exactly 10 %.
  Eligibility e = CheckEligibility(
      call, Project(10'000'000, 700'000, 300'000, 3'000'000, {{"SN", "ldc"}}));
  EXPECT_EQ(Rule(e, "french_share_min").outcome, "passed");
  EXPECT_EQ(Rule(e, "french_share_min").limit_cents, 1'000'000);
  EXPECT_EQ(e.french_cents, 1'000'000);
  EXPECT_EQ(e.outcome, "eligible");
  // One cent less: 9.9999 %.
  e = CheckEligibility(
      call, Project(10'000'000, 699'999, 300'000, 3'000'000, {{"SN", "ldc"}}));
  EXPECT_EQ(Rule(e, "french_share_min").outcome, "failed");
  EXPECT_EQ(e.outcome, "not_eligible");
}

TEST_P(CallYearTest, InKindExactlyHalfPasses) {
  const CallRules call = Call(GetParam());
  // French 20,000: 10,000 cash + 10,000 in kind = exactly half.
  Eligibility e = CheckEligibility(
      call,
      Project(10'000'000, 1'000'000, 1'000'000, 3'000'000, {{"SN", "ldc"}}));
  EXPECT_EQ(Rule(e, "in_kind_max").outcome, "passed");
  EXPECT_EQ(Rule(e, "in_kind_max").limit_cents, 1'000'000);
  // One cent moved from cash to in kind: above half.
  e = CheckEligibility(call, Project(10'000'000, 999'999, 1'000'001, 3'000'000,
                                     {{"SN", "ldc"}}));
  EXPECT_EQ(Rule(e, "in_kind_max").outcome, "failed");
  EXPECT_EQ(e.outcome, "not_eligible");
}

INSTANTIATE_TEST_SUITE_P(BothYears, CallYearTest,
                         ::testing::Values("generaliste-2024",
                                           "generaliste-2025"));

struct RateCase {
  const char* call;
  std::map<std::string, std::string> countries;
  int max_percent;  // expected ceiling
};

class RateTest : public ::testing::TestWithParam<RateCase> {};

TEST_P(RateTest, StateShareAtTheCeilingPassesOneCentMoreFails) {
  const RateCase& c = GetParam();
  const CallRules call = Call(c.call);
  const std::int64_t budget = 10'000'000;  // 100,000.00
  const std::int64_t ceiling = budget * c.max_percent / 100;
  // French 10 % (cash), State exactly at the ceiling.
  Eligibility e = CheckEligibility(
      call, Project(budget, 1'000'000, 0, ceiling, c.countries));
  EXPECT_EQ(e.max_rate_bp, c.max_percent * 100);
  EXPECT_EQ(e.max_grant_cents, ceiling);
  EXPECT_EQ(Rule(e, "state_rate_max").outcome, "passed");
  EXPECT_EQ(e.outcome, "eligible");
  e = CheckEligibility(call,
                       Project(budget, 1'000'000, 0, ceiling + 1, c.countries));
  EXPECT_EQ(Rule(e, "state_rate_max").outcome, "failed");
  EXPECT_EQ(e.outcome, "not_eligible");
}

INSTANTIATE_TEST_SUITE_P(
    BothYears, RateTest,
    ::testing::Values(
        // 2024: 90 % with an LDC, 70 % elsewhere.
        RateCase{"generaliste-2024", {{"BJ", "ldc"}}, 90},
        RateCase{"generaliste-2024", {{"MA", "oda"}}, 70},
        RateCase{"generaliste-2024", {{"CL", "other"}}, 70},
        // No multi-country rate in 2024: the lowest of its countries.
        RateCase{"generaliste-2024", {{"BF", "ldc"}, {"ML", "ldc"}}, 90},
        RateCase{"generaliste-2024", {{"BF", "ldc"}, {"CL", "other"}}, 70},
        // 2025: 70 % LDC, 50 % other ODA, 30 % others, 60 % multi-country.
        RateCase{"generaliste-2025", {{"BJ", "ldc"}}, 70},
        RateCase{"generaliste-2025", {{"MA", "oda"}}, 50},
        RateCase{"generaliste-2025", {{"CL", "other"}}, 30},
        RateCase{"generaliste-2025", {{"BF", "ldc"}, {"CL", "other"}}, 60},
        RateCase{"generaliste-2025", {{"BF", "ldc"}, {"ML", "ldc"}}, 60}));

TEST(EligibilityTest, MaximumGrantIsRoundedDown) {
  // 33,333.33 at 70 %: 23,333.331 -> 23,333.33.
  const Eligibility e =
      CheckEligibility(Call("generaliste-2025"),
                       Project(3'333'333, 333'334, 0, 0, {{"BJ", "ldc"}}));
  EXPECT_EQ(e.max_grant_cents, 2'333'333);
}

TEST(EligibilityTest, PrerequisitesUnknownFalseTrue) {
  const CallRules call = Call("generaliste-2025");
  EligibilityInput in =
      Project(10'000'000, 1'000'000, 0, 3'000'000, {{"SN", "ldc"}});
  in.prerequisites = {};
  Eligibility e = CheckEligibility(call, in);
  EXPECT_EQ(Rule(e, "apd_declared").outcome, "unknown");
  EXPECT_EQ(Rule(e, "reports_filed").outcome, "unknown");
  EXPECT_EQ(e.outcome, "to_confirm");
  in.prerequisites = {true, false};
  e = CheckEligibility(call, in);
  EXPECT_EQ(Rule(e, "apd_declared").outcome, "passed");
  EXPECT_EQ(Rule(e, "reports_filed").outcome, "failed");
  EXPECT_EQ(e.outcome, "not_eligible");
}

TEST(EligibilityTest, NoBudgetFailsTheFrenchShare) {
  EligibilityInput in;
  in.country_classes = {{"SN", "ldc"}};
  const Eligibility e = CheckEligibility(Call("generaliste-2025"), in);
  EXPECT_EQ(Rule(e, "french_share_min").outcome, "failed");
}

TEST(CountryClassTest, LdcBeforeOdaBeforeOther) {
  EXPECT_EQ(CountryClass({"dac_oda_recipient", "ldc"}), "ldc");
  EXPECT_EQ(CountryClass({"dac_oda_recipient", "enp_south"}), "oda");
  EXPECT_EQ(CountryClass({"eu_member"}), "other");
  EXPECT_EQ(CountryClass({}), "other");
}

TEST(ParseCallTest, BadFilesNameTheFieldAndNothingElseIsGuessed) {
  const std::string good = *core::ReadFile(std::string(COOPATLAS_SOURCE_DIR) +
                                           "/data/calls/generaliste-2025.json");
  ASSERT_TRUE(ParseCall(good, "generaliste-2025", "f.json").ok());
  auto with = [&](const std::string& from, const std::string& to) {
    std::string s = good;
    const std::size_t at = s.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    s.replace(at, from.size(), to);
    return ParseCall(s, "generaliste-2025", "f.json");
  };
  auto message = [](const Result<CallRules>& r) {
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_NE(message(with("\"oda\": 50", "\"oda\": 150"))
                .find("field 'max_state_share_percent.oda'"),
            std::string::npos);
  EXPECT_NE(message(with("\"oda\": 50", "\"odd\": 50"))
                .find("max_state_share_percent.oda': missing"),
            std::string::npos);
  EXPECT_NE(message(with("\"french_min_share_percent\": 10",
                         "\"french_min_share_percent\": 10.555"))
                .find("french_min_share_percent"),
            std::string::npos);
  EXPECT_NE(
      message(with("\"reports_filed\"", "\"report\"")).find("prerequisites"),
      std::string::npos);
  EXPECT_NE(message(ParseCall(good, "generaliste-2026", "f.json"))
                .find("named 'generaliste-2026.json'"),
            std::string::npos);
  EXPECT_NE(message(ParseCall("{", "x", "f.json")).find("not valid JSON"),
            std::string::npos);
}

TEST(LoadCallTest, UnknownCallListsTheKnownOnes) {
  const std::string dir = std::string(COOPATLAS_SOURCE_DIR) + "/data/calls";
  auto r = LoadCall(dir, "generaliste-2031");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
  EXPECT_NE(r.status().message().find("generaliste-2024, generaliste-2025"),
            std::string::npos);
  EXPECT_FALSE(LoadCall(dir, "../calls/generaliste-2025").ok());
}

// --- APD --------------------------------------------------------------------

TEST(ApdTest, OwnFundsActuallyPaidByRecipientAndCategory) {
  std::map<std::int64_t, ApdProject> projects = {
      {1, {"P1", "convention", {"eau-assainissement"}, {"SN"}, {}, true, {}}},
      {2, {"P2", "urgence", {"urgence-post-crise"}, {"UA"}, {}, true, {}}},
      {3, {"P3", "action", {"ecsi"}, {}, {}, false, {}}},
      {4, {"P4", "jumelage", {"culture-patrimoine"}, {"DE"}, {"DE"}, true, {}}},
      {5, {"P5", "convention", {"sante"}, {"BF", "ML"}, {}, true, {}}},
  };
  auto paid = [](std::int64_t project, const std::string& mechanism,
                 std::int64_t cents) {
    return Line(FT::kFrenchAuthority, mechanism, cents, true, 2024, project);
  };
  std::vector<FinanceLine> lines = {
      paid(1, "budget-general", 100'000),  // SN cooperation 1,000
      paid(1, "1pc-eau", 50'000),          // SN 1 % 500
      paid(1, "nature", 20'000),           // SN cooperation 200
      Line(FT::kFrenchAuthority, "budget-general", 999'900, false, 2024, 1),
      paid(1, "budget-general", 30'000),  // 2023: another year
      Line(FT::kState, "appel-etat", 500'000, true, 2024, 1),  // not own
      paid(2, "budget-general", 70'000),  // UA emergency 700
      paid(3, "budget-general", 5'000),   // FR development education 50
      paid(4, "budget-general", 40'000),  // DE: not on the DAC list
      paid(5, "budget-general", 25'000),  // multi cooperation 250
  };
  lines[4].year = 2023;
  lines[6].funder_code = "69123";

  const ApdDeclaration d = ComputeApd(lines, projects, "test", 2024, true);
  // 1,000 + 500 + 200 + 700 + 50 + 250 = 2,700.
  EXPECT_EQ(d.total_cents, 270'000);
  ASSERT_EQ(d.lines.size(), 5U);
  EXPECT_EQ(d.lines[0].recipient, "FR");
  EXPECT_EQ(d.lines[0].category, "development_education");
  EXPECT_EQ(d.lines[0].amount_cents, 5'000);
  EXPECT_EQ(d.lines[1].recipient, "SN");
  EXPECT_EQ(d.lines[1].category, "cooperation");
  EXPECT_EQ(d.lines[1].amount_cents, 120'000);
  EXPECT_EQ(d.lines[1].projects, (std::vector<std::string>{"P1"}));
  EXPECT_EQ(d.lines[2].category, "one_percent");
  EXPECT_EQ(d.lines[2].amount_cents, 50'000);
  EXPECT_EQ(d.lines[3].recipient, "UA");
  EXPECT_EQ(d.lines[3].category, "emergency");
  EXPECT_EQ(d.lines[4].recipient, "multi");
  EXPECT_EQ(d.lines[4].amount_cents, 25'000);
  EXPECT_EQ(d.by_category.at("cooperation"), 145'000);
  EXPECT_EQ(d.by_category.at("one_percent"), 50'000);
  EXPECT_EQ(d.by_category.at("emergency"), 70'000);
  EXPECT_EQ(d.by_category.at("development_education"), 5'000);
  EXPECT_EQ(d.by_recipient.at("SN"), 170'000);
  EXPECT_EQ(d.authorities, 2);
  ASSERT_EQ(d.not_oda.size(), 1U);
  EXPECT_EQ(d.not_oda[0].recipient, "DE");
  EXPECT_EQ(d.not_oda_cents, 40'000);

  // Without the DAC list for the year, the German line counts too.
  const ApdDeclaration unchecked =
      ComputeApd(lines, projects, "test", 2024, false);
  EXPECT_EQ(unchecked.total_cents, 310'000);
  EXPECT_TRUE(unchecked.not_oda.empty());
}

// The categories read from who takes part: with no authority abroad, the
// money of a project carried by an NGO is a grant to an NGO, by a
// multilateral organisation a multilateral contribution; a migration
// project with no country abroad is the hosting of refugees in France. The
// mechanisms and kinds come first.
TEST(ApdTest, CategoriesFromParticipantsThemesAndMechanisms) {
  auto project = [](std::vector<std::string> themes,
                    std::vector<std::string> countries, bool foreign,
                    std::vector<std::string> implementers,
                    std::string kind = "action") {
    ApdProject p;
    p.ref = "P";
    p.partnership_kind = std::move(kind);
    p.themes = std::move(themes);
    p.countries = std::move(countries);
    p.foreign_authority = foreign;
    p.implementer_types = std::move(implementers);
    return p;
  };
  const FinanceLine cash =
      Line(FT::kFrenchAuthority, "budget-general", 100, true, 2024, 1);
  const FinanceLine water =
      Line(FT::kFrenchAuthority, "1pc-eau", 100, true, 2024, 1);
  // An NGO (22 national, 21 international, 23 regional, 24 southern).
  for (const char* ngo : {"21", "22", "23", "24"}) {
    EXPECT_EQ(ApdCategory(cash, project({"sante"}, {"BF"}, false, {ngo})),
              "ngo_grant")
        << ngo;
  }
  // ... unless an authority abroad takes part: a cooperation project.
  EXPECT_EQ(ApdCategory(cash, project({"sante"}, {"BF"}, true, {"22"})),
            "cooperation");
  // A university (80) or a company (70) carrying it: cooperation.
  EXPECT_EQ(ApdCategory(cash, project({"sante"}, {"BF"}, false, {"80", "70"})),
            "cooperation");
  // A multilateral organisation (40) before an NGO.
  EXPECT_EQ(ApdCategory(cash, project({"gouvernance-locale"}, {"MG"}, false,
                                      {"22", "40"})),
            "multilateral");
  // Refugees in France; the same theme abroad is not.
  EXPECT_EQ(ApdCategory(cash, project({"migrations-diasporas"}, {}, false, {})),
            "refugees");
  EXPECT_EQ(
      ApdRecipient(cash, project({"migrations-diasporas"}, {}, false, {})),
      "FR");
  EXPECT_EQ(
      ApdCategory(cash, project({"migrations-diasporas"}, {"SN"}, true, {})),
      "cooperation");
  // A 1 % line, development education and emergencies come first.
  EXPECT_EQ(ApdCategory(water,
                        project({"eau-assainissement"}, {"BF"}, false, {"22"})),
            "one_percent");
  EXPECT_EQ(ApdCategory(cash, project({"ecsi", "migrations-diasporas"}, {},
                                      false, {"22"})),
            "development_education");
  EXPECT_EQ(ApdCategory(cash, project({"urgence-post-crise"}, {"UA"}, false,
                                      {"22"}, "urgence")),
            "emergency");
}

}  // namespace
}  // namespace coopatlas::finance
