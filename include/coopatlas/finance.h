// Money and evidence (docs/finance.md): co-financing and leverage derived
// from the funding lines, eligibility to a call for projects, and the APD
// declaration. Plain values: computed by src/finance from funding lines, read
// by src/registry, rendered by the CLI and the HTTP API.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/status.h"

namespace coopatlas {

// --- inputs ----------------------------------------------------------------

// Who pays a funding line, by class (docs/finance.md "Funder types").
enum class FunderType {
  kFrenchAuthority,   // a French local authority (own funds)
  kPartnerAuthority,  // a foreign partner authority
  kState,             // the State: ministry (IATI org type 10)
  kPublicBody,        // other public sector: AFD, water agencies (15)
  kEu,                // European Union, multilateral (40)
  kNgo,               // associations, NGOs (21, 22, 23, 24)
  kFoundation,        // foundations (60)
  kCompany,           // private sector (70, 71, 72, 73)
  kOther,             // anything else
};

// One funding line as the computations see it: amounts are integer cents in
// EUR (converted once, at import); a line in another currency keeps its
// original amount, currency, rate and rate date for display.
struct FinanceLine {
  std::int64_t project_id = 0;
  std::string project_ref;
  FunderType funder_type = FunderType::kOther;
  std::string funder_code;  // French authority: its code, else ""
  std::string funder_name;
  std::string mechanism;  // budget-general | nature | 1pc-eau | ... | autre
  int year = 0;
  bool actual = false;  // nature 'actual' (réalisé), else planned
  std::int64_t amount_cents = 0;
  std::string currency = "EUR";
  std::string original_amount, exchange_rate, rate_date;
  bool demo = false;
};

// --- co-financing and leverage ---------------------------------------------

// A ratio kept as its two amounts, so that nothing is lost to rounding;
// value() is empty when the denominator is zero.
struct Ratio {
  std::int64_t numerator_cents = 0;
  std::int64_t denominator_cents = 0;
  std::optional<double> value() const {
    if (denominator_cents == 0) return std::nullopt;
    return static_cast<double>(numerator_cents) /
           static_cast<double>(denominator_cents);
  }
};

// The figures of one nature (planned or actual) of a set of funding lines.
struct Cofinancing {
  std::int64_t lines = 0;
  std::int64_t total_cents = 0;
  std::map<std::string, std::int64_t> by_mechanism;    // mechanism -> cents
  std::map<std::string, std::int64_t> by_funder_type;  // FunderTypeName ->
  // The French authorities' own funds: every line a French authority pays,
  // split into cash (budget-general), in kind (nature) and "1 %" budgets.
  std::int64_t french_own_cents = 0;
  std::int64_t french_cash_cents = 0;
  std::int64_t french_in_kind_cents = 0;
  std::int64_t french_one_percent_cents = 0;
  // State support: the ministry's calls (appel-etat) and AFD FICOL.
  std::int64_t state_support_cents = 0;
  // Total budget per euro of State support: total / state support.
  Ratio budget_per_state_euro;
  // Other funding per euro of the French authorities' own funds:
  // (total - own funds) / own funds.
  Ratio other_per_own_euro;
  // Lines entered in another currency (converted at their own rate).
  std::int64_t foreign_currency_lines = 0;
};

// Co-financing of a scope: planned and actual figures, kept apart.
struct FinanceSummary {
  std::string scope;  // "project DEMO-0001", "authority 69123", "national"
  std::optional<int> year;  // only the lines of this year, if set
  std::int64_t projects = 0;
  bool includes_demo = false;
  Cofinancing planned, actual;
  // Actual / planned total (execution rate).
  Ratio execution;
  std::vector<int> years;  // years that have lines, ascending
};

// --- calls for projects ----------------------------------------------------

// A country class of a call's rate table (docs/finance.md).
struct CallRate {
  std::string country_class;  // ldc | oda | other
  int max_bp = 0;             // maximum State share, basis points of budget
};

// The rules of one edition of a call for projects, as data
// (data/calls/<id>.json).
struct CallRules {
  std::string id;  // file name without .json: "generaliste-2025"
  std::string name, funder, edition;
  std::string country_status_date;  // ISO date the country classes use
  std::vector<CallRate> rates;      // by country class
  // Flat maximum for multi-country projects, if the call has one; without
  // it a multi-country project gets the lowest rate of its countries.
  std::optional<int> multi_country_max_bp;
  int french_min_bp = 0;          // French authorities' minimum share
  int french_in_kind_max_bp = 0;  // in kind, share of their contribution
  std::vector<std::string> prerequisites;  // apd_declared, reports_filed
  std::string source;                      // where the figures come from
};

// One rule checked for one project.
struct RuleCheck {
  std::string rule;     // french_share_min | in_kind_max | state_rate_max |
                        // apd_declared | reports_filed
  std::string outcome;  // passed | failed | unknown
  std::string detail;   // the figures used, in words
  std::optional<std::int64_t> value_cents, limit_cents;
  std::optional<int> limit_bp;
};

// Facts about a project's prerequisites the records do not hold: given by
// the caller (true / false), unknown when absent.
struct Prerequisites {
  std::optional<bool> apd_declared, reports_filed;
};

struct Eligibility {
  std::string project_ref, project_title, call;
  std::vector<std::string> countries;  // foreign countries of the project
  std::map<std::string, std::string> country_classes;  // alpha2 -> class
  bool multi_country = false;
  std::int64_t budget_cents = 0;  // planned lines
  std::int64_t french_cents = 0, french_in_kind_cents = 0, state_cents = 0;
  int max_rate_bp = 0;
  std::int64_t max_grant_cents = 0;
  std::vector<RuleCheck> rules;
  std::string outcome;  // eligible | not_eligible | to_confirm
  bool demo = false;
};

// --- APD declaration -------------------------------------------------------

struct ApdLine {
  std::string recipient;  // ISO alpha-2, "FR" for France, "multi"
  std::string category;   // cooperation | emergency | development_education
                          // | one_percent | ... (docs/finance.md)
  std::int64_t amount_cents = 0;
  std::vector<std::string> projects;  // refs, sorted
};

struct ApdDeclaration {
  std::string scope;  // "authority 69123", "national", "region 84"
  int year = 0;
  std::vector<ApdLine> lines;  // by recipient, then category
  std::int64_t total_cents = 0;
  std::map<std::string, std::int64_t> by_category;
  std::map<std::string, std::int64_t> by_recipient;
  std::int64_t authorities = 0;  // French authorities that paid something
  bool includes_demo = false;
  // Whether the DAC list of ODA recipients for the year is in the reference
  // data. When it is, money paid for a country that is not on it is not
  // APD: those lines are in `not_oda`, outside the totals. When it is not,
  // recipients could not be checked and every line counts.
  bool oda_list_known = false;
  std::vector<ApdLine> not_oda;
  std::int64_t not_oda_cents = 0;
};

// --- what to compute (Registry::Finance, CheckEligibility, Apd) -----------

// The lines a co-financing summary covers: one of project, authority,
// country, theme or national, optionally narrowed to a year (a year alone
// means the whole atlas in that year).
struct FinanceScope {
  std::string project;    // ref (DEMO-0001) or numeric id
  std::string authority;  // projects a French authority (code) takes part in
  std::string country;    // projects located in or partnered with (alpha-2)
  std::string theme;      // projects with this theme code
  // Projects with a French participant of this région (INSEE code) or
  // département (code), as the search's fr_region and departement filters.
  std::string fr_region;
  std::string departement;
  // Projects a call for projects supported: those with a State-call line
  // (mechanism appel-etat) of the call's edition year ("generaliste-2025":
  // lines of 2025; data/calls/<call>.json, `edition`).
  std::string call;
  std::string calls_dir;  // "" for DefaultCallsDir()
  bool national = false;  // every line of the atlas
  std::optional<int> year;

  // Authority, country, theme, fr_region, departement and call combine
  // (every one given narrows the lines); a project or national stands alone.
  // Errors: kInvalidArgument (none or several scopes, bad year).
  Status Validate() const;
};

struct EligibilityOptions {
  std::string project;    // ref or numeric id
  std::string call;       // "generaliste-2025": data/calls/<call>.json
  std::string calls_dir;  // "" for DefaultCallsDir()
  Prerequisites prerequisites;

  Status Validate() const;
};

// data/calls under the reference root ($COOPATLAS_HOME or the source tree).
std::string DefaultCallsDir();

// One APD declaration: an authority's, a région's authorities', or every
// French authority's (national), for one year.
struct ApdOptions {
  std::string authority;  // code
  std::string region;     // French région code
  bool national = false;
  int year = 0;

  Status Validate() const;
};

}  // namespace coopatlas
