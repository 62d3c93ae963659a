#include "registry/finance_json.h"

namespace coopatlas {
namespace {

using Json = nlohmann::ordered_json;

Json RatioJson(const Ratio& r) {
  const auto v = r.value();
  return {{"value", v ? Json(*v) : Json(nullptr)},
          {"numerator_cents", r.numerator_cents},
          {"denominator_cents", r.denominator_cents}};
}

// {"key": {"cents": n, "share": n / total}}
Json Shares(const std::map<std::string, std::int64_t>& m, std::int64_t total) {
  Json out = Json::object();
  for (const auto& [k, v] : m) {
    out[k] = {{"cents", v},
              {"share", total == 0 ? Json(nullptr)
                                   : Json(static_cast<double>(v) /
                                          static_cast<double>(total))}};
  }
  return out;
}

Json CofinancingJson(const Cofinancing& c) {
  return {{"lines", c.lines},
          {"total_cents", c.total_cents},
          {"by_mechanism", Shares(c.by_mechanism, c.total_cents)},
          {"by_funder_type", Shares(c.by_funder_type, c.total_cents)},
          {"french_own_cents", c.french_own_cents},
          {"french_cash_cents", c.french_cash_cents},
          {"french_in_kind_cents", c.french_in_kind_cents},
          {"french_one_percent_cents", c.french_one_percent_cents},
          {"state_support_cents", c.state_support_cents},
          {"leverage",
           {{"budget_per_state_euro", RatioJson(c.budget_per_state_euro)},
            {"other_per_own_euro", RatioJson(c.other_per_own_euro)}}},
          {"foreign_currency_lines", c.foreign_currency_lines}};
}

Json OptCents(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

}  // namespace

Json ToJson(const FinanceSummary& s) {
  return {{"scope", s.scope},
          {"year", s.year ? Json(*s.year) : Json(nullptr)},
          {"currency", "EUR"},
          {"projects", s.projects},
          {"years", s.years},
          {"demo", s.includes_demo},
          {"planned", CofinancingJson(s.planned)},
          {"actual", CofinancingJson(s.actual)},
          {"execution", RatioJson(s.execution)}};
}

Json ToJson(const Eligibility& e) {
  Json rules = Json::array();
  for (const RuleCheck& r : e.rules) {
    rules.push_back({{"rule", r.rule},
                     {"outcome", r.outcome},
                     {"detail", r.detail},
                     {"value_cents", OptCents(r.value_cents)},
                     {"limit_cents", OptCents(r.limit_cents)},
                     {"limit_percent",
                      r.limit_bp ? Json(*r.limit_bp / 100.0) : Json(nullptr)}});
  }
  return {{"project", e.project_ref},
          {"title", e.project_title},
          {"call", e.call},
          {"outcome", e.outcome},
          {"countries", e.country_classes},
          {"multi_country", e.multi_country},
          {"budget_cents", e.budget_cents},
          {"french_cents", e.french_cents},
          {"french_in_kind_cents", e.french_in_kind_cents},
          {"state_cents", e.state_cents},
          {"max_rate_percent", e.max_rate_bp / 100.0},
          {"max_grant_cents", e.max_grant_cents},
          {"rules", rules},
          {"demo", e.demo}};
}

Json ToJson(const ApdDeclaration& d) {
  Json lines = Json::array();
  for (const ApdLine& l : d.lines) {
    lines.push_back({{"recipient", l.recipient},
                     {"category", l.category},
                     {"amount_cents", l.amount_cents},
                     {"projects", l.projects}});
  }
  Json not_oda = Json::array();
  for (const ApdLine& l : d.not_oda) {
    not_oda.push_back({{"recipient", l.recipient},
                       {"category", l.category},
                       {"amount_cents", l.amount_cents},
                       {"projects", l.projects}});
  }
  return {{"scope", d.scope},
          {"year", d.year},
          {"currency", "EUR"},
          {"total_cents", d.total_cents},
          {"authorities", d.authorities},
          {"by_category", d.by_category},
          {"by_recipient", d.by_recipient},
          {"lines", lines},
          {"oda_list_known", d.oda_list_known},
          {"not_oda", not_oda},
          {"not_oda_cents", d.not_oda_cents},
          {"demo", d.includes_demo}};
}

}  // namespace coopatlas
