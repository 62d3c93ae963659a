// French geography from @etalab/decoupage-administratif (current COG) and the
// commune history of its version 0.7.0.
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "reference/loader_internal.h"

namespace coopatlas::reference::internal {
namespace {

constexpr const char* kCogPackage = "@etalab/decoupage-administratif";
constexpr const char* kEtalabLicence = "Licence Ouverte 2.0 (Etalab)";

Status ExpectArray(const nlohmann::json& json, const std::string& path) {
  if (!json.is_array()) {
    return Status::Corruption(path + ": expected a JSON array");
  }
  return Status::Ok();
}

std::vector<std::string> Strings(const nlohmann::json& object,
                                 const char* key) {
  std::vector<std::string> out;
  const auto it = object.find(key);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

}  // namespace

Status LoadCog(const ReferencePaths& paths, ReferenceData* data) {
  const std::string dir = paths.NodeModules() + "/" + kCogPackage + "/data/";
  COOPATLAS_ASSIGN_OR_RETURN(std::string version,
                             PackageVersion(paths, kCogPackage));
  Source source{kCogPackage, version, dir, kEtalabLicence, "", {}};

  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json regions,
                             ReadJson(dir + "regions.json"));
  COOPATLAS_RETURN_IF_ERROR(ExpectArray(regions, dir + "regions.json"));
  for (const auto& r : regions) {
    // The package lists overseas collectivities as regions too; they are
    // kept once, as collectivities, with the départements.
    if (Str(r, "zone") == "com") continue;
    data->regions.push_back(
        {Str(r, "code"), Str(r, "nom"), Str(r, "zone"), Str(r, "chefLieu")});
  }

  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json departements,
                             ReadJson(dir + "departements.json"));
  COOPATLAS_RETURN_IF_ERROR(
      ExpectArray(departements, dir + "departements.json"));
  for (const auto& d : departements) {
    data->departements.push_back({Str(d, "code"), Str(d, "nom"),
                                  Str(d, "region"), Str(d, "zone"),
                                  Str(d, "chefLieu")});
  }

  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json arrondissements,
                             ReadJson(dir + "arrondissements.json"));
  COOPATLAS_RETURN_IF_ERROR(
      ExpectArray(arrondissements, dir + "arrondissements.json"));
  for (const auto& a : arrondissements) {
    data->arrondissements.push_back({Str(a, "code"), Str(a, "nom"),
                                     Str(a, "departement"), Str(a, "region"),
                                     Str(a, "chefLieu")});
  }

  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json communes,
                             ReadJson(dir + "communes.json"));
  COOPATLAS_RETURN_IF_ERROR(ExpectArray(communes, dir + "communes.json"));
  data->communes.reserve(communes.size());
  for (const auto& c : communes) {
    Commune commune;
    commune.code = Str(c, "code");
    commune.type = Str(c, "type");
    commune.name = Str(c, "nom");
    if (commune.code.empty() || commune.type.empty() || commune.name.empty()) {
      return Status::Corruption(dir +
                                "communes.json: an entry lacks code, "
                                "type or nom: " +
                                c.dump().substr(0, 200));
    }
    commune.departement = Str(c, "departement");
    commune.region = Str(c, "region");
    commune.zone = Str(c, "zone");
    commune.arrondissement = Str(c, "arrondissement");
    commune.parent = Str(c, "chefLieu");
    if (commune.parent.empty()) commune.parent = Str(c, "commune");
    commune.siren = Str(c, "siren");
    commune.population = Int(c, "population");
    commune.postcodes = Strings(c, "codesPostaux");
    commune.former_codes = Strings(c, "anciensCodes");
    data->communes.push_back(std::move(commune));
  }

  auto load_epci = [&](const std::string& file) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json list, ReadJson(dir + file));
    COOPATLAS_RETURN_IF_ERROR(ExpectArray(list, dir + file));
    for (const auto& e : list) {
      Epci epci;
      epci.siren = Str(e, "code");
      epci.name = Str(e, "nom");
      epci.type = Str(e, "type");
      epci.financing = Str(e, "modeFinancement");
      epci.population = Int(e, "populationTotale");
      const auto members = e.find("membres");
      if (members != e.end() && members->is_array()) {
        for (const auto& m : *members) epci.members.push_back(Str(m, "code"));
      }
      data->epcis.push_back(std::move(epci));
    }
    return Status::Ok();
  };
  COOPATLAS_RETURN_IF_ERROR(load_epci("epci.json"));
  COOPATLAS_RETURN_IF_ERROR(load_epci("ept.json"));

  std::int64_t actuelles = 0, deleguees = 0, associees = 0, arr_mun = 0;
  for (const auto& c : data->communes) {
    if (c.type == "commune-actuelle") ++actuelles;
    if (c.type == "commune-deleguee") ++deleguees;
    if (c.type == "commune-associee") ++associees;
    if (c.type == "arrondissement-municipal") ++arr_mun;
  }
  std::int64_t epci = 0, ept = 0, departement = 0, com = 0;
  for (const auto& e : data->epcis) (e.type == "EPT" ? ept : epci) += 1;
  for (const auto& d : data->departements) {
    (d.zone == "com" ? com : departement) += 1;
  }
  source.counts = {{"communes", actuelles},
                   {"communes_deleguees", deleguees},
                   {"communes_associees", associees},
                   {"arrondissements_municipaux", arr_mun},
                   {"epci", epci},
                   {"ept", ept},
                   {"departements", departement},
                   {"collectivites_outre_mer", com},
                   {"regions", static_cast<std::int64_t>(data->regions.size())},
                   {"arrondissements",
                    static_cast<std::int64_t>(data->arrondissements.size())}};
  data->sources.push_back(std::move(source));
  return Status::Ok();
}

Status LoadHistory(const ReferencePaths& paths, ReferenceData* data) {
  const std::string file = paths.NodeModules() + "/" + kHistoryPackage +
                           "/data/historique-communes.json";
  COOPATLAS_ASSIGN_OR_RETURN(std::string version,
                             PackageVersion(paths, kHistoryPackage));
  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json history, ReadJson(file));
  COOPATLAS_RETURN_IF_ERROR(ExpectArray(history, file));

  // Today's commune for a code: itself if current, the commune nouvelle of
  // a commune déléguée or associée, the commune of a municipal
  // arrondissement, or the commune that lists the code among its former
  // codes.
  std::unordered_map<std::string, std::string> today;
  for (const auto& c : data->communes) {
    if (c.type == "commune-actuelle") today[c.code] = c.code;
  }
  for (const auto& c : data->communes) {
    if (c.type != "commune-actuelle" && !c.parent.empty()) {
      today.emplace(c.code, c.parent);
    }
    for (const auto& former : c.former_codes) today.emplace(former, c.code);
  }

  std::unordered_map<std::string, const nlohmann::json*> by_id;
  for (const auto& h : history) by_id[Str(h, "id")] = &h;

  // Follows the record's code, then its successor or its pole, until a
  // code that exists today.
  auto current_code = [&](const nlohmann::json& start) -> std::string {
    const nlohmann::json* h = &start;
    for (int depth = 0; depth < 32 && h != nullptr; ++depth) {
      const auto it = today.find(Str(*h, "code"));
      if (it != today.end()) return it->second;
      std::string next = Str(*h, "successeur");
      if (next.empty()) next = Str(*h, "pole");
      if (next.empty()) return {};
      const auto found = by_id.find(next);
      h = found == by_id.end() ? nullptr : found->second;
    }
    return {};
  };

  std::unordered_set<std::string> seen;
  std::int64_t unmapped = 0;
  for (const auto& h : history) {
    const std::string name = Str(h, "nom");
    if (name.empty()) continue;
    const std::string code = current_code(h);
    if (code.empty()) {
      ++unmapped;  // e.g. communes that ceased to exist ("suppression")
      continue;
    }
    const std::string former_code = Str(h, "code");
    if (!seen.insert(name + '\x1f' + former_code + '\x1f' + code).second) {
      continue;
    }
    data->former_names.push_back(
        {name, former_code, code, Str(h, "dateFin"), Str(h, "raisonFin")});
  }
  data->sources.push_back(
      {kHistoryPackage,
       version,
       file,
       kEtalabLicence + std::string(" (npm alias of @etalab/"
                                    "decoupage-administratif)"),
       "",
       {{"history_records", static_cast<std::int64_t>(history.size())},
        {"former_names", static_cast<std::int64_t>(data->former_names.size())},
        {"history_records_without_successor", unmapped}}});
  return Status::Ok();
}

}  // namespace coopatlas::reference::internal
