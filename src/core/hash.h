// FNV-1a (64 bits): a fast, stable hash of bytes for fingerprints and ETags
// (not for security).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace coopatlas::core {

inline constexpr std::uint64_t kFnvOffset = 1469598103934665603ULL;

// Continues `hash` over `bytes`; start from kFnvOffset.
inline std::uint64_t Fnv1a64(std::string_view bytes,
                             std::uint64_t hash = kFnvOffset) {
  for (const char c : bytes) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

// 16 lower-case hex digits.
std::string Hex64(std::uint64_t value);

}  // namespace coopatlas::core
