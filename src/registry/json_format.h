// JSON renderings of registry results, shared by the CLI and the HTTP API
// so that both print the same shapes.
#pragma once

#include <nlohmann/json.hpp>

#include "coopatlas/model.h"
#include "coopatlas/registry.h"
#include "coopatlas/resolve.h"
#include "coopatlas/status.h"

namespace coopatlas {

// {"query", "status", "candidates": [{"code", "name", "kind",
//  "departement", "region", "population", "score", "why"}]}
nlohmann::ordered_json ToJson(const ResolveResult& result);

// {"path", "schema_version", "reference_fingerprint", "sources": [...]}
nlohmann::ordered_json ToJson(const DatabaseInfo& info);

// The report of an import: summary, every line's outcome, the issues.
nlohmann::ordered_json ToJson(const ImportReport& report);
// The summary only (no per-line outcomes), for --json output.
nlohmann::ordered_json SummaryJson(const ImportReport& report);

// {"totals": {...}, "by_country": [{"value", "label", "label_en", "count",
// "numeric"}], "by_world_region": [...], ...}
nlohmann::ordered_json ToJson(const AtlasStats& stats);

// An authority as a party: {"id", "name", "country", "kind", "code",
// "departement"?, "region"?}.
nlohmann::ordered_json ToJson(const AuthorityRef& a);
// A partnership in a list: id, kind, status, signed_on, french, partners,
// demo, source, updated_at.
nlohmann::ordered_json SummaryJson(const Partnership& p);
// A project in a list: id, ref, title, status, dates, themes, partnership,
// planned and actual cents, demo.
nlohmann::ordered_json SummaryJson(const Project& p);
// A project with everything: participants, locations, SDGs, DAC codes,
// funding lines.
nlohmann::ordered_json DetailJson(const Project& p);

// {"authority": party, "score", "reason", "reason_en"}
nlohmann::ordered_json ToJson(const Peer& peer);

// Lists of the above, as JSON arrays.
nlohmann::ordered_json SummaryJson(const std::vector<Partnership>& list);
nlohmann::ordered_json SummaryJson(const std::vector<Project>& list);
nlohmann::ordered_json ToJson(const std::vector<Peer>& list);

// A French authority's page: {"code", "name", "kind", "departement",
// "region", "population", "epci": [{"siren", "name"}], "partnerships",
// "projects"} (the peers are added by who wants them).
nlohmann::ordered_json ToJson(const AuthorityPage& page);

// {"error": code name, "message"}
nlohmann::ordered_json ErrorJson(const Status& status);

}  // namespace coopatlas
