// Subcommands of money and evidence (docs/finance.md): finance,
// eligibility, apd.
#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace coopatlas::tools {

// Adds the subcommands to `app`; when one runs, its exit code is stored in
// *exit_code.
void AddFinanceCommands(CLI::App* app, const std::string& default_db,
                        int* exit_code);

}  // namespace coopatlas::tools
