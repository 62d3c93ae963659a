#include "core/hash.h"

#include <cstdio>

namespace coopatlas::core {

std::string Hex64(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx",
                static_cast<unsigned long long>(value));
  return buffer;
}

}  // namespace coopatlas::core
