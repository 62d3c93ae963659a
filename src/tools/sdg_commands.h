// The `coopatlas sdg` subcommands: suggest, fill, accept, reject
// (docs/cli.md, docs/sdg.md).
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace coopatlas::tools {

// Adds `sdg` and its subcommands to `app`. When one runs, its exit code is
// stored in *exit_code.
void AddSdgCommands(CLI::App* app, const std::string& default_db,
                    int* exit_code);

}  // namespace coopatlas::tools
