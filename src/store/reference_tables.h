// Reading the reference tables back (writing is Writer::ReplaceReference).
#pragma once

#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "reference/reference_data.h"
#include "store/db.h"

namespace coopatlas::store {

// What to read: the gazetteer (French geography, former names, countries
// and their names) is what the resolver needs; places are large and read
// only on demand.
struct ReferenceSelection {
  bool geography = true;
  bool countries = true;
  bool places = false;
};

// Reads the reference data back from the database. Errors:
// kFailedPrecondition if no reference data has been loaded (`coopatlas
// init` not run).
Result<reference::ReferenceData> ReadReference(Db* db,
                                               ReferenceSelection selection);

// Codes of an IATI codelist ("Sector", "OrganisationType", ...).
Result<std::vector<reference::CodelistEntry>> ReadCodelist(
    Db* db, const std::string& list);
Result<std::vector<reference::Theme>> ReadThemes(Db* db);
Result<std::vector<reference::Sdg>> ReadSdgs(Db* db);

// The EPCI and EPT a commune belongs to: (siren, name).
Result<std::vector<std::pair<std::string, std::string>>> EpcisOfCommune(
    Db* db, const std::string& commune);

// The sources recorded by the last load (empty if none).
Result<std::vector<reference::Source>> ReadSources(Db* db);

// (INSEE code, SIREN) of every current commune that has a SIREN.
Result<std::vector<std::pair<std::string, std::string>>> CommuneSirens(Db* db);

}  // namespace coopatlas::store
