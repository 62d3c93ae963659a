// IATI subcommands (docs/iati.md): `validate iati`, `import iati`, and the
// iati format of `export`.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

#include "coopatlas/registry.h"

namespace coopatlas::tools {

// Adds `validate iati` to `app` and `iati` to the `import` group. When one
// runs, its exit code is stored in *exit_code.
void AddIatiCommands(CLI::App* app, CLI::App* import_cmd,
                     const std::string& default_db, int* exit_code);

// Adds the flags of `export --format iati` to the export command.
void AddIatiExportFlags(CLI::App* exp, IatiExportOptions* options);

// Runs `export --format iati`; returns the exit code.
int RunIatiExport(const Registry& registry, const IatiExportOptions& options,
                  bool quiet);

}  // namespace coopatlas::tools
