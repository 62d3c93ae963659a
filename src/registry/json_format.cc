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
  return {{"path", info.path},
          {"schema_version", info.schema_version},
          {"reference_fingerprint", info.reference_fingerprint},
          {"sources", sources}};
}

nlohmann::ordered_json ErrorJson(const Status& status) {
  return {{"error", std::string(CodeName(status.code()))},
          {"message", status.message()}};
}

}  // namespace coopatlas
