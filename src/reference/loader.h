// Reads the reference data from its owners' packages (node_modules, pinned
// by package-lock.json) and from the files committed under data/ and
// third_party/.
#pragma once

#include <string>

#include "coopatlas/status.h"
#include "reference/reference_data.h"

namespace coopatlas::reference {

// Where the packages and committed files are. Normally the project root
// (or the install prefix's share/coopatlas): it holds node_modules/, data/
// and third_party/.
struct ReferencePaths {
  std::string root;

  std::string NodeModules() const { return root + "/node_modules"; }
  std::string Data() const { return root + "/data"; }
  std::string ThirdParty() const { return root + "/third_party"; }
};

// npm alias under which @etalab/decoupage-administratif 0.7.0 is installed
// for its historique-communes.json.
inline constexpr const char* kHistoryPackage =
    "decoupage-administratif-historique";

// Returns a fingerprint of every file Load() would read (a hash of their
// contents), so a caller can tell whether anything changed. Errors as Load.
Result<std::string> Fingerprint(const ReferencePaths& paths);

// Loads everything. Errors: kNotFound naming the missing package or file
// (with the command that installs it), kCorruption naming the file and what
// is wrong in it. Never returns partial data.
Result<ReferenceData> Load(const ReferencePaths& paths);

}  // namespace coopatlas::reference
