// Money and evidence (docs/finance.md): the registry reads the funding lines
// (src/store/finance_reads) and hands plain values to src/finance.

#include <algorithm>
#include <cstdlib>
#include <mutex>

#include "coopatlas/finance.h"
#include "coopatlas/registry.h"
#include "core/file.h"
#include "export/apd_export.h"
#include "finance/apd.h"
#include "finance/calls.h"
#include "finance/cofinancing.h"
#include "registry/finance_json.h"
#include "registry/registry_impl.h"
#include "store/finance_reads.h"
#include "store/records.h"

namespace coopatlas {
namespace {

Status CheckYear(int year) {
  if (year < 1900 || year > 2100) {
    return Status::InvalidArgument("year " + std::to_string(year) +
                                   " is out of range (1900 to 2100)");
  }
  return Status::Ok();
}

FinanceLine ToLine(const store::FundingRow& r) {
  FinanceLine l;
  l.project_id = r.project_id;
  l.project_ref = r.project_ref;
  l.funder_type = finance::ClassifyFunder(r.funder_is_authority,
                                          r.funder_country, r.funder_org_type);
  if (l.funder_type == FunderType::kFrenchAuthority)
    l.funder_code = r.funder_code;
  l.funder_name = r.funder_name;
  l.mechanism = r.mechanism;
  l.year = r.year;
  l.actual = r.nature == "actual";
  l.amount_cents = r.amount_cents;
  l.currency = r.currency;
  l.original_amount = r.original_amount;
  l.exchange_rate = r.exchange_rate;
  l.rate_date = r.rate_date;
  l.demo = r.demo;
  return l;
}

std::vector<FinanceLine> ToLines(const std::vector<store::FundingRow>& rows) {
  std::vector<FinanceLine> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(ToLine(r));
  return out;
}

// NotFound for a French authority code that has no record: says whether the
// code is unknown or the authority simply has no records.
Status UnknownAuthority(Result<const resolve::Resolver*> resolver,
                        const std::string& code) {
  if (!resolver.ok()) return resolver.status();
  COOPATLAS_ASSIGN_OR_RETURN(Candidate c, FrenchIdentity(**resolver, code));
  return Status::NotFound(c.name + " (" + code +
                          ") has no partnership, project or funding line in "
                          "this database");
}

}  // namespace

std::string DefaultCallsDir() { return DefaultReferenceRoot() + "/data/calls"; }

Status FinanceScope::Validate() const {
  const int filters =
      static_cast<int>(!authority.empty()) +
      static_cast<int>(!country.empty()) + static_cast<int>(!theme.empty()) +
      static_cast<int>(!fr_region.empty()) +
      static_cast<int>(!departement.empty()) + static_cast<int>(!call.empty());
  const int alone =
      static_cast<int>(!project.empty()) + static_cast<int>(national);
  if (alone > 1 || (alone == 1 && filters > 0)) {
    return Status::InvalidArgument(
        "give one scope: a project, national, or any of an authority, a "
        "country, a theme, a région, a département, a call");
  }
  if (alone + filters == 0 && !year) {
    return Status::InvalidArgument(
        "give a scope: a project, an authority, a country, a theme, a "
        "région, a département, a call, a year, or national");
  }
  if (year) return CheckYear(*year);
  return Status::Ok();
}

Status EligibilityOptions::Validate() const {
  if (project.empty()) return Status::InvalidArgument("no project given");
  if (call.empty()) {
    return Status::InvalidArgument(
        "no call given (e.g. generaliste-2025; see data/calls)");
  }
  return Status::Ok();
}

Status ApdOptions::Validate() const {
  const int scopes = static_cast<int>(!authority.empty()) +
                     static_cast<int>(!region.empty()) +
                     static_cast<int>(national);
  if (scopes != 1) {
    return Status::InvalidArgument(
        "give one of: an authority, a région, or national");
  }
  return CheckYear(year);
}

Result<FinanceSummary> Registry::Finance(const FinanceScope& scope) const {
  COOPATLAS_RETURN_IF_ERROR(scope.Validate());
  store::FundingScope where;
  where.year = scope.year;
  std::vector<std::string> parts;  // the label: "country SN, theme eau"
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    store::Db* db = impl_->db.get();
    if (!scope.project.empty()) {
      COOPATLAS_ASSIGN_OR_RETURN(auto id,
                                 store::FindProject(db, scope.project));
      if (!id) {
        return Status::NotFound("no project '" + scope.project + "'");
      }
      where.project_id = *id;
      parts.push_back("project " + scope.project);
    }
    if (!scope.country.empty()) {
      COOPATLAS_ASSIGN_OR_RETURN(bool known,
                                 store::CountryExists(db, scope.country));
      if (!known) {
        return Status::NotFound("no country with ISO code '" + scope.country +
                                "' (two capital letters, e.g. SN)");
      }
      where.country = scope.country;
      parts.push_back("country " + scope.country);
    }
    if (!scope.theme.empty()) {
      COOPATLAS_ASSIGN_OR_RETURN(bool known,
                                 store::ThemeExists(db, scope.theme));
      if (!known) {
        return Status::NotFound("no theme '" + scope.theme +
                                "' (codes: data/themes/themes.csv)");
      }
      where.theme = scope.theme;
      parts.push_back("theme " + scope.theme);
    }
    if (!scope.fr_region.empty()) {
      where.participant_region = scope.fr_region;
      parts.push_back("région " + scope.fr_region);
    }
    if (!scope.departement.empty()) {
      where.participant_departement = scope.departement;
      parts.push_back("département " + scope.departement);
    }
  }
  if (!scope.call.empty()) {
    COOPATLAS_ASSIGN_OR_RETURN(
        CallRules call,
        finance::LoadCall(
            scope.calls_dir.empty() ? DefaultCallsDir() : scope.calls_dir,
            scope.call));
    const std::string& e = call.edition;
    if (e.size() != 4 || !std::all_of(e.begin(), e.end(), [](char c) {
          return c >= '0' && c <= '9';
        })) {
      return Status::InvalidArgument("call " + scope.call + ": edition '" + e +
                                     "' is not a year");
    }
    where.state_call_year = std::stoi(e);
    parts.push_back("call " + scope.call);
  }
  if (!scope.authority.empty()) {
    std::optional<Authority> a;
    {
      std::lock_guard<std::mutex> lock(impl_->db_mutex);
      COOPATLAS_ASSIGN_OR_RETURN(
          a, store::FindFrenchAuthority(impl_->db.get(), scope.authority));
    }
    if (!a) return UnknownAuthority(impl_->GetResolver(), scope.authority);
    where.authority_code = scope.authority;
    parts.insert(parts.begin(), "authority " + scope.authority + " " + a->name);
  }
  std::string label;
  for (const std::string& p : parts) label += (label.empty() ? "" : ", ") + p;
  if (label.empty()) label = "national";
  // Summed in SQL: a national scope has millions of lines.
  store::FundingTotals totals;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(
        totals, store::ReadFundingTotals(impl_->db.get(), where));
  }
  if (totals.groups.empty()) {
    return Status::NotFound(
        "no funding line for " + label +
        (scope.year ? " in " + std::to_string(*scope.year) : std::string()));
  }
  std::vector<finance::LineGroup> groups;
  groups.reserve(totals.groups.size());
  for (const store::FundingGroup& g : totals.groups) {
    finance::LineGroup lg;
    lg.line.funder_type = finance::ClassifyFunder(
        g.funder_is_authority, g.funder_country, g.funder_org_type);
    lg.line.mechanism = g.mechanism;
    lg.line.year = g.year;
    lg.line.actual = g.nature == "actual";
    lg.line.amount_cents = g.amount_cents;
    // Only whether it is EUR counts in the figures.
    lg.line.currency = g.foreign_currency ? "other" : "EUR";
    lg.line.demo = g.demo;
    lg.lines = g.lines;
    groups.push_back(std::move(lg));
  }
  return finance::SummarizeGroups(groups, totals.projects, label, scope.year);
}

Result<Eligibility> Registry::CheckEligibility(
    const EligibilityOptions& options) const {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  COOPATLAS_ASSIGN_OR_RETURN(
      CallRules call,
      finance::LoadCall(
          options.calls_dir.empty() ? DefaultCallsDir() : options.calls_dir,
          options.call));
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(auto id, store::FindProject(db, options.project));
  if (!id) return Status::NotFound("no project '" + options.project + "'");
  store::FundingScope where;
  where.project_id = *id;
  COOPATLAS_ASSIGN_OR_RETURN(auto rows, store::ReadFundingRows(db, where));
  COOPATLAS_ASSIGN_OR_RETURN(auto facts, store::ReadProjectFacts(db, {*id}));
  const store::ProjectFacts& f = facts.at(*id);
  finance::EligibilityInput input;
  input.project_ref = f.ref;
  input.project_title = f.title;
  input.demo = f.demo;
  input.lines = ToLines(rows);
  input.prerequisites = options.prerequisites;
  for (const std::string& country : f.countries) {
    COOPATLAS_ASSIGN_OR_RETURN(
        auto statuses,
        store::CountryStatusesOn(db, country, call.country_status_date));
    input.country_classes[country] = finance::CountryClass(statuses);
  }
  return finance::CheckEligibility(call, input);
}

Result<std::vector<CallRules>> Registry::Calls(
    const std::string& calls_dir) const {
  const std::string dir = calls_dir.empty() ? DefaultCallsDir() : calls_dir;
  std::vector<CallRules> out;
  for (const std::string& id : finance::ListCalls(dir)) {
    COOPATLAS_ASSIGN_OR_RETURN(CallRules call, finance::LoadCall(dir, id));
    out.push_back(std::move(call));
  }
  return out;
}

Result<ApdDeclaration> Registry::Apd(const ApdOptions& options) const {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  store::FundingScope where;
  where.year = options.year;
  where.actual_only = true;
  std::string label = "national";
  if (!options.authority.empty()) {
    std::optional<Authority> a;
    {
      std::lock_guard<std::mutex> lock(impl_->db_mutex);
      COOPATLAS_ASSIGN_OR_RETURN(
          a, store::FindFrenchAuthority(impl_->db.get(), options.authority));
    }
    if (!a) return UnknownAuthority(impl_->GetResolver(), options.authority);
    where.funder_code = options.authority;
    label = "authority " + options.authority + " " + a->name;
  } else if (!options.region.empty()) {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(
        bool known, store::RegionExists(impl_->db.get(), options.region));
    if (!known) {
      return Status::NotFound("no French région with code '" + options.region +
                              "' (e.g. 84, 53)");
    }
    where.funder_region = options.region;
    label = "region " + options.region;
  }
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(auto rows, store::ReadFundingRows(db, where));
  std::vector<FinanceLine> lines = ToLines(rows);
  std::vector<std::int64_t> ids;
  for (const auto& l : lines) {
    if (l.funder_type == FunderType::kFrenchAuthority)
      ids.push_back(l.project_id);
  }
  if (ids.empty()) {
    return Status::NotFound("no own funds actually paid (nature 'actual') by " +
                            label + " in " + std::to_string(options.year) +
                            " in this database");
  }
  COOPATLAS_ASSIGN_OR_RETURN(auto facts, store::ReadProjectFacts(db, ids));
  // ODA eligibility is judged in the middle of the declared year.
  const std::string date = std::to_string(options.year) + "-07-01";
  COOPATLAS_ASSIGN_OR_RETURN(
      bool list_known, store::StatusListCovers(db, "dac_oda_recipient", date));
  std::map<std::int64_t, finance::ApdProject> projects;
  for (auto& [id, f] : facts) {
    finance::ApdProject p{
        f.ref, f.partnership_kind,  f.themes,           f.countries,
        {},    f.foreign_authority, f.implementer_types};
    for (const std::string& country : f.countries) {
      COOPATLAS_ASSIGN_OR_RETURN(auto statuses,
                                 store::CountryStatusesOn(db, country, date));
      if (std::find(statuses.begin(), statuses.end(), "dac_oda_recipient") ==
          statuses.end()) {
        p.not_oda_countries.push_back(country);
      }
    }
    projects[id] = std::move(p);
  }
  return finance::ComputeApd(lines, projects, label, options.year, list_known);
}

Result<ExportBlob> Registry::ApdExport(const ApdOptions& options,
                                       const std::string& format) const {
  if (format != "csv" && format != "xlsx" && format != "json") {
    return Status::InvalidArgument("unknown APD format '" + format +
                                   "' (csv, xlsx or json)");
  }
  COOPATLAS_ASSIGN_OR_RETURN(ApdDeclaration d, Apd(options));
  std::map<std::string, std::string> names;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(names, store::CountryNamesFr(impl_->db.get()));
  }
  names["FR"] = "France";
  ExportBlob blob;
  blob.filename = "apd-" + std::to_string(d.year) + "." + format;
  if (format == "json") {
    blob.bytes = ToJson(d).dump(2) + "\n";
    blob.content_type = "application/json";
  } else if (format == "csv") {
    blob.bytes = exporter::ApdToCsv(d, names);
    blob.content_type = "text/csv; charset=utf-8";
  } else {
    COOPATLAS_ASSIGN_OR_RETURN(
        blob.bytes, core::BytesWrittenBy("apd", [&](const std::string& tmp) {
          return exporter::WriteApdXlsx(d, names, tmp);
        }));
    blob.content_type =
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  blob.summary.bytes = blob.bytes.size();
  return blob;
}

}  // namespace coopatlas
