#include "registry/labels.h"

namespace coopatlas {
namespace {

// Kinds of records and authorities, and the UN M49 regions (official
// French names of the United Nations Statistics Division).
const std::map<std::string,
               std::map<std::string, std::pair<std::string, std::string>>>&
Fixed() {
  static const std::map<
      std::string, std::map<std::string, std::pair<std::string, std::string>>>
      kFixed = {
          {"type",
           {{"authority", {"Collectivités", "Authorities"}},
            {"partnership", {"Partenariats", "Partnerships"}},
            {"project", {"Projets", "Projects"}}}},
          {"authority_kind",
           {{"commune", {"Commune", "Municipality"}},
            {"arrondissement-municipal",
             {"Arrondissement municipal", "Municipal district"}},
            {"epci-cc", {"Communauté de communes", "Community of communes"}},
            {"epci-ca",
             {"Communauté d'agglomération", "Agglomeration community"}},
            {"epci-cu", {"Communauté urbaine", "Urban community"}},
            {"metropole", {"Métropole", "Metropolis"}},
            {"ept",
             {"Établissement public territorial", "Territorial public body"}},
            {"departement", {"Département", "Département"}},
            {"region", {"Région", "Region"}},
            {"collectivite-outre-mer",
             {"Collectivité d'outre-mer", "Overseas collectivity"}},
            {"foreign", {"Collectivité étrangère", "Foreign authority"}}}},
          {"partnership_kind",
           {{"jumelage", {"Jumelage", "Twinning"}},
            {"convention",
             {"Convention de coopération", "Cooperation agreement"}},
            {"action", {"Action sans convention", "Action without agreement"}},
            {"autre", {"Autre action extérieure", "Other external action"}},
            {"urgence", {"Aide d'urgence", "Emergency aid"}},
            {"un-pour-cent", {"Action « 1 % »", "1 % action"}}}},
          {"world_region",
           {{"002", {"Afrique", "Africa"}},
            {"019", {"Amériques", "Americas"}},
            {"142", {"Asie", "Asia"}},
            {"150", {"Europe", "Europe"}},
            {"009", {"Océanie", "Oceania"}},
            {"010", {"Antarctique", "Antarctica"}}}},
      };
  return kFixed;
}

}  // namespace

Result<Labels> Labels::Load(store::Db* db) {
  Labels labels;
  labels.labels_ = Fixed();
  auto read = [&](const std::string& facet, const char* sql) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(store::Statement s, db->Prepare(sql));
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      labels.labels_[facet][s.ColumnText(0)] = {s.ColumnText(1),
                                                s.ColumnText(2)};
    }
    return Status::Ok();
  };
  COOPATLAS_RETURN_IF_ERROR(
      read("country", "SELECT alpha2, name_fr, name_en FROM ref_country"));
  // ISO numeric codes, the ids of the map shapes (facet of no search).
  COOPATLAS_RETURN_IF_ERROR(read(
      "country_numeric", "SELECT alpha2, numeric, numeric FROM ref_country"));
  COOPATLAS_RETURN_IF_ERROR(
      read("fr_region", "SELECT code, name, name FROM ref_region"));
  COOPATLAS_RETURN_IF_ERROR(
      read("departement", "SELECT code, name, name FROM ref_departement"));
  COOPATLAS_RETURN_IF_ERROR(
      read("theme", "SELECT code, label_fr, label_en FROM ref_theme"));
  COOPATLAS_RETURN_IF_ERROR(read(
      "sdg",
      "SELECT code, code || '. ' || short_fr, code || '. ' || short_en FROM "
      "ref_sdg WHERE level = 'goal'"));
  return labels;
}

std::pair<std::string, std::string> Labels::Of(const std::string& facet,
                                               const std::string& value) const {
  const auto f = labels_.find(facet);
  if (f != labels_.end()) {
    const auto v = f->second.find(value);
    if (v != f->second.end()) return v->second;
  }
  return {value, value};
}

}  // namespace coopatlas
