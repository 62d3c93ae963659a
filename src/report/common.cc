#include <cmath>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "report/render.h"

namespace coopatlas::report {

std::string Euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t v = negative ? -cents : cents;
  const std::string units =
      core::GroupThousands(static_cast<std::uint64_t>(v / 100));
  const std::int64_t c = v % 100;
  return (negative ? "-" : "") + units + "," + (c < 10 ? "0" : "") +
         std::to_string(c) + " €";
}

std::string FunderTypeLabel(const std::string& type) {
  static const std::map<std::string, std::string> kLabels = {
      {"french_authority", "Collectivités françaises"},
      {"partner_authority", "Collectivités partenaires"},
      {"state", "État (appels à projets)"},
      {"public_body", "AFD, agences de l'eau"},
      {"eu", "Union européenne"},
      {"ngo", "Associations"},
      {"foundation", "Fondations"},
      {"company", "Entreprises"},
      {"other", "Autres"}};
  const auto it = kLabels.find(type);
  return it == kLabels.end() ? type : it->second;
}

std::string Truncate(const std::string& text, std::size_t max_chars) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // Count the first byte of each UTF-8 sequence only.
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (chars == max_chars) return text.substr(0, i) + "…";
      ++chars;
    }
  }
  return text;
}

namespace {
std::string Ratio2(const Ratio& r) {
  const auto v = r.value();
  if (!v) return "-";
  std::string s = std::to_string(std::llround(*v * 100));
  while (s.size() < 3) s.insert(0, "0");
  return s.substr(0, s.size() - 2) + "," + s.substr(s.size() - 2);
}
}  // namespace

std::vector<std::pair<std::string, std::string>> KeyFigures(
    const ReportData& d) {
  std::vector<std::pair<std::string, std::string>> out = {
      {"Partenariats", std::to_string(d.partnerships)},
      {"Projets", std::to_string(d.projects)},
      {"Collectivités françaises", std::to_string(d.french_authorities)},
      {"Pays partenaires", std::to_string(d.countries)}};
  if (d.finance) {
    const FinanceSummary& f = *d.finance;
    out.emplace_back("Budget prévu", Euros(f.planned.total_cents));
    out.emplace_back("Dépenses réalisées", Euros(f.actual.total_cents));
    out.emplace_back("Soutien de l'État (prévu)",
                     Euros(f.planned.state_support_cents));
    out.emplace_back("Fonds propres des collectivités (prévu)",
                     Euros(f.planned.french_own_cents));
    out.emplace_back("Euros de projet par euro de l'État",
                     Ratio2(f.planned.budget_per_state_euro));
    out.emplace_back("Autres financements par euro de fonds propres",
                     Ratio2(f.planned.other_per_own_euro));
  }
  return out;
}

}  // namespace coopatlas::report
