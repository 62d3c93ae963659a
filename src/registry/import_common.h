// What the importers share: counting outcomes, writing authorities placed
// with GeoNames, and ending an import (commit only when something changed
// and it is not a dry run).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

#include "coopatlas/registry.h"
#include "registry/places.h"
#include "store/records.h"
#include "store/writer.h"

namespace coopatlas::importing {

// Counts a main record (partnership, project) as created/updated/unchanged.
void CountMain(ImportReport* report, store::PutOutcome outcome);
// Counts another record as "<what>_created", "_updated" or "_unchanged".
void CountOther(ImportReport* report, const std::string& what,
                store::PutOutcome outcome);

// The French authority a resolver candidate designates, created if
// missing; placed on the map by the GeoNames place of that name in its
// département when there is exactly one. Never flagged as demonstration
// data (it is reference data).
Result<AuthorityRef> PutFrench(store::Writer* writer, const Candidate& c,
                               const Places& places, const std::string& source,
                               std::optional<std::int64_t> run,
                               ImportReport* report);

// The foreign local authority `name` in `country`, deduplicated by folded
// name; placed with its admin1 region when GeoNames knows exactly one
// place of that name in the country.
Result<AuthorityRef> PutForeign(store::Writer* writer, const std::string& name,
                                const std::string& country,
                                const Places& places,
                                const store::Provenance& provenance,
                                ImportReport* report);

// Ends an import: computes `written` and the elapsed time; if something
// changed and this is no dry run, rebuilds the search index, records the
// run's summary and commits, all in the import's transaction.
// Otherwise the writer is left uncommitted (rolled back when destroyed), so
// running the same file twice leaves no trace.
Status Finish(store::Writer* writer, std::int64_t run, ImportReport* report,
              std::chrono::steady_clock::time_point start);

}  // namespace coopatlas::importing
