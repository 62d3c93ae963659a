#include "store/peers.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <set>
#include <string>
#include <utility>

namespace coopatlas::store {
namespace {

// Runs `sql` with ?1 = id (and ?2 = `second` when given), calling `each`
// for every row.
template <typename F>
Status Rows(Db* db, const char* sql, std::int64_t id, F&& each,
            const std::string* second = nullptr) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, id);
  if (second != nullptr) s.Bind(2, *second);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    each(s);
  }
  return Status::Ok();
}

// Places (country, admin1) where the authority works: for a French
// authority, its partners and project locations; for a foreign one, itself.
constexpr const char* kPlaces = R"sql(
  WITH me AS (SELECT id, country, admin1_name FROM authority WHERE id = ?1),
  places(country, region) AS (
    SELECT a.country, a.admin1_name FROM me
      JOIN partnership_party mine ON mine.authority_id = me.id AND mine.side = 'fr'
      JOIN partnership_party x ON x.partnership_id = mine.partnership_id AND x.side = 'partner'
      JOIN authority a ON a.id = x.authority_id
    UNION SELECT l.country, NULL FROM me
      JOIN project_participant p ON p.authority_id = me.id
      JOIN project_location l ON l.project_id = p.project_id
    UNION SELECT country, admin1_name FROM me WHERE country <> 'FR')
)sql";

}  // namespace

Result<std::map<std::int64_t, PeerSignals>> CollectPeerSignals(
    Db* db, std::int64_t id) {
  std::map<std::int64_t, PeerSignals> peers;
  // Shared partner authorities.
  COOPATLAS_RETURN_IF_ERROR(Rows(db, R"sql(
      SELECT DISTINCT fr.authority_id, a.name FROM partnership_party mine
        JOIN partnership_party x ON x.partnership_id = mine.partnership_id AND x.side = 'partner'
        JOIN partnership_party other ON other.authority_id = x.authority_id AND other.side = 'partner'
        JOIN partnership_party fr ON fr.partnership_id = other.partnership_id AND fr.side = 'fr'
        JOIN authority a ON a.id = x.authority_id
      WHERE mine.authority_id = ?1 AND mine.side = 'fr' AND fr.authority_id <> ?1
      UNION
      SELECT DISTINCT fr.authority_id, a.name FROM partnership_party x
        JOIN partnership_party fr ON fr.partnership_id = x.partnership_id AND fr.side = 'fr'
        JOIN authority a ON a.id = x.authority_id
      WHERE x.authority_id = ?1 AND x.side = 'partner')sql",
                                 id, [&](const Statement& s) {
                                   peers[s.ColumnInt(0)].shared_partners.insert(
                                       s.ColumnText(1));
                                 }));
  // Partnerships and projects of others in the same countries and regions:
  // the places first (a few hundred at most), then counts grouped in SQL
  // over the places' indexes (an authority active everywhere relates to
  // most of the atlas).
  std::set<std::pair<std::string, std::string>> regions;
  nlohmann::json countries = nlohmann::json::array();
  COOPATLAS_RETURN_IF_ERROR(Rows(
      db,
      (std::string(kPlaces) + "SELECT DISTINCT country, region FROM places")
          .c_str(),
      id, [&](const Statement& s) {
        const std::string country = s.ColumnText(0);
        if (std::find(countries.begin(), countries.end(), country) ==
            countries.end()) {
          countries.push_back(country);
        }
        if (!s.ColumnIsNull(1)) regions.emplace(country, s.ColumnText(1));
      }));
  const std::string country_list = countries.dump();
  COOPATLAS_RETURN_IF_ERROR(Rows(
      db, R"sql(
      SELECT fr.authority_id, a.country, a.admin1_name, count(*)
      FROM json_each(?2) c
        JOIN authority a ON a.country = c.value
        JOIN partnership_party x ON x.authority_id = a.id AND x.side = 'partner'
        JOIN partnership_party fr ON fr.partnership_id = x.partnership_id AND fr.side = 'fr'
      WHERE fr.authority_id <> ?1
      GROUP BY 1, 2, 3)sql",
      id,
      [&](const Statement& s) {
        PeerSignals& peer = peers[s.ColumnInt(0)];
        const std::string country = s.ColumnText(1);
        const std::int64_t n = s.ColumnInt(3);
        peer.countries[country] += n;
        if (!s.ColumnIsNull(2) &&
            regions.count({country, s.ColumnText(2)}) > 0) {
          peer.regions[country + "|" + s.ColumnText(2)] += n;
        }
      },
      &country_list));
  COOPATLAS_RETURN_IF_ERROR(Rows(
      db, R"sql(
      SELECT p.authority_id, l.country, count(*)
      FROM json_each(?2) c
        JOIN project_location l ON l.country = c.value
        JOIN project_participant p ON p.project_id = l.project_id
        JOIN authority a ON a.id = p.authority_id AND a.country = 'FR'
      WHERE p.authority_id <> ?1
      GROUP BY 1, 2)sql",
      id,
      [&](const Statement& s) {
        peers[s.ColumnInt(0)].countries[s.ColumnText(1)] += s.ColumnInt(2);
      },
      &country_list));
  // Shared themes.
  COOPATLAS_RETURN_IF_ERROR(Rows(db, R"sql(
      WITH mine AS (SELECT DISTINCT pt.theme FROM project_participant me
                    JOIN project_theme pt ON pt.project_id = me.project_id
                    WHERE me.authority_id = ?1)
      SELECT DISTINCT pp.authority_id, pt.theme FROM project_theme pt
        JOIN project_participant pp ON pp.project_id = pt.project_id
        JOIN authority a ON a.id = pp.authority_id AND a.country = 'FR'
      WHERE pt.theme IN (SELECT theme FROM mine) AND pp.authority_id <> ?1)sql",
                                 id, [&](const Statement& s) {
                                   peers[s.ColumnInt(0)].themes.insert(
                                       s.ColumnText(1));
                                 }));
  // Same département (French authorities only).
  COOPATLAS_RETURN_IF_ERROR(Rows(db, R"sql(
      SELECT b.id FROM authority me JOIN authority b ON b.country = 'FR' AND
        b.departement = me.departement AND b.id <> me.id
      WHERE me.id = ?1 AND me.country = 'FR' AND me.departement IS NOT NULL AND
        (EXISTS (SELECT 1 FROM partnership_party pp WHERE pp.authority_id = b.id)
         OR EXISTS (SELECT 1 FROM project_participant p WHERE p.authority_id = b.id)))sql",
                                 id, [&](const Statement& s) {
                                   peers[s.ColumnInt(0)].same_departement =
                                       true;
                                 }));
  return peers;
}

}  // namespace coopatlas::store
