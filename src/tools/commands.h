// Subcommands of the `coopatlas` command.
#pragma once

#include <functional>
#include <string>

#include "coopatlas/registry.h"
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

// A progress line on standard error ("phase done/total", or "phase…" when
// the total is unknown), shown only when `enabled` (normally: on a terminal
// and neither --quiet nor --json); erased when the object goes.
class TerminalProgress {
 public:
  explicit TerminalProgress(bool enabled) : enabled_(enabled) {}
  ~TerminalProgress();
  TerminalProgress(const TerminalProgress&) = delete;
  TerminalProgress& operator=(const TerminalProgress&) = delete;
  ProgressFn Callback() const;

 private:
  bool enabled_;
};

// True when standard error is a terminal.
bool StderrIsTerminal();

// Ends an import command: writes the --report file (if a path is given),
// then prints the summary as JSON with `json`, else with `print` unless
// `quiet`. Returns the exit code.
int EmitImport(const Result<ImportReport>& report,
               const std::string& report_path, bool json, bool quiet,
               const std::function<void(const ImportReport&)>& print);

// Parses argv and runs the subcommand.
int Run(int argc, char** argv);

}  // namespace coopatlas::tools
