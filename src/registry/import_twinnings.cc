// Importing twin-town lists (Registry::ImportTwinnings).
#include <chrono>
#include <map>
#include <set>
#include <string>
#include <unordered_map>

#include "core/file.h"
#include "ingest/sheet.h"
#include "ingest/twinnings.h"
#include "ingest/values.h"
#include "registry/import_common.h"
#include "registry/keys.h"
#include "registry/places.h"
#include "registry/registry_impl.h"
#include "resolve/name_key.h"
#include "store/records.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {
namespace {

// Countries whose local authorities are French: France and its overseas
// departments and collectivities (ISO gives them codes of their own).
const std::map<std::string, std::string>& FrenchCountries() {
  static const std::map<std::string, std::string> kCountries = {
      {"FR", ""},    {"GP", "971"}, {"MQ", "972"}, {"GF", "973"}, {"RE", "974"},
      {"YT", "976"}, {"PM", "975"}, {"BL", "977"}, {"MF", "978"}, {"WF", "986"},
      {"PF", "987"}, {"NC", "988"}, {"TF", "984"}};
  return kCountries;
}

struct Decision {
  std::string code;
  std::string departement;
  std::size_t line = 0;
};

// The user's decisions: folded name -> code.
Result<std::map<std::string, Decision>> ReadResolutions(
    const std::string& path, const resolve::Resolver& resolver) {
  std::map<std::string, Decision> decisions;
  if (path.empty()) return decisions;
  COOPATLAS_ASSIGN_OR_RETURN(std::string bytes, core::ReadFile(path));
  COOPATLAS_ASSIGN_OR_RETURN(ingest::Sheet sheet,
                             ingest::ReadSheet(bytes, path));
  COOPATLAS_ASSIGN_OR_RETURN(
      std::vector<int> columns,
      ingest::MapColumns(sheet,
                         {{"name", {"nom"}, true},
                          {"departement", {"dept", "département"}, false},
                          {"code", {"code_insee", "siren", "insee"}, true}}));
  for (const auto& row : sheet.rows) {
    auto cell = [&](int i) {
      return columns[static_cast<std::size_t>(i)] < 0
                 ? std::string()
                 : std::string(
                       ingest::TrimCell(row.fields[static_cast<std::size_t>(
                           columns[static_cast<std::size_t>(i)])]));
    };
    const std::string where = path + ": line " + std::to_string(row.line);
    Decision d{cell(2), cell(1), row.line};
    const std::string name = cell(0);
    if (name.empty() || d.code.empty()) {
      return Status::InvalidArgument(where + ": name and code are required");
    }
    // The code must designate exactly one French authority.
    const ResolveResult r = resolver.Resolve(d.code, {});
    if (r.status != Resolution::kUnique || r.candidates[0].code != d.code) {
      return Status::InvalidArgument(where + ": code '" + d.code +
                                     "' is not the code of a French authority");
    }
    if (!d.departement.empty() && resolver.DepartementCode(d.departement) !=
                                      r.candidates[0].departement) {
      return Status::InvalidArgument(
          where + ": code '" + d.code + "' (" + r.candidates[0].name +
          ") is not in département '" + d.departement + "'");
    }
    const std::string key = text::Fold(name);
    const auto existing = decisions.find(key);
    if (existing != decisions.end() && existing->second.code != d.code) {
      return Status::InvalidArgument(where + ": '" + name +
                                     "' was already decided as " +
                                     existing->second.code + " at line " +
                                     std::to_string(existing->second.line));
    }
    decisions[key] = d;
  }
  return decisions;
}

}  // namespace

Status TwinningImportOptions::Validate() const {
  if (file.empty()) return Status::InvalidArgument("no file to import");
  if (actor.empty()) return Status::InvalidArgument("no actor given");
  return Status::Ok();
}

Result<ImportReport> Registry::ImportTwinnings(
    const TwinningImportOptions& options, const ProgressFn& progress) {
  ++impl_->generation;  // the search facets reload on next use
  const auto start = std::chrono::steady_clock::now();
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  COOPATLAS_ASSIGN_OR_RETURN(ingest::TwinningColumns columns,
                             ingest::TwinningColumns::Parse(options.columns));
  if (!options.country1.empty()) columns.fixed["country1"] = options.country1;
  if (!options.country2.empty()) columns.fixed["country2"] = options.country2;
  COOPATLAS_ASSIGN_OR_RETURN(std::string bytes, core::ReadFile(options.file));
  COOPATLAS_ASSIGN_OR_RETURN(
      ingest::TwinningFile file,
      ingest::ReadTwinnings(bytes, options.file, columns));
  COOPATLAS_ASSIGN_OR_RETURN(
      auto decisions, ReadResolutions(options.resolutions_file, *resolver));

  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(const Places* places, impl_->GetPlaces());

  ImportReport report;
  report.kind = "twinnings";
  report.source = options.file;
  report.encoding = std::string(ingest::EncodingName(file.sheet.encoding));
  report.dry_run = options.dry_run;
  report.lines = file.rows.size();

  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer,
      store::Writer::Begin(db, {options.actor, std::nullopt, /*bulk=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t run,
                             writer->StartRun("twinnings", options.file));
  const store::Provenance provenance{options.file, run, options.demo};

  // Caches: the same names and countries come back many times.
  std::unordered_map<std::string, ResolveResult> countries;
  auto country_of = [&](const std::string& name) -> const ResolveResult& {
    auto it = countries.find(name);
    if (it == countries.end()) {
      it = countries.emplace(name, resolver->ResolveCountry(name)).first;
    }
    return it->second;
  };
  std::map<std::pair<std::string, std::string>, ResolveResult> names;
  std::map<std::string, ImportIssue> issues;           // by folded name
  std::map<std::string, std::int64_t> french_ids;      // kind:code -> id
  std::map<std::string, std::int64_t> foreign_ids;     // country|folded -> id
  std::map<std::string, std::size_t> pair_first_line;  // key -> line

  auto add_line = [&](std::size_t line, const std::string& outcome,
                      std::string detail,
                      std::optional<std::int64_t> id = std::nullopt) {
    report.line_outcomes.push_back({line, outcome, std::move(detail), id});
    ++report.outcomes[outcome];
  };

  std::size_t done = 0;
  for (const ingest::TwinningRow& row : file.rows) {
    if (progress && (++done % 1000 == 0 || done == file.rows.size())) {
      progress("importing", done, file.rows.size());
    }
    if (row.city1.empty() || row.city2.empty()) {
      add_line(row.line, "empty", "a city is missing");
      continue;
    }
    const ResolveResult& c1 = country_of(row.country1);
    const ResolveResult& c2 = country_of(row.country2);
    auto french = [&](const ResolveResult& c) {
      return c.status == Resolution::kUnique &&
             FrenchCountries().count(c.candidates[0].code) != 0;
    };
    const bool f1 = french(c1), f2 = french(c2);
    if (f1 && f2) {
      add_line(row.line, "both_french", "both parties are French");
      continue;
    }
    if (!f1 && !f2) {
      const bool unknown =
          c1.status != Resolution::kUnique || c2.status != Resolution::kUnique;
      if (unknown) {
        add_line(row.line, "unknown_country",
                 "country not recognised: '" +
                     (c1.status != Resolution::kUnique ? row.country1
                                                       : row.country2) +
                     "'");
      } else {
        add_line(row.line, "no_french_party", "");
      }
      continue;
    }
    const std::string& fr_name = f1 ? row.city1 : row.city2;
    const std::string& fr_country = (f1 ? c1 : c2).candidates[0].code;
    const std::string& partner_name = f1 ? row.city2 : row.city1;
    const ResolveResult& partner_country = f1 ? c2 : c1;
    if (partner_country.status != Resolution::kUnique) {
      add_line(row.line, "unknown_country",
               "partner country not recognised: '" +
                   (f1 ? row.country2 : row.country1) + "'");
      continue;
    }

    // The French side: the user's decision, else the resolver.
    Candidate chosen;
    const auto decision = decisions.find(text::Fold(fr_name));
    if (decision != decisions.end()) {
      chosen = resolver->Resolve(decision->second.code, {}).candidates[0];
      chosen.why = "décision de l'utilisateur (" + options.resolutions_file +
                   ", ligne " + std::to_string(decision->second.line) + ")";
    } else {
      ResolveHints hints;
      hints.departement = FrenchCountries().at(fr_country);
      auto& r = names[{fr_name, hints.departement}];
      if (r.query.empty()) r = resolver->Resolve(fr_name, hints);
      if (r.status != Resolution::kUnique) {
        const std::string outcome =
            r.status == Resolution::kAmbiguous ? "ambiguous" : "unknown_name";
        ImportIssue& issue = issues[text::Fold(fr_name)];
        issue.name = fr_name;
        issue.status = std::string(ResolutionName(r.status));
        issue.candidates = r.candidates;
        issue.lines.push_back(row.line);
        add_line(row.line, outcome,
                 "'" + fr_name + "': " + std::to_string(r.candidates.size()) +
                     " candidates");
        continue;
      }
      chosen = r.candidates[0];
    }

    // The French and the partner authority.
    std::int64_t fr_id = 0;
    const std::string fr_key = chosen.kind + ":" + chosen.code;
    if (const auto it = french_ids.find(fr_key); it != french_ids.end()) {
      fr_id = it->second;
    } else {
      COOPATLAS_ASSIGN_OR_RETURN(
          AuthorityRef a, importing::PutFrench(writer.get(), chosen, *places,
                                               options.file, run, &report));
      fr_id = french_ids[fr_key] = a.id;
    }
    const std::string country = partner_country.candidates[0].code;
    const std::string partner_display = text::Nfc(partner_name);
    const std::string folded = text::Fold(partner_display);
    std::int64_t partner_id = 0;
    const std::string partner_key = country + "|" + folded;
    if (const auto it = foreign_ids.find(partner_key);
        it != foreign_ids.end()) {
      partner_id = it->second;
    } else {
      COOPATLAS_ASSIGN_OR_RETURN(
          AuthorityRef a,
          importing::PutForeign(writer.get(), partner_display, country, *places,
                                provenance, &report));
      partner_id = foreign_ids[partner_key] = a.id;
    }

    // The partnership: one per pair, whatever the direction or spelling.
    const std::string key = PartnershipKey(
        "jumelage", {{chosen.kind, chosen.code}}, {{country, folded}});
    if (const auto it = pair_first_line.find(key);
        it != pair_first_line.end()) {
      add_line(row.line, "duplicate",
               "same pair as line " + std::to_string(it->second));
      continue;
    }
    pair_first_line[key] = row.line;
    Partnership p;
    p.kind = "jumelage";
    p.status = "unknown";
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutPartnership(writer.get(), key, p, {fr_id},
                                      {partner_id}, provenance));
    importing::CountMain(&report, r.outcome);
    add_line(row.line, "imported",
             chosen.name + " (" + chosen.code + ") — " + partner_display +
                 " (" + country + ")",
             r.id);
  }
  for (auto& [key, issue] : issues) report.issues.push_back(std::move(issue));

  COOPATLAS_RETURN_IF_ERROR(
      importing::Finish(writer.get(), run, &report, start));
  return report;
}

}  // namespace coopatlas
