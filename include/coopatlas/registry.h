// The registry: the one door to a coopatlas database (ARCHITECTURE.md §5.2).
// The CLI, the HTTP server and the tests all go through it.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/finance.h"
#include "coopatlas/iati.h"
#include "coopatlas/model.h"
#include "coopatlas/options.h"
#include "coopatlas/report.h"
#include "coopatlas/resolve.h"
#include "coopatlas/sdg.h"
#include "coopatlas/status.h"

namespace coopatlas {

// One reference source as loaded in a database.
struct SourceInfo {
  std::string name, version, licence;
  std::map<std::string, std::int64_t> counts;
};

struct DatabaseInfo {
  std::string path;
  int schema_version = 0;
  std::string reference_fingerprint;
  std::vector<SourceInfo> sources;
  // Records: authorities, actors, partnerships, projects, funding_lines, and
  // demo_records (how many carry the demonstration flag).
  std::map<std::string, std::int64_t> records;
};

struct InitReport {
  bool created = false;   // the database file did not exist
  bool reloaded = false;  // reference data was (re)loaded
  double seconds = 0;
  DatabaseInfo info;
};

// Progress of a long operation: a phase name and, when known, done/total
// (total 0 when unknown).
using ProgressFn = std::function<void(std::string_view phase, std::size_t done,
                                      std::size_t total)>;

// Importing a twin-town list (docs/import.md).
struct TwinningImportOptions {
  std::string file;                // CSV, any encoding of docs/formats.md
  std::string columns;             // "city1=origincityLabel,city2=..." or ""
  std::string country1, country2;  // fixed country of a side, or ""
  std::string resolutions_file;    // CSV name,departement,code or ""
  bool dry_run = false;            // do everything, write nothing
  bool demo = false;               // flag the records as demonstration data
  std::string actor = "system:import";

  Status Validate() const;
};

// Importing projects and their funding lines (docs/formats.md).
struct ProjectImportOptions {
  std::string projects_file;  // projets.csv
  std::string funding_file;   // financements.csv, or "" (funding untouched)
  bool dry_run = false;
  bool demo = false;
  std::string actor = "system:import";

  Status Validate() const;
};

// Which records an export or a list holds.
struct RecordFilter {
  std::string authority;  // a French party with this code
  std::string country;    // a partner (or project location) in this country
  std::string kind;       // partnership kind
  std::string since;      // updated on or after this ISO date
  // One partnership (and its projects), or one project (and its
  // partnership).
  std::optional<std::int64_t> partnership_id, project_id;
};

struct ExportOptions {
  std::string format;                  // csv | json | geojson | xlsx
  std::string table = "partnerships";  // csv: partnerships|projects|funding
  bool excel = false;  // csv for French Excel: ';', BOM, decimal commas
  RecordFilter filter;
  std::string out;  // file path; written atomically

  Status Validate() const;
};

struct ExportSummary {
  std::size_t partnerships = 0, projects = 0, authorities = 0, bytes = 0;
};

// Another authority working on the same partners, places or themes.
struct Peer {
  AuthorityRef authority;
  double score = 0;
  std::string reason_fr, reason_en;  // "3 partenariats au même pays ..."
};

// A French authority's page: identity from the reference data, its EPCI,
// and its records.
// Pages list at most this many partnerships and projects (the first by id)
// and say how many there are in all; search and exports give the rest.
inline constexpr int kPageListLimit = 100;

struct AuthorityPage {
  Candidate identity;  // code, name, kind, département, région, population
  std::vector<std::pair<std::string, std::string>> epcis;  // siren, name
  std::vector<Partnership> partnerships;
  std::vector<Project> projects;
  std::int64_t partnerships_total = 0, projects_total = 0;
  std::vector<Peer> peers;
};

// Counts for the atlas (home page, dashboard).
struct StatsBucket {
  std::string value, label, label_en;
  std::string extra;  // countries: ISO numeric code
  std::int64_t count = 0;
};
struct AtlasStats {
  std::map<std::string, std::int64_t> totals;
  // country, world_region, departement, fr_region, authority_kind,
  // partnership_kind, theme, sdg, year -> buckets, largest first.
  std::map<std::string, std::vector<StatsBucket>> by;
};

// A full-text search with facets (docs/http.md).
struct SearchOptions {
  std::string q;  // words, "phrases", -exclusions, prefix*; "" to browse
  // facet -> accepted values: type, country, world_region, fr_region,
  // departement, authority_kind, partnership_kind, theme, sdg, year
  std::map<std::string, std::vector<std::string>> filters;
  std::string sort = "relevance";  // relevance | date
  int page = 1;
  int per_page = 20;  // 1..100

  Status Validate() const;
};

struct SearchResultItem {
  std::string type;  // authority | partnership | project
  std::int64_t id = 0;
  std::string code, title, url;
  std::string snippet_html;  // HTML-escaped, <mark> around matches
  std::vector<std::string> countries;
  std::optional<int> year;
  bool demo = false;
};

struct FacetValue {
  std::string value, label, label_en;
  std::int64_t count = 0;
};

struct SearchPage {
  std::string query;
  std::int64_t total = 0;
  int page = 1, per_page = 20;
  std::vector<SearchResultItem> results;
  std::map<std::string, std::vector<FacetValue>> facets;
};

// A country of the atlas: its partner authorities and every French
// authority active there (the "country group" networks keep by hand).
struct CountryPage {
  std::string alpha2, name_fr, name_en, world_region;
  struct Party {
    AuthorityRef authority;
    std::int64_t partnerships = 0, projects = 0;
  };
  std::vector<Party> partner_authorities;
  std::vector<Party> french_authorities;
  std::vector<StatsBucket> themes;
  std::vector<Partnership> partnerships;
  std::vector<Project> projects;
  std::int64_t partnerships_total = 0, projects_total = 0;
};

// One partnership with its projects.
struct PartnershipPage {
  Partnership partnership;
  std::vector<Project> projects;
  std::int64_t projects_total = 0;
};

// A foreign authority with its partnerships and projects.
struct ForeignAuthorityPage {
  Authority authority;
  std::vector<Partnership> partnerships;
  std::vector<Project> projects;
  std::int64_t partnerships_total = 0, projects_total = 0;
  std::vector<Peer> peers;  // French authorities working in the same places
};

// An export in memory, for the HTTP API.
struct ExportBlob {
  std::string bytes, content_type, filename;
  // What it holds: partnerships, projects, and the authorities party to the
  // partnerships (bytes is bytes.size()).
  ExportSummary summary;
};

// Synthetic data for benchmarks (`coopatlas synth`).
struct SynthOptions {
  std::int64_t projects = 1000;
  std::uint64_t seed = 42;
  std::string actor = "system:synth";
  Status Validate() const;
};
struct SynthReport {
  std::int64_t projects = 0, partnerships = 0, authorities = 0, documents = 0;
  double seconds = 0;
};

// What happened to one line of an imported file.
struct ImportLine {
  std::size_t line = 0;
  // imported | duplicate | ambiguous | unknown_name | no_french_party |
  // unknown_country | both_french | empty
  std::string outcome;
  std::string detail;
  std::optional<std::int64_t> record_id;
};

// A name the import could not decide, with the lines it came from.
struct ImportIssue {
  std::string name;
  std::string status;  // ambiguous | not_found
  std::vector<Candidate> candidates;
  std::vector<std::size_t> lines;
};

struct ImportReport {
  std::string kind;    // twinnings | projects
  std::string source;  // the file
  std::string encoding;
  bool dry_run = false;
  bool written = false;  // something changed in the database
  std::size_t lines = 0;
  std::map<std::string, std::int64_t> outcomes;          // outcome -> lines
  std::int64_t created = 0, updated = 0, unchanged = 0;  // main records
  std::map<std::string, std::int64_t> others;  // other records created
  double seconds = 0;
  std::vector<ImportLine> line_outcomes;
  std::vector<ImportIssue> issues;
};

class Registry {
 public:
  // Creates the database if needed, migrates it, and loads the reference
  // data unless the same data is already loaded (then it writes nothing).
  // All or nothing: on error, a database created by this call is removed
  // and an existing one is left as it was.
  // Errors: kIo (missing directory), kFailedPrecondition (read-only),
  // kNotFound (reference packages not installed), kCorruption.
  static Result<InitReport> Init(const InitOptions& options,
                                 const ProgressFn& progress = nullptr);

  // Opens an existing, initialised database. Errors: kNotFound (no file),
  // kFailedPrecondition (not initialised, newer schema), kCorruption.
  static Result<std::unique_ptr<Registry>> Open(const OpenOptions& options);

  ~Registry();
  Registry(const Registry&) = delete;
  Registry& operator=(const Registry&) = delete;

  // Resolves a French authority name. Errors: kInvalidArgument for invalid
  // UTF-8, an unknown kind or département hint, an over-long name.
  // Thread-safe.
  Result<ResolveResult> Resolve(std::string_view name,
                                const ResolveHints& hints = {}) const;
  // Resolves a country name or code. Same errors. Thread-safe.
  Result<ResolveResult> ResolveCountry(std::string_view name) const;

  // What the database holds. Thread-safe.
  Result<DatabaseInfo> Info() const;

  // Imports a twin-town list in one transaction: all or nothing; the same
  // file twice changes nothing; ambiguous or unknown French names are not
  // imported but listed with their candidates. Errors: kInvalidArgument
  // (bad file, with its place), kNotFound (no file), kFailedPrecondition
  // (read-only).
  Result<ImportReport> ImportTwinnings(const TwinningImportOptions& options,
                                       const ProgressFn& progress = nullptr);

  // Imports projects with their funding lines, all or nothing: any problem
  // (a bad value, an ambiguous or unknown name or code) is reported with
  // its file, line and column — all of them, up to 50 — and nothing is
  // written. Projects are keyed by their ref: importing the same files again
  // changes nothing. Errors: kInvalidArgument (the message lists every
  // problem), kNotFound (no file), kFailedPrecondition (read-only).
  Result<ImportReport> ImportProjects(const ProjectImportOptions& options,
                                      const ProgressFn& progress = nullptr);

  // Restores records from the lossless JSON format (Export with format
  // json), keeping their ids, keys, timestamps and versions: meant for an
  // empty database or one holding the same records. One transaction.
  Result<ImportReport> ImportJson(const std::string& file, bool dry_run,
                                  const std::string& actor = "system:import");

  // Writes the filtered records to options.out. Errors: kInvalidArgument
  // (bad format or filter), kIo (cannot write). Thread-safe.
  Result<ExportSummary> Export(const ExportOptions& options) const;

  Result<std::vector<Partnership>> ListPartnerships(
      const RecordFilter& filter) const;
  Result<std::vector<Project>> ListProjects(const RecordFilter& filter) const;

  // Full-text search over authorities, partnerships and projects, with
  // facet counts. Errors: kInvalidArgument (bad parameter, invalid UTF-8,
  // only exclusions). Thread-safe.
  Result<SearchPage> Search(const SearchOptions& options) const;
  // The facets a search counts and filters on, in display order: type,
  // country, world_region, fr_region, departement, authority_kind,
  // partnership_kind, theme, sdg, year.
  static const std::vector<std::string>& SearchFacets();
  // Type-ahead: up to `limit` documents whose title has a word starting
  // with the last word typed.
  Result<std::vector<SearchResultItem>> Suggest(const std::string& q,
                                                int limit = 10) const;
  // Adds synthetic projects with the shape of the field (few big
  // collectivities with many projects, Africa first, themes with their SDGs),
  // flagged as demonstration data, for benchmarks. One transaction.
  Result<SynthReport> Synthesize(const SynthOptions& options,
                                 const ProgressFn& progress = nullptr);

  // Rebuilds the search index from the records (after an upgrade).
  Result<std::int64_t> Reindex();

  // The peers of a French authority (by code): the French authorities that
  // share a partner authority, work in the same foreign region or country,
  // on the same themes, or in the same département; ranked, each with the
  // reason in words. Errors: kNotFound. Thread-safe.
  Result<std::vector<Peer>> Peers(const std::string& code,
                                  int limit = 20) const;

  // Pages of the atlas. Errors: kNotFound with what was asked.
  Result<CountryPage> ShowCountry(const std::string& alpha2) const;
  Result<PartnershipPage> ShowPartnership(std::int64_t id) const;
  Result<Project> ShowProject(std::int64_t id) const;
  Result<ForeignAuthorityPage> ShowForeignAuthority(std::int64_t id) const;

  // The export of `options` (whose `out` is ignored) in memory.
  Result<ExportBlob> ExportBytes(const ExportOptions& options) const;

  // Counts by every dimension of the atlas, kept until the database
  // changes. Thread-safe.
  Result<AtlasStats> Stats() const;
  // Loads what the first requests of a server would wait for (the
  // statistics, the search index in memory). Thread-safe.
  Status Warm() const;

  // A French authority by code (INSEE, SIREN, département or région code).
  // Errors: kNotFound with a hint when the code is unknown.
  Result<AuthorityPage> ShowAuthority(const std::string& code) const;

  // SDG suggestions (src/registry/sdg.cc, docs/sdg.md). The tagger's
  // lexicons are read once per process from DefaultReferenceRoot().
  // Suggestions for a text; `lang` "fr", "en" or "" (detect). No database
  // needed. Errors: kInvalidArgument (invalid UTF-8, unknown language),
  // kNotFound / kCorruption (lexicon files). Thread-safe.
  static Result<SdgSuggestions> SuggestSdgs(std::string_view text,
                                            std::string_view lang = "");
  // A project's analysed text (title and description, French if any, else
  // English) and the tagger's suggestions for it; stores nothing.
  // Errors: kNotFound. Thread-safe.
  Result<ProjectSdgView> SuggestProjectSdgs(std::int64_t project_id) const;
  // Stores suggestions (origin "suggestion", status "suggested", score,
  // evidence as JSON) for the projects that have no SDG row (all projects
  // with options.all); one audited transaction.
  Result<SdgFillReport> FillSdgSuggestions(const SdgFillOptions& options);
  // Accepts or rejects an SDG row of a project (audited, with the search
  // index's facets in the same transaction) and returns it. A code not
  // stored yet must be one of the tagger's current suggestions for the
  // project: it is stored with the decision (origin "suggestion").
  // Errors: kNotFound (no project, no such row or suggestion),
  // kFailedPrecondition (read-only).
  Result<ProjectSdg> ReviewSdg(std::int64_t project_id, const std::string& code,
                               bool accept, const std::string& actor);
  // --- money and evidence (docs/finance.md; src/registry/finance.cc) ---
  // Co-financing shares, planned against actual, and leverage of the lines
  // of `scope`. Errors: kInvalidArgument (bad scope), kNotFound (unknown
  // project, authority, country or theme; no funding line in the scope).
  // Thread-safe.
  Result<FinanceSummary> Finance(const FinanceScope& scope) const;
  // Each rule of a call for projects checked on a project's planned lines,
  // with the maximum grant. Errors: kNotFound (project, call),
  // kInvalidArgument (bad call file). Thread-safe.
  Result<Eligibility> CheckEligibility(const EligibilityOptions& options) const;
  // The calls for projects of `calls_dir` ("" for DefaultCallsDir()), by
  // id. Errors: kInvalidArgument (a bad call file).
  Result<std::vector<CallRules>> Calls(const std::string& calls_dir = "") const;
  // The APD declaration lines: own funds actually paid, by recipient and
  // category, with the projects behind each line. Errors: kInvalidArgument,
  // kNotFound (unknown authority or région; nothing paid that year).
  // Thread-safe.
  Result<ApdDeclaration> Apd(const ApdOptions& options) const;
  // The same declaration as a file: format csv, xlsx or json.
  Result<ExportBlob> ApdExport(const ApdOptions& options,
                               const std::string& format) const;
  // A report of an authority, a country, a theme or the whole atlas
  // (src/registry/report.cc): its figures, then the file in options.out
  // (written atomically). A scope with no record gives a report that says
  // so. Errors: kInvalidArgument, kNotFound (unknown scope), kIo.
  Result<ReportData> BuildReport(const ReportOptions& options) const;
  // The rendered file in memory (options.out is ignored).
  Result<ExportBlob> RenderReport(const ReportOptions& options) const;
  Result<ReportSummary> Report(const ReportOptions& options) const;
  // IATI 2.03 (docs/iati.md, src/registry/iati.cc). ValidateIati: XSD
  // (streaming) and the standard's rules on any file, codelists from the
  // database; an invalid file is a report with errors, not an error.
  Result<IatiValidation> ValidateIati(const std::string& file,
                                      const std::string& today = "") const;
  // Writes the projects as IATI activities, validates the file, and keeps
  // it only when valid (or with force). Errors: kInvalidArgument (options,
  // or the checks' errors, listed), kIo.
  Result<IatiExportReport> ExportIati(const IatiExportOptions& options) const;
  // The same file in memory (`out` ignored), for the API.
  Result<ExportBlob> ExportIatiBytes(const IatiExportOptions& options) const;
  // Streams the activities of an IATI file into projects, participants and
  // funding lines (idempotent by iati-identifier), in one transaction.
  // Errors: kInvalidArgument (not an IATI activity file), kNotFound.
  Result<ImportReport> ImportIati(const IatiImportOptions& options);

 private:
  struct Impl;
  explicit Registry(std::unique_ptr<Impl> impl);
  Result<AtlasStats> ComputeAtlasStats() const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace coopatlas
