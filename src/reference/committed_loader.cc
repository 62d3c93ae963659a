// Committed reference files: SDG texts, IATI codelists, theme taxonomy.
#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "reference/loader_internal.h"

namespace coopatlas::reference::internal {
namespace {

std::string Field(const core::CsvTable& t, const core::CsvRecord& r,
                  const char* column) {
  const int i = t.Column(column);
  return i < 0 ? std::string() : r.fields[static_cast<std::size_t>(i)];
}

Status LoadSdgs(const ReferencePaths& paths, ReferenceData* data) {
  const std::string path = paths.ThirdParty() + "/sdg/sdg_fr_en.csv";
  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable table, ReadCsv(path));
  for (const char* column : {"level", "code", "goal", "en", "fr"}) {
    if (table.Column(column) < 0) {
      return Status::Corruption(path + ": missing column '" + column + "'");
    }
  }
  std::int64_t counts[3] = {0, 0, 0};
  for (const auto& row : table.rows) {
    Sdg s;
    s.level = Field(table, row, "level");
    s.code = Field(table, row, "code");
    try {
      s.goal = std::stoi(Field(table, row, "goal"));
    } catch (const std::exception&) {
      s.goal = 0;
    }
    if (s.goal < 1 || s.goal > 17) {
      return Status::Corruption(path + ": line " + std::to_string(row.line) +
                                ": goal must be 1 to 17");
    }
    s.short_en = Field(table, row, "en_short");
    s.short_fr = Field(table, row, "fr_short");
    s.text_en = Field(table, row, "en");
    s.text_fr = Field(table, row, "fr");
    if (s.level == "goal")
      ++counts[0];
    else if (s.level == "target")
      ++counts[1];
    else if (s.level == "indicator")
      ++counts[2];
    else {
      return Status::Corruption(path + ": line " + std::to_string(row.line) +
                                ": unknown level '" + s.level + "'");
    }
    data->sdgs.push_back(std::move(s));
  }
  data->sources.push_back({"third_party/sdg",
                           "open-sdg/sdg-translations@0cda5858",
                           path,
                           "MIT (UN texts, attribution kept)",
                           "",
                           {{"goals", counts[0]},
                            {"targets", counts[1]},
                            {"indicators", counts[2]}}});
  return Status::Ok();
}

Status LoadCodelists(const ReferencePaths& paths, ReferenceData* data) {
  namespace fs = std::filesystem;
  const std::string dir = paths.ThirdParty() + "/iati-codelists";
  std::vector<std::string> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (entry.path().extension() == ".csv" && name != "_index.csv") {
      files.push_back(entry.path().string());
    }
  }
  if (ec || files.empty()) {
    return Status::NotFound("no IATI codelists in " + dir);
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::int64_t> counts;
  for (const auto& path : files) {
    COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable table, ReadCsv(path));
    if (table.Column("code") < 0) {
      return Status::Corruption(path + ": missing column 'code'");
    }
    const std::string list = fs::path(path).stem().string();
    for (const auto& row : table.rows) {
      data->codelists.push_back(
          {list, Field(table, row, "code"), Field(table, row, "name_en"),
           Field(table, row, "name_fr"), Field(table, row, "category"),
           Field(table, row, "status")});
    }
    counts[list] = static_cast<std::int64_t>(table.rows.size());
  }
  data->sources.push_back(
      {"third_party/iati-codelists", "IATI-Codelists@75e827ba", dir,
       "CC BY 4.0 (IATI Standard, iatistandard.org)", "", counts});
  return Status::Ok();
}

Status LoadThemes(const ReferencePaths& paths, ReferenceData* data) {
  const std::string path = paths.Data() + "/themes/themes.csv";
  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable table, ReadCsv(path));
  for (const char* column :
       {"code", "label_fr", "label_en", "sdg_goals", "dac_sectors"}) {
    if (table.Column(column) < 0) {
      return Status::Corruption(path + ": missing column '" + column + "'");
    }
  }
  std::set<std::string> sectors;
  for (const auto& e : data->codelists) {
    if (e.list == "Sector" || e.list == "SectorCategory")
      sectors.insert(e.code);
  }
  for (const auto& row : table.rows) {
    Theme t{
        Field(table, row, "code"),          Field(table, row, "label_fr"),
        Field(table, row, "label_en"),      Field(table, row, "sdg_goals"),
        Field(table, row, "dac_sectors"),   Field(table, row, "description_fr"),
        Field(table, row, "description_en")};
    const std::string where = path + ": line " + std::to_string(row.line);
    std::istringstream goals(t.sdg_goals);
    for (std::string g; goals >> g;) {
      int n = 0;
      try {
        n = std::stoi(g);
      } catch (const std::exception&) {
      }
      if (n < 1 || n > 17) {
        return Status::Corruption(where + ": SDG goal '" + g +
                                  "' is not 1 to 17");
      }
    }
    std::istringstream dac(t.dac_sectors);
    for (std::string d; dac >> d;) {
      if (sectors.count(d) == 0) {
        return Status::Corruption(where + ": DAC sector '" + d +
                                  "' is not in the IATI Sector codelists");
      }
    }
    data->themes.push_back(std::move(t));
  }
  data->sources.push_back(
      {"data/themes",
       "committed",
       path,
       "Apache-2.0",
       "",
       {{"themes", static_cast<std::int64_t>(data->themes.size())}}});
  return Status::Ok();
}

Status LoadNameAliases(const ReferencePaths& paths, ReferenceData* data) {
  const std::string path = paths.Data() + "/names/aliases.csv";
  COOPATLAS_ASSIGN_OR_RETURN(core::CsvTable table, ReadCsv(path));
  for (const char* column : {"name", "kind", "code", "note"}) {
    if (table.Column(column) < 0) {
      return Status::Corruption(path + ": missing column '" + column + "'");
    }
  }
  std::set<std::string> communes, departements, regions, epcis;
  for (const auto& c : data->communes) {
    if (c.type == "commune-actuelle") communes.insert(c.code);
  }
  for (const auto& d : data->departements) departements.insert(d.code);
  for (const auto& r : data->regions) regions.insert(r.code);
  for (const auto& e : data->epcis) epcis.insert(e.siren);
  for (const auto& row : table.rows) {
    NameAlias a{Field(table, row, "name"), Field(table, row, "kind"),
                Field(table, row, "code"), Field(table, row, "note")};
    const std::set<std::string>* known = nullptr;
    if (a.kind == "commune") known = &communes;
    if (a.kind == "departement") known = &departements;
    if (a.kind == "region") known = &regions;
    if (a.kind == "epci") known = &epcis;
    const std::string where = path + ": line " + std::to_string(row.line);
    if (known == nullptr) {
      return Status::Corruption(where + ": unknown kind '" + a.kind + "'");
    }
    if (known->count(a.code) == 0) {
      return Status::Corruption(where + ": no current " + a.kind +
                                " has the code '" + a.code + "'");
    }
    data->name_aliases.push_back(std::move(a));
  }
  data->sources.push_back(
      {"data/names",
       "committed",
       path,
       "Apache-2.0",
       "",
       {{"aliases", static_cast<std::int64_t>(data->name_aliases.size())}}});
  return Status::Ok();
}

}  // namespace

Status LoadCommitted(const ReferencePaths& paths, ReferenceData* data) {
  COOPATLAS_RETURN_IF_ERROR(LoadSdgs(paths, data));
  COOPATLAS_RETURN_IF_ERROR(LoadCodelists(paths, data));
  COOPATLAS_RETURN_IF_ERROR(LoadThemes(paths, data));
  COOPATLAS_RETURN_IF_ERROR(LoadNameAliases(paths, data));
  return Status::Ok();
}

}  // namespace coopatlas::reference::internal
