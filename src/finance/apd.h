// The yearly APD declaration of French authorities (docs/finance.md): own
// funds actually paid, by recipient country and category. No SQL.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "coopatlas/finance.h"

namespace coopatlas::finance {

// What the declaration needs to know of a project.
struct ApdProject {
  std::string ref;
  std::string partnership_kind;  // jumelage | convention | ... | urgence
  std::vector<std::string> themes;
  std::vector<std::string> countries;  // foreign countries (alpha-2)
  // The countries that are not on the DAC list of ODA recipients in the
  // declared year (meaningful only when that list is known).
  std::vector<std::string> not_oda_countries;
  bool foreign_authority = false;  // an authority abroad takes part
  // IATI OrganisationType codes of its implementing actors (role 4).
  std::vector<std::string> implementer_types;
};

// The category of a line of `project` (docs/finance.md "APD categories").
std::string ApdCategory(const FinanceLine& line, const ApdProject& project);
// Its recipient: "FR" for development education or no foreign country, the
// country when there is one, "multi" when there are several.
std::string ApdRecipient(const FinanceLine& line, const ApdProject& project);

// The declaration of `year` from `lines`: only lines paid by a French
// authority, of nature actual, of that year count (the caller narrows the
// funders: one authority, a région, or all). `projects` maps project ids to
// their facts (a project missing from it is treated as one with no kind,
// theme or country: cooperation, recipient "FR").
// When `oda_list_known`, a line whose recipient is a country off the DAC
// list (or "multi" with any such country) goes to `not_oda` instead.
ApdDeclaration ComputeApd(const std::vector<FinanceLine>& lines,
                          const std::map<std::int64_t, ApdProject>& projects,
                          std::string scope, int year, bool oda_list_known);

}  // namespace coopatlas::finance
