// Wall-clock helpers (std only).
#pragma once

#include <string>

namespace coopatlas::core {

// Current UTC time as ISO 8601 with milliseconds: 2026-11-27T15:34:28.123Z.
std::string NowUtcIso();

}  // namespace coopatlas::core
