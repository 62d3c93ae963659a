// The signals from which peers are ranked: for an authority, the other
// French authorities that share a partner, work in the same foreign
// countries and regions, on the same themes, or in the same département.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

struct PeerSignals {
  std::set<std::string> shared_partners;          // partner names
  std::map<std::string, std::int64_t> countries;  // country -> records there
  std::map<std::string, std::int64_t> regions;    // "SN|Matam" -> records
  std::set<std::string> themes;                   // shared theme codes
  bool same_departement = false;
};

// Signals of every other French authority related to authority `id`
// (French: by its partners, countries, themes and département; foreign:
// the French authorities working in its country and region).
Result<std::map<std::int64_t, PeerSignals>> CollectPeerSignals(Db* db,
                                                               std::int64_t id);

}  // namespace coopatlas::store
