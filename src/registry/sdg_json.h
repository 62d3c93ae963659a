// JSON renderings of SDG suggestions, shared by the CLI and the HTTP API
// (implemented in registry/sdg.cc).
#pragma once

#include <nlohmann/json.hpp>
#include <vector>

#include "coopatlas/model.h"
#include "coopatlas/sdg.h"

namespace coopatlas {

// {"words", "target", "weight", "count", "begin", "end"}
nlohmann::ordered_json SdgEvidenceJson(const SdgEvidence& e);

// {"language": "fr"|"en"|null, "goals": [{"goal", "score", "evidence"}],
//  "targets": [{"target", "goal", "score", "evidence"}], "note"?}
nlohmann::ordered_json ToJson(const SdgSuggestions& s);

// {"projects_seen", "projects_filled", "rows_written", "rows_removed",
//  "written"}
nlohmann::ordered_json ToJson(const SdgFillReport& r);

// {"project", "text", "stored": [{"code", "origin", "status", "score",
//  "evidence"}], "suggestions": ToJson(SdgSuggestions)}
nlohmann::ordered_json ToJson(const ProjectSdgView& v,
                              const std::vector<ProjectSdg>& stored);

}  // namespace coopatlas
