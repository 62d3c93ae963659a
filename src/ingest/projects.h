// Reading the project spreadsheet an officer fills in (docs/formats.md):
// projets.csv (one row per project) and financements.csv (one row per
// funding line). Parsing and value checks only; names are resolved by the
// registry.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/status.h"
#include "ingest/sheet.h"

namespace coopatlas::ingest {

// A place in a file, for messages: "projets.csv: line 4, column 'titre'".
struct CellRef {
  std::string source;
  std::size_t line = 0;
  std::string column;
  std::string ToString() const;
};

// Every problem found, with its place; the import writes nothing if any.
struct CellError {
  CellRef where;
  std::string message;
};

struct ProjectRow {
  std::size_t line = 0;
  std::string ref, title_fr, title_en, description_fr, description_en;
  std::vector<std::string> french_authorities;   // codes or names
  std::vector<std::string> partner_authorities;  // names
  std::string country;                           // as written
  std::string partnership_kind;      // canonical: jumelage | convention | ...
  std::string started_on, ended_on;  // ISO or ""
  std::string status;                // canonical
  std::vector<std::string> themes;   // as written (codes or labels)
  std::vector<std::string> sdgs;     // "6", "6.1"
  std::vector<std::pair<std::string, std::optional<double>>> dac;
  std::vector<std::pair<std::string, std::string>> actors;  // name, type
  std::string beneficiaries;
  std::string place;  // a place in the partner country
  CellRef Where(const std::string& column) const;
  std::string source;
};

struct FundingRow {
  std::size_t line = 0;
  std::string source;
  std::string project_ref;
  std::string line_ref;     // as written, or "" (numbered per project)
  std::string funder;       // code or name
  std::string funder_type;  // canonical: collectivite | partenaire | etat |
                            // afd | ue | agence-eau | association |
                            // entreprise | fondation | autre
  std::string mechanism;    // canonical, see docs/formats.md
  int year = 0;
  std::string nature;             // planned | actual
  std::int64_t amount_cents = 0;  // EUR
  std::string currency = "EUR";
  std::string original_amount, exchange_rate, rate_date;
  CellRef Where(const std::string& column) const;
};

struct ProjectFiles {
  Sheet projects_sheet;
  Sheet funding_sheet;  // empty when no funding file
  std::vector<ProjectRow> projects;
  std::vector<FundingRow> funding;
  std::vector<CellError> errors;  // empty if everything parsed
};

// The column specs (canonical French name first, English aliases), for the
// template and the documentation.
const std::vector<ColumnSpec>& ProjectColumns();
const std::vector<ColumnSpec>& FundingColumns();

// Parses both files (`funding_bytes` may be empty with no funding file).
// Structural problems (encoding, CSV syntax, missing required columns) are
// returned as an error Status; value problems are collected in `errors`
// (at most `max_errors`), each with its file, line and column.
Result<ProjectFiles> ReadProjectFiles(std::string_view project_bytes,
                                      const std::string& project_source,
                                      std::string_view funding_bytes,
                                      const std::string& funding_source,
                                      std::size_t max_errors = 50);

// The largest amount a single funding line may have (an absurd amount is
// an error): 100 million euros.
inline constexpr std::int64_t kMaxLineCents = 100'000'000LL * 100;

}  // namespace coopatlas::ingest
