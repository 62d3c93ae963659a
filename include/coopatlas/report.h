// Reports (docs/finance.md "Reports"): key figures, charts and lists of an
// authority, a country, a theme or the whole atlas, rendered as one
// self-contained HTML file, an XLSX workbook or a PDF.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/finance.h"
#include "coopatlas/status.h"

namespace coopatlas {

struct ReportOptions {
  std::string authority;  // a French authority's code
  std::string country;    // ISO alpha-2
  std::string theme;      // theme code
  bool national = false;
  std::optional<int> year;
  std::string format;  // html | xlsx | pdf
  std::string out;     // file, written atomically (Registry::Report)

  // Errors: kInvalidArgument (none or several scopes, bad format, year).
  Status Validate() const;
};

// One bar of a chart or one row of a count table.
struct ReportBar {
  std::string label;
  std::int64_t value = 0;  // a count, or cents for amounts
};

struct ReportProject {
  std::string ref, title, countries, status, started_on;
  std::int64_t planned_cents = 0;
};

struct ReportPartnership {
  std::string kind, status, french, partners, countries;
};

// Everything a report shows, computed by the registry.
struct ReportData {
  std::string title;     // "Lyon (69123)", "Sénégal", "France entière"
  std::string subtitle;  // scope and year in words
  std::string generated_at;
  bool includes_demo = false;
  bool empty = true;  // no partnership, no project: nothing to chart
  std::int64_t partnerships = 0, projects = 0, french_authorities = 0,
               countries = 0;
  std::optional<FinanceSummary> finance;  // absent when no funding line
  std::vector<ReportBar> by_theme, by_sdg, top_countries, projects_by_year;
  std::vector<ReportBar> funding_by_source;  // planned cents by funder type
  std::vector<ReportProject> project_list;
  std::vector<ReportPartnership> partnership_list;
  // The maps. World: ISO 3166-1 numeric code -> partnerships with a
  // partner there plus projects located there or with a partner there;
  // `country_names`: numeric code -> French name. France: département code
  // -> French authorities of the scope in it; authorities without a
  // département (régions, …) are counted apart.
  std::map<std::string, std::int64_t> world_map, france_map;
  std::map<std::string, std::string> country_names;
  std::int64_t authorities_off_map = 0;
  std::vector<std::string> provenance;  // sources, versions, licences
  std::string freshness;                // when the records were last updated
};

struct ReportSummary {
  std::string path, format;
  std::size_t bytes = 0;
  std::int64_t projects = 0, partnerships = 0;
};

}  // namespace coopatlas
