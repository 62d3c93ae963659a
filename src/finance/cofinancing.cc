#include "finance/cofinancing.h"

#include <set>
#include <utility>

namespace coopatlas::finance {

std::string_view FunderTypeName(FunderType type) {
  switch (type) {
    case FunderType::kFrenchAuthority:
      return "french_authority";
    case FunderType::kPartnerAuthority:
      return "partner_authority";
    case FunderType::kState:
      return "state";
    case FunderType::kPublicBody:
      return "public_body";
    case FunderType::kEu:
      return "eu";
    case FunderType::kNgo:
      return "ngo";
    case FunderType::kFoundation:
      return "foundation";
    case FunderType::kCompany:
      return "company";
    case FunderType::kOther:
      return "other";
  }
  return "other";
}

FunderType ClassifyFunder(bool is_authority, std::string_view country,
                          std::string_view org_type) {
  if (is_authority) {
    return country == "FR" ? FunderType::kFrenchAuthority
                           : FunderType::kPartnerAuthority;
  }
  // IATI OrganisationType codes (third_party/iati-codelists).
  if (org_type == "10" || org_type == "11") return FunderType::kState;
  if (org_type == "15") return FunderType::kPublicBody;
  if (org_type == "40") return FunderType::kEu;
  if (org_type == "21" || org_type == "22" || org_type == "23" ||
      org_type == "24") {
    return FunderType::kNgo;
  }
  if (org_type == "60") return FunderType::kFoundation;
  if (org_type == "70" || org_type == "71" || org_type == "72" ||
      org_type == "73") {
    return FunderType::kCompany;
  }
  return FunderType::kOther;
}

bool IsOnePercent(std::string_view mechanism) {
  return mechanism.substr(0, 4) == "1pc-";
}

namespace {

// Adds `count` lines of the kind of `l`, amounting to l.amount_cents.
void Add(Cofinancing& c, const FinanceLine& l, std::int64_t count) {
  c.lines += count;
  c.total_cents += l.amount_cents;
  c.by_mechanism[l.mechanism] += l.amount_cents;
  c.by_funder_type[std::string(FunderTypeName(l.funder_type))] +=
      l.amount_cents;
  if (l.currency != "EUR") c.foreign_currency_lines += count;
  if (l.funder_type == FunderType::kFrenchAuthority) {
    c.french_own_cents += l.amount_cents;
    if (l.mechanism == "nature") {
      c.french_in_kind_cents += l.amount_cents;
    } else if (IsOnePercent(l.mechanism)) {
      c.french_one_percent_cents += l.amount_cents;
    } else {
      // budget-general, and any other mechanism a French authority pays
      // from its own budget, counts as cash.
      c.french_cash_cents += l.amount_cents;
    }
  }
  if (l.mechanism == "appel-etat" || l.mechanism == "afd-ficol") {
    c.state_support_cents += l.amount_cents;
  }
}

void SetRatios(Cofinancing& c) {
  c.budget_per_state_euro = {c.total_cents, c.state_support_cents};
  c.other_per_own_euro = {c.total_cents - c.french_own_cents,
                          c.french_own_cents};
}

}  // namespace

Cofinancing ComputeCofinancing(const std::vector<FinanceLine>& lines,
                               bool actual) {
  Cofinancing c;
  for (const FinanceLine& l : lines) {
    if (l.actual == actual) Add(c, l, 1);
  }
  SetRatios(c);
  return c;
}

FinanceSummary Summarize(const std::vector<FinanceLine>& lines,
                         std::string scope, std::optional<int> year) {
  FinanceSummary s;
  s.scope = std::move(scope);
  s.year = year;
  std::vector<FinanceLine> kept;
  std::set<std::int64_t> projects;
  std::set<int> years;
  for (const FinanceLine& l : lines) {
    if (year && l.year != *year) continue;
    kept.push_back(l);
    projects.insert(l.project_id);
    years.insert(l.year);
    if (l.demo) s.includes_demo = true;
  }
  s.projects = static_cast<std::int64_t>(projects.size());
  s.years.assign(years.begin(), years.end());
  s.planned = ComputeCofinancing(kept, false);
  s.actual = ComputeCofinancing(kept, true);
  s.execution = {s.actual.total_cents, s.planned.total_cents};
  return s;
}

FinanceSummary SummarizeGroups(const std::vector<LineGroup>& groups,
                               std::int64_t projects, std::string scope,
                               std::optional<int> year) {
  FinanceSummary s;
  s.scope = std::move(scope);
  s.year = year;
  s.projects = projects;
  std::set<int> years;
  for (const LineGroup& g : groups) {
    if (year && g.line.year != *year) continue;
    years.insert(g.line.year);
    if (g.line.demo) s.includes_demo = true;
    Add(g.line.actual ? s.actual : s.planned, g.line, g.lines);
  }
  s.years.assign(years.begin(), years.end());
  SetRatios(s.planned);
  SetRatios(s.actual);
  s.execution = {s.actual.total_cents, s.planned.total_cents};
  return s;
}

}  // namespace coopatlas::finance
