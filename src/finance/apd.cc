#include "finance/apd.h"

#include <algorithm>
#include <initializer_list>
#include <set>
#include <tuple>
#include <utility>

#include "finance/cofinancing.h"

namespace coopatlas::finance {
namespace {

bool HasTheme(const ApdProject& p, const char* theme) {
  return std::find(p.themes.begin(), p.themes.end(), theme) != p.themes.end();
}

bool Implements(const ApdProject& p, std::initializer_list<const char*> types) {
  return std::any_of(p.implementer_types.begin(), p.implementer_types.end(),
                     [&](const std::string& t) {
                       return std::find(types.begin(), types.end(), t) !=
                              types.end();
                     });
}

}  // namespace

std::string ApdCategory(const FinanceLine& line, const ApdProject& project) {
  if (IsOnePercent(line.mechanism) ||
      project.partnership_kind == "un-pour-cent") {
    return "one_percent";
  }
  if (HasTheme(project, "ecsi")) return "development_education";
  if (project.partnership_kind == "urgence") return "emergency";
  // Hosting refugees in France: a migration project with no country abroad.
  if (HasTheme(project, "migrations-diasporas") && project.countries.empty()) {
    return "refugees";
  }
  // No authority abroad: the money goes to whoever carries the project.
  if (!project.foreign_authority) {
    if (Implements(project, {"40"})) return "multilateral";
    if (Implements(project, {"21", "22", "23", "24"})) return "ngo_grant";
  }
  return "cooperation";
}

std::string ApdRecipient(const FinanceLine& line, const ApdProject& project) {
  if (ApdCategory(line, project) == "development_education") return "FR";
  if (project.countries.empty()) return "FR";
  if (project.countries.size() > 1) return "multi";
  return project.countries.front();
}

ApdDeclaration ComputeApd(const std::vector<FinanceLine>& lines,
                          const std::map<std::int64_t, ApdProject>& projects,
                          std::string scope, int year, bool oda_list_known) {
  ApdDeclaration d;
  d.scope = std::move(scope);
  d.year = year;
  d.oda_list_known = oda_list_known;
  using Groups = std::map<std::pair<std::string, std::string>,
                          std::pair<std::int64_t, std::set<std::string>>>;
  Groups grouped, excluded;
  std::set<std::string> funders;
  const ApdProject unknown;
  for (const FinanceLine& l : lines) {
    if (!l.actual || l.year != year ||
        l.funder_type != FunderType::kFrenchAuthority) {
      continue;
    }
    const auto it = projects.find(l.project_id);
    const ApdProject& p = it == projects.end() ? unknown : it->second;
    const std::string recipient = ApdRecipient(l, p);
    const bool off_list =
        oda_list_known && recipient != "FR" && !p.not_oda_countries.empty();
    auto& g = (off_list ? excluded : grouped)[{recipient, ApdCategory(l, p)}];
    g.first += l.amount_cents;
    g.second.insert(l.project_ref);
    if (off_list) continue;
    funders.insert(l.funder_code);
    if (l.demo) d.includes_demo = true;
  }
  for (auto& [key, value] : excluded) {
    d.not_oda_cents += value.first;
    d.not_oda.push_back({key.first,
                         key.second,
                         value.first,
                         {value.second.begin(), value.second.end()}});
  }
  for (auto& [key, value] : grouped) {
    ApdLine line{key.first,
                 key.second,
                 value.first,
                 {value.second.begin(), value.second.end()}};
    d.total_cents += line.amount_cents;
    d.by_category[line.category] += line.amount_cents;
    d.by_recipient[line.recipient] += line.amount_cents;
    d.lines.push_back(std::move(line));
  }
  d.authorities = static_cast<std::int64_t>(funders.size());
  return d;
}

}  // namespace coopatlas::finance
