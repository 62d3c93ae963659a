// Subcommands over records: import projects/json, template, show, list,
// export.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace coopatlas::tools {

// Adds the subcommands to `app` (and `import_cmd`, the `import` group).
// When one runs, its exit code is stored in *exit_code.
void AddRecordCommands(CLI::App* app, CLI::App* import_cmd,
                       const std::string& default_db, int* exit_code);

}  // namespace coopatlas::tools
