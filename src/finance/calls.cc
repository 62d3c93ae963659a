#include "finance/calls.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>

#include "core/file.h"

namespace coopatlas::finance {
namespace {

using Json = nlohmann::json;

// A percentage (at most two decimals, 0 < p <= 100) as basis points.
Result<int> Percent(const Json& j, const std::string& where) {
  if (!j.is_number()) {
    return Status::InvalidArgument(where + ": a percentage (number) expected");
  }
  const double p = j.get<double>();
  const double bp = std::round(p * 100);
  if (!(p > 0 && p <= 100) || std::fabs(bp - p * 100) > 1e-6) {
    return Status::InvalidArgument(
        where +
        ": a percentage above 0 and at most 100, with at most two "
        "decimals, expected");
  }
  return static_cast<int>(bp);
}

Result<std::string> Text(const Json& doc, const char* field,
                         const std::string& origin) {
  if (!doc.contains(field) || !doc[field].is_string() ||
      doc[field].get<std::string>().empty()) {
    return Status::InvalidArgument(origin + ": field '" + field +
                                   "': a non-empty string expected");
  }
  return doc[field].get<std::string>();
}

bool IsIsoDate(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

// b * bp / 10000, rounded down (bp >= 0, b >= 0).
std::int64_t FloorShare(std::int64_t cents, int bp) {
  return cents * bp / 10000;
}
std::int64_t CeilShare(std::int64_t cents, int bp) {
  return (cents * bp + 9999) / 10000;
}

std::string Pct(int bp) {
  return bp % 100 == 0
             ? std::to_string(bp / 100) + " %"
             : std::to_string(bp / 100) + "." + std::to_string(bp % 100 / 10) +
                   std::to_string(bp % 10) + " %";
}

}  // namespace

std::string FormatEuros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t v = negative ? -cents : cents;
  const std::int64_t c = v % 100;
  return (negative ? "-" : "") + std::to_string(v / 100) + "." +
         (c < 10 ? "0" : "") + std::to_string(c) + " EUR";
}

Result<CallRules> ParseCall(std::string_view json, const std::string& id,
                            const std::string& origin) {
  Json doc;
  try {
    doc = Json::parse(json);
  } catch (const Json::parse_error& e) {
    return Status::InvalidArgument(origin + ": not valid JSON: " + e.what());
  }
  if (!doc.is_object()) {
    return Status::InvalidArgument(origin + ": a JSON object expected");
  }
  CallRules call;
  COOPATLAS_ASSIGN_OR_RETURN(call.id, Text(doc, "id", origin));
  if (call.id != id) {
    return Status::InvalidArgument(origin + ": field 'id' is '" + call.id +
                                   "' but the file is named '" + id + ".json'");
  }
  COOPATLAS_ASSIGN_OR_RETURN(call.name, Text(doc, "name", origin));
  COOPATLAS_ASSIGN_OR_RETURN(call.funder, Text(doc, "funder", origin));
  COOPATLAS_ASSIGN_OR_RETURN(call.edition, Text(doc, "edition", origin));
  COOPATLAS_ASSIGN_OR_RETURN(call.source, Text(doc, "source", origin));
  COOPATLAS_ASSIGN_OR_RETURN(call.country_status_date,
                             Text(doc, "country_status_date", origin));
  if (!IsIsoDate(call.country_status_date)) {
    return Status::InvalidArgument(
        origin + ": field 'country_status_date': an ISO date expected");
  }
  const char* rates = "max_state_share_percent";
  if (!doc.contains(rates) || !doc[rates].is_object()) {
    return Status::InvalidArgument(
        origin + ": field '" + rates +
        "': an object {\"ldc\": .., \"oda\": .., \"other\": ..} expected");
  }
  for (const char* cls : {"ldc", "oda", "other"}) {
    const std::string where =
        origin + ": field '" + rates + "." + std::string(cls) + "'";
    if (!doc[rates].contains(cls)) {
      return Status::InvalidArgument(where + ": missing");
    }
    COOPATLAS_ASSIGN_OR_RETURN(int bp, Percent(doc[rates][cls], where));
    call.rates.push_back({cls, bp});
  }
  for (const auto& [key, value] : doc[rates].items()) {
    if (key != "ldc" && key != "oda" && key != "other") {
      return Status::InvalidArgument(origin + ": field '" + rates + "." + key +
                                     "': unknown class (ldc, oda, other)");
    }
  }
  if (doc.contains("multi_country_max_percent") &&
      !doc["multi_country_max_percent"].is_null()) {
    COOPATLAS_ASSIGN_OR_RETURN(
        int bp, Percent(doc["multi_country_max_percent"],
                        origin + ": field 'multi_country_max_percent'"));
    call.multi_country_max_bp = bp;
  }
  for (const auto& [field, target] :
       {std::pair<const char*, int*>{"french_min_share_percent",
                                     &call.french_min_bp},
        {"french_in_kind_max_percent", &call.french_in_kind_max_bp}}) {
    const std::string where = origin + ": field '" + field + "'";
    if (!doc.contains(field)) {
      return Status::InvalidArgument(where + ": missing");
    }
    COOPATLAS_ASSIGN_OR_RETURN(*target, Percent(doc[field], where));
  }
  if (doc.contains("prerequisites")) {
    const Json& p = doc["prerequisites"];
    if (!p.is_array()) {
      return Status::InvalidArgument(
          origin + ": field 'prerequisites': an array expected");
    }
    for (const Json& v : p) {
      const std::string name = v.is_string() ? v.get<std::string>() : "";
      if (name != "apd_declared" && name != "reports_filed") {
        return Status::InvalidArgument(
            origin + ": field 'prerequisites': '" + v.dump() +
            "' is not a known prerequisite (apd_declared, reports_filed)");
      }
      call.prerequisites.push_back(name);
    }
  }
  return call;
}

std::vector<std::string> ListCalls(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") {
      out.push_back(entry.path().stem().string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<CallRules> LoadCall(const std::string& dir, const std::string& id) {
  const bool plain =
      !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
      });
  const std::vector<std::string> known = ListCalls(dir);
  if (!plain || std::find(known.begin(), known.end(), id) == known.end()) {
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
    return Status::NotFound("no call for projects '" + id + "' in " + dir +
                            " (known: " + (list.empty() ? "none" : list) + ")");
  }
  const std::string path = dir + "/" + id + ".json";
  COOPATLAS_ASSIGN_OR_RETURN(std::string text, core::ReadFile(path));
  return ParseCall(text, id, path);
}

std::string CountryClass(const std::vector<std::string>& statuses) {
  auto has = [&](const char* s) {
    return std::find(statuses.begin(), statuses.end(), s) != statuses.end();
  };
  if (has("ldc")) return "ldc";
  if (has("dac_oda_recipient")) return "oda";
  return "other";
}

Eligibility CheckEligibility(const CallRules& call,
                             const EligibilityInput& input) {
  Eligibility e;
  e.project_ref = input.project_ref;
  e.project_title = input.project_title;
  e.call = call.id;
  e.demo = input.demo;
  e.country_classes = input.country_classes;
  for (const auto& [country, cls] : input.country_classes) {
    e.countries.push_back(country);
  }
  e.multi_country = e.countries.size() > 1;
  for (const FinanceLine& l : input.lines) {
    if (l.actual) continue;
    e.budget_cents += l.amount_cents;
    if (l.funder_type == FunderType::kFrenchAuthority) {
      e.french_cents += l.amount_cents;
      if (l.mechanism == "nature") e.french_in_kind_cents += l.amount_cents;
    }
    if (l.funder_type == FunderType::kState) e.state_cents += l.amount_cents;
  }

  // The maximum State rate: the multi-country flat rate when the call has
  // one, else the lowest rate of the project's countries.
  auto rate_of = [&](const std::string& cls) {
    for (const CallRate& r : call.rates) {
      if (r.country_class == cls) return r.max_bp;
    }
    return 0;
  };
  std::string rate_reason;
  if (e.multi_country && call.multi_country_max_bp) {
    e.max_rate_bp = *call.multi_country_max_bp;
    rate_reason = "multi-country project";
  } else if (e.countries.empty()) {
    e.max_rate_bp = rate_of("other");
    rate_reason = "no partner country known: class other";
  } else {
    e.max_rate_bp = 10000;
    for (const auto& [country, cls] : e.country_classes) {
      const int bp = rate_of(cls);
      if (bp < e.max_rate_bp) {
        e.max_rate_bp = bp;
        rate_reason = country + " is " + cls;
      }
    }
    if (e.multi_country) rate_reason += " (lowest rate of its countries)";
  }
  e.max_grant_cents = FloorShare(e.budget_cents, e.max_rate_bp);

  RuleCheck share{"french_share_min",
                  "",
                  "",
                  e.french_cents,
                  CeilShare(e.budget_cents, call.french_min_bp),
                  call.french_min_bp};
  const bool share_ok =
      e.budget_cents > 0 &&
      e.french_cents * 10000 >= e.budget_cents * call.french_min_bp;
  share.outcome = share_ok ? "passed" : "failed";
  share.detail = "French authorities bring " + FormatEuros(e.french_cents) +
                 " of a planned budget of " + FormatEuros(e.budget_cents) +
                 "; at least " + Pct(call.french_min_bp) + " (" +
                 FormatEuros(*share.limit_cents) + ") required";
  e.rules.push_back(share);

  RuleCheck in_kind{"in_kind_max",
                    "",
                    "",
                    e.french_in_kind_cents,
                    FloorShare(e.french_cents, call.french_in_kind_max_bp),
                    call.french_in_kind_max_bp};
  const bool in_kind_ok = e.french_in_kind_cents * 10000 <=
                          e.french_cents * call.french_in_kind_max_bp;
  in_kind.outcome = in_kind_ok ? "passed" : "failed";
  in_kind.detail = "in kind " + FormatEuros(e.french_in_kind_cents) +
                   " of the French authorities' " +
                   FormatEuros(e.french_cents) + "; at most " +
                   Pct(call.french_in_kind_max_bp) + " (" +
                   FormatEuros(*in_kind.limit_cents) + ") allowed";
  e.rules.push_back(in_kind);

  RuleCheck rate{"state_rate_max",  "",           "", e.state_cents,
                 e.max_grant_cents, e.max_rate_bp};
  const bool rate_ok = e.state_cents * 10000 <= e.budget_cents * e.max_rate_bp;
  rate.outcome = rate_ok ? "passed" : "failed";
  rate.detail = "State " + FormatEuros(e.state_cents) + " requested; at most " +
                Pct(e.max_rate_bp) + " of the budget (" +
                FormatEuros(e.max_grant_cents) + ": " + rate_reason + ")";
  e.rules.push_back(rate);

  for (const std::string& p : call.prerequisites) {
    const std::optional<bool>& fact = p == "apd_declared"
                                          ? input.prerequisites.apd_declared
                                          : input.prerequisites.reports_filed;
    RuleCheck check;
    check.rule = p;
    check.outcome = !fact ? "unknown" : (*fact ? "passed" : "failed");
    const std::string what = p == "apd_declared"
                                 ? "the APD of the previous year declared"
                                 : "reports of earlier grants filed";
    check.detail = !fact ? what + ": not recorded, to confirm"
                         : what + (*fact ? ": yes" : ": no");
    e.rules.push_back(check);
  }

  bool failed = false, unknown = false;
  for (const RuleCheck& r : e.rules) {
    failed = failed || r.outcome == "failed";
    unknown = unknown || r.outcome == "unknown";
  }
  e.outcome = failed ? "not_eligible" : (unknown ? "to_confirm" : "eligible");
  return e;
}

}  // namespace coopatlas::finance
