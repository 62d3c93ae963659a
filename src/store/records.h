// Typed reads and writes of the records (authorities, actors,
// partnerships, projects, funding lines). Writes go through a Writer, so
// every change is audited; reads take a Db.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/model.h"
#include "coopatlas/status.h"
#include "store/db.h"
#include "store/writer.h"

namespace coopatlas::store {

// Provenance given to every record a write creates or updates.
struct Provenance {
  std::string source;
  std::optional<std::int64_t> run_id;
  bool demo = false;
};

// --- writes -------------------------------------------------------------

// The French authority with this kind and code, created from what the
// caller knows (name, département, région, coordinates) if missing.
// `folded_name` (text::Fold of the name) is the deduplication key of a
// foreign authority with its country.
Result<Writer::EntityResult> PutAuthority(Writer* writer, const Authority& a,
                                          const std::string& folded_name,
                                          const Provenance& provenance);

// An actor is identified by its folded name and country.
Result<Writer::EntityResult> PutActor(Writer* writer, const Actor& actor,
                                      const std::string& folded_name,
                                      const Provenance& provenance);

// A partnership identified by `key`, with its parties (authority ids).
Result<Writer::EntityResult> PutPartnership(
    Writer* writer, const std::string& key, const Partnership& p,
    const std::vector<std::int64_t>& french_ids,
    const std::vector<std::int64_t>& partner_ids, const Provenance& provenance);

// A project identified by its ref, with its themes, SDGs, DAC codes,
// locations and participants (ids resolved by the caller; a participant
// with an authority uses authority->id, with an actor actor->meta.id).
// Children not listed are removed.
Result<Writer::EntityResult> PutProject(Writer* writer, const Project& p,
                                        const Provenance& provenance);

// A funding line identified by its key (funder ids resolved by the caller).
Result<Writer::EntityResult> PutFundingLine(Writer* writer,
                                            std::int64_t project_id,
                                            const FundingLine& line,
                                            const Provenance& provenance);

// Removes the funding lines of a project whose keys are not in `keep`.
Result<int> RemoveOtherFundingLines(Writer* writer, std::int64_t project_id,
                                    const std::vector<std::string>& keep);

// --- reads ---------------------------------------------------------------

Result<std::optional<Authority>> FindAuthority(Db* db, std::int64_t id);
// French authority by code (any kind; a code is unique within its kind, and
// a commune and a département never share a code of the same length).
Result<std::optional<Authority>> FindFrenchAuthority(Db* db,
                                                     const std::string& code);
// Ids by natural key, or nothing.
Result<std::optional<std::int64_t>> FindForeignAuthorityId(
    Db* db, const std::string& country, const std::string& folded_name);
Result<std::optional<std::int64_t>> FindPartnershipId(Db* db,
                                                      const std::string& key);
Result<std::optional<std::int64_t>> FindActorId(Db* db,
                                                const std::string& folded_name,
                                                const std::string& country);

struct PartnershipFilter {
  std::string country;         // a party in this country (alpha-2)
  std::string authority_code;  // a French party with this code
  std::optional<std::int64_t> authority_id;  // any party
  std::string kind;
  std::string since;  // updated on or after (ISO date)
  std::optional<std::int64_t> id;
  int limit = 0;  // the first `limit` by id; 0: all
};
// The partnerships matching `f`, by id. With `count`, only counts them
// (all, whatever the limit) into *count and returns none.
Result<std::vector<Partnership>> ListPartnerships(
    Db* db, const PartnershipFilter& f, std::int64_t* count = nullptr);
Result<std::int64_t> CountPartnerships(Db* db, const PartnershipFilter& f);

struct ProjectFilter {
  std::string country;         // a location or a partner in this country
  std::string authority_code;  // a French participant with this code
  std::string since;
  std::optional<std::int64_t> id;
  std::string ref;
  std::optional<std::int64_t> partnership_id;
  std::optional<std::int64_t> participant_id;  // an authority taking part
  int limit = 0;  // the first `limit` by id; 0: all
};
// As ListPartnerships.
Result<std::vector<Project>> ListProjects(Db* db, const ProjectFilter& f,
                                          std::int64_t* count = nullptr);
Result<std::int64_t> CountProjects(Db* db, const ProjectFilter& f);
// The projects with these ids, complete, in the order given (an id with no
// project is skipped); read a batch at a time, one query per table.
Result<std::vector<Project>> ListProjectsById(
    Db* db, const std::vector<std::int64_t>& ids);

// The projects matching `f` (limit ignored), in the order of their ref,
// handed to `fn` `batch` at a time, complete as ListProjects gives them.
// Each batch is read with one query per table (no query per project);
// only one batch is in memory. Stops at the first error `fn` returns.
Status ForEachProjectBatch(
    Db* db, const ProjectFilter& f, std::size_t batch,
    const std::function<Status(std::vector<Project>& projects)>& fn);

// Who and what is active in a country, counted in SQL (a country may have
// tens of thousands of records): the authorities party to its partnerships
// or taking part in its projects (partners: not French, French: French),
// and the themes of its projects.
struct CountryParty {
  AuthorityRef authority;
  std::int64_t partnerships = 0, projects = 0;
};
struct CountryActivity {
  std::vector<CountryParty> partners, french;                // by authority id
  std::vector<std::pair<std::string, std::int64_t>> themes;  // by code
};
Result<CountryActivity> CountryActivityOf(Db* db, const std::string& alpha2);

// Row counts of the record tables, and of records flagged as demonstration
// data ("demo_records").
Result<std::map<std::string, std::int64_t>> CountRecords(Db* db);

// All authorities and actors (for the lossless JSON export).
Result<std::vector<Authority>> ListAuthorities(Db* db);
Result<std::vector<Actor>> ListActors(Db* db);

}  // namespace coopatlas::store
