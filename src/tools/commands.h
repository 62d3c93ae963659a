// Subcommands of the `coopatlas` command.
#pragma once

#include <string>

#include "coopatlas/status.h"

namespace coopatlas::tools {

// Exit codes (documented in docs/cli.md).
inline constexpr int kExitOk = 0;
inline constexpr int kExitNotUnique = 1;  // resolve: ambiguous or not found
inline constexpr int kExitUsage = 2;      // bad flags
inline constexpr int kExitInvalidInput = 3;
inline constexpr int kExitNotFound = 4;      // missing database or file
inline constexpr int kExitPrecondition = 5;  // read-only, not initialised
inline constexpr int kExitIo = 6;
inline constexpr int kExitInternal = 7;  // corruption, bugs

// The exit code of an error Status.
int ExitCodeOf(const Status& status);

// Prints "coopatlas: <message>" on stderr and returns the exit code.
int Fail(const Status& status);

// Parses argv and runs the subcommand.
int Run(int argc, char** argv);

}  // namespace coopatlas::tools
