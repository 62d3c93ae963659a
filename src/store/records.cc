#include "store/records.h"

#include <algorithm>
#include <map>
#include <string>
#include <tuple>

namespace coopatlas::store {
namespace {

Value Text(const std::string& s) {
  return s.empty() ? Value(nullptr) : Value(s);
}

Value Real(const std::optional<double>& v) {
  return v ? Value(*v) : Value(nullptr);
}

Value Int(const std::optional<std::int64_t>& v) {
  return v ? Value(*v) : Value(nullptr);
}

// Bookkeeping columns: provenance, and the given meta when the caller
// restores a record exactly (lossless JSON import: id and timestamps set).
void AddMeta(Row* row, const RecordMeta& meta, const Provenance& p) {
  row->emplace_back("demo", std::int64_t{p.demo || meta.demo ? 1 : 0});
  row->emplace_back("source", p.source.empty() ? meta.source : p.source);
  row->emplace_back("run_id", Int(p.run_id));
  if (meta.id != 0) row->emplace_back("id", meta.id);
  if (!meta.created_at.empty()) {
    row->emplace_back("created_at", meta.created_at);
    row->emplace_back("updated_at", meta.updated_at);
    row->emplace_back("version", meta.version);
  }
}

std::optional<double> OptReal(const Statement& s, int c) {
  if (s.ColumnIsNull(c)) return std::nullopt;
  return s.ColumnDouble(c);
}

std::optional<std::int64_t> OptInt(const Statement& s, int c) {
  if (s.ColumnIsNull(c)) return std::nullopt;
  return s.ColumnInt(c);
}

// Columns 0..6 of a record: id, source, run_id, demo, created_at,
// updated_at, version.
constexpr const char* kMetaColumns =
    "id, source, run_id, demo, created_at, updated_at, version";
RecordMeta ReadMeta(const Statement& s) {
  return {s.ColumnInt(0),  s.ColumnText(1), OptInt(s, 2),  s.ColumnInt(3) != 0,
          s.ColumnText(4), s.ColumnText(5), s.ColumnInt(6)};
}

constexpr const char* kAuthorityColumns =
    "kind, country, code, name, name_latin, admin_level, admin1_code, "
    "admin1_name, departement, region, lat, lng";
Authority ReadAuthority(const Statement& s) {
  Authority a;
  a.meta = ReadMeta(s);
  a.kind = s.ColumnText(7);
  a.country = s.ColumnText(8);
  a.code = s.ColumnText(9);
  a.name = s.ColumnText(10);
  a.name_latin = s.ColumnText(11);
  a.admin_level = s.ColumnText(12);
  a.admin1_code = s.ColumnText(13);
  a.admin1_name = s.ColumnText(14);
  a.departement = s.ColumnText(15);
  a.region = s.ColumnText(16);
  a.lat = OptReal(s, 17);
  a.lng = OptReal(s, 18);
  return a;
}

AuthorityRef RefOf(const Authority& a) {
  return {a.meta.id,     a.kind,   a.code,        a.name, a.country,
          a.departement, a.region, a.admin1_name, a.lat,  a.lng};
}

constexpr const char* kActorColumns =
    "name, org_type, country, origin_countries, siren, iati_ref";
Actor ReadActor(const Statement& s) {
  Actor a;
  a.meta = ReadMeta(s);
  a.name = s.ColumnText(7);
  a.org_type = s.ColumnText(8);
  a.country = s.ColumnText(9);
  a.origin_countries = s.ColumnText(10);
  a.siren = s.ColumnText(11);
  a.iati_ref = s.ColumnText(12);
  return a;
}

// Loads authorities by id, caching.
class AuthorityCache {
 public:
  explicit AuthorityCache(Db* db) : db_(db) {}
  Result<AuthorityRef> Get(std::int64_t id) {
    const auto it = cache_.find(id);
    if (it != cache_.end()) return it->second;
    COOPATLAS_ASSIGN_OR_RETURN(auto a, FindAuthority(db_, id));
    if (!a) return Status::Corruption("no authority " + std::to_string(id));
    return cache_[id] = RefOf(*a);
  }

 private:
  Db* db_;
  std::map<std::int64_t, AuthorityRef> cache_;
};

Result<std::optional<Actor>> FindActor(Db* db, std::int64_t id) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare(std::string("SELECT ") + kMetaColumns + ", " +
                               kActorColumns + " FROM actor WHERE id = ?"));
  s.Bind(1, id);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Actor>();
  return std::optional<Actor>(ReadActor(s));
}

}  // namespace

Result<Writer::EntityResult> PutAuthority(Writer* writer, const Authority& a,
                                          const std::string& folded_name,
                                          const Provenance& provenance) {
  Row row;
  std::size_t key_columns = 0;
  if (a.country == "FR") {
    row = {{"country", std::string("FR")}, {"kind", a.kind}, {"code", a.code}};
    key_columns = 3;
  } else {
    row = {{"country", a.country}, {"folded_name", folded_name}};
    key_columns = 2;
  }
  if (a.country == "FR") row.emplace_back("folded_name", folded_name);
  if (a.country != "FR") {
    row.emplace_back("kind", a.kind);
    row.emplace_back("code", Text(a.code));
  }
  row.emplace_back("name", a.name);
  row.emplace_back("name_latin", Text(a.name_latin));
  row.emplace_back("admin_level", Text(a.admin_level));
  row.emplace_back("admin1_code", Text(a.admin1_code));
  row.emplace_back("admin1_name", Text(a.admin1_name));
  row.emplace_back("departement", Text(a.departement));
  row.emplace_back("region", Text(a.region));
  row.emplace_back("lat", Real(a.lat));
  row.emplace_back("lng", Real(a.lng));
  AddMeta(&row, a.meta, provenance);
  return writer->PutEntity("authority", row, key_columns);
}

Result<Writer::EntityResult> PutActor(Writer* writer, const Actor& actor,
                                      const std::string& folded_name,
                                      const Provenance& provenance) {
  Row row = {{"folded_name", folded_name},
             {"country", actor.country},
             {"name", actor.name},
             {"org_type", Text(actor.org_type)},
             {"origin_countries", Text(actor.origin_countries)},
             {"siren", Text(actor.siren)},
             {"iati_ref", Text(actor.iati_ref)}};
  AddMeta(&row, actor.meta, provenance);
  return writer->PutEntity("actor", row, 2);
}

Result<Writer::EntityResult> PutPartnership(
    Writer* writer, const std::string& key, const Partnership& p,
    const std::vector<std::int64_t>& french_ids,
    const std::vector<std::int64_t>& partner_ids,
    const Provenance& provenance) {
  Row row = {{"key", key},
             {"kind", p.kind},
             {"status", p.status},
             {"signed_on", Text(p.signed_on)},
             {"started_on", Text(p.started_on)},
             {"ended_on", Text(p.ended_on)},
             {"object", Text(p.object)},
             {"council_ref", Text(p.council_ref)},
             {"planned_commitments", Text(p.planned_commitments)}};
  AddMeta(&row, p.meta, provenance);
  COOPATLAS_ASSIGN_OR_RETURN(auto result,
                             writer->PutEntity("partnership", row, 1));
  std::vector<Row> parties;
  parties.reserve(french_ids.size() + partner_ids.size());
  for (const auto id : french_ids) {
    parties.push_back({{"partnership_id", result.id},
                       {"authority_id", id},
                       {"side", std::string("fr")}});
  }
  for (const auto id : partner_ids) {
    parties.push_back({{"partnership_id", result.id},
                       {"authority_id", id},
                       {"side", std::string("partner")}});
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      bool changed,
      writer->ReplaceChildren("partnership_party",
                              {"partnership_id", result.id}, parties, 2));
  if (changed && result.outcome == PutOutcome::kUnchanged) {
    result.outcome = PutOutcome::kUpdated;
  }
  return result;
}

Result<Writer::EntityResult> PutProject(Writer* writer, const Project& p,
                                        const Provenance& provenance) {
  Row row = {{"ref", p.ref},
             {"partnership_id", Int(p.partnership_id)},
             {"title_fr", p.title_fr},
             {"title_en", Text(p.title_en)},
             {"description_fr", Text(p.description_fr)},
             {"description_en", Text(p.description_en)},
             {"started_on", Text(p.started_on)},
             {"ended_on", Text(p.ended_on)},
             {"status", p.status},
             {"beneficiaries", Text(p.beneficiaries)}};
  AddMeta(&row, p.meta, provenance);
  COOPATLAS_ASSIGN_OR_RETURN(auto result, writer->PutEntity("project", row, 1));
  const std::pair<std::string, Value> parent{"project_id", result.id};
  bool changed = false;
  std::vector<Row> themes, sdgs, dac, locations, participants;
  for (const auto& t : p.themes) {
    themes.push_back({{"project_id", result.id}, {"theme", t}});
  }
  for (const auto& s : p.sdgs) {
    sdgs.push_back({{"project_id", result.id},
                    {"code", s.code},
                    {"origin", s.origin},
                    {"status", s.status},
                    {"score", Real(s.score)},
                    {"evidence", Text(s.evidence)}});
  }
  for (const auto& [code, percentage] : p.dac) {
    dac.push_back({{"project_id", result.id},
                   {"code", code},
                   {"percentage", Real(percentage)}});
  }
  std::int64_t seq = 0;
  for (const auto& l : p.locations) {
    locations.push_back({{"project_id", result.id},
                         {"seq", ++seq},
                         {"country", l.country},
                         {"authority_id", Int(l.authority_id)},
                         {"name", Text(l.name)},
                         {"lat", Real(l.lat)},
                         {"lng", Real(l.lng)}});
  }
  seq = 0;
  for (const auto& part : p.participants) {
    participants.push_back(
        {{"project_id", result.id},
         {"seq", ++seq},
         {"authority_id",
          part.authority ? Value(part.authority->id) : Value(nullptr)},
         {"actor_id", part.actor ? Value(part.actor->meta.id) : Value(nullptr)},
         {"role", part.role},
         {"iati_role", std::int64_t{part.iati_role}}});
  }
  for (const auto& [table, rows, keys] :
       std::vector<std::tuple<std::string, std::vector<Row>*, std::size_t>>{
           {"project_theme", &themes, 2},
           {"project_sdg", &sdgs, 2},
           {"project_dac", &dac, 2},
           {"project_location", &locations, 2},
           {"project_participant", &participants, 2}}) {
    // A project just created has no children yet: they are inserted
    // without looking for old ones.
    COOPATLAS_ASSIGN_OR_RETURN(
        bool c, result.outcome == PutOutcome::kCreated
                    ? writer->InsertChildren(table, parent, *rows, keys)
                    : writer->ReplaceChildren(table, parent, *rows, keys));
    changed = changed || c;
  }
  if (changed && result.outcome == PutOutcome::kUnchanged) {
    result.outcome = PutOutcome::kUpdated;
  }
  return result;
}

Result<Writer::EntityResult> PutFundingLine(Writer* writer,
                                            std::int64_t project_id,
                                            const FundingLine& line,
                                            const Provenance& provenance) {
  Row row = {
      {"key", line.key},
      {"project_id", project_id},
      {"funder_authority_id", line.funder_authority
                                  ? Value(line.funder_authority->id)
                                  : Value(nullptr)},
      {"funder_actor_id",
       line.funder_actor ? Value(line.funder_actor->meta.id) : Value(nullptr)},
      {"mechanism", line.mechanism},
      {"year", std::int64_t{line.year}},
      {"nature", line.nature},
      {"amount_cents", line.amount_cents},
      {"currency", line.currency},
      {"original_amount", Text(line.original_amount)},
      {"exchange_rate", Text(line.exchange_rate)},
      {"rate_date", Text(line.rate_date)}};
  AddMeta(&row, line.meta, provenance);
  return writer->PutEntity("funding_line", row, 1);
}

Result<int> RemoveOtherFundingLines(Writer* writer, std::int64_t project_id,
                                    const std::vector<std::string>& keep) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * s,
      writer->Cached("SELECT key FROM funding_line WHERE project_id = ?"));
  s->Bind(1, project_id);
  std::vector<std::string> stale;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    std::string key = s->ColumnText(0);
    if (std::find(keep.begin(), keep.end(), key) == keep.end()) {
      stale.push_back(std::move(key));
    }
  }
  s->Reset();
  for (const auto& key : stale) {
    COOPATLAS_RETURN_IF_ERROR(writer->Delete("funding_line", {{"key", key}}));
  }
  return static_cast<int>(stale.size());
}

Result<std::optional<Authority>> FindAuthority(Db* db, std::int64_t id) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare(std::string("SELECT ") + kMetaColumns + ", " +
                  kAuthorityColumns + " FROM authority WHERE id = ?"));
  s.Bind(1, id);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Authority>();
  return std::optional<Authority>(ReadAuthority(s));
}

Result<std::optional<Authority>> FindFrenchAuthority(Db* db,
                                                     const std::string& code) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare(std::string("SELECT ") + kMetaColumns + ", " +
                               kAuthorityColumns +
                               " FROM authority WHERE country = 'FR' AND "
                               "code = ? ORDER BY length(kind) LIMIT 1"));
  s.Bind(1, code);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<Authority>();
  return std::optional<Authority>(ReadAuthority(s));
}

namespace {

Result<std::optional<std::int64_t>> FindId(Db* db, const char* sql,
                                           const std::string& a,
                                           const std::string* b) {
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  s.Bind(1, a);
  if (b != nullptr) s.Bind(2, *b);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(s.ColumnInt(0));
}

}  // namespace

Result<std::optional<std::int64_t>> FindForeignAuthorityId(
    Db* db, const std::string& country, const std::string& folded_name) {
  return FindId(db,
                "SELECT id FROM authority WHERE country = ?1 AND country <> "
                "'FR' AND folded_name = ?2",
                country, &folded_name);
}

Result<std::optional<std::int64_t>> FindPartnershipId(Db* db,
                                                      const std::string& key) {
  return FindId(db, "SELECT id FROM partnership WHERE key = ?1", key, nullptr);
}

Result<std::optional<std::int64_t>> FindActorId(Db* db,
                                                const std::string& folded_name,
                                                const std::string& country) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare("SELECT id FROM actor WHERE folded_name = ? AND "
                               "country = ?"));
  s.Bind(1, folded_name).Bind(2, country);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(s.ColumnInt(0));
}

Result<CountryActivity> CountryActivityOf(Db* db, const std::string& alpha2) {
  // The partnerships with a partner in the country, and the projects placed
  // there or with a participant from there.
  static constexpr const char* kPartnerships =
      "SELECT pp.partnership_id FROM authority a JOIN partnership_party pp ON "
      "pp.authority_id = a.id WHERE a.country = ?1 AND pp.side = 'partner'";
  static constexpr const char* kProjects =
      "SELECT project_id FROM project_location WHERE country = ?1 UNION "
      "SELECT pp.project_id FROM authority a JOIN project_participant pp ON "
      "pp.authority_id = a.id WHERE a.country = ?1";
  CountryActivity out;
  AuthorityCache authorities(db);
  std::map<std::int64_t, CountryParty> partners, french;
  auto add = [&](const std::string& sql, bool projects) -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
    s.Bind(1, alpha2);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      COOPATLAS_ASSIGN_OR_RETURN(AuthorityRef a,
                                 authorities.Get(s.ColumnInt(0)));
      CountryParty& party = (a.country == "FR" ? french : partners)[a.id];
      party.authority = std::move(a);
      (projects ? party.projects : party.partnerships) += s.ColumnInt(1);
    }
    return Status::Ok();
  };
  COOPATLAS_RETURN_IF_ERROR(
      add("SELECT pp.authority_id, count(*) FROM authority a JOIN "
          "partnership_party pp ON pp.authority_id = a.id WHERE a.country = "
          "?1 AND pp.side = 'partner' GROUP BY pp.authority_id",
          false));
  COOPATLAS_RETURN_IF_ERROR(
      add(std::string("SELECT authority_id, count(*) FROM partnership_party "
                      "WHERE side = 'fr' AND partnership_id IN (") +
              kPartnerships + ") GROUP BY authority_id",
          false));
  COOPATLAS_RETURN_IF_ERROR(
      add(std::string("SELECT authority_id, count(*) FROM project_participant "
                      "WHERE authority_id IS NOT NULL AND project_id IN (") +
              kProjects + ") GROUP BY authority_id",
          true));
  for (auto& [id, party] : partners) out.partners.push_back(std::move(party));
  for (auto& [id, party] : french) out.french.push_back(std::move(party));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement themes,
      db->Prepare(std::string("SELECT theme, count(*) FROM project_theme "
                              "WHERE project_id IN (") +
                  kProjects + ") GROUP BY theme ORDER BY theme"));
  themes.Bind(1, alpha2);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, themes.Step());
    if (!row) break;
    out.themes.emplace_back(themes.ColumnText(0), themes.ColumnInt(1));
  }
  return out;
}

Result<std::int64_t> CountPartnerships(Db* db, const PartnershipFilter& f) {
  std::int64_t count = 0;
  COOPATLAS_RETURN_IF_ERROR(ListPartnerships(db, f, &count).status());
  return count;
}

Result<std::vector<Partnership>> ListPartnerships(Db* db,
                                                  const PartnershipFilter& f,
                                                  std::int64_t* count) {
  const bool count_only = count != nullptr;
  std::string sql = std::string("SELECT p.") + kMetaColumns +
                    ", p.kind, p.status, p.signed_on, p.started_on, "
                    "p.ended_on, p.object, p.council_ref, "
                    "p.planned_commitments, p.key FROM partnership p WHERE 1";
  // Each filter adds a bound parameter, in this order.
  std::vector<std::string> params;
  if (f.id) {
    sql += " AND p.id = ?";
    params.push_back(std::to_string(*f.id));
  }
  if (!f.kind.empty()) {
    sql += " AND p.kind = ?";
    params.push_back(f.kind);
  }
  if (!f.since.empty()) {
    sql += " AND p.updated_at >= ?";
    params.push_back(f.since);
  }
  // Party filters as IN (...) over the parties' indexes, so that a
  // filtered list does not visit every partnership.
  if (!f.country.empty()) {
    sql +=
        " AND p.id IN (SELECT pp.partnership_id FROM authority a JOIN "
        "partnership_party pp ON pp.authority_id = a.id WHERE a.country = ? "
        "AND pp.side = 'partner')";
    params.push_back(f.country);
  }
  if (!f.authority_code.empty()) {
    sql +=
        " AND p.id IN (SELECT pp.partnership_id FROM authority a JOIN "
        "partnership_party pp ON pp.authority_id = a.id WHERE a.country = "
        "'FR' AND a.code = ?)";
    params.push_back(f.authority_code);
  }
  if (f.authority_id) {
    sql +=
        " AND p.id IN (SELECT partnership_id FROM partnership_party WHERE "
        "authority_id = ?)";
    params.push_back(std::to_string(*f.authority_id));
  }
  if (count_only) {
    sql = "SELECT count(*) FROM (" + sql + ")";
  } else {
    sql += " ORDER BY p.id";
    if (f.limit > 0) sql += " LIMIT " + std::to_string(f.limit);
  }
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  for (std::size_t i = 0; i < params.size(); ++i) {
    s.Bind(static_cast<int>(i + 1), params[i]);
  }
  std::vector<Partnership> out;
  if (count_only) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    *count = row ? s.ColumnInt(0) : 0;
    return out;
  }
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    Partnership p;
    p.meta = ReadMeta(s);
    p.kind = s.ColumnText(7);
    p.status = s.ColumnText(8);
    p.signed_on = s.ColumnText(9);
    p.started_on = s.ColumnText(10);
    p.ended_on = s.ColumnText(11);
    p.object = s.ColumnText(12);
    p.council_ref = s.ColumnText(13);
    p.planned_commitments = s.ColumnText(14);
    p.key = s.ColumnText(15);
    out.push_back(std::move(p));
  }
  AuthorityCache authorities(db);
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement parties,
      db->Prepare("SELECT authority_id, side FROM partnership_party WHERE "
                  "partnership_id = ? ORDER BY side, authority_id"));
  for (auto& p : out) {
    parties.Bind(1, p.meta.id);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, parties.Step());
      if (!row) break;
      COOPATLAS_ASSIGN_OR_RETURN(AuthorityRef a,
                                 authorities.Get(parties.ColumnInt(0)));
      (parties.ColumnText(1) == "fr" ? p.french : p.partners).push_back(a);
    }
    parties.Reset();
  }
  return out;
}

Result<std::int64_t> CountProjects(Db* db, const ProjectFilter& f) {
  std::int64_t count = 0;
  COOPATLAS_RETURN_IF_ERROR(ListProjects(db, f, &count).status());
  return count;
}

namespace {

// The WHERE clause of the projects matching `f` (project aliased p), with
// numbered parameters (?1, ?2, ...) appended to *params, so a filter may
// use its value twice.
std::string ProjectWhere(const ProjectFilter& f,
                         std::vector<std::string>* out_params) {
  std::string sql = " WHERE 1";
  std::vector<std::string>& params = *out_params;
  auto param = [&params](std::string value) {
    params.push_back(std::move(value));
    return "?" + std::to_string(params.size());
  };
  if (f.id) sql += " AND p.id = " + param(std::to_string(*f.id));
  if (!f.ref.empty()) sql += " AND p.ref = " + param(f.ref);
  if (f.partnership_id) {
    sql +=
        " AND p.partnership_id = " + param(std::to_string(*f.partnership_id));
  }
  // Participant and place filters as IN (...) over their indexes, so that
  // a filtered list does not visit every project.
  if (f.participant_id) {
    sql +=
        " AND p.id IN (SELECT project_id FROM project_participant WHERE "
        "authority_id = " +
        param(std::to_string(*f.participant_id)) + ")";
  }
  if (!f.since.empty()) sql += " AND p.updated_at >= " + param(f.since);
  if (!f.country.empty()) {
    const std::string c = param(f.country);
    sql +=
        " AND p.id IN (SELECT project_id FROM project_location WHERE "
        "country = " +
        c +
        " UNION SELECT pp.project_id FROM authority a JOIN "
        "project_participant pp ON pp.authority_id = a.id WHERE a.country = " +
        c + ")";
  }
  if (!f.authority_code.empty()) {
    sql +=
        " AND p.id IN (SELECT pp.project_id FROM authority a JOIN "
        "project_participant pp ON pp.authority_id = a.id WHERE a.country = "
        "'FR' AND a.code = " +
        param(f.authority_code) + ")";
  }
  return sql;
}

// The ids of the projects matching `f`, in `order` (SQL), the first `limit`
// when it is positive.
Result<std::vector<std::int64_t>> ProjectIds(Db* db, const ProjectFilter& f,
                                             const char* order, int limit) {
  std::vector<std::string> params;
  std::string sql = "SELECT p.id FROM project p" + ProjectWhere(f, &params) +
                    " ORDER BY " + order;
  if (limit > 0) sql += " LIMIT " + std::to_string(limit);
  COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
  for (std::size_t i = 0; i < params.size(); ++i) {
    s.Bind(static_cast<int>(i + 1), params[i]);
  }
  std::vector<std::int64_t> ids;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ids.push_back(s.ColumnInt(0));
  }
  return ids;
}

constexpr std::size_t kProjectBatch = 500;  // ListProjects' reads

// The projects `ids`, complete, handed to `fn` `batch` at a time in the
// order of `ids`. Each batch is read with one query per table (no query
// per project). Stops at the first error `fn` returns.
Status LoadProjects(
    Db* db, const std::vector<std::int64_t>& ids, std::size_t batch,
    const std::function<Status(std::vector<Project>& projects)>& fn) {
  if (batch == 0) batch = 1;
  AuthorityCache authorities(db);
  std::map<std::int64_t, Actor> actors;
  auto actor = [&](std::int64_t id) -> Result<Actor> {
    const auto it = actors.find(id);
    if (it != actors.end()) return it->second;
    COOPATLAS_ASSIGN_OR_RETURN(auto a, FindActor(db, id));
    if (!a) return Status::Corruption("no actor " + std::to_string(id));
    return actors[id] = *a;
  };
  std::vector<Project> projects;
  std::map<std::int64_t, Project*> by_id;
  for (std::size_t from = 0; from < ids.size(); from += batch) {
    const std::size_t to = std::min(ids.size(), from + batch);
    // Integer ids written in the SQL: nothing to escape.
    std::string in = " IN (";
    for (std::size_t i = from; i < to; ++i) {
      if (i > from) in += ',';
      in += std::to_string(ids[i]);
    }
    in += ')';
    projects.clear();
    projects.resize(to - from);
    by_id.clear();
    for (std::size_t i = from; i < to; ++i) {
      by_id[ids[i]] = &projects[i - from];
    }
    // Each query of a batch: its rows by project, then in the order of
    // the record (themes and SDGs by code, places and participants by seq,
    // funding lines by key); `row` reads one into its project, whose id is in
    // column `id_column`.
    auto each =
        [&](const std::string& sql, int id_column,
            const std::function<Status(Statement&, Project&)>& row) -> Status {
      COOPATLAS_ASSIGN_OR_RETURN(Statement s, db->Prepare(sql));
      while (true) {
        COOPATLAS_ASSIGN_OR_RETURN(bool more, s.Step());
        if (!more) break;
        const std::int64_t id = s.ColumnInt(id_column);
        const auto it = by_id.find(id);
        if (it == by_id.end()) {
          return Status::Corruption("unexpected project " + std::to_string(id));
        }
        COOPATLAS_RETURN_IF_ERROR(row(s, *it->second));
      }
      return Status::Ok();
    };
    COOPATLAS_RETURN_IF_ERROR(
        each(std::string("SELECT ") + kMetaColumns +
                 ", ref, partnership_id, title_fr, title_en, description_fr, "
                 "description_en, started_on, ended_on, status, beneficiaries "
                 "FROM project WHERE id" +
                 in,
             0, [](Statement& s, Project& p) {
               p.meta = ReadMeta(s);
               p.ref = s.ColumnText(7);
               p.partnership_id = OptInt(s, 8);
               p.title_fr = s.ColumnText(9);
               p.title_en = s.ColumnText(10);
               p.description_fr = s.ColumnText(11);
               p.description_en = s.ColumnText(12);
               p.started_on = s.ColumnText(13);
               p.ended_on = s.ColumnText(14);
               p.status = s.ColumnText(15);
               p.beneficiaries = s.ColumnText(16);
               return Status::Ok();
             }));
    COOPATLAS_RETURN_IF_ERROR(
        each("SELECT project_id, theme FROM project_theme WHERE project_id" +
                 in + " ORDER BY project_id, theme",
             0, [](Statement& s, Project& p) {
               p.themes.push_back(s.ColumnText(1));
               return Status::Ok();
             }));
    COOPATLAS_RETURN_IF_ERROR(each(
        "SELECT project_id, code, origin, status, score, evidence FROM "
        "project_sdg WHERE project_id" +
            in + " ORDER BY project_id, code",
        0, [](Statement& s, Project& p) {
          p.sdgs.push_back({s.ColumnText(1), s.ColumnText(2), s.ColumnText(3),
                            OptReal(s, 4), s.ColumnText(5)});
          return Status::Ok();
        }));
    COOPATLAS_RETURN_IF_ERROR(
        each("SELECT project_id, code, percentage FROM project_dac WHERE "
             "project_id" +
                 in + " ORDER BY project_id, code",
             0, [](Statement& s, Project& p) {
               p.dac.emplace_back(s.ColumnText(1), OptReal(s, 2));
               return Status::Ok();
             }));
    COOPATLAS_RETURN_IF_ERROR(each(
        "SELECT project_id, country, authority_id, name, lat, lng FROM "
        "project_location WHERE project_id" +
            in + " ORDER BY project_id, seq",
        0, [](Statement& s, Project& p) {
          p.locations.push_back({s.ColumnText(1), OptInt(s, 2), s.ColumnText(3),
                                 OptReal(s, 4), OptReal(s, 5)});
          return Status::Ok();
        }));
    COOPATLAS_RETURN_IF_ERROR(
        each("SELECT project_id, authority_id, actor_id, role, iati_role FROM "
             "project_participant WHERE project_id" +
                 in + " ORDER BY project_id, seq",
             0, [&](Statement& s, Project& p) -> Status {
               Participant part;
               if (!s.ColumnIsNull(1)) {
                 COOPATLAS_ASSIGN_OR_RETURN(part.authority,
                                            authorities.Get(s.ColumnInt(1)));
               }
               if (!s.ColumnIsNull(2)) {
                 COOPATLAS_ASSIGN_OR_RETURN(part.actor, actor(s.ColumnInt(2)));
               }
               part.role = s.ColumnText(3);
               part.iati_role = static_cast<int>(s.ColumnInt(4));
               p.participants.push_back(std::move(part));
               return Status::Ok();
             }));
    // The meta columns first (ReadMeta reads 0..6), the project id last.
    COOPATLAS_RETURN_IF_ERROR(each(
        std::string("SELECT ") + kMetaColumns +
            ", key, funder_authority_id, funder_actor_id, mechanism, year, "
            "nature, amount_cents, currency, original_amount, exchange_rate, "
            "rate_date, project_id FROM funding_line WHERE project_id" +
            in + " ORDER BY project_id, key",
        18, [&](Statement& s, Project& p) -> Status {
          FundingLine line;
          line.meta = ReadMeta(s);
          line.key = s.ColumnText(7);
          if (!s.ColumnIsNull(8)) {
            COOPATLAS_ASSIGN_OR_RETURN(line.funder_authority,
                                       authorities.Get(s.ColumnInt(8)));
          }
          if (!s.ColumnIsNull(9)) {
            COOPATLAS_ASSIGN_OR_RETURN(line.funder_actor,
                                       actor(s.ColumnInt(9)));
          }
          line.mechanism = s.ColumnText(10);
          line.year = static_cast<int>(s.ColumnInt(11));
          line.nature = s.ColumnText(12);
          line.amount_cents = s.ColumnInt(13);
          line.currency = s.ColumnText(14);
          line.original_amount = s.ColumnText(15);
          line.exchange_rate = s.ColumnText(16);
          line.rate_date = s.ColumnText(17);
          p.funding.push_back(std::move(line));
          return Status::Ok();
        }));
    COOPATLAS_RETURN_IF_ERROR(fn(projects));
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<Project>> ListProjects(Db* db, const ProjectFilter& f,
                                          std::int64_t* count) {
  std::vector<Project> out;
  if (count != nullptr) {
    std::vector<std::string> params;
    COOPATLAS_ASSIGN_OR_RETURN(Statement s,
                               db->Prepare("SELECT count(*) FROM project p" +
                                           ProjectWhere(f, &params)));
    for (std::size_t i = 0; i < params.size(); ++i) {
      s.Bind(static_cast<int>(i + 1), params[i]);
    }
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    *count = row ? s.ColumnInt(0) : 0;
    return out;
  }
  COOPATLAS_ASSIGN_OR_RETURN(std::vector<std::int64_t> ids,
                             ProjectIds(db, f, "p.id", f.limit));
  return ListProjectsById(db, ids);
}

Result<std::vector<Project>> ListProjectsById(
    Db* db, const std::vector<std::int64_t>& ids) {
  std::vector<Project> out;
  out.reserve(ids.size());
  COOPATLAS_RETURN_IF_ERROR(
      LoadProjects(db, ids, kProjectBatch, [&](std::vector<Project>& batch) {
        for (Project& p : batch) {
          if (p.meta.id != 0) out.push_back(std::move(p));
        }
        return Status::Ok();
      }));
  return out;
}

Result<std::map<std::string, std::int64_t>> CountRecords(Db* db) {
  std::map<std::string, std::int64_t> counts;
  std::int64_t demo = 0;
  for (const char* table :
       {"authority", "actor", "partnership", "project", "funding_line"}) {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement s, db->Prepare(std::string("SELECT count(*), "
                                             "coalesce(sum(demo), 0) FROM ") +
                                 table));
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    (void)row;
    const std::string name = std::string(table) == "authority" ? "authorities"
                             : std::string(table) == "funding_line"
                                 ? "funding_lines"
                                 : std::string(table) + "s";
    counts[name] = s.ColumnInt(0);
    demo += s.ColumnInt(1);
  }
  counts["demo_records"] = demo;
  return counts;
}

Result<std::vector<Authority>> ListAuthorities(Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s,
      db->Prepare(std::string("SELECT ") + kMetaColumns + ", " +
                  kAuthorityColumns + " FROM authority ORDER BY id"));
  std::vector<Authority> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadAuthority(s));
  }
  return out;
}

Result<std::vector<Actor>> ListActors(Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement s, db->Prepare(std::string("SELECT ") + kMetaColumns + ", " +
                               kActorColumns + " FROM actor ORDER BY id"));
  std::vector<Actor> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ReadActor(s));
  }
  return out;
}

Status ForEachProjectBatch(
    Db* db, const ProjectFilter& f, std::size_t batch,
    const std::function<Status(std::vector<Project>& projects)>& fn) {
  // The matching ids in ref order: a few bytes a project.
  COOPATLAS_ASSIGN_OR_RETURN(std::vector<std::int64_t> ids,
                             ProjectIds(db, f, "p.ref", 0));
  return LoadProjects(db, ids, batch, fn);
}

}  // namespace coopatlas::store
