// The reference data coopatlas joins on: French geography (COG), countries,
// places abroad, SDGs, IATI codelists, themes. Plain values, std only.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace coopatlas::reference {

struct Region {
  std::string code, name, zone, chef_lieu;
};

// A département (zone metro or drom) or an overseas collectivity (zone com).
struct Departement {
  std::string code, name, region, zone, chef_lieu;
};

struct Arrondissement {
  std::string code, name, departement, region, chef_lieu;
};

struct Commune {
  std::string code;
  std::string type;  // commune-actuelle | commune-deleguee | commune-associee
                     // | arrondissement-municipal
  std::string name, departement, region, zone, arrondissement;
  std::string parent;  // the commune a déléguée/associée/arrondissement is in
  std::string siren;
  std::optional<std::int64_t> population;
  std::vector<std::string> postcodes;
  std::vector<std::string> former_codes;
};

struct Epci {
  std::string siren, name;
  std::string type;  // CC | CA | CU | METRO | MET69 | EPT
  std::string financing;
  std::optional<std::int64_t> population;
  std::vector<std::string> members;  // commune codes
};

// A name a commune had, with the commune that holds its territory today.
struct FormerName {
  std::string name, former_code, current_code, until, reason;
};

// Another name of a French authority (e.g. the English exonym 'Dunkirk').
struct NameAlias {
  std::string name, kind, code, note;
};

struct M49Area {
  std::string code, name;
  int type = 0;  // 0 world, 1 region, 2 sub-region, 3 intermediate, 4 country
  std::string parent, iso3;
};

struct Country {
  std::string alpha2, alpha3, numeric, name_fr, name_en;
  std::string m49_region, m49_subregion, m49_intermediate;  // M49 codes
};

struct CountryName {
  std::string name, alpha2, source;
};

struct CountryStatus {
  std::string alpha2, status, valid_from, valid_to, detail, source;
};

struct Place {
  std::string name, country;
  double lat = 0, lng = 0;
  std::string admin1, admin2;  // GeoNames codes, e.g. '01', '123'
};

struct AdminArea {
  std::string code;  // 'SN.01' or 'SN.01.123'
  int level = 1;
  std::string name;
};

struct Sdg {
  std::string code, level;
  int goal = 0;
  std::string short_fr, short_en, text_fr, text_en;
};

struct CodelistEntry {
  std::string list, code, name_en, name_fr, category, status;
};

struct Theme {
  std::string code, label_fr, label_en, sdg_goals, dac_sectors, description_fr,
      description_en;
};

// One package or committed file the data came from.
struct Source {
  std::string name, version, path, licence, fingerprint;
  std::map<std::string, std::int64_t> counts;  // table -> rows
};

struct ReferenceData {
  std::vector<Region> regions;
  std::vector<Departement> departements;
  std::vector<Arrondissement> arrondissements;
  std::vector<Commune> communes;
  std::vector<Epci> epcis;
  std::vector<FormerName> former_names;
  std::vector<NameAlias> name_aliases;
  std::vector<M49Area> m49;
  std::vector<Country> countries;
  std::vector<CountryName> country_names;
  std::vector<CountryStatus> country_statuses;
  std::vector<Place> places;
  std::vector<AdminArea> admin_areas;
  std::vector<Sdg> sdgs;
  std::vector<CodelistEntry> codelists;
  std::vector<Theme> themes;
  std::vector<Source> sources;
};

}  // namespace coopatlas::reference
