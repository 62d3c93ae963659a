// Reports (include/coopatlas/report.h): the registry gathers the figures of
// a scope from its own read functions, src/report renders them.

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <set>

#include "coopatlas/registry.h"
#include "coopatlas/report.h"
#include "core/file.h"
#include "core/time.h"
#include "finance/cofinancing.h"
#include "registry/registry_impl.h"
#include "report/render.h"
#include "store/finance_reads.h"
#include "store/records.h"

namespace coopatlas {
namespace {

// Lists in a report stop here; the XLSX export has everything.
constexpr std::size_t kMaxListed = 1000;

std::vector<ReportBar> Ranked(const std::map<std::string, std::int64_t>& m) {
  std::vector<ReportBar> out;
  out.reserve(m.size());
  for (const auto& [k, v] : m) out.push_back({k, v});
  std::stable_sort(
      out.begin(), out.end(),
      [](const ReportBar& a, const ReportBar& b) { return a.value > b.value; });
  return out;
}

std::string StatusFr(const std::string& s) {
  static const std::map<std::string, std::string> kFr = {
      {"planned", "en projet"},  {"ongoing", "en cours"},
      {"completed", "terminé"},  {"suspended", "suspendu"},
      {"cancelled", "annulé"},   {"active", "actif"},
      {"dormant", "en sommeil"}, {"ended", "terminé"},
      {"unknown", "inconnu"}};
  const auto it = kFr.find(s);
  return it == kFr.end() ? s : it->second;
}

// Active during `year`: started by its end, not ended before its start
// (records without dates are kept).
bool ActiveIn(const std::string& started, const std::string& ended, int year) {
  const std::string y = std::to_string(year);
  if (started.size() >= 4 && started.substr(0, 4) > y) return false;
  if (ended.size() >= 4 && ended.substr(0, 4) < y) return false;
  return true;
}

std::string Names(const std::vector<AuthorityRef>& refs) {
  std::string out;
  for (const auto& r : refs) out += (out.empty() ? "" : ", ") + r.name;
  return out;
}

}  // namespace

Status ReportOptions::Validate() const {
  const int scopes = static_cast<int>(!authority.empty()) +
                     static_cast<int>(!country.empty()) +
                     static_cast<int>(!theme.empty()) +
                     static_cast<int>(national);
  if (scopes != 1) {
    return Status::InvalidArgument(
        "give one of: an authority, a country, a theme, or national");
  }
  if (format != "html" && format != "xlsx" && format != "pdf") {
    return Status::InvalidArgument("unknown report format '" + format +
                                   "' (html, xlsx or pdf)");
  }
  if (year && (*year < 1900 || *year > 2100)) {
    return Status::InvalidArgument("year out of range (1900 to 2100)");
  }
  return Status::Ok();
}

Result<ReportData> Registry::BuildReport(const ReportOptions& o) const {
  ReportData d;
  d.generated_at = core::NowUtcIso();
  RecordFilter filter;
  const Labels* labels = nullptr;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(labels, impl_->GetLabels());
  }
  if (!o.authority.empty()) {
    COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                               impl_->GetResolver());
    COOPATLAS_ASSIGN_OR_RETURN(Candidate c,
                               FrenchIdentity(*resolver, o.authority));
    d.title = c.name + " (" + c.code + ")";
    d.subtitle = "Rapport de la collectivité";
    filter.authority = o.authority;
  } else if (!o.country.empty()) {
    const std::string name = labels->Of("country", o.country).first;
    if (name == o.country) {
      return Status::NotFound("no country with ISO code '" + o.country + "'");
    }
    d.title = name;
    d.subtitle = "Rapport pays : coopération décentralisée française";
    filter.country = o.country;
  } else if (!o.theme.empty()) {
    const std::string name = labels->Of("theme", o.theme).first;
    if (name == o.theme) {
      return Status::NotFound("no theme '" + o.theme + "'");
    }
    d.title = name;
    d.subtitle = "Rapport thématique";
  } else {
    d.title = "France entière";
    d.subtitle = "Rapport national de la coopération décentralisée";
  }
  if (o.year) d.subtitle += " — année " + std::to_string(*o.year);

  // The funding figures are summed on the registry's connection in a
  // second thread while the records are counted or read (a national report
  // counts on a reader connection of its own): two scans, two cores.
  FinanceScope scope;
  scope.authority = o.authority;
  scope.country = o.country;
  scope.theme = o.theme;
  scope.national = o.national;
  scope.year = o.year;
  std::future<Result<FinanceSummary>> finance_future =
      std::async(std::launch::async, [this, &scope] { return Finance(scope); });

  std::vector<Project> projects;
  std::vector<Partnership> partnerships;
  // A national report counts in SQL (an atlas may hold millions of
  // projects) and loads only the records it lists; the other scopes load
  // their records.
  std::optional<store::NationalReportCounts> counts;
  if (o.national) {
    {
      COOPATLAS_ASSIGN_OR_RETURN(Impl::Reader reader, impl_->GetReader());
      COOPATLAS_ASSIGN_OR_RETURN(
          counts, store::ReadNationalReportCounts(
                      reader.Get(), o.year, static_cast<int>(kMaxListed)));
    }
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    store::Db* db = impl_->db.get();
    COOPATLAS_ASSIGN_OR_RETURN(
        projects, store::ListProjectsById(db, counts->first_projects));
    for (const std::int64_t id : counts->first_partnerships) {
      store::PartnershipFilter f;
      f.id = id;
      COOPATLAS_ASSIGN_OR_RETURN(auto one, store::ListPartnerships(db, f));
      for (auto& p : one) partnerships.push_back(std::move(p));
    }
  } else if (!o.theme.empty()) {
    // A theme's projects and their partnerships (the only ones a theme
    // report keeps), rather than every record of the atlas.
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    store::Db* db = impl_->db.get();
    COOPATLAS_ASSIGN_OR_RETURN(std::vector<std::int64_t> ids,
                               store::ProjectsWithTheme(db, o.theme));
    COOPATLAS_ASSIGN_OR_RETURN(projects, store::ListProjectsById(db, ids));
    std::set<std::int64_t> parents;
    for (const Project& p : projects) {
      if (p.partnership_id) parents.insert(*p.partnership_id);
    }
    for (const std::int64_t id : parents) {
      store::PartnershipFilter f;
      f.id = id;
      COOPATLAS_ASSIGN_OR_RETURN(auto one, store::ListPartnerships(db, f));
      for (auto& p : one) partnerships.push_back(std::move(p));
    }
  } else {
    COOPATLAS_ASSIGN_OR_RETURN(projects, ListProjects(filter));
    COOPATLAS_ASSIGN_OR_RETURN(partnerships, ListPartnerships(filter));
  }
  // (A national report's lists are of its scope already.)
  if (!counts) {
    std::erase_if(projects, [&](const Project& p) {
      if (!o.theme.empty() && std::find(p.themes.begin(), p.themes.end(),
                                        o.theme) == p.themes.end()) {
        return true;
      }
      return o.year && !ActiveIn(p.started_on, p.ended_on, *o.year);
    });
    if (!o.theme.empty() || o.year) {
      std::set<std::int64_t> kept;
      for (const Project& p : projects) {
        if (p.partnership_id) kept.insert(*p.partnership_id);
      }
      std::erase_if(partnerships, [&](const Partnership& p) {
        if (kept.count(p.meta.id) > 0) return false;
        if (!o.theme.empty()) return true;
        return !ActiveIn(p.started_on, p.ended_on, *o.year);
      });
    }
  }

  auto finance = finance_future.get();
  if (finance.ok()) {
    d.finance = *finance;
  } else if (finance.status().code() != Code::kNotFound) {
    return finance.status();
  }

  std::map<std::string, std::int64_t> themes, sdgs, countries, years;
  std::set<std::string> all_countries;
  std::set<std::int64_t> french;
  // For the maps: alpha-2 -> records; French authority -> département.
  std::map<std::string, std::int64_t> world;
  std::map<std::int64_t, std::string> french_departements;
  std::string freshness;
  for (const Partnership& p : partnerships) {
    d.includes_demo = d.includes_demo || p.meta.demo;
    freshness = std::max(freshness, p.meta.updated_at);
    for (const auto& a : p.french) {
      french.insert(a.id);
      french_departements[a.id] = a.departement;
    }
    std::set<std::string> cs, codes;
    for (const auto& a : p.partners) {
      all_countries.insert(a.country);
      codes.insert(a.country);
      cs.insert(labels->Of("country", a.country).first);
    }
    for (const auto& c : codes) ++world[c];
    if (d.partnership_list.size() < kMaxListed) {
      std::string c;
      for (const auto& x : cs) c += (c.empty() ? "" : ", ") + x;
      d.partnership_list.push_back(
          {p.kind, StatusFr(p.status), Names(p.french), Names(p.partners), c});
    }
  }
  for (const Project& p : projects) {
    d.includes_demo = d.includes_demo || p.meta.demo;
    freshness = std::max(freshness, p.meta.updated_at);
    for (const auto& t : p.themes) ++themes[labels->Of("theme", t).first];
    std::set<std::string> goals;
    for (const auto& s : p.sdgs) {
      if (s.status != "rejected")
        goals.insert(s.code.substr(0, s.code.find('.')));
    }
    for (const auto& g : goals) ++sdgs[labels->Of("sdg", g).first];
    std::set<std::string> cs;
    for (const auto& l : p.locations) {
      if (l.country != "FR") cs.insert(l.country);
    }
    for (const auto& part : p.participants) {
      if (part.authority && part.authority->country == "FR") {
        french.insert(part.authority->id);
        french_departements[part.authority->id] = part.authority->departement;
      } else if (part.authority) {
        cs.insert(part.authority->country);
      }
    }
    std::string names;
    for (const auto& c : cs) {
      all_countries.insert(c);
      ++world[c];
      const std::string n = labels->Of("country", c).first;
      ++countries[n];
      names += (names.empty() ? "" : ", ") + n;
    }
    if (p.started_on.size() >= 4) ++years[p.started_on.substr(0, 4)];
    std::int64_t planned = 0;
    for (const auto& f : p.funding) {
      if (f.nature == "planned") planned += f.amount_cents;
    }
    if (d.project_list.size() < kMaxListed) {
      d.project_list.push_back({p.ref, p.title_fr, names, StatusFr(p.status),
                                p.started_on, planned});
    }
  }
  d.partnerships = static_cast<std::int64_t>(partnerships.size());
  d.projects = static_cast<std::int64_t>(projects.size());
  d.french_authorities = static_cast<std::int64_t>(french.size());
  if (counts) {
    // The listed records above are a sample: the figures are the counts.
    d.partnerships = counts->partnerships;
    d.projects = counts->projects;
    d.french_authorities = counts->french_authorities;
    d.includes_demo = counts->includes_demo;
    freshness = counts->freshness;
    themes.clear();
    sdgs.clear();
    countries.clear();
    years.clear();
    all_countries.clear();
    for (const auto& [code, n] : counts->themes) {
      themes[labels->Of("theme", code).first] += n;
    }
    for (const auto& [goal, n] : counts->goals) {
      sdgs[labels->Of("sdg", goal).first] += n;
    }
    for (const auto& [c, n] : counts->project_countries) {
      all_countries.insert(c);
      countries[labels->Of("country", c).first] += n;
    }
    world = counts->project_countries;
    for (const auto& [c, n] : counts->partner_countries) {
      all_countries.insert(c);
      world[c] += n;
    }
    years = counts->start_years;
    for (const auto& [dep, n] : counts->french_by_departement) {
      if (dep.empty()) {
        d.authorities_off_map += n;
      } else {
        d.france_map[dep] = n;
      }
    }
  } else {
    for (const auto& [id, dep] : french_departements) {
      if (dep.empty()) {
        ++d.authorities_off_map;
      } else {
        ++d.france_map[dep];
      }
    }
  }
  for (const auto& [alpha2, n] : world) {
    if (alpha2.empty() || alpha2 == "FR") continue;
    const std::string numeric = labels->Of("country_numeric", alpha2).first;
    d.world_map[numeric] += n;
    d.country_names[numeric] = labels->Of("country", alpha2).first;
  }
  all_countries.erase("");
  d.countries = static_cast<std::int64_t>(all_countries.size());
  d.empty = d.partnerships == 0 && d.projects == 0;
  d.by_theme = Ranked(themes);
  d.by_sdg = Ranked(sdgs);
  d.top_countries = Ranked(countries);
  for (const auto& [y, n] : years) d.projects_by_year.push_back({y, n});
  if (d.finance) {
    std::map<std::string, std::int64_t> sources;
    for (const auto& [type, cents] : d.finance->planned.by_funder_type) {
      sources[report::FunderTypeLabel(type)] += cents;
    }
    d.funding_by_source = Ranked(sources);
  }
  COOPATLAS_ASSIGN_OR_RETURN(DatabaseInfo info, Info());
  for (const SourceInfo& s : info.sources) {
    d.provenance.push_back("Référentiel : " + s.name + " " + s.version + " (" +
                           s.licence + ")");
  }
  const auto demo = info.records.find("demo_records");
  d.provenance.push_back("Enregistrements de la base : " +
                         std::to_string(info.records.count("projects")
                                            ? info.records.at("projects")
                                            : 0) +
                         " projets, " +
                         std::to_string(info.records.count("partnerships")
                                            ? info.records.at("partnerships")
                                            : 0) +
                         " partenariats" +
                         (demo != info.records.end() && demo->second > 0
                              ? ", dont " + std::to_string(demo->second) +
                                    " enregistrements de démonstration"
                              : std::string()));
  d.freshness = freshness.empty()
                    ? "Aucun enregistrement dans ce périmètre."
                    : "Données mises à jour le " + freshness.substr(0, 10) +
                          " (dernière modification d'un enregistrement du "
                          "périmètre).";
  if (static_cast<std::int64_t>(d.project_list.size()) < d.projects) {
    d.provenance.push_back(
        "Listes limitées aux " + std::to_string(kMaxListed) +
        " premiers projets et partenariats (l'export XLSX les contient "
        "tous : coopatlas export).");
  }
  return d;
}

Result<ExportBlob> Registry::RenderReport(const ReportOptions& o) const {
  COOPATLAS_RETURN_IF_ERROR(o.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(ReportData d, BuildReport(o));
  ExportBlob blob;
  blob.summary.projects = static_cast<std::size_t>(d.projects);
  blob.summary.partnerships = static_cast<std::size_t>(d.partnerships);
  blob.filename = "coopatlas-rapport." + o.format;
  std::string bytes;
  if (o.format == "html") {
    bytes = report::RenderHtml(d);
    blob.content_type = "text/html; charset=utf-8";
  } else {
    // cairo and libxlsxwriter write files (then written atomically to
    // `out` by Report).
    COOPATLAS_ASSIGN_OR_RETURN(
        bytes, core::BytesWrittenBy("report", [&](const std::string& tmp) {
          return o.format == "pdf" ? report::WritePdf(d, tmp)
                                   : report::WriteXlsx(d, tmp);
        }));
    blob.content_type =
        o.format == "pdf"
            ? "application/pdf"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml."
              "sheet";
  }
  blob.bytes = std::move(bytes);
  blob.summary.bytes = blob.bytes.size();
  return blob;
}

Result<ReportSummary> Registry::Report(const ReportOptions& o) const {
  if (o.out.empty()) return Status::InvalidArgument("no output file given");
  COOPATLAS_ASSIGN_OR_RETURN(ExportBlob blob, RenderReport(o));
  COOPATLAS_RETURN_IF_ERROR(core::WriteFileAtomic(o.out, blob.bytes));
  return ReportSummary{o.out, o.format, blob.bytes.size(),
                       static_cast<std::int64_t>(blob.summary.projects),
                       static_cast<std::int64_t>(blob.summary.partnerships)};
}

}  // namespace coopatlas
