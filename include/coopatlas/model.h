// The records of coopatlas (ARCHITECTURE.md §3): authorities, actors,
// partnerships, projects and funding lines, as plain values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace coopatlas {

// Bookkeeping every record carries.
struct RecordMeta {
  std::int64_t id = 0;
  std::string source;  // file or user it came from
  std::optional<std::int64_t> run_id;
  bool demo = false;  // demonstration data
  std::string created_at, updated_at;
  std::int64_t version = 0;
};

// A French authority (kind from the resolver: commune, epci-ca, departement,
// region, ...; code = INSEE/COG code or SIREN) or a foreign local authority
// (kind "foreign").
struct Authority {
  RecordMeta meta;
  std::string kind;
  std::string country;  // ISO alpha-2, "FR" for French authorities
  std::string code;     // French only
  std::string name;
  std::string name_latin;
  std::string admin_level;
  std::string admin1_code, admin1_name;  // foreign: GeoNames admin1
  std::string departement, region;       // French
  std::optional<double> lat, lng;
};

struct Actor {
  RecordMeta meta;
  std::string name;
  std::string org_type;  // IATI OrganisationType code
  std::string country;
  std::string origin_countries;  // diaspora organisations
  std::string siren;
  std::string iati_ref;
};

// An authority as a party of a partnership or project.
struct AuthorityRef {
  std::int64_t id = 0;
  std::string kind, code, name, country;
  std::string departement, region, admin1_name;
  std::optional<double> lat, lng;  // where the map places it, if known
};

struct Partnership {
  RecordMeta meta;
  std::string key;     // natural key: kind and parties (deduplication)
  std::string kind;    // jumelage | convention | action | autre | urgence |
                       // un-pour-cent
  std::string status;  // active | dormant | suspended | ended | unknown
  std::string signed_on, started_on, ended_on;  // ISO dates or ""
  std::string object, council_ref, planned_commitments;
  std::vector<AuthorityRef> french;
  std::vector<AuthorityRef> partners;
};

struct Participant {
  std::optional<AuthorityRef> authority;
  std::optional<Actor> actor;
  std::string role;  // lead | funder | implementer | partner
  int iati_role = 0;
};

struct ProjectSdg {
  std::string code;    // "6" or "6.1"
  std::string origin;  // person | suggestion
  std::string status;  // accepted | suggested | rejected
  std::optional<double> score;
  std::string evidence;
};

struct ProjectLocation {
  std::string country;
  std::optional<std::int64_t> authority_id;
  std::string name;
  std::optional<double> lat, lng;
};

struct FundingLine {
  RecordMeta meta;
  std::string key;  // stable key of the line (project ref + line ref)
  std::optional<AuthorityRef> funder_authority;
  std::optional<Actor> funder_actor;
  std::string mechanism;  // see docs/formats.md
  int year = 0;
  std::string nature;             // planned | actual
  std::int64_t amount_cents = 0;  // EUR
  std::string currency = "EUR";
  std::string original_amount, exchange_rate, rate_date;
};

struct Project {
  RecordMeta meta;
  std::string ref;  // the owner's identifier
  std::optional<std::int64_t> partnership_id;
  std::string title_fr, title_en, description_fr, description_en;
  std::string started_on, ended_on;
  std::string status;  // planned | ongoing | completed | suspended | cancelled
  std::string beneficiaries;
  std::vector<std::string> themes;
  std::vector<ProjectSdg> sdgs;
  std::vector<std::pair<std::string, std::optional<double>>> dac;
  std::vector<ProjectLocation> locations;
  std::vector<Participant> participants;
  std::vector<FundingLine> funding;
};

}  // namespace coopatlas
