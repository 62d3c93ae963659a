// Reading records back: lists, an authority's page, exports, and the
// lossless JSON import (Registry methods).

#include <chrono>
#include <cstdlib>
#include <set>
#include <string>
#include <tuple>

#include "core/file.h"
#include "core/time.h"
#include "export/json_codec.h"
#include "export/tables.h"
#include "registry/import_common.h"
#include "registry/registry_impl.h"
#include "store/records.h"
#include "store/reference_tables.h"
#include "store/stats.h"
#include "store/writer.h"
#include "text/fold.h"

namespace coopatlas {
namespace {

store::PartnershipFilter ToStore(const RecordFilter& f) {
  store::PartnershipFilter out;
  out.country = f.country;
  out.authority_code = f.authority;
  out.kind = f.kind;
  out.since = f.since;
  out.id = f.partnership_id;
  return out;
}

store::ProjectFilter ToProjectFilter(const RecordFilter& f) {
  store::ProjectFilter out;
  out.country = f.country;
  out.authority_code = f.authority;
  out.since = f.since;
  out.id = f.project_id;
  out.partnership_id = f.partnership_id;
  return out;
}

Status CheckFilter(const RecordFilter& f) {
  if (!f.country.empty() &&
      (f.country.size() != 2 ||
       f.country.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") !=
           std::string::npos)) {
    return Status::InvalidArgument("country filter '" + f.country +
                                   "' is not an ISO alpha-2 code such as SN");
  }
  if (!f.since.empty() && (f.since.size() < 10 || f.since[4] != '-')) {
    return Status::InvalidArgument("--since '" + f.since +
                                   "' is not an ISO date (2024-01-31)");
  }
  static const std::set<std::string> kKinds = {
      "",      "jumelage", "convention",  "action",
      "autre", "urgence",  "un-pour-cent"};
  if (kKinds.count(f.kind) == 0) {
    return Status::InvalidArgument(
        "unknown partnership kind '" + f.kind +
        "' (jumelage, convention, action, autre, urgence, un-pour-cent)");
  }
  return Status::Ok();
}

std::string Describe(const RecordFilter& f) {
  std::string out;
  auto add = [&out](const std::string& what, const std::string& v) {
    if (!v.empty()) out += (out.empty() ? "" : ", ") + what + " " + v;
  };
  add("collectivité", f.authority);
  add("pays", f.country);
  add("type", f.kind);
  add("depuis", f.since);
  return out.empty() ? "aucun filtre" : out;
}

}  // namespace

Status ExportOptions::Validate() const {
  static const std::set<std::string> kFormats = {"csv", "json", "geojson",
                                                 "xlsx"};
  if (kFormats.count(format) == 0) {
    return Status::InvalidArgument("unknown format '" + format +
                                   "' (csv, json, geojson or xlsx)");
  }
  if (format == "csv" && table != "partnerships" && table != "projects" &&
      table != "funding") {
    return Status::InvalidArgument("unknown table '" + table +
                                   "' (partnerships, projects or funding)");
  }
  if (out.empty()) return Status::InvalidArgument("no output file (--out)");
  return CheckFilter(filter);
}

Result<std::vector<Partnership>> Registry::ListPartnerships(
    const RecordFilter& filter) const {
  COOPATLAS_RETURN_IF_ERROR(CheckFilter(filter));
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  return store::ListPartnerships(impl_->db.get(), ToStore(filter));
}

Result<std::vector<Project>> Registry::ListProjects(
    const RecordFilter& filter) const {
  COOPATLAS_RETURN_IF_ERROR(CheckFilter(filter));
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  return store::ListProjects(impl_->db.get(), ToProjectFilter(filter));
}

Result<AtlasStats> Registry::Stats() const {
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  COOPATLAS_ASSIGN_OR_RETURN(const std::int64_t data_version,
                             impl_->DataVersion());
  if (!impl_->stats || impl_->stats_generation != impl_->generation ||
      impl_->stats_data_version != data_version) {
    COOPATLAS_ASSIGN_OR_RETURN(AtlasStats fresh, ComputeAtlasStats());
    impl_->stats = std::make_shared<const AtlasStats>(std::move(fresh));
    impl_->stats_generation = impl_->generation;
    impl_->stats_data_version = data_version;
  }
  return *impl_->stats;
}

Status Registry::Warm() const {
  COOPATLAS_RETURN_IF_ERROR(Stats().status());
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  COOPATLAS_RETURN_IF_ERROR(impl_->GetFacets().status());
  return impl_->GetLabels().status();
}

// The caller holds db_mutex.
Result<AtlasStats> Registry::ComputeAtlasStats() const {
  COOPATLAS_ASSIGN_OR_RETURN(store::Stats s,
                             store::ComputeStats(impl_->db.get()));
  COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
  AtlasStats out;
  out.totals = std::move(s.totals);
  for (auto& [name, buckets] : s.by) {
    auto& list = out.by[name];
    const bool relabel = name == "world_region" || name == "authority_kind" ||
                         name == "partnership_kind";
    for (auto& b : buckets) {
      if (relabel) std::tie(b.label, b.label_en) = labels->Of(name, b.value);
      list.push_back({std::move(b.value), std::move(b.label),
                      std::move(b.label_en), std::move(b.extra), b.count});
    }
  }
  return out;
}

Result<Candidate> FrenchIdentity(const resolve::Resolver& resolver,
                                 const std::string& code) {
  const ResolveResult r = resolver.Resolve(code, {});
  const Candidate* identity = nullptr;
  for (const auto& c : r.candidates) {
    if (c.code == code && c.score == 1.0) {
      identity = &c;
      break;
    }
  }
  if (identity == nullptr) {
    std::string hint;
    if (!r.candidates.empty()) {
      hint = " (did you mean " + r.candidates[0].code + " " +
             r.candidates[0].name +
             "? use a code: `coopatlas resolve` finds it)";
    }
    return Status::NotFound("no French authority with code '" + code + "'" +
                            hint);
  }
  return *identity;
}

Result<AuthorityPage> Registry::ShowAuthority(const std::string& code) const {
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  AuthorityPage page;
  COOPATLAS_ASSIGN_OR_RETURN(page.identity, FrenchIdentity(*resolver, code));
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  if (page.identity.kind == "commune") {
    COOPATLAS_ASSIGN_OR_RETURN(page.epcis, store::EpcisOfCommune(db, code));
  }
  RecordFilter filter;
  filter.authority = code;
  store::PartnershipFilter pf = ToStore(filter);
  pf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships,
                             store::ListPartnerships(db, pf));
  COOPATLAS_ASSIGN_OR_RETURN(page.partnerships_total,
                             store::CountPartnerships(db, pf));
  store::ProjectFilter prf = ToProjectFilter(filter);
  prf.limit = kPageListLimit;
  COOPATLAS_ASSIGN_OR_RETURN(page.projects, store::ListProjects(db, prf));
  COOPATLAS_ASSIGN_OR_RETURN(page.projects_total,
                             store::CountProjects(db, prf));
  COOPATLAS_ASSIGN_OR_RETURN(auto record, store::FindFrenchAuthority(db, code));
  if (record) {
    COOPATLAS_ASSIGN_OR_RETURN(const Labels* labels, impl_->GetLabels());
    COOPATLAS_ASSIGN_OR_RETURN(page.peers,
                               RankPeers(db, *labels, record->meta.id, 20));
  }
  return page;
}

Result<ExportBlob> Registry::ExportBytes(const ExportOptions& options) const {
  ExportOptions checked = options;
  if (checked.out.empty()) checked.out = "-";  // not written by this call
  COOPATLAS_RETURN_IF_ERROR(checked.Validate());
  ExportBlob blob;
  auto set = [&blob](std::string bytes, std::string type, std::string name) {
    blob.bytes = std::move(bytes);
    blob.content_type = std::move(type);
    blob.filename = std::move(name);
  };
  exporter::ExportData data;
  data.generated_at = core::NowUtcIso();
  data.filters = Describe(options.filter);
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    store::Db* db = impl_->db.get();
    COOPATLAS_ASSIGN_OR_RETURN(
        data.projects,
        store::ListProjects(db, ToProjectFilter(options.filter)));
    if (options.filter.project_id) {
      // One project: with its partnership, if it has one.
      if (!data.projects.empty() && data.projects[0].partnership_id) {
        store::PartnershipFilter pf;
        pf.id = data.projects[0].partnership_id;
        COOPATLAS_ASSIGN_OR_RETURN(data.partnerships,
                                   store::ListPartnerships(db, pf));
      }
    } else {
      COOPATLAS_ASSIGN_OR_RETURN(
          data.partnerships,
          store::ListPartnerships(db, ToStore(options.filter)));
    }
    // The authorities and actors the records refer to (all of them for an
    // unfiltered export, so the JSON round trip keeps unattached ones).
    const bool all =
        options.filter.authority.empty() && options.filter.country.empty() &&
        options.filter.kind.empty() && options.filter.since.empty() &&
        !options.filter.partnership_id && !options.filter.project_id;
    std::set<std::int64_t> authority_ids, actor_ids;
    for (const auto& p : data.partnerships) {
      for (const auto& a : p.french) authority_ids.insert(a.id);
      for (const auto& a : p.partners) authority_ids.insert(a.id);
    }
    blob.summary.partnerships = data.partnerships.size();
    blob.summary.projects = data.projects.size();
    blob.summary.authorities = authority_ids.size();  // partnership parties
    for (const auto& p : data.projects) {
      for (const auto& part : p.participants) {
        if (part.authority) authority_ids.insert(part.authority->id);
        if (part.actor) actor_ids.insert(part.actor->meta.id);
      }
      for (const auto& l : p.locations) {
        if (l.authority_id) authority_ids.insert(*l.authority_id);
      }
      for (const auto& f : p.funding) {
        if (f.funder_authority) authority_ids.insert(f.funder_authority->id);
        if (f.funder_actor) actor_ids.insert(f.funder_actor->meta.id);
      }
    }
    COOPATLAS_ASSIGN_OR_RETURN(auto authorities, store::ListAuthorities(db));
    for (auto& a : authorities) {
      if (all || authority_ids.count(a.meta.id) != 0) {
        data.authorities.emplace(a.meta.id, std::move(a));
      }
    }
    COOPATLAS_ASSIGN_OR_RETURN(auto actors, store::ListActors(db));
    for (auto& a : actors) {
      if (all || actor_ids.count(a.meta.id) != 0) {
        data.actors.emplace(a.meta.id, std::move(a));
      }
    }
  }
  const std::string base =
      "coopatlas-" +
      (options.format == "csv" ? options.table : std::string("export"));
  if (options.format == "json") {
    set(exporter::ToJson(data), "application/json", base + ".json");
  } else if (options.format == "geojson") {
    set(exporter::ToGeoJson(data), "application/geo+json", base + ".geojson");
  } else if (options.format == "csv") {
    const exporter::CsvTable table =
        options.table == "projects"  ? exporter::CsvTable::kProjects
        : options.table == "funding" ? exporter::CsvTable::kFunding
                                     : exporter::CsvTable::kPartnerships;
    set(exporter::ToCsv(data, table, {options.excel}),
        "text/csv; charset=utf-8", base + ".csv");
  } else {
    COOPATLAS_ASSIGN_OR_RETURN(
        std::string bytes,
        core::BytesWrittenBy("export", [&](const std::string& tmp) {
          return exporter::WriteXlsx(data, tmp);
        }));
    set(std::move(bytes),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        base + ".xlsx");
  }
  return blob;
}

Result<ExportSummary> Registry::Export(const ExportOptions& options) const {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(ExportBlob blob, ExportBytes(options));
  COOPATLAS_RETURN_IF_ERROR(core::WriteFileAtomic(options.out, blob.bytes));
  ExportSummary summary = blob.summary;
  summary.bytes = blob.bytes.size();
  return summary;
}

Result<ImportReport> Registry::ImportJson(const std::string& file, bool dry_run,
                                          const std::string& actor) {
  ++impl_->generation;  // the search facets reload on next use
  const auto start = std::chrono::steady_clock::now();
  COOPATLAS_ASSIGN_OR_RETURN(std::string text, core::ReadFile(file));
  COOPATLAS_ASSIGN_OR_RETURN(exporter::ExportData data,
                             exporter::FromJson(text, file));
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  COOPATLAS_ASSIGN_OR_RETURN(
      auto writer, store::Writer::Begin(impl_->db.get(),
                                        {actor, std::nullopt, /*bulk=*/true}));
  COOPATLAS_ASSIGN_OR_RETURN(std::int64_t run, writer->StartRun("json", file));
  ImportReport report;
  report.kind = "json";
  report.source = file;
  report.encoding = "UTF-8";
  report.dry_run = dry_run;
  auto count = [&report](const std::string& what, store::PutOutcome o) {
    importing::CountOther(&report, what, o);
  };
  // Provenance as recorded in the file (source, demo); the run is this one.
  auto provenance = [run](const RecordMeta& m) {
    return store::Provenance{m.source, run, m.demo};
  };
  for (const auto& [id, a] : data.authorities) {
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutAuthority(writer.get(), a, text::Fold(a.name),
                                    provenance(a.meta)));
    if (r.id != id) {
      return Status::Conflict(file + ": authority " + std::to_string(id) +
                              " (" + a.name + ") exists here with id " +
                              std::to_string(r.id) +
                              ": import JSON into an empty database");
    }
    count("authorities", r.outcome);
  }
  for (const auto& [id, a] : data.actors) {
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutActor(writer.get(), a, text::Fold(a.name),
                                provenance(a.meta)));
    if (r.id != id) {
      return Status::Conflict(file + ": actor " + std::to_string(id) +
                              " exists here with id " + std::to_string(r.id));
    }
    count("actors", r.outcome);
  }
  for (const auto& p : data.partnerships) {
    std::vector<std::int64_t> french, partners;
    for (const auto& a : p.french) french.push_back(a.id);
    for (const auto& a : p.partners) partners.push_back(a.id);
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutPartnership(writer.get(), p.key, p, french, partners,
                                      provenance(p.meta)));
    count("partnerships", r.outcome);
    report.outcomes["partnerships"]++;
  }
  for (const auto& p : data.projects) {
    COOPATLAS_ASSIGN_OR_RETURN(
        auto r, store::PutProject(writer.get(), p, provenance(p.meta)));
    importing::CountMain(&report, r.outcome);
    std::vector<std::string> keys;
    for (const auto& f : p.funding) {
      COOPATLAS_ASSIGN_OR_RETURN(
          auto fr,
          store::PutFundingLine(writer.get(), r.id, f, provenance(f.meta)));
      count("funding_lines", fr.outcome);
      keys.push_back(f.key);
    }
    COOPATLAS_ASSIGN_OR_RETURN(
        int removed, store::RemoveOtherFundingLines(writer.get(), r.id, keys));
    if (removed > 0) report.others["funding_lines_removed"] += removed;
    report.outcomes["projects"]++;
  }
  report.lines = data.partnerships.size() + data.projects.size();
  COOPATLAS_RETURN_IF_ERROR(
      importing::Finish(writer.get(), run, &report, start));
  return report;
}

}  // namespace coopatlas
