#include "registry/places.h"

#include "text/fold.h"

namespace coopatlas {

Places::Places(reference::ReferenceData data)
    : places_(std::move(data.places)) {
  by_key_.reserve(places_.size());
  for (std::size_t i = 0; i < places_.size(); ++i) {
    by_key_[places_[i].country + "|" + text::Fold(places_[i].name)].push_back(
        i);
  }
  for (auto& a : data.admin_areas) {
    if (a.level == 1) admin1_[a.code] = std::move(a.name);
  }
}

const Place* Places::FindUnique(const std::string& country,
                                const std::string& folded) const {
  const auto it = by_key_.find(country + "|" + folded);
  if (it == by_key_.end() || it->second.size() != 1) return nullptr;
  return &places_[it->second[0]];
}

const Place* Places::FindFrench(const std::string& name,
                                const std::string& departement) const {
  const auto it = by_key_.find("FR|" + text::Fold(name));
  if (it == by_key_.end()) return nullptr;
  const Place* found = nullptr;
  for (const std::size_t i : it->second) {
    if (places_[i].admin2 != departement) continue;
    if (found != nullptr) return nullptr;  // two places: no guess
    found = &places_[i];
  }
  return found;
}

std::string Places::Admin1Name(const std::string& code) const {
  const auto it = admin1_.find(code);
  return it == admin1_.end() ? std::string() : it->second;
}

}  // namespace coopatlas
