// The `coopatlas` command: a thin main over the registry (ARCHITECTURE.md
// §5.2). Subcommands parse their flags, call the registry, print.
#include <fmt/core.h>
#include <CLI/CLI.hpp>

#include <cstdio>
#include <iostream>
#include <string>

#include "coopatlas/registry.h"
#include "tools/commands.h"

int main(int argc, char** argv) {
  try {
    return coopatlas::tools::Run(argc, argv);
  } catch (const std::exception& e) {
    fmt::print(stderr, "coopatlas: internal error: {}\n", e.what());
    return coopatlas::tools::kExitInternal;
  } catch (...) {
    fmt::print(stderr, "coopatlas: internal error\n");
    return coopatlas::tools::kExitInternal;
  }
}
