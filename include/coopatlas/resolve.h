// Names to official codes: the answer of the resolver (ARCHITECTURE.md §3,
// issue "Foundation" §5).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace coopatlas {

// One possible meaning of a name.
struct Candidate {
  std::string code;  // INSEE/COG code, EPCI SIREN, département or région
                     // code; ISO 3166 alpha-2 for a country
  std::string name;  // official name (French display name for a country)
  std::string kind;  // commune | arrondissement-municipal | epci-cc |
                     // epci-ca | epci-cu | metropole | ept | departement |
                     // region | collectivite-outre-mer | country
  std::string departement;  // code, "" if none (EPCI over several: first)
  std::string region;       // code ("" if none); M49 region for a country
  std::optional<std::int64_t> population;
  double score = 0;  // 1.0 official name or code; lower for weaker matches
  std::string why;   // how the name matched, in French
};

enum class Resolution { kUnique, kAmbiguous, kNotFound };

// "unique" | "ambiguous" | "not_found"
std::string_view ResolutionName(Resolution r);

struct ResolveResult {
  std::string query;
  Resolution status = Resolution::kNotFound;
  // Every candidate, best first. Unique means exactly one candidate has the
  // best match quality; others (weaker matches) may follow.
  std::vector<Candidate> candidates;
};

// Hints narrow the answer; they never pick one of several equal answers by
// themselves, they only remove candidates that do not fit.
struct ResolveHints {
  std::string departement;  // code ("33", "2A", "974") or name ("Gironde")
  std::string postcode;     // "33000"
  std::string kind;         // a Candidate kind, or "epci" for any EPCI
};

}  // namespace coopatlas
