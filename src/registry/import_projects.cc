// Importing projects and funding lines (Registry::ImportProjects).
#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <string>

#include "core/file.h"
#include "ingest/projects.h"
#include "registry/import_common.h"
#include "registry/keys.h"
#include "registry/registry_impl.h"
#include "registry/sdg_import.h"
#include "store/records.h"
#include "store/reference_tables.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {
namespace {

// IATI OrganisationType of each funder type of the funding file.
std::string OrgTypeOfFunder(const std::string& funder_type) {
  static const std::map<std::string, std::string> kTypes = {
      {"etat", "10"},       {"afd", "15"},         {"ue", "40"},
      {"agence-eau", "15"}, {"association", "22"}, {"entreprise", "70"},
      {"fondation", "60"},  {"autre", "90"}};
  const auto it = kTypes.find(funder_type);
  return it == kTypes.end() ? "90" : it->second;
}

std::string CandidatesText(const ResolveResult& r) {
  std::string out;
  const std::size_t n = std::min<std::size_t>(r.candidates.size(), 5);
  for (std::size_t i = 0; i < n; ++i) {
    const Candidate& c = r.candidates[i];
    out += (i ? "; " : "") + c.code + " " + c.name + " (" + c.kind +
           (c.departement.empty() ? "" : ", " + c.departement) + ")";
  }
  if (r.candidates.size() > n) {
    out += "; and " + std::to_string(r.candidates.size() - n) + " more";
  }
  return out;
}

// Everything resolved for one project before anything is written.
struct ResolvedProject {
  const ingest::ProjectRow* row = nullptr;
  std::string country;
  std::vector<Candidate> french;
  std::vector<std::string> themes;
  std::vector<std::pair<std::string, std::string>> actors;  // name, type
};

}  // namespace

Status ProjectImportOptions::Validate() const {
  if (projects_file.empty()) {
    return Status::InvalidArgument("no projects file to import");
  }
  if (actor.empty()) return Status::InvalidArgument("no actor given");
  return Status::Ok();
}

Result<ImportReport> Registry::ImportProjects(
    const ProjectImportOptions& options, const ProgressFn& progress) {
  ++impl_->generation;  // the search facets reload on next use
  const auto start = std::chrono::steady_clock::now();
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  COOPATLAS_ASSIGN_OR_RETURN(std::string project_bytes,
                             core::ReadFile(options.projects_file));
  std::string funding_bytes;
  if (!options.funding_file.empty()) {
    COOPATLAS_ASSIGN_OR_RETURN(funding_bytes,
                               core::ReadFile(options.funding_file));
    if (funding_bytes.empty()) {
      return Status::InvalidArgument(options.funding_file +
                                     ": empty file, expected a header");
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      ingest::ProjectFiles files,
      ingest::ReadProjectFiles(project_bytes, options.projects_file,
                               funding_bytes, options.funding_file));

  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(const Places* places, impl_->GetPlaces());
  COOPATLAS_ASSIGN_OR_RETURN(auto themes, store::ReadThemes(db));
  COOPATLAS_ASSIGN_OR_RETURN(auto sdgs, store::ReadSdgs(db));
  COOPATLAS_ASSIGN_OR_RETURN(auto sectors, store::ReadCodelist(db, "Sector"));
  COOPATLAS_ASSIGN_OR_RETURN(auto org_types,
                             store::ReadCodelist(db, "OrganisationType"));
  std::map<std::string, std::string> theme_by_name;  // folded -> code
  for (const auto& t : themes) {
    for (const std::string* n : {&t.code, &t.label_fr, &t.label_en}) {
      theme_by_name[text::Fold(*n)] = t.code;
    }
  }
  std::set<std::string> sdg_codes, dac_codes, org_codes;
  for (const auto& s : sdgs) sdg_codes.insert(s.code);
  for (const auto& s : sectors) dac_codes.insert(s.code);
  for (const auto& o : org_types) org_codes.insert(o.code);

  // 1. Resolve everything; collect every problem.
  std::vector<ingest::CellError>& errors = files.errors;
  auto error = [&](const ingest::CellRef& where, std::string message) {
    if (errors.size() < 50) errors.push_back({where, std::move(message)});
  };
  std::vector<ResolvedProject> resolved;
  std::map<std::string, const ResolvedProject*> by_ref;
  resolved.reserve(files.projects.size());
  for (const auto& row : files.projects) {
    ResolvedProject p;
    p.row = &row;
    const ResolveResult country = resolver->ResolveCountry(row.country);
    if (country.status == Resolution::kUnique) {
      p.country = country.candidates[0].code;
    } else if (!row.country.empty()) {
      error(row.Where("pays"),
            country.status == Resolution::kAmbiguous
                ? "country '" + row.country +
                      "' is ambiguous: " + CandidatesText(country)
                : "unknown country '" + row.country + "'");
    }
    for (const std::string& name : row.french_authorities) {
      const ResolveResult r = resolver->Resolve(name, {});
      if (r.status == Resolution::kUnique) {
        p.french.push_back(r.candidates[0]);
      } else if (r.status == Resolution::kAmbiguous) {
        error(row.Where("collectivite_fr"),
              "'" + name + "' is ambiguous (" +
                  std::to_string(r.candidates.size()) +
                  " candidates): write its code. " + CandidatesText(r));
      } else {
        error(row.Where("collectivite_fr"),
              "no French authority is called '" + name + "'");
      }
    }
    for (const std::string& t : row.themes) {
      const auto it = theme_by_name.find(text::Fold(t));
      if (it == theme_by_name.end()) {
        error(row.Where("themes"), "unknown theme '" + t +
                                       "' (see `coopatlas template projects` "
                                       "and docs/formats.md)");
      } else {
        p.themes.push_back(it->second);
      }
    }
    for (const std::string& s : row.sdgs) {
      if (sdg_codes.count(s) == 0) {
        error(row.Where("odd"), "'" + s +
                                    "' is not an SDG goal (1 to 17) or target "
                                    "(6.1, 4.a, ...)");
      }
    }
    for (const auto& [code, percentage] : row.dac) {
      if (dac_codes.count(code) == 0) {
        error(row.Where("cad"), "unknown DAC purpose code '" + code + "'");
      }
    }
    for (const auto& [name, type] : row.actors) {
      if (!type.empty() && org_codes.count(type) == 0) {
        error(row.Where("acteurs"), "unknown IATI organisation type '" + type +
                                        "' for '" + name + "'");
      }
      p.actors.emplace_back(name, type);
    }
    resolved.push_back(std::move(p));
  }
  for (const auto& p : resolved) by_ref[p.row->ref] = &p;
  // Funders.
  std::vector<std::optional<Candidate>> funder_authorities(
      files.funding.size());
  for (std::size_t i = 0; i < files.funding.size(); ++i) {
    const auto& f = files.funding[i];
    if (f.funder_type == "collectivite") {
      const ResolveResult r = resolver->Resolve(f.funder, {});
      if (r.status == Resolution::kUnique) {
        funder_authorities[i] = r.candidates[0];
      } else {
        error(f.Where("financeur"),
              r.status == Resolution::kAmbiguous
                  ? "'" + f.funder + "' is ambiguous: write its code. " +
                        CandidatesText(r)
                  : "no French authority is called '" + f.funder + "'");
      }
    } else if (f.funder_type == "partenaire") {
      const auto p = by_ref.find(f.project_ref);
      bool found = false;
      if (p != by_ref.end()) {
        for (const auto& name : p->second->row->partner_authorities) {
          found = found || text::Fold(name) == text::Fold(f.funder);
        }
      }
      if (!found) {
        error(f.Where("financeur"),
              "'" + f.funder + "' is not a partner authority of project '" +
                  f.project_ref + "' (column collectivite_partenaire)");
      }
    }
  }
  if (!errors.empty()) {
    std::string message = std::to_string(errors.size()) +
                          (errors.size() >= 50 ? "+" : "") +
                          " problem(s), nothing imported:";
    for (const auto& e : errors) {
      message += "\n  " + e.where.ToString() + ": " + e.message;
    }
    return Status::InvalidArgument(message);
  }

  // 2. Write, in one transaction.
  ImportReport report;
  report.kind = "projects";
  report.source = options.projects_file;
  report.encoding =
      std::string(ingest::EncodingName(files.projects_sheet.encoding));
  report.dry_run = options.dry_run;
  report.lines = files.projects.size() + files.funding.size();
  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer,
      store::Writer::Begin(db, {options.actor, std::nullopt, /*bulk=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(
      std::int64_t run, writer->StartRun("projects", options.projects_file));
  const store::Provenance provenance{options.projects_file, run, options.demo};
  auto count_other = [&](const std::string& what, store::PutOutcome o) {
    importing::CountOther(&report, what, o);
  };
  auto put_french = [&](const Candidate& c) {
    return importing::PutFrench(writer.get(), c, *places, options.projects_file,
                                run, &report);
  };
  auto put_foreign = [&](const std::string& name, const std::string& country) {
    return importing::PutForeign(writer.get(), name, country, *places,
                                 provenance, &report);
  };
  auto put_actor = [&](const std::string& name, const std::string& type,
                       const std::string& country) -> Result<Actor> {
    Actor actor;
    actor.name = text::Nfc(name);
    actor.org_type = type;
    actor.country = country;
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutActor(writer.get(), actor, text::Fold(actor.name),
                                provenance));
    count_other("actors", r.outcome);
    actor.meta.id = r.id;
    return actor;
  };

  std::map<std::string, std::int64_t> project_ids;
  std::map<std::string, std::vector<AuthorityRef>> partners_of;
  std::size_t done = 0;
  for (const ResolvedProject& p : resolved) {
    const ingest::ProjectRow& row = *p.row;
    if (progress) progress("projects", ++done, resolved.size());
    Project project;
    project.ref = row.ref;
    project.title_fr = row.title_fr;
    project.title_en = row.title_en;
    project.description_fr = row.description_fr;
    project.description_en = row.description_en;
    project.started_on = row.started_on;
    project.ended_on = row.ended_on;
    project.status = row.status;
    project.beneficiaries = row.beneficiaries;
    project.themes = p.themes;
    std::sort(project.themes.begin(), project.themes.end());
    project.themes.erase(
        std::unique(project.themes.begin(), project.themes.end()),
        project.themes.end());
    for (const auto& s : row.sdgs) {
      project.sdgs.push_back({s, "person", "accepted", std::nullopt, ""});
    }
    // Stored SDG suggestions and their review survive a re-import.
    COOPATLAS_ASSIGN_OR_RETURN(auto kept,
                               KeptSdgSuggestions(db, row.ref, row.sdgs));
    project.sdgs.insert(project.sdgs.end(), kept.begin(), kept.end());
    project.dac = row.dac;
    std::vector<std::int64_t> french_ids, partner_ids;
    for (const Candidate& c : p.french) {
      COOPATLAS_ASSIGN_OR_RETURN(AuthorityRef a, put_french(c));
      french_ids.push_back(a.id);
      project.participants.push_back({a, std::nullopt, "lead", 2});
    }
    std::vector<AuthorityRef>& partners = partners_of[row.ref];
    for (const std::string& name : row.partner_authorities) {
      COOPATLAS_ASSIGN_OR_RETURN(AuthorityRef a, put_foreign(name, p.country));
      partner_ids.push_back(a.id);
      partners.push_back(a);
      project.participants.push_back({a, std::nullopt, "partner", 4});
      COOPATLAS_ASSIGN_OR_RETURN(auto full, store::FindAuthority(db, a.id));
      project.locations.push_back({p.country, a.id, a.name,
                                   full ? full->lat : std::nullopt,
                                   full ? full->lng : std::nullopt});
    }
    if (!row.place.empty()) {
      const Place* pl = places->FindUnique(p.country, text::Fold(row.place));
      project.locations.push_back(
          {p.country, std::nullopt, row.place,
           pl ? std::optional<double>(pl->lat) : std::nullopt,
           pl ? std::optional<double>(pl->lng) : std::nullopt});
    }
    if (project.locations.empty()) {
      project.locations.push_back({p.country, std::nullopt, "", {}, {}});
    }
    for (const auto& [name, type] : p.actors) {
      COOPATLAS_ASSIGN_OR_RETURN(Actor a, put_actor(name, type, ""));
      project.participants.push_back({std::nullopt, a, "implementer", 4});
    }
    // The partnership the project belongs to: the French and partner
    // authorities, with the kind given.
    if (!partner_ids.empty()) {
      std::vector<std::pair<std::string, std::string>> fr, foreign;
      for (const Candidate& c : p.french) fr.emplace_back(c.kind, c.code);
      for (const AuthorityRef& a : partners) {
        foreign.emplace_back(a.country, text::Fold(a.name));
      }
      const std::string key = PartnershipKey(row.partnership_kind,
                                             std::move(fr), std::move(foreign));
      // An existing partnership (from a twin-town list, another project) is
      // joined as it is; a new one is created active.
      COOPATLAS_ASSIGN_OR_RETURN(auto existing,
                                 store::FindPartnershipId(db, key));
      if (existing) {
        count_other("partnerships", store::PutOutcome::kUnchanged);
        project.partnership_id = *existing;
      } else {
        Partnership partnership;
        partnership.kind = row.partnership_kind;
        partnership.status = "active";
        COOPATLAS_ASSIGN_OR_RETURN(
            auto r, store::PutPartnership(writer.get(), key, partnership,
                                          french_ids, partner_ids, provenance));
        count_other("partnerships", r.outcome);
        project.partnership_id = r.id;
      }
    }
    // Funders take part as funders (IATI role 1).
    std::set<std::string> funders_seen;
    for (std::size_t i = 0; i < files.funding.size(); ++i) {
      const auto& f = files.funding[i];
      if (f.project_ref != row.ref || !funders_seen.insert(f.funder).second) {
        continue;
      }
      if (f.funder_type == "collectivite" || f.funder_type == "partenaire") {
        continue;  // already a participant as lead or partner
      }
      COOPATLAS_ASSIGN_OR_RETURN(
          Actor a, put_actor(f.funder, OrgTypeOfFunder(f.funder_type), ""));
      project.participants.push_back({std::nullopt, a, "funder", 1});
    }
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutProject(writer.get(), project, provenance));
    importing::CountMain(&report, r.outcome);
    project_ids[row.ref] = r.id;
    report.line_outcomes.push_back({row.line, "imported", row.ref, r.id});
    ++report.outcomes["imported"];
  }

  // Funding lines, numbered per project when the file gives no line ref.
  std::map<std::string, int> line_numbers;
  std::map<std::string, std::vector<std::string>> keys_of;
  for (std::size_t i = 0; i < files.funding.size(); ++i) {
    const auto& f = files.funding[i];
    const int n = ++line_numbers[f.project_ref];
    FundingLine line;
    line.key = f.project_ref + "#" +
               (f.line_ref.empty() ? std::to_string(n) : f.line_ref);
    line.mechanism = f.mechanism;
    line.year = f.year;
    line.nature = f.nature;
    line.amount_cents = f.amount_cents;
    line.currency = f.currency;
    line.original_amount = f.original_amount;
    line.exchange_rate = f.exchange_rate;
    line.rate_date = f.rate_date;
    if (f.funder_type == "collectivite") {
      COOPATLAS_ASSIGN_OR_RETURN(line.funder_authority,
                                 put_french(*funder_authorities[i]));
    } else if (f.funder_type == "partenaire") {
      for (const AuthorityRef& a : partners_of[f.project_ref]) {
        if (text::Fold(a.name) == text::Fold(f.funder))
          line.funder_authority = a;
      }
    } else {
      COOPATLAS_ASSIGN_OR_RETURN(
          line.funder_actor,
          put_actor(f.funder, OrgTypeOfFunder(f.funder_type), ""));
    }
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutFundingLine(writer.get(), project_ids[f.project_ref],
                                      line, provenance));
    count_other("funding_lines", r.outcome);
    keys_of[f.project_ref].push_back(line.key);
    report.line_outcomes.push_back({f.line, "imported", line.key, r.id});
    ++report.outcomes["imported"];
  }
  if (!options.funding_file.empty()) {
    // The funding file is the whole truth for the projects it lists... and
    // for the projects of the projects file: lines no longer given go.
    for (const auto& [ref, id] : project_ids) {
      COOPATLAS_ASSIGN_OR_RETURN(
          int removed,
          store::RemoveOtherFundingLines(writer.get(), id, keys_of[ref]));
      if (removed > 0) report.others["funding_lines_removed"] += removed;
    }
  }

  COOPATLAS_RETURN_IF_ERROR(
      importing::Finish(writer.get(), run, &report, start));
  return report;
}

}  // namespace coopatlas
