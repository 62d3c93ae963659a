#include "store/finance_reads.h"

#include <algorithm>
#include <set>

namespace coopatlas::store {
namespace {

Result<bool> Exists(Db* db, const char* sql, const std::string& value) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, value);
  return s.Step();
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
  auto param = [&](const std::string& v) {
    params.push_back(v);
    return std::string("?");
  };
  if (scope.project_id) {
    sql += " AND f.project_id = " + param(std::to_string(*scope.project_id));
  }
  if (!scope.authority_code.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_participant pp JOIN authority x "
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
        ") OR EXISTS (SELECT 1 FROM project_participant pp JOIN authority x "
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
        " AND EXISTS (SELECT 1 FROM project_participant pp JOIN authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = 'FR' AND x.region = " +
        param(scope.participant_region) + ")";
  }
  if (!scope.participant_departement.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM project_participant pp JOIN authority x "
        "ON x.id = pp.authority_id WHERE pp.project_id = f.project_id AND "
        "x.country = 'FR' AND x.departement = " +
        param(scope.participant_departement) + ")";
  }
  if (scope.year) sql += " AND f.year = " + param(std::to_string(*scope.year));
  if (!scope.funder_code.empty()) {
    sql += " AND a.country = 'FR' AND a.code = " + param(scope.funder_code);
  }
  if (!scope.funder_region.empty()) {
    sql += " AND a.country = 'FR' AND a.region = " + param(scope.funder_region);
  }
  if (scope.actual_only) sql += " AND f.nature = 'actual'";
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

}  // namespace coopatlas::store
