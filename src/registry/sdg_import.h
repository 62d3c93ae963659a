// What a project import keeps of the SDG suggestions (registry/sdg.cc).
#pragma once

#include <string>
#include <vector>

#include "coopatlas/model.h"
#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas {

// The suggestion rows (origin "suggestion", any status) stored for the
// project whose ref is `ref`, except those whose code is in `file_codes`
// (the file's own SDGs, set by a person, win). An import adds them to the
// project's SDGs so that re-importing a file keeps the suggestions and
// their review. Empty for a new project.
Result<std::vector<ProjectSdg>> KeptSdgSuggestions(
    store::Db* db, const std::string& ref,
    const std::vector<std::string>& file_codes);

}  // namespace coopatlas
