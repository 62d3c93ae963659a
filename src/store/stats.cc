#include "store/stats.h"

#include <algorithm>

namespace coopatlas::store {
namespace {

// Runs a query returning (value, label, label_en, extra, count) rows.
Result<std::vector<Bucket>> Buckets(Db* db, const std::string& sql) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  std::vector<Bucket> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Bucket b{s.ColumnText(0), s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
             s.ColumnInt(4)};
    if (b.label.empty()) b.label = b.value;
    if (b.label_en.empty()) b.label_en = b.label;
    out.push_back(std::move(b));
  }
  std::stable_sort(
      out.begin(), out.end(),
      [](const Bucket& a, const Bucket& b) { return a.count > b.count; });
  return out;
}

Result<std::int64_t> Scalar(Db* db, const std::string& sql) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.ColumnInt(0) : 0;
}

// French authorities taking part in something: a partnership or a project.
constexpr const char* kEngaged =
    "(SELECT DISTINCT a.* FROM authority a WHERE a.country = 'FR' AND "
    "(EXISTS (SELECT 1 FROM partnership_party pp WHERE pp.authority_id = "
    "a.id) OR EXISTS (SELECT 1 FROM project_participant p WHERE "
    "p.authority_id = a.id)))";

// Partner country of each partnership (one row per partnership and
// country), and location countries of projects.
constexpr const char* kPartnershipCountries =
    "(SELECT DISTINCT pp.partnership_id AS id, a.country AS country FROM "
    "partnership_party pp JOIN authority a ON a.id = pp.authority_id WHERE "
    "pp.side = 'partner')";

}  // namespace

Result<Stats> ComputeStats(Db* db) {
  Stats stats;
  auto total = [&](const char* name, const std::string& sql) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(stats.totals[name], Scalar(db, sql));
    return Status::Ok();
  };
  COOPATLAS_RETURN_IF_ERROR(
      total("partnerships", "SELECT count(*) FROM partnership"));
  COOPATLAS_RETURN_IF_ERROR(total("projects", "SELECT count(*) FROM project"));
  COOPATLAS_RETURN_IF_ERROR(total(
      "french_authorities", std::string("SELECT count(*) FROM ") + kEngaged));
  COOPATLAS_RETURN_IF_ERROR(
      total("foreign_authorities",
            "SELECT count(*) FROM authority WHERE country <> 'FR'"));
  COOPATLAS_RETURN_IF_ERROR(
      total("countries", std::string("SELECT count(DISTINCT country) FROM ") +
                             kPartnershipCountries));
  COOPATLAS_RETURN_IF_ERROR(total(
      "funding_planned_cents",
      "SELECT coalesce(sum(amount_cents), 0) FROM funding_line WHERE nature = "
      "'planned'"));
  COOPATLAS_RETURN_IF_ERROR(
      total("demo_records",
            "SELECT (SELECT count(*) FROM project WHERE demo = 1) + (SELECT "
            "count(*) FROM partnership WHERE demo = 1)"));

  const std::string country_counts =
      std::string(
          "SELECT country, count(*) AS n FROM (SELECT country, id FROM ") +
      kPartnershipCountries +
      " UNION ALL SELECT DISTINCT l.country, -l.project_id FROM "
      "project_location l WHERE l.project_id NOT IN (SELECT id FROM project "
      "WHERE partnership_id IS NOT NULL)) GROUP BY country";
  auto by = [&](const char* name, const std::string& sql) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(stats.by[name], Buckets(db, sql));
    return Status::Ok();
  };
  // Partnerships (and projects without a partnership) per partner country.
  COOPATLAS_RETURN_IF_ERROR(by(
      "country",
      "SELECT c.alpha2, c.name_fr, c.name_en, c.numeric, x.n FROM (" +
          country_counts + ") x JOIN ref_country c ON c.alpha2 = x.country"));
  COOPATLAS_RETURN_IF_ERROR(by(
      "world_region",
      "SELECT c.m49_region, m.name, m.name, '', sum(x.n) FROM (" +
          country_counts +
          ") x JOIN ref_country c ON c.alpha2 = x.country LEFT JOIN ref_m49 m "
          "ON m.code = c.m49_region WHERE c.m49_region IS NOT NULL GROUP BY "
          "c.m49_region"));
  // Engaged French authorities per département and région.
  COOPATLAS_RETURN_IF_ERROR(by(
      "departement", std::string("SELECT e.departement, d.name, d.name, '', "
                                 "count(*) FROM ") +
                         kEngaged +
                         " e JOIN ref_departement d ON d.code = e.departement "
                         "GROUP BY e.departement"));
  COOPATLAS_RETURN_IF_ERROR(by(
      "fr_region", std::string("SELECT e.region, r.name, r.name, '', count(*) "
                               "FROM ") +
                       kEngaged +
                       " e JOIN ref_region r ON r.code = e.region GROUP BY "
                       "e.region"));
  COOPATLAS_RETURN_IF_ERROR(by(
      "authority_kind", std::string("SELECT kind, '', '', '', count(*) FROM ") +
                            kEngaged + " GROUP BY kind"));
  COOPATLAS_RETURN_IF_ERROR(
      by("partnership_kind",
         "SELECT kind, '', '', '', count(*) FROM partnership GROUP BY kind"));
  COOPATLAS_RETURN_IF_ERROR(by(
      "theme",
      "SELECT t.code, t.label_fr, t.label_en, '', count(*) FROM project_theme "
      "pt JOIN ref_theme t ON t.code = pt.theme GROUP BY t.code"));
  COOPATLAS_RETURN_IF_ERROR(by(
      "sdg",
      "SELECT g.code, g.short_fr, g.short_en, '', count(DISTINCT s.project_id) "
      "FROM project_sdg s JOIN ref_sdg g ON g.level = 'goal' AND g.code = "
      "CASE WHEN instr(s.code, '.') > 0 THEN substr(s.code, 1, instr(s.code, "
      "'.') - 1) ELSE s.code END WHERE s.status = 'accepted' GROUP BY g.code"));
  COOPATLAS_RETURN_IF_ERROR(
      by("year",
         "SELECT substr(started_on, 1, 4), '', '', '', count(*) FROM project "
         "WHERE started_on IS NOT NULL GROUP BY 1"));
  return stats;
}

}  // namespace coopatlas::store
