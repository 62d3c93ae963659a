#include "registry/import_common.h"

#include <nlohmann/json.hpp>

#include "store/search_index.h"
#include "text/fold.h"

namespace coopatlas::importing {

void CountMain(ImportReport* report, store::PutOutcome outcome) {
  switch (outcome) {
    case store::PutOutcome::kCreated:
      ++report->created;
      break;
    case store::PutOutcome::kUpdated:
      ++report->updated;
      break;
    case store::PutOutcome::kUnchanged:
      ++report->unchanged;
      break;
  }
}

void CountOther(ImportReport* report, const std::string& what,
                store::PutOutcome outcome) {
  switch (outcome) {
    case store::PutOutcome::kCreated:
      ++report->others[what + "_created"];
      break;
    case store::PutOutcome::kUpdated:
      ++report->others[what + "_updated"];
      break;
    case store::PutOutcome::kUnchanged:
      ++report->others[what + "_unchanged"];
      break;
  }
}

Result<AuthorityRef> PutFrench(store::Writer* writer, const Candidate& c,
                               const Places& places, const std::string& source,
                               std::optional<std::int64_t> run,
                               ImportReport* report) {
  Authority a;
  a.kind = c.kind;
  a.country = "FR";
  a.code = c.code;
  a.name = c.name;
  a.departement = c.departement;
  a.region = c.region;
  if (const Place* p = places.FindFrench(c.name, c.departement)) {
    a.lat = p->lat;
    a.lng = p->lng;
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      auto r, store::PutAuthority(writer, a, text::Fold(a.name),
                                  {source, run, /*demo=*/false}));
  CountOther(report, "authorities", r.outcome);
  return AuthorityRef{r.id,          a.kind,   a.code, a.name, "FR",
                      a.departement, a.region, "",     a.lat,  a.lng};
}

Result<AuthorityRef> PutForeign(store::Writer* writer, const std::string& name,
                                const std::string& country,
                                const Places& places,
                                const store::Provenance& provenance,
                                ImportReport* report) {
  Authority a;
  a.kind = "foreign";
  a.country = country;
  a.name = text::Nfc(name);
  a.admin_level = "municipality";
  const std::string folded = text::Fold(a.name);
  // An authority already known (from this or another file) is kept as it
  // is: a later file's spelling or placement does not overwrite it.
  COOPATLAS_ASSIGN_OR_RETURN(auto existing, store::FindForeignAuthorityId(
                                                writer->db(), country, folded));
  if (existing) {
    CountOther(report, "authorities", store::PutOutcome::kUnchanged);
    COOPATLAS_ASSIGN_OR_RETURN(auto known,
                               store::FindAuthority(writer->db(), *existing));
    return AuthorityRef{*existing,  "foreign", "", known->name,
                        country,    "",        "", known->admin1_name,
                        known->lat, known->lng};
  }
  if (const Place* p = places.FindUnique(country, folded)) {
    a.lat = p->lat;
    a.lng = p->lng;
    a.admin1_code = p->admin1.empty() ? "" : country + "." + p->admin1;
    a.admin1_name = places.Admin1Name(a.admin1_code);
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      auto r, store::PutAuthority(writer, a, folded, provenance));
  CountOther(report, "authorities", r.outcome);
  return AuthorityRef{r.id, a.kind,        "",    a.name, country, "",
                      "",   a.admin1_name, a.lat, a.lng};
}

Status Finish(store::Writer* writer, std::int64_t run, ImportReport* report,
              std::chrono::steady_clock::time_point start) {
  std::int64_t changes = report->created + report->updated;
  for (const auto& [key, n] : report->others) {
    const bool change =
        key.size() > 8 && (key.rfind("_created") == key.size() - 8 ||
                           key.rfind("_updated") == key.size() - 8 ||
                           key.rfind("_removed") == key.size() - 8);
    if (change) changes += n;
  }
  report->written = changes > 0 && !report->dry_run;
  report->seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  if (!report->written) return Status::Ok();  // rolled back by the writer
  // The search index follows the records in the same transaction.
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t documents,
                             store::RebuildSearchIndex(writer));
  (void)documents;
  nlohmann::json summary = {{"created", report->created},
                            {"updated", report->updated},
                            {"unchanged", report->unchanged},
                            {"lines", report->lines}};
  for (const auto& [key, n] : report->others) summary[key] = n;
  COOPATLAS_RETURN_IF_ERROR(writer->FinishRun(run, summary.dump()));
  return writer->Commit();
}

}  // namespace coopatlas::importing
