#include "store/reference_tables.h"
#include "core/strings.h"

#include <nlohmann/json.hpp>

#include <string>

#include "store/writer.h"

namespace coopatlas::store {
namespace {

// The reference tables in load order (children after parents) and their
// columns.
struct TableSpec {
  const char* name;
  const char* columns;
  int arity;
};
constexpr TableSpec kTables[] = {
    {"ref_region", "code, name, zone, chef_lieu", 4},
    {"ref_departement", "code, name, region, zone, chef_lieu", 5},
    {"ref_arrondissement", "code, name, departement, region, chef_lieu", 5},
    {"ref_commune",
     "code, type, name, departement, region, zone, arrondissement, parent, "
     "siren, population, postcodes, former_codes",
     12},
    {"ref_epci", "siren, name, type, financing, population", 5},
    {"ref_epci_member", "epci, commune", 2},
    {"ref_former_name", "name, former_code, current_code, until, reason", 5},
    {"ref_name_alias", "name, kind, code, note", 4},
    {"ref_m49", "code, name, type, parent, iso3", 5},
    {"ref_country",
     "alpha2, alpha3, numeric, name_fr, name_en, m49_region, m49_subregion, "
     "m49_intermediate",
     8},
    {"ref_country_name", "name, alpha2, source", 3},
    {"ref_country_status",
     "alpha2, status, valid_from, valid_to, detail, source", 6},
    {"ref_place", "name, country, lat, lng, admin1, admin2", 6},
    {"ref_admin_area", "code, level, name", 3},
    {"ref_sdg", "code, level, goal, short_fr, short_en, text_fr, text_en", 7},
    {"ref_codelist", "list, code, name_en, name_fr, category, status", 6},
    {"ref_theme",
     "code, label_fr, label_en, sdg_goals, dac_sectors, description_fr, "
     "description_en",
     7},
};

Result<Statement> InsertInto(Db* db, const TableSpec& t) {
  std::string marks;
  for (int i = 0; i < t.arity; ++i) marks += i == 0 ? "?" : ",?";
  return db->Prepare(std::string("INSERT INTO ") + t.name + "(" + t.columns +
                     ") VALUES (" + marks + ")");
}

Result<std::int64_t> CountRows(Db* db, const char* table) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement stmt,
      db->Prepare(std::string("SELECT count(*) FROM ") + table));
  COOPATLAS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  (void)row;
  return stmt.ColumnInt(0);
}

}  // namespace

Status Writer::ReplaceReference(const reference::ReferenceData& data,
                                const std::string& fingerprint) {
  using reference::ReferenceData;
  // Counts before, for the audit; then empty the tables, children first.
  std::map<std::string, std::int64_t> before;
  for (const auto& t : kTables) {
    COOPATLAS_ASSIGN_OR_RETURN(before[t.name], CountRows(db_, t.name));
  }
  for (auto it = std::rbegin(kTables); it != std::rend(kTables); ++it) {
    COOPATLAS_RETURN_IF_ERROR(
        db_->Exec(std::string("DELETE FROM ") + it->name));
    DeletedFrom(it->name);
    Wrote(it->name);
  }
  std::map<std::string, std::int64_t> after;
  auto load = [&](const TableSpec& t, auto&& rows, auto&& bind) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(Statement stmt, InsertInto(db_, t));
    std::int64_t n = 0;
    for (const auto& row : rows) {
      bind(stmt, row);
      COOPATLAS_RETURN_IF_ERROR(stmt.Run().WithContext(t.name));
      ++n;
    }
    after[t.name] += n;
    return Status::Ok();
  };
  const TableSpec* t = kTables;
  COOPATLAS_RETURN_IF_ERROR(
      load(t[0], data.regions, [](Statement& s, const auto& r) {
        s.Bind(1, r.code).Bind(2, r.name).Bind(3, r.zone).BindTextOrNull(
            4, r.chef_lieu);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[1], data.departements, [](Statement& s, const auto& r) {
        s.Bind(1, r.code)
            .Bind(2, r.name)
            .BindTextOrNull(3, r.region)
            .Bind(4, r.zone);
        s.BindTextOrNull(5, r.chef_lieu);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[2], data.arrondissements, [](Statement& s, const auto& r) {
        s.Bind(1, r.code)
            .Bind(2, r.name)
            .Bind(3, r.departement)
            .Bind(4, r.region);
        s.BindTextOrNull(5, r.chef_lieu);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[3], data.communes, [](Statement& s, const auto& r) {
        s.Bind(1, r.code).Bind(2, r.type).Bind(3, r.name).Bind(4,
                                                               r.departement);
        s.Bind(5, r.region).Bind(6, r.zone).BindTextOrNull(7, r.arrondissement);
        s.BindTextOrNull(8, r.parent).BindTextOrNull(9, r.siren);
        s.BindOptional(10, r.population).Bind(11, core::Join(r.postcodes, " "));
        s.Bind(12, core::Join(r.former_codes, " "));
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[4], data.epcis, [](Statement& s, const auto& r) {
        s.Bind(1, r.siren)
            .Bind(2, r.name)
            .Bind(3, r.type)
            .BindTextOrNull(4, r.financing);
        s.BindOptional(5, r.population);
      }));
  {
    std::vector<std::pair<std::string, std::string>> members;
    for (const auto& e : data.epcis) {
      for (const auto& m : e.members) members.emplace_back(e.siren, m);
    }
    COOPATLAS_RETURN_IF_ERROR(
        load(t[5], members, [](Statement& s, const auto& r) {
          s.Bind(1, r.first).Bind(2, r.second);
        }));
  }
  COOPATLAS_RETURN_IF_ERROR(
      load(t[6], data.former_names, [](Statement& s, const auto& r) {
        s.Bind(1, r.name).Bind(2, r.former_code).Bind(3, r.current_code);
        s.BindTextOrNull(4, r.until).BindTextOrNull(5, r.reason);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[7], data.name_aliases, [](Statement& s, const auto& r) {
        s.Bind(1, r.name).Bind(2, r.kind).Bind(3, r.code).BindTextOrNull(
            4, r.note);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[8], data.m49, [](Statement& s, const auto& r) {
        s.Bind(1, r.code).Bind(2, r.name).Bind(3, r.type).BindTextOrNull(
            4, r.parent);
        s.BindTextOrNull(5, r.iso3);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[9], data.countries, [](Statement& s, const auto& r) {
        s.Bind(1, r.alpha2)
            .Bind(2, r.alpha3)
            .Bind(3, r.numeric)
            .Bind(4, r.name_fr);
        s.Bind(5, r.name_en).BindTextOrNull(6, r.m49_region);
        s.BindTextOrNull(7, r.m49_subregion)
            .BindTextOrNull(8, r.m49_intermediate);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[10], data.country_names, [](Statement& s, const auto& r) {
        s.Bind(1, r.name).Bind(2, r.alpha2).Bind(3, r.source);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[11], data.country_statuses, [](Statement& s, const auto& r) {
        s.Bind(1, r.alpha2).Bind(2, r.status).Bind(3, r.valid_from);
        s.BindTextOrNull(4, r.valid_to)
            .BindTextOrNull(5, r.detail)
            .Bind(6, r.source);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[12], data.places, [](Statement& s, const auto& r) {
        s.Bind(1, r.name).Bind(2, r.country).Bind(3, r.lat).Bind(4, r.lng);
        s.BindTextOrNull(5, r.admin1).BindTextOrNull(6, r.admin2);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[13], data.admin_areas, [](Statement& s, const auto& r) {
        s.Bind(1, r.code).Bind(2, r.level).Bind(3, r.name);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[14], data.sdgs, [](Statement& s, const auto& r) {
        s.Bind(1, r.code)
            .Bind(2, r.level)
            .Bind(3, r.goal)
            .BindTextOrNull(4, r.short_fr);
        s.BindTextOrNull(5, r.short_en).Bind(6, r.text_fr).Bind(7, r.text_en);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[15], data.codelists, [](Statement& s, const auto& r) {
        s.Bind(1, r.list).Bind(2, r.code).BindTextOrNull(3, r.name_en);
        s.BindTextOrNull(4, r.name_fr).BindTextOrNull(5, r.category);
        s.BindTextOrNull(6, r.status);
      }));
  COOPATLAS_RETURN_IF_ERROR(
      load(t[16], data.themes, [](Statement& s, const auto& r) {
        s.Bind(1, r.code)
            .Bind(2, r.label_fr)
            .Bind(3, r.label_en)
            .Bind(4, r.sdg_goals);
        s.Bind(5, r.dac_sectors).BindTextOrNull(6, r.description_fr);
        s.BindTextOrNull(7, r.description_en);
      }));

  // Sources: replaced whole.
  nlohmann::json sources = nlohmann::json::array();
  COOPATLAS_RETURN_IF_ERROR(db_->Exec("DELETE FROM ref_source"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement insert_source,
      db_->Prepare("INSERT INTO ref_source(name, version, path, licence, "
                   "fingerprint, loaded_at, counts) VALUES (?,?,?,?,?,?,?)"));
  for (const auto& source : data.sources) {
    const nlohmann::json counts(source.counts);
    insert_source.Bind(1, source.name).Bind(2, source.version);
    insert_source.Bind(3, source.path).Bind(4, source.licence);
    insert_source.Bind(5, fingerprint).Bind(6, now_).Bind(7, counts.dump());
    COOPATLAS_RETURN_IF_ERROR(insert_source.Run());
    sources.push_back({{"name", source.name}, {"version", source.version}});
  }
  // One audit entry per table: bulk reference data is versioned by its
  // package, so the entry names the versions and the row counts.
  for (const auto& table : kTables) {
    const nlohmann::json old_value = {{"rows", before[table.name]}};
    const nlohmann::json new_value = {{"rows", after[table.name]},
                                      {"fingerprint", fingerprint},
                                      {"sources", sources}};
    COOPATLAS_RETURN_IF_ERROR(
        Audit("replace", table.name, "*", old_value.dump(), new_value.dump()));
  }
  return Put("meta", {{"key", std::string("reference_fingerprint")},
                      {"value", fingerprint}})
      .status();
}

Result<std::vector<reference::Source>> ReadSources(Db* db) {
  std::vector<reference::Source> sources;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement stmt,
      db->Prepare("SELECT name, version, path, licence, fingerprint, counts "
                  "FROM ref_source ORDER BY name"));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    reference::Source s{stmt.ColumnText(0), stmt.ColumnText(1),
                        stmt.ColumnText(2), stmt.ColumnText(3),
                        stmt.ColumnText(4), {}};
    try {
      s.counts = nlohmann::json::parse(stmt.ColumnText(5))
                     .get<std::map<std::string, std::int64_t>>();
    } catch (const nlohmann::json::exception& e) {
      return Status::Corruption("ref_source.counts of " + s.name + ": " +
                                e.what());
    }
    sources.push_back(std::move(s));
  }
  return sources;
}

namespace {

// Runs `sql` and calls `each(stmt)` per row.
template <typename F>
Status ForEachRow(Db* db, const std::string& sql, F&& each) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement stmt, db->Prepare(sql));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    each(stmt);
  }
  return Status::Ok();
}

std::optional<std::int64_t> OptionalInt(const Statement& s, int column) {
  if (s.ColumnIsNull(column)) return std::nullopt;
  return s.ColumnInt(column);
}

}  // namespace

Result<std::vector<reference::CodelistEntry>> ReadCodelist(
    Db* db, const std::string& list) {
  std::vector<reference::CodelistEntry> out;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT list, code, name_en, name_fr, category, status FROM "
                  "ref_codelist WHERE list = ? ORDER BY code"));
  s.Bind(1, list);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({s.ColumnText(0), s.ColumnText(1), s.ColumnText(2),
                   s.ColumnText(3), s.ColumnText(4), s.ColumnText(5)});
  }
  return out;
}

Result<std::vector<std::pair<std::string, std::string>>> EpcisOfCommune(
    Db* db, const std::string& commune) {
  std::vector<std::pair<std::string, std::string>> out;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT e.siren, e.name FROM ref_epci_member m "
                  "JOIN ref_epci e ON e.siren = m.epci WHERE "
                  "m.commune = ? ORDER BY e.type <> 'EPT', e.siren"));
  s.Bind(1, commune);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.emplace_back(s.ColumnText(0), s.ColumnText(1));
  }
  return out;
}

Result<std::vector<reference::Theme>> ReadThemes(Db* db) {
  std::vector<reference::Theme> out;
  COOPATLAS_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT code, label_fr, label_en, sdg_goals, dac_sectors, "
      "description_fr, description_en FROM ref_theme ORDER BY code",
      [&](const Statement& s) {
        out.push_back({s.ColumnText(0), s.ColumnText(1), s.ColumnText(2),
                       s.ColumnText(3), s.ColumnText(4), s.ColumnText(5),
                       s.ColumnText(6)});
      }));
  return out;
}

Result<std::vector<reference::Sdg>> ReadSdgs(Db* db) {
  std::vector<reference::Sdg> out;
  COOPATLAS_RETURN_IF_ERROR(ForEachRow(
      db,
      "SELECT code, level, goal, short_fr, short_en, text_fr, text_en FROM "
      "ref_sdg WHERE level <> 'indicator'",
      [&](const Statement& s) {
        out.push_back({s.ColumnText(0), s.ColumnText(1),
                       static_cast<int>(s.ColumnInt(2)), s.ColumnText(3),
                       s.ColumnText(4), s.ColumnText(5), s.ColumnText(6)});
      }));
  return out;
}

Result<reference::ReferenceData> ReadReference(Db* db,
                                               ReferenceSelection selection) {
  reference::ReferenceData data;
  COOPATLAS_ASSIGN_OR_RETURN(data.sources, ReadSources(db));
  if (data.sources.empty()) {
    return Status::FailedPrecondition(
        "database " + db->path() +
        " has no reference data: run `coopatlas init --db " + db->path() + "`");
  }
  if (selection.geography) {
    COOPATLAS_RETURN_IF_ERROR(
        ForEachRow(db, "SELECT code, name, zone, chef_lieu FROM ref_region",
                   [&](const Statement& s) {
                     data.regions.push_back({s.ColumnText(0), s.ColumnText(1),
                                             s.ColumnText(2), s.ColumnText(3)});
                   }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT code, name, region, zone, chef_lieu FROM ref_departement",
        [&](const Statement& s) {
          data.departements.push_back({s.ColumnText(0), s.ColumnText(1),
                                       s.ColumnText(2), s.ColumnText(3),
                                       s.ColumnText(4)});
        }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db,
        "SELECT code, type, name, departement, region, zone, arrondissement, "
        "parent, siren, population, postcodes, former_codes FROM ref_commune",
        [&](const Statement& s) {
          reference::Commune c;
          c.code = s.ColumnText(0);
          c.type = s.ColumnText(1);
          c.name = s.ColumnText(2);
          c.departement = s.ColumnText(3);
          c.region = s.ColumnText(4);
          c.zone = s.ColumnText(5);
          c.arrondissement = s.ColumnText(6);
          c.parent = s.ColumnText(7);
          c.siren = s.ColumnText(8);
          c.population = OptionalInt(s, 9);
          c.postcodes = core::SplitSpaces(s.ColumnText(10));
          c.former_codes = core::SplitSpaces(s.ColumnText(11));
          data.communes.push_back(std::move(c));
        }));
    std::map<std::string, std::size_t> epci_index;
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT siren, name, type, financing, population FROM ref_epci",
        [&](const Statement& s) {
          epci_index[s.ColumnText(0)] = data.epcis.size();
          data.epcis.push_back({s.ColumnText(0),
                                s.ColumnText(1),
                                s.ColumnText(2),
                                s.ColumnText(3),
                                OptionalInt(s, 4),
                                {}});
        }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT epci, commune FROM ref_epci_member ORDER BY epci, commune",
        [&](const Statement& s) {
          const auto it = epci_index.find(s.ColumnText(0));
          if (it != epci_index.end()) {
            data.epcis[it->second].members.push_back(s.ColumnText(1));
          }
        }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db,
        "SELECT name, former_code, current_code, until, reason FROM "
        "ref_former_name",
        [&](const Statement& s) {
          data.former_names.push_back({s.ColumnText(0), s.ColumnText(1),
                                       s.ColumnText(2), s.ColumnText(3),
                                       s.ColumnText(4)});
        }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT name, kind, code, note FROM ref_name_alias",
        [&](const Statement& s) {
          data.name_aliases.push_back({s.ColumnText(0), s.ColumnText(1),
                                       s.ColumnText(2), s.ColumnText(3)});
        }));
  }
  if (selection.countries) {
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db,
        "SELECT alpha2, alpha3, numeric, name_fr, name_en, m49_region, "
        "m49_subregion, m49_intermediate FROM ref_country",
        [&](const Statement& s) {
          data.countries.push_back({s.ColumnText(0), s.ColumnText(1),
                                    s.ColumnText(2), s.ColumnText(3),
                                    s.ColumnText(4), s.ColumnText(5),
                                    s.ColumnText(6), s.ColumnText(7)});
        }));
    COOPATLAS_RETURN_IF_ERROR(
        ForEachRow(db, "SELECT name, alpha2, source FROM ref_country_name",
                   [&](const Statement& s) {
                     data.country_names.push_back(
                         {s.ColumnText(0), s.ColumnText(1), s.ColumnText(2)});
                   }));
    COOPATLAS_RETURN_IF_ERROR(
        ForEachRow(db, "SELECT code, name, type, parent, iso3 FROM ref_m49",
                   [&](const Statement& s) {
                     data.m49.push_back({s.ColumnText(0), s.ColumnText(1),
                                         static_cast<int>(s.ColumnInt(2)),
                                         s.ColumnText(3), s.ColumnText(4)});
                   }));
  }
  if (selection.places) {
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT code, level, name FROM ref_admin_area",
        [&](const Statement& s) {
          data.admin_areas.push_back({s.ColumnText(0),
                                      static_cast<int>(s.ColumnInt(1)),
                                      s.ColumnText(2)});
        }));
    COOPATLAS_RETURN_IF_ERROR(ForEachRow(
        db, "SELECT name, country, lat, lng, admin1, admin2 FROM ref_place",
        [&](const Statement& s) {
          data.places.push_back({s.ColumnText(0), s.ColumnText(1),
                                 s.ColumnDouble(2), s.ColumnDouble(3),
                                 s.ColumnText(4), s.ColumnText(5)});
        }));
  }
  return data;
}

Result<std::vector<std::pair<std::string, std::string>>> CommuneSirens(Db* db) {
  std::vector<std::pair<std::string, std::string>> out;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT code, siren FROM ref_commune WHERE siren IS NOT "
                  "NULL AND siren <> '' AND type = 'commune-actuelle'"));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.emplace_back(s.ColumnText(0), s.ColumnText(1));
  }
  return out;
}

}  // namespace coopatlas::store
