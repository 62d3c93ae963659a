// Reads of the funding lines and project facts that the finance
// computations need (docs/finance.md). Read only: the figures are derived
// from funding_line rows, never stored twice.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

// Which funding lines to read; every field set narrows the selection.
struct FundingScope {
  std::optional<std::int64_t> project_id;
  std::string authority_code;      // projects a French authority takes part in
  std::string country;             // projects located in or partnered with it
  std::string theme;               // projects with this theme
  std::string participant_region;  // a French participant's région
  std::string participant_departement;  // a French participant's département
  std::optional<int> year;              // lines of this year
  // Projects with a State-call line (appel-etat) of this year.
  std::optional<int> state_call_year;
  std::string funder_code;    // lines paid by this French authority
  std::string funder_region;  // lines paid by French authorities of a région
  bool actual_only = false;   // lines of nature 'actual'
};

// One funding line with its project and funder, as stored.
struct FundingRow {
  std::int64_t project_id = 0;
  std::string project_ref;
  bool demo = false;
  bool funder_is_authority = false;
  std::string funder_country;  // authority: its country
  std::string funder_code, funder_name, funder_region;
  std::string funder_org_type;  // actor: IATI OrganisationType
  std::string mechanism;
  int year = 0;
  std::string nature;  // planned | actual
  std::int64_t amount_cents = 0;
  std::string currency, original_amount, exchange_rate, rate_date;
};

// The lines of `scope`, ordered by project then line key.
Result<std::vector<FundingRow>> ReadFundingRows(Db* db,
                                                const FundingScope& scope);

// Funding lines of `scope` summed in SQL, one row per distinct value of
// what the co-financing figures depend on (docs/finance.md): a national
// scope has millions of lines, a few hundred groups.
struct FundingGroup {
  bool demo = false;
  bool funder_is_authority = false;
  std::string funder_country;   // authority: its country
  std::string funder_org_type;  // actor: IATI OrganisationType
  std::string mechanism;
  int year = 0;
  std::string nature;  // planned | actual
  bool foreign_currency = false;
  std::int64_t lines = 0;
  std::int64_t amount_cents = 0;
};
struct FundingTotals {
  std::vector<FundingGroup> groups;
  std::int64_t projects = 0;  // distinct projects with a line in scope
};
Result<FundingTotals> ReadFundingTotals(Db* db, const FundingScope& scope);

// The figures of a national report (optionally of the projects active in
// `year`, and the partnerships active then or carrying such a project),
// counted in SQL; as src/registry/report.cc computes them from the records
// for the other scopes.
struct NationalReportCounts {
  std::int64_t projects = 0, partnerships = 0, french_authorities = 0;
  bool includes_demo = false;
  std::string freshness;  // latest updated_at, empty when no record
  std::map<std::string, std::int64_t> themes;  // theme code -> projects
  std::map<std::string, std::int64_t> goals;   // SDG goal -> projects
  // Foreign country (alpha-2) -> projects located in it or with a partner
  // authority of it.
  std::map<std::string, std::int64_t> project_countries;
  // Foreign country (alpha-2) -> partnerships with a partner of it.
  std::map<std::string, std::int64_t> partner_countries;
  // Département code ("" for none: régions…) -> French authorities.
  std::map<std::string, std::int64_t> french_by_departement;
  std::map<std::string, std::int64_t> start_years;  // "2021" -> projects
  // Ids of the first `limit` projects and partnerships, by id.
  std::vector<std::int64_t> first_projects, first_partnerships;
};
Result<NationalReportCounts> ReadNationalReportCounts(Db* db,
                                                      std::optional<int> year,
                                                      int limit);

// Ids of the projects with `theme`, ascending.
Result<std::vector<std::int64_t>> ProjectsWithTheme(Db* db,
                                                    const std::string& theme);

// What eligibility and the APD need of a project.
struct ProjectFacts {
  std::int64_t id = 0;
  std::string ref, title, partnership_kind;
  bool demo = false;
  std::vector<std::string> themes;
  // Foreign countries: of its locations and participating authorities.
  std::vector<std::string> countries;
  bool foreign_authority = false;  // an authority abroad takes part
  // IATI OrganisationType codes of the implementing actors (role 4).
  std::vector<std::string> implementer_types;
};

// The facts of every project with a line in `rows` (by project id).
Result<std::map<std::int64_t, ProjectFacts>> ReadProjectFacts(
    Db* db, const std::vector<std::int64_t>& ids);

// The id of the project with this ref, or of this numeric id, if any.
Result<std::optional<std::int64_t>> FindProject(Db* db,
                                                const std::string& ref_or_id);

// The statuses (ref_country_status) `alpha2` holds on an ISO date.
Result<std::vector<std::string>> CountryStatusesOn(Db* db,
                                                   const std::string& alpha2,
                                                   const std::string& date);

// Whether any country holds `status` on an ISO date (whether a dated list,
// such as the DAC list of ODA recipients, covers that date).
Result<bool> StatusListCovers(Db* db, const std::string& status,
                              const std::string& date);

// alpha-2 -> French name of every country.
Result<std::map<std::string, std::string>> CountryNamesFr(Db* db);

// Whether a reference code exists: a country (alpha-2), a theme, a French
// région code.
Result<bool> CountryExists(Db* db, const std::string& alpha2);
Result<bool> ThemeExists(Db* db, const std::string& code);
Result<bool> RegionExists(Db* db, const std::string& code);

}  // namespace coopatlas::store
