#include "registry/json_format.h"

#include <cmath>
#include <string>

namespace coopatlas {
namespace {

nlohmann::ordered_json NullIfEmpty(const std::string& s) {
  return s.empty() ? nlohmann::ordered_json(nullptr)
                   : nlohmann::ordered_json(s);
}

}  // namespace

nlohmann::ordered_json ToJson(const ResolveResult& result) {
  nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
  for (const Candidate& c : result.candidates) {
    candidates.push_back({
        {"code", c.code},
        {"name", c.name},
        {"kind", c.kind},
        {"departement", NullIfEmpty(c.departement)},
        {"region", NullIfEmpty(c.region)},
        {"population", c.population ? nlohmann::ordered_json(*c.population)
                                    : nlohmann::ordered_json(nullptr)},
        // Two decimals: the score is a rank, not a measurement.
        {"score", std::round(c.score * 100) / 100},
        {"why", c.why},
    });
  }
  return {{"query", result.query},
          {"status", std::string(ResolutionName(result.status))},
          {"candidates", candidates}};
}

nlohmann::ordered_json ToJson(const DatabaseInfo& info) {
  nlohmann::ordered_json sources = nlohmann::ordered_json::array();
  for (const auto& s : info.sources) {
    sources.push_back({{"name", s.name},
                       {"version", s.version},
                       {"licence", s.licence},
                       {"counts", s.counts}});
  }
  nlohmann::ordered_json records = nlohmann::ordered_json::object();
  for (const auto& [k, v] : info.records) records[k] = v;
  return {{"path", info.path},
          {"schema_version", info.schema_version},
          {"reference_fingerprint", info.reference_fingerprint},
          {"records", records},
          {"sources", sources}};
}

nlohmann::ordered_json SummaryJson(const ImportReport& report) {
  nlohmann::ordered_json outcomes = nlohmann::ordered_json::object();
  for (const auto& [k, v] : report.outcomes) outcomes[k] = v;
  nlohmann::ordered_json others = nlohmann::ordered_json::object();
  for (const auto& [k, v] : report.others) others[k] = v;
  return {{"kind", report.kind},
          {"source", report.source},
          {"encoding", report.encoding},
          {"dry_run", report.dry_run},
          {"written", report.written},
          {"lines", report.lines},
          {"outcomes", outcomes},
          {"created", report.created},
          {"updated", report.updated},
          {"unchanged", report.unchanged},
          {"other_records_created", others},
          {"issues", report.issues.size()},
          {"seconds", std::round(report.seconds * 1000) / 1000}};
}

nlohmann::ordered_json ToJson(const ImportReport& report) {
  nlohmann::ordered_json out = SummaryJson(report);
  nlohmann::ordered_json issues = nlohmann::ordered_json::array();
  for (const auto& issue : report.issues) {
    ResolveResult r;
    r.query = issue.name;
    r.candidates = issue.candidates;
    issues.push_back({{"name", issue.name},
                      {"status", issue.status},
                      {"lines", issue.lines},
                      {"candidates", ToJson(r)["candidates"]}});
  }
  out["issues"] = issues;
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  for (const auto& l : report.line_outcomes) {
    nlohmann::ordered_json line = {{"line", l.line}, {"outcome", l.outcome}};
    if (!l.detail.empty()) line["detail"] = l.detail;
    if (l.record_id) line["id"] = *l.record_id;
    lines.push_back(std::move(line));
  }
  out["lines_detail"] = lines;
  return out;
}

nlohmann::ordered_json ToJson(const AtlasStats& stats) {
  nlohmann::ordered_json out;
  nlohmann::ordered_json totals = nlohmann::ordered_json::object();
  for (const auto& [k, v] : stats.totals) totals[k] = v;
  out["totals"] = totals;
  for (const char* name :
       {"country", "world_region", "fr_region", "departement", "authority_kind",
        "partnership_kind", "theme", "sdg", "year"}) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    const auto it = stats.by.find(name);
    if (it != stats.by.end()) {
      for (const auto& b : it->second) {
        nlohmann::ordered_json j = {{"value", b.value},
                                    {"label", b.label},
                                    {"label_en", b.label_en},
                                    {"count", b.count}};
        if (!b.extra.empty()) j["numeric"] = b.extra;
        list.push_back(std::move(j));
      }
    }
    out[std::string("by_") + name] = std::move(list);
  }
  return out;
}

nlohmann::ordered_json ToJson(const AuthorityRef& a) {
  nlohmann::ordered_json j = {
      {"id", a.id}, {"name", a.name}, {"country", a.country}, {"kind", a.kind}};
  j["code"] = a.code.empty() ? nlohmann::ordered_json(nullptr)
                             : nlohmann::ordered_json(a.code);
  if (!a.departement.empty()) j["departement"] = a.departement;
  if (!a.admin1_name.empty()) j["region"] = a.admin1_name;
  if (a.lat && a.lng) {
    j["lat"] = *a.lat;
    j["lng"] = *a.lng;
  }
  return j;
}

nlohmann::ordered_json SummaryJson(const Partnership& p) {
  nlohmann::ordered_json french = nlohmann::ordered_json::array();
  nlohmann::ordered_json partners = nlohmann::ordered_json::array();
  for (const auto& a : p.french) french.push_back(ToJson(a));
  for (const auto& a : p.partners) partners.push_back(ToJson(a));
  return {{"id", p.meta.id},
          {"kind", p.kind},
          {"status", p.status},
          {"signed_on", p.signed_on},
          {"french", french},
          {"partners", partners},
          {"demo", p.meta.demo},
          {"source", p.meta.source},
          {"updated_at", p.meta.updated_at}};
}

nlohmann::ordered_json SummaryJson(const Project& p) {
  std::int64_t planned = 0, actual = 0;
  for (const auto& f : p.funding) {
    (f.nature == "actual" ? actual : planned) += f.amount_cents;
  }
  return {{"id", p.meta.id},
          {"ref", p.ref},
          {"title", p.title_fr},
          {"status", p.status},
          {"started_on", p.started_on},
          {"ended_on", p.ended_on},
          {"themes", p.themes},
          {"partnership_id", p.partnership_id
                                 ? nlohmann::ordered_json(*p.partnership_id)
                                 : nlohmann::ordered_json(nullptr)},
          {"planned_cents", planned},
          {"actual_cents", actual},
          {"demo", p.meta.demo}};
}

nlohmann::ordered_json ErrorJson(const Status& status) {
  return {{"error", std::string(CodeName(status.code()))},
          {"message", status.message()}};
}

}  // namespace coopatlas

namespace coopatlas {

nlohmann::ordered_json ToJson(const Peer& peer) {
  return {{"authority", ToJson(peer.authority)},
          {"score", peer.score},
          {"reason", peer.reason_fr},
          {"reason_en", peer.reason_en}};
}

namespace {

template <typename T, typename F>
nlohmann::ordered_json Array(const std::vector<T>& items, F&& f) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& item : items) out.push_back(f(item));
  return out;
}

}  // namespace

nlohmann::ordered_json SummaryJson(const std::vector<Partnership>& list) {
  return Array(list, [](const Partnership& p) { return SummaryJson(p); });
}

nlohmann::ordered_json SummaryJson(const std::vector<Project>& list) {
  return Array(list, [](const Project& p) { return SummaryJson(p); });
}

nlohmann::ordered_json ToJson(const std::vector<Peer>& list) {
  return Array(list, [](const Peer& p) { return ToJson(p); });
}

nlohmann::ordered_json ToJson(const AuthorityPage& page) {
  using J = nlohmann::ordered_json;
  const Candidate& c = page.identity;
  J epcis = J::array();
  for (const auto& [siren, name] : page.epcis) {
    epcis.push_back({{"siren", siren}, {"name", name}});
  }
  return {{"code", c.code},
          {"name", c.name},
          {"kind", c.kind},
          {"departement", c.departement},
          {"region", c.region},
          {"population", c.population ? J(*c.population) : J(nullptr)},
          {"epci", epcis},
          {"partnerships", SummaryJson(page.partnerships)},
          {"partnerships_total", page.partnerships_total},
          {"projects", SummaryJson(page.projects)},
          {"projects_total", page.projects_total}};
}

nlohmann::ordered_json DetailJson(const Project& p) {
  using J = nlohmann::ordered_json;
  J out = SummaryJson(p);
  out["title_en"] = p.title_en;
  out["description"] = p.description_fr;
  out["description_en"] = p.description_en;
  out["beneficiaries"] = p.beneficiaries;
  J sdgs = J::array();
  for (const auto& s : p.sdgs) {
    sdgs.push_back(
        {{"code", s.code}, {"origin", s.origin}, {"status", s.status}});
  }
  out["sdgs"] = sdgs;
  J dac = J::array();
  for (const auto& [code, pct] : p.dac) {
    dac.push_back({{"code", code}, {"percentage", pct ? J(*pct) : J(nullptr)}});
  }
  out["dac"] = dac;
  J locations = J::array();
  for (const auto& l : p.locations) {
    locations.push_back({{"country", l.country},
                         {"name", l.name},
                         {"lat", l.lat ? J(*l.lat) : J(nullptr)},
                         {"lng", l.lng ? J(*l.lng) : J(nullptr)}});
  }
  out["locations"] = locations;
  J participants = J::array();
  for (const auto& part : p.participants) {
    J j = part.authority ? ToJson(*part.authority)
                         : J{{"id", part.actor->meta.id},
                             {"name", part.actor->name},
                             {"kind", "actor"},
                             {"org_type", part.actor->org_type}};
    j["role"] = part.role;
    j["iati_role"] = part.iati_role;
    participants.push_back(std::move(j));
  }
  out["participants"] = participants;
  J funding = J::array();
  for (const auto& f : p.funding) {
    funding.push_back(
        {{"key", f.key},
         {"funder", f.funder_authority
                        ? f.funder_authority->name
                        : (f.funder_actor ? f.funder_actor->name : "")},
         {"funder_kind",
          f.funder_authority ? f.funder_authority->kind : "actor"},
         {"mechanism", f.mechanism},
         {"year", f.year},
         {"nature", f.nature},
         {"amount_cents", f.amount_cents},
         {"currency", f.currency},
         {"original_amount", f.original_amount},
         {"exchange_rate", f.exchange_rate},
         {"rate_date", f.rate_date}});
  }
  out["funding"] = funding;
  return out;
}

}  // namespace coopatlas
