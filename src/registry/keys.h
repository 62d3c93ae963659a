// Natural keys of records, shared by every import so that the same
// partnership found in two files is one record.
#pragma once

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace coopatlas {

// "jumelage|commune:42218|SN:dakar": kind, French parties (kind:code) and
// partners (country:folded name), each list sorted, so the key does not
// depend on the order or direction in which a file lists the parties.
inline std::string PartnershipKey(
    const std::string& kind,
    std::vector<std::pair<std::string, std::string>> french,
    std::vector<std::pair<std::string, std::string>> partners) {
  std::sort(french.begin(), french.end());
  std::sort(partners.begin(), partners.end());
  std::string key = kind;
  for (const auto& [k, code] : french) key += "|" + k + ":" + code;
  for (const auto& [country, folded] : partners) {
    key += "|" + country + ":" + folded;
  }
  return key;
}

}  // namespace coopatlas
