// Configuration as plain structs with defaults and Validate()
// (ARCHITECTURE.md §5.5). No global state: a test may open as many
// registries as it likes.
#pragma once

#include <string>

#include "coopatlas/status.h"

namespace coopatlas {

// Where the database is, when none is given: $COOPATLAS_DB, else
// ./coopatlas.db.
std::string DefaultDatabasePath();

// Where the reference packages and committed data are, when none is given:
// $COOPATLAS_HOME, else the source tree this binary was built from.
std::string DefaultReferenceRoot();

struct OpenOptions {
  std::string db_path;     // required
  bool read_only = false;  // open without any write (the server's readers)

  // Errors: kInvalidArgument for an empty path.
  Status Validate() const;
};

struct InitOptions {
  std::string db_path;         // required; its directory must exist
  std::string reference_root;  // holds node_modules/, data/, third_party/
  bool force = false;          // reload even if the reference is unchanged
  std::string actor = "system:init";

  Status Validate() const;
};

}  // namespace coopatlas
