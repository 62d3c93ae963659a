// IATI 2.03 publication, validation and import (docs/iati.md): the options
// and reports of Registry::ExportIati, ValidateIati and ImportIati.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/status.h"

namespace coopatlas {

// One finding of the validation: rule id ("0.3.1" schema, IATI-Rulesets ids
// such as "2.1.2", "codelist:Sector"), severity, activity and line.
struct IatiMessage {
  std::string rule;
  std::string severity;  // error | warning
  std::string activity;  // iati-identifier, "" outside any activity
  int line = 0;
  std::string text;
};

struct IatiValidation {
  std::string file, root, version;
  std::int64_t bytes = 0, activities = 0, errors = 0, warnings = 0;
  std::int64_t suppressed = 0;  // messages past the first 10,000 (counted)
  bool schema_valid = true;
  bool fatal = false;  // not XML, wrong root, DOCTYPE: nothing was read
  double seconds = 0;
  std::vector<IatiMessage> messages;
  bool ok() const { return errors == 0; }
};

struct IatiExportOptions {
  // reporting-org/@ref, e.g. "FR-INSEE-213505047"; "" with an authority:
  // FR-INSEE-<its SIREN>.
  std::string publisher;
  // Prefix of French authorities' identifiers (prefix-SIREN); "" = the
  // publisher without its last "-part" (FR-INSEE for the example above).
  std::string id_prefix;
  std::string publisher_name;  // "" = the authority's name, or publisher
  std::string authority;       // only this French authority's projects
  std::string country;         // only projects in or with this country
  std::string since;           // only projects updated on or after
  std::optional<std::int64_t> project_id, partnership_id;  // only these
  std::string out;
  std::string today;   // YYYY-MM-DD ("" = today, UTC)
  bool force = false;  // write even when the checks find errors

  Status Validate() const;
};

struct IatiExportReport {
  std::string out;
  std::int64_t activities = 0, bytes = 0;
  bool written = false;
  IatiValidation validation;  // of the file as written
};

struct IatiImportOptions {
  std::string file;
  std::string id_prefix;  // as for the export ("" = from each reporting-org)
  bool dry_run = false;
  std::string actor = "system:import-iati";
  std::string today;
};

}  // namespace coopatlas
