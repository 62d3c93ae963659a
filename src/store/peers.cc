#include "store/peers.h"

namespace coopatlas::store {
namespace {

template <typename F>
Status Rows(Db* db, const char* sql, std::int64_t id, F&& each) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, id);
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
  // Partnerships of others in the same countries and regions.
  COOPATLAS_RETURN_IF_ERROR(
      Rows(db,
           (std::string(kPlaces) + R"sql(
      SELECT fr.authority_id, a.country, coalesce(a.admin1_name, ''),
             (SELECT count(*) FROM places p WHERE p.country = a.country AND
                p.region = a.admin1_name) > 0
      FROM partnership_party x
        JOIN authority a ON a.id = x.authority_id AND x.side = 'partner'
        JOIN partnership_party fr ON fr.partnership_id = x.partnership_id AND fr.side = 'fr'
      WHERE a.country IN (SELECT country FROM places) AND fr.authority_id <> ?1
      UNION ALL
      SELECT p.authority_id, l.country, '', 0 FROM project_location l
        JOIN project_participant p ON p.project_id = l.project_id
        JOIN authority a ON a.id = p.authority_id AND a.country = 'FR'
      WHERE l.country IN (SELECT country FROM places) AND p.authority_id <> ?1)sql")
               .c_str(),
           id, [&](const Statement& s) {
             PeerSignals& peer = peers[s.ColumnInt(0)];
             ++peer.countries[s.ColumnText(1)];
             if (s.ColumnInt(3) != 0) {
               ++peer.regions[s.ColumnText(1) + "|" + s.ColumnText(2)];
             }
           }));
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
