// One reference database per test binary, initialised from the real
// packages (node_modules) and committed data, shared read-only by the tests.
#pragma once

#include <string>

#include "coopatlas/registry.h"

namespace coopatlas::testing {

// Path of the shared, initialised database.
const std::string& ReferenceDbPath();
// A registry opened read-only on it.
const Registry& SharedRegistry();
// The source tree (node_modules/, data/, third_party/).
std::string SourceDir();

}  // namespace coopatlas::testing
