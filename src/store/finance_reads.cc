#include "store/finance_reads.h"

#include <algorithm>
#include <set>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace coopatlas::store {
namespace {

Result<bool> Exists(Db* db, const char* sql, const std::string& value) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, value);
  return s.Step();
}

// The conditions of `scope` over funding_line f (and its funder authority
// a), appended to `sql`; their values appended to `params`.
void AppendScope(const FundingScope& scope, std::string& sql,
                 std::vector<std::string>& params) {
  auto param = [&](const std::string& v) {
    params.push_back(v);
    return std::string("?");
  };
  if (scope.project_id) {
    sql += " AND f.project_id = " + param(std::to_string(*scope.project_id));
  }
  // CROSS JOIN keeps the participants of the line's project as the outer
  // loop; with a plain JOIN SQLite walks every authority of the country
  // through its index for each line (71 s for Senegal at 1,000,000
  // projects).
  if (!scope.authority_code.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_participant pp CROSS JOIN "
        "authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = 'FR' AND x.code = " +
        param(scope.authority_code) + ")";
  }
  if (!scope.country.empty()) {
    const std::string c1 = param(scope.country);
    const std::string c2 = param(scope.country);
    sql +=
        " AND (EXISTS (SELECT 1 FROM project_location l WHERE l.project_id = "
        "f.project_id AND l.country = " +
        c1 +
        ") OR EXISTS (SELECT 1 FROM project_participant pp CROSS JOIN "
        "authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = " +
        c2 + "))";
  }
  if (!scope.theme.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_theme t WHERE t.project_id = "
        "f.project_id AND t.theme = " +
        param(scope.theme) + ")";
  }
  if (!scope.participant_region.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_participant pp CROSS JOIN "
        "authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = 'FR' AND x.region = " +
        param(scope.participant_region) + ")";
  }
  if (!scope.participant_departement.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_participant pp CROSS JOIN "
        "authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = 'FR' AND x.departement = " +
        param(scope.participant_departement) + ")";
  }
  if (scope.state_call_year) {
    sql +=
        " AND EXISTS (SELECT 1 FROM funding_line c WHERE c.project_id = "
        "f.project_id AND c.mechanism = 'appel-etat' AND c.year = " +
        param(std::to_string(*scope.state_call_year)) + ")";
  }
  if (scope.year) sql += " AND f.year = " + param(std::to_string(*scope.year));
  if (!scope.funder_code.empty()) {
    sql += " AND a.country = 'FR' AND a.code = " + param(scope.funder_code);
  }
  if (!scope.funder_region.empty()) {
    sql += " AND a.country = 'FR' AND a.region = " + param(scope.funder_region);
  }
  if (scope.actual_only) sql += " AND f.nature = 'actual'";
}

}  // namespace

Result<std::vector<FundingRow>> ReadFundingRows(Db* db,
                                                const FundingScope& scope) {
  std::string sql =
      "SELECT f.project_id, p.ref, f.demo, f.funder_authority_id IS NOT NULL,"
      " coalesce(a.country, ''), coalesce(a.code, ''),"
      " coalesce(a.name, o.name, ''), coalesce(a.region, ''),"
      " coalesce(o.org_type, ''), f.mechanism, f.year, f.nature,"
      " f.amount_cents, f.currency, coalesce(f.original_amount, ''),"
      " coalesce(f.exchange_rate, ''), coalesce(f.rate_date, '')"
      " FROM funding_line f JOIN project p ON p.id = f.project_id"
      " LEFT JOIN authority a ON a.id = f.funder_authority_id"
      " LEFT JOIN actor o ON o.id = f.funder_actor_id WHERE 1";
  std::vector<std::string> params;
  AppendScope(scope, sql, params);
  sql += " ORDER BY f.project_id, f.key";
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  for (std::size_t i = 0; i < params.size(); ++i) {
    s.Bind(static_cast<int>(i + 1), params[i]);
  }
  std::vector<FundingRow> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    FundingRow r;
    r.project_id = s.ColumnInt(0);
    r.project_ref = s.ColumnText(1);
    r.demo = s.ColumnInt(2) != 0;
    r.funder_is_authority = s.ColumnInt(3) != 0;
    r.funder_country = s.ColumnText(4);
    r.funder_code = s.ColumnText(5);
    r.funder_name = s.ColumnText(6);
    r.funder_region = s.ColumnText(7);
    r.funder_org_type = s.ColumnText(8);
    r.mechanism = s.ColumnText(9);
    r.year = static_cast<int>(s.ColumnInt(10));
    r.nature = s.ColumnText(11);
    r.amount_cents = s.ColumnInt(12);
    r.currency = s.ColumnText(13);
    r.original_amount = s.ColumnText(14);
    r.exchange_rate = s.ColumnText(15);
    r.rate_date = s.ColumnText(16);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::map<std::int64_t, ProjectFacts>> ReadProjectFacts(
    Db* db, const std::vector<std::int64_t>& ids) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement project,
      db->Prepare("SELECT p.ref, p.title_fr, coalesce(s.kind, ''), p.demo "
                  "FROM project p LEFT JOIN partnership s ON s.id = "
                  "p.partnership_id WHERE p.id = ?"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement themes,
      db->Prepare("SELECT theme FROM project_theme WHERE project_id = ? "
                  "ORDER BY theme"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement countries,
      db->Prepare("SELECT country FROM project_location WHERE project_id = ?1"
                  " UNION SELECT a.country FROM project_participant pp JOIN "
                  "authority a ON a.id = pp.authority_id WHERE pp.project_id "
                  "= ?1"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement participants,
      db->Prepare("SELECT a.country, x.org_type, pp.iati_role FROM "
                  "project_participant pp LEFT JOIN authority a ON a.id = "
                  "pp.authority_id LEFT JOIN actor x ON x.id = pp.actor_id "
                  "WHERE pp.project_id = ?"));
  std::map<std::int64_t, ProjectFacts> out;
  for (const std::int64_t id : std::set<std::int64_t>(ids.begin(), ids.end())) {
    project.Reset();
    project.Bind(1, id);
    COOPATLAS_ASSIGN_OR_RETURN(bool row, project.Step());
    if (!row) continue;
    ProjectFacts f;
    f.id = id;
    f.ref = project.ColumnText(0);
    f.title = project.ColumnText(1);
    f.partnership_kind = project.ColumnText(2);
    f.demo = project.ColumnInt(3) != 0;
    themes.Reset();
    themes.Bind(1, id);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool t, themes.Step());
      if (!t) break;
      f.themes.push_back(themes.ColumnText(0));
    }
    countries.Reset();
    countries.Bind(1, id);
    std::set<std::string> seen;
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool c, countries.Step());
      if (!c) break;
      std::string country = countries.ColumnText(0);
      if (!country.empty() && country != "FR") seen.insert(std::move(country));
    }
    f.countries.assign(seen.begin(), seen.end());
    participants.Reset();
    participants.Bind(1, id);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool p, participants.Step());
      if (!p) break;
      if (!participants.ColumnIsNull(0)) {
        f.foreign_authority =
            f.foreign_authority || participants.ColumnText(0) != "FR";
      } else if (participants.ColumnInt(2) == 4 &&
                 !participants.ColumnIsNull(1)) {
        f.implementer_types.push_back(participants.ColumnText(1));
      }
    }
    out.emplace(id, std::move(f));
  }
  return out;
}

Result<std::optional<std::int64_t>> FindProject(Db* db,
                                                const std::string& ref_or_id) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("SELECT id FROM project WHERE ref = ?"));
  s.Bind(1, ref_or_id);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (row) return std::optional<std::int64_t>(s.ColumnInt(0));
  const bool digits = !ref_or_id.empty() && ref_or_id.size() < 19 &&
                      std::all_of(ref_or_id.begin(), ref_or_id.end(),
                                  [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) return std::optional<std::int64_t>();
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement by_id, db->Prepare("SELECT id FROM project WHERE id = ?"));
  by_id.Bind(1, static_cast<std::int64_t>(std::stoll(ref_or_id)));
  COOPATLAS_ASSIGN_OR_RETURN(row, by_id.Step());
  if (row) return std::optional<std::int64_t>(by_id.ColumnInt(0));
  return std::optional<std::int64_t>();
}

Result<std::vector<std::string>> CountryStatusesOn(Db* db,
                                                   const std::string& alpha2,
                                                   const std::string& date) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT DISTINCT status FROM ref_country_status WHERE "
                  "alpha2 = ?1 AND valid_from <= ?2 AND (valid_to IS NULL OR "
                  "valid_to = '' OR valid_to >= ?2) ORDER BY status"));
  s.Bind(1, alpha2);
  s.Bind(2, date);
  std::vector<std::string> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.ColumnText(0));
  }
  return out;
}

Result<bool> StatusListCovers(Db* db, const std::string& status,
                              const std::string& date) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare("SELECT 1 FROM ref_country_status WHERE status = ?1 AND "
                  "valid_from <= ?2 AND (valid_to IS NULL OR valid_to = '' OR "
                  "valid_to >= ?2) LIMIT 1"));
  s.Bind(1, status);
  s.Bind(2, date);
  return s.Step();
}

Result<std::map<std::string, std::string>> CountryNamesFr(Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("SELECT alpha2, name_fr FROM ref_country"));
  std::map<std::string, std::string> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.ColumnText(0)] = s.ColumnText(1);
  }
  return out;
}

Result<bool> CountryExists(Db* db, const std::string& alpha2) {
  return Exists(db, "SELECT 1 FROM ref_country WHERE alpha2 = ?", alpha2);
}
Result<bool> ThemeExists(Db* db, const std::string& code) {
  return Exists(db, "SELECT 1 FROM ref_theme WHERE code = ?", code);
}
Result<bool> RegionExists(Db* db, const std::string& code) {
  return Exists(db, "SELECT 1 FROM ref_region WHERE code = ?", code);
}

namespace {

// Whole-table scans read the file through a memory map rather than a
// pread(2) per page (a fifth of a national report's time at 1,000,000
// projects); SQLite caps the size at its compile-time maximum.
Status MapForScans(Db* db) { return db->Exec("PRAGMA mmap_size = 8589934592"); }

}  // namespace

Result<FundingTotals> ReadFundingTotals(Db* db, const FundingScope& scope) {
  COOPATLAS_RETURN_IF_ERROR(MapForScans(db));
  // One pass over the lines summed in a hash table: a GROUP BY over the
  // eight columns sorts the millions of lines of a national scope (6.7 s of
  // CPU at 3,000,000 lines, against under 2 s for this pass).
  std::vector<std::string> params;
  std::string sql =
      "SELECT f.project_id, coalesce(f.funder_authority_id, 0),"
      " coalesce(f.funder_actor_id, 0), f.mechanism, f.year,"
      " f.nature = 'actual', f.currency != 'EUR', f.demo, f.amount_cents,"
      " coalesce(a.country, ''), coalesce(o.org_type, '')"
      " FROM funding_line f LEFT JOIN authority a ON a.id = "
      "f.funder_authority_id LEFT JOIN actor o ON o.id = f.funder_actor_id "
      "WHERE 1";
  AppendScope(scope, sql, params);
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  for (std::size_t i = 0; i < params.size(); ++i) {
    s.Bind(static_cast<int>(i + 1), params[i]);
  }
  // Lines are grouped by their funder's class (authority or not, country,
  // organisation type), not by funder: thousands of funders, few classes.
  struct Key {
    int funder, mechanism, year, flags;
    bool operator==(const Key&) const = default;
  };
  struct KeyHash {
    std::size_t operator()(const Key& k) const {
      std::size_t h = static_cast<std::size_t>(k.funder);
      h = h * 31 + static_cast<std::size_t>(k.mechanism);
      h = h * 31 + static_cast<std::size_t>(k.year);
      return h * 31 + static_cast<std::size_t>(k.flags);
    }
  };
  std::map<std::string, int> mechanisms;
  using Funder = std::tuple<bool, std::string, std::string>;
  std::map<Funder, int> funders;
  std::vector<Funder> funder_list;
  std::unordered_map<std::int64_t, int> by_authority, by_actor;
  std::unordered_map<Key, std::size_t, KeyHash> index;
  FundingTotals out;
  // Projects seen: a bitmap by id (the lines are in no project order, and a
  // hash set of a million ids costs a cache miss a line); a set for ids
  // outside it.
  constexpr std::int64_t kMaxBitmapId = std::int64_t{1} << 32;
  std::vector<bool> seen;
  std::unordered_set<std::int64_t> seen_other;
  std::int64_t projects = 0;
  std::int64_t last_project = -1;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    const std::int64_t project = s.ColumnInt(0);
    if (project != last_project) {
      last_project = project;
      if (project < 0 || project >= kMaxBitmapId) {
        projects +=
            static_cast<std::int64_t>(seen_other.insert(project).second);
      } else {
        const auto i = static_cast<std::size_t>(project);
        if (i >= seen.size()) seen.resize(std::max(i + 1, 2 * seen.size()));
        if (!seen[i]) {
          seen[i] = true;
          ++projects;
        }
      }
    }
    std::string mechanism = s.ColumnText(3);
    auto m = mechanisms.find(mechanism);
    if (m == mechanisms.end()) {
      m = mechanisms.emplace(mechanism, static_cast<int>(mechanisms.size()))
              .first;
    }
    const bool actual = s.ColumnInt(5) != 0;
    const bool foreign = s.ColumnInt(6) != 0;
    const bool demo = s.ColumnInt(7) != 0;
    const std::int64_t authority = s.ColumnInt(1);
    const std::int64_t funder_id = authority != 0 ? authority : s.ColumnInt(2);
    auto& cache = authority != 0 ? by_authority : by_actor;
    auto f = cache.find(funder_id);
    if (f == cache.end()) {
      Funder t{authority != 0, s.ColumnText(9), s.ColumnText(10)};
      const auto known = funders.emplace(t, static_cast<int>(funders.size()));
      if (known.second) funder_list.push_back(std::move(t));
      f = cache.emplace(funder_id, known.first->second).first;
    }
    const Key key{f->second, m->second, static_cast<int>(s.ColumnInt(4)),
                  static_cast<int>(actual) | (static_cast<int>(foreign) << 1) |
                      (static_cast<int>(demo) << 2)};
    auto [it, added] = index.emplace(key, out.groups.size());
    if (added) {
      FundingGroup g;
      g.demo = demo;
      std::tie(g.funder_is_authority, g.funder_country, g.funder_org_type) =
          funder_list[static_cast<std::size_t>(key.funder)];
      g.mechanism = std::move(mechanism);
      g.year = key.year;
      g.nature = actual ? "actual" : "planned";
      g.foreign_currency = foreign;
      out.groups.push_back(std::move(g));
    }
    FundingGroup& g = out.groups[it->second];
    ++g.lines;
    g.amount_cents += s.ColumnInt(8);
  }
  out.projects = projects;
  return out;
}

namespace {

// Runs `sql` (its ?1 is `year` when set) and calls `f` on each row.
template <typename F>
Status EachRow(Db* db, const std::string& sql, std::optional<int> year, F f) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  if (year) s.Bind(1, std::to_string(*year));
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    f(s);
  }
  return Status::Ok();
}

// Active during year ?1 (compared as text, as report.cc does): started by
// its end, not ended before its start; records without dates are kept.
std::string ActiveIn(const std::string& t) {
  return "((length(coalesce(" + t + ".started_on, '')) < 4 OR substr(" + t +
         ".started_on, 1, 4) <= ?1) AND (length(coalesce(" + t +
         ".ended_on, '')) < 4 OR substr(" + t + ".ended_on, 1, 4) >= ?1))";
}

}  // namespace

Result<NationalReportCounts> ReadNationalReportCounts(Db* db,
                                                      std::optional<int> year,
                                                      int limit) {
  COOPATLAS_RETURN_IF_ERROR(MapForScans(db));
  NationalReportCounts out;
  const std::string projects = year ? ActiveIn("p") : "1";
  const std::string partnerships =
      year ? "(" + ActiveIn("s") +
                 " OR EXISTS (SELECT 1 FROM project p WHERE p.partnership_id "
                 "= s.id AND " +
                 projects + "))"
           : "1";
  // Restricts a column holding a project id (or a partnership id).
  auto in_projects = [&](const std::string& col) {
    return year ? " AND " + col + " IN (SELECT p.id FROM project p WHERE " +
                      projects + ")"
                : std::string();
  };
  auto in_partnerships = [&](const std::string& col) {
    return year ? " AND " + col + " IN (SELECT s.id FROM partnership s WHERE " +
                      partnerships + ")"
                : std::string();
  };
  // Each table is read once, in its primary key's order, and counted here:
  // GROUP BY and DISTINCT over millions of rows would sort them in
  // temporary b-trees.
  COOPATLAS_RETURN_IF_ERROR(
      EachRow(db,
              "SELECT p.demo, p.updated_at, substr(p.started_on, 1, 4), "
              "length(p.started_on) >= 4 FROM project p WHERE " +
                  projects,
              year, [&](Statement& s) {
                ++out.projects;
                out.includes_demo = out.includes_demo || s.ColumnInt(0) != 0;
                std::string updated = s.ColumnText(1);
                if (updated > out.freshness) out.freshness = std::move(updated);
                if (s.ColumnInt(3) != 0) ++out.start_years[s.ColumnText(2)];
              }));
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db,
      "SELECT count(*), max(s.demo), max(s.updated_at) FROM partnership s "
      "WHERE " +
          partnerships,
      year, [&](Statement& s) {
        out.partnerships = s.ColumnInt(0);
        out.includes_demo = out.includes_demo || s.ColumnInt(1) != 0;
        if (!s.ColumnIsNull(2)) {
          out.freshness = std::max(out.freshness, s.ColumnText(2));
        }
      }));
  // French authorities: through the indexes on authority ids when every
  // record counts.
  // (By département, for the France map.)
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db,
      year ? "SELECT coalesce(a.departement, ''), count(*) FROM authority a "
             "WHERE a.id IN (SELECT authority_id FROM "
             "partnership_party WHERE side = 'fr'" +
                 in_partnerships("partnership_id") +
                 // CROSS JOIN: participants first (else the planner walks
                 // each French authority's index for every listed project).
                 " UNION SELECT pp.authority_id FROM project_participant pp "
                 "CROSS JOIN authority a ON a.id = pp.authority_id WHERE "
                 "a.country = 'FR'" +
                 in_projects("pp.project_id") + ") GROUP BY 1"
           : "SELECT coalesce(a.departement, ''), count(*) FROM authority a "
             "WHERE a.country = 'FR' AND "
             "(EXISTS (SELECT 1 FROM partnership_party WHERE authority_id = "
             "a.id AND side = 'fr') OR EXISTS (SELECT 1 FROM "
             "project_participant WHERE authority_id = a.id)) GROUP BY 1",
      year, [&](Statement& s) {
        out.french_by_departement[s.ColumnText(0)] = s.ColumnInt(1);
        out.french_authorities += s.ColumnInt(1);
      }));
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db, "SELECT theme FROM project_theme WHERE 1" + in_projects("project_id"),
      year, [&](Statement& s) { ++out.themes[s.ColumnText(0)]; }));
  // SDG goals ("6" of target "6.1"), once per project.
  {
    std::int64_t current = 0;
    std::vector<std::string> goals;
    auto flush = [&] {
      std::sort(goals.begin(), goals.end());
      goals.erase(std::unique(goals.begin(), goals.end()), goals.end());
      for (const auto& g : goals) ++out.goals[g];
      goals.clear();
    };
    COOPATLAS_RETURN_IF_ERROR(
        EachRow(db,
                "SELECT project_id, code FROM project_sdg WHERE status != "
                "'rejected'" +
                    in_projects("project_id") + " ORDER BY project_id",
                year, [&](Statement& s) {
                  const std::int64_t id = s.ColumnInt(0);
                  if (id != current) flush();
                  current = id;
                  std::string code = s.ColumnText(1);
                  goals.push_back(code.substr(0, code.find('.')));
                }));
    flush();
  }
  // Foreign countries of each project: its locations and its partner
  // authorities, two scans in project order merged here.
  {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement locations,
        db->Prepare("SELECT project_id, country FROM project_location WHERE "
                    "country != 'FR'" +
                    in_projects("project_id") + " ORDER BY project_id"));
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement partners,
        db->Prepare("SELECT pp.project_id, a.country FROM project_participant "
                    "pp CROSS JOIN authority a ON a.id = pp.authority_id WHERE "
                    "a.country != 'FR'" +
                    in_projects("pp.project_id") + " ORDER BY pp.project_id"));
    if (year) {
      locations.Bind(1, std::to_string(*year));
      partners.Bind(1, std::to_string(*year));
    }
    COOPATLAS_ASSIGN_OR_RETURN(bool in_locations, locations.Step());
    COOPATLAS_ASSIGN_OR_RETURN(bool in_partners, partners.Step());
    std::vector<std::string> countries;
    while (in_locations || in_partners) {
      std::int64_t id =
          in_locations ? locations.ColumnInt(0) : partners.ColumnInt(0);
      if (in_partners) id = std::min(id, partners.ColumnInt(0));
      countries.clear();
      while (in_locations && locations.ColumnInt(0) == id) {
        countries.push_back(locations.ColumnText(1));
        COOPATLAS_ASSIGN_OR_RETURN(in_locations, locations.Step());
      }
      while (in_partners && partners.ColumnInt(0) == id) {
        countries.push_back(partners.ColumnText(1));
        COOPATLAS_ASSIGN_OR_RETURN(in_partners, partners.Step());
      }
      std::sort(countries.begin(), countries.end());
      countries.erase(std::unique(countries.begin(), countries.end()),
                      countries.end());
      for (const auto& c : countries) ++out.project_countries[c];
    }
  }
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db,
      "SELECT a.country, count(DISTINCT pp.partnership_id) FROM "
      "partnership_party pp JOIN authority a ON a.id = pp.authority_id WHERE "
      "pp.side != 'fr'" +
          in_partnerships("pp.partnership_id") + " GROUP BY a.country",
      year, [&](Statement& s) {
        out.partner_countries[s.ColumnText(0)] = s.ColumnInt(1);
      }));
  const std::string first = " ORDER BY 1 LIMIT " + std::to_string(limit);
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db, "SELECT p.id FROM project p WHERE " + projects + first, year,
      [&](Statement& s) { out.first_projects.push_back(s.ColumnInt(0)); }));
  COOPATLAS_RETURN_IF_ERROR(EachRow(
      db, "SELECT s.id FROM partnership s WHERE " + partnerships + first, year,
      [&](Statement& s) { out.first_partnerships.push_back(s.ColumnInt(0)); }));
  return out;
}

Result<std::vector<std::int64_t>> ProjectsWithTheme(Db* db,
                                                    const std::string& theme) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("SELECT project_id FROM project_theme WHERE "
                               "theme = ? ORDER BY project_id"));
  s.Bind(1, theme);
  std::vector<std::int64_t> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.ColumnInt(0));
  }
  return out;
}

}  // namespace coopatlas::store
