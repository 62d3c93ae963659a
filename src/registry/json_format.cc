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

nlohmann::ordered_json ErrorJson(const Status& status) {
  return {{"error", std::string(CodeName(status.code()))},
          {"message", status.message()}};
}

}  // namespace coopatlas
