// The registry: the one door to a coopatlas database (ARCHITECTURE.md §5.2).
// The CLI, the HTTP server and the tests all go through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/options.h"
#include "coopatlas/resolve.h"
#include "coopatlas/status.h"

namespace coopatlas {

// One reference source as loaded in a database.
struct SourceInfo {
  std::string name, version, licence;
  std::map<std::string, std::int64_t> counts;
};

struct DatabaseInfo {
  std::string path;
  int schema_version = 0;
  std::string reference_fingerprint;
  std::vector<SourceInfo> sources;
};

struct InitReport {
  bool created = false;   // the database file did not exist
  bool reloaded = false;  // reference data was (re)loaded
  double seconds = 0;
  DatabaseInfo info;
};

// Progress of a long operation: a phase name and, when known, done/total.
using ProgressFn = std::function<void(std::string_view phase)>;

class Registry {
 public:
  // Creates the database if needed, migrates it, and loads the reference
  // data unless the same data is already loaded (then it writes nothing).
  // All or nothing: on error, a database created by this call is removed
  // and an existing one is left as it was.
  // Errors: kIo (missing directory), kFailedPrecondition (read-only),
  // kNotFound (reference packages not installed), kCorruption.
  static Result<InitReport> Init(const InitOptions& options,
                                 const ProgressFn& progress = nullptr);

  // Opens an existing, initialised database. Errors: kNotFound (no file),
  // kFailedPrecondition (not initialised, newer schema), kCorruption.
  static Result<std::unique_ptr<Registry>> Open(const OpenOptions& options);

  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Resolves a French authority name. Errors: kInvalidArgument for invalid
  // UTF-8, an unknown kind or département hint, an over-long name.
  // Thread-safe.
  Result<ResolveResult> Resolve(std::string_view name,
                                const ResolveHints& hints = {}) const;
  // Resolves a country name or code. Same errors. Thread-safe.
  Result<ResolveResult> ResolveCountry(std::string_view name) const;

  // What the database holds. Thread-safe.
  Result<DatabaseInfo> Info() const;

 private:
  struct Impl;
  explicit Registry(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace coopatlas
