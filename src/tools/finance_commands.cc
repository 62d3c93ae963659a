#include "tools/finance_commands.h"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "coopatlas/finance.h"
#include "coopatlas/registry.h"
#include "core/file.h"
#include "core/strings.h"
#include "registry/finance_json.h"
#include "tools/commands.h"

namespace coopatlas::tools {
namespace {

struct Flags {
  std::string db;
  bool json = false;
  FinanceScope scope;
  int year = 0;
  EligibilityOptions eligibility;
  std::string apd_declared, reports_filed;
  ApdOptions apd;
  ReportOptions report;
  std::string format;
  std::string out;
};

std::string Euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t v = negative ? -cents : cents;
  return fmt::format("{}{}.{:02d}", negative ? "-" : "",
                     core::GroupThousands(static_cast<std::uint64_t>(v / 100)),
                     v % 100);
}

std::string Percent(std::int64_t part, std::int64_t total) {
  if (total == 0) return "-";
  return fmt::format("{:.1f} %", 100.0 * static_cast<double>(part) /
                                     static_cast<double>(total));
}

std::string RatioText(const Ratio& r) {
  const auto v = r.value();
  return v ? fmt::format("{:.2f}", *v) : std::string("- (no denominator)");
}

void PrintCofinancing(const char* title, const Cofinancing& c) {
  fmt::print("{}: {} EUR in {} lines\n", title, Euros(c.total_cents), c.lines);
  if (c.lines == 0) return;
  fmt::print("  by funder type:\n");
  for (const auto& [k, v] : c.by_funder_type) {
    fmt::print("    {:<20} {:>16}  {:>7}\n", k, Euros(v),
               Percent(v, c.total_cents));
  }
  fmt::print("  by mechanism:\n");
  for (const auto& [k, v] : c.by_mechanism) {
    fmt::print("    {:<20} {:>16}  {:>7}\n", k, Euros(v),
               Percent(v, c.total_cents));
  }
  fmt::print(
      "  French authorities' own funds: {} (cash {}, in kind {}, 1 % {})\n",
      Euros(c.french_own_cents), Euros(c.french_cash_cents),
      Euros(c.french_in_kind_cents), Euros(c.french_one_percent_cents));
  fmt::print("  State support (appel-etat + afd-ficol): {}\n",
             Euros(c.state_support_cents));
  fmt::print("  leverage: total budget per euro of State support: {}\n",
             RatioText(c.budget_per_state_euro));
  fmt::print("  leverage: other funding per euro of own funds:    {}\n",
             RatioText(c.other_per_own_euro));
  if (c.foreign_currency_lines > 0) {
    fmt::print("  {} lines in another currency (converted at their rate)\n",
               c.foreign_currency_lines);
  }
}

std::unique_ptr<Registry> OpenReadOnly(const std::string& db, int* exit_code) {
  auto registry = Registry::Open({db, true});
  if (!registry.ok()) {
    *exit_code = Fail(registry.status());
    return nullptr;
  }
  return std::move(*registry);
}

// "yes" / "no" / "" -> true / false / unknown.
Result<std::optional<bool>> YesNo(const std::string& v, const char* flag) {
  if (v.empty()) return std::optional<bool>();
  if (v == "yes") return std::optional<bool>(true);
  if (v == "no") return std::optional<bool>(false);
  return Status::InvalidArgument(std::string(flag) + " takes yes or no");
}

int RunFinance(const Flags& flags, CLI::Option* year_opt) {
  int code = kExitOk;
  auto registry = OpenReadOnly(flags.db, &code);
  if (!registry) return code;
  FinanceScope scope = flags.scope;
  if (year_opt->count() > 0) scope.year = flags.year;
  auto summary = registry->Finance(scope);
  if (!summary.ok()) return Fail(summary.status());
  if (flags.json) {
    std::cout << ToJson(*summary).dump(2) << "\n";
    return kExitOk;
  }
  const FinanceSummary& s = *summary;
  fmt::print("{}{}: {} project{}; years {}{}\n", s.scope,
             s.year ? fmt::format(" in {}", *s.year) : std::string(),
             s.projects, s.projects == 1 ? "" : "s",
             s.years.empty()
                 ? std::string("-")
                 : fmt::format("{}-{}", s.years.front(), s.years.back()),
             s.includes_demo ? " (includes demonstration data)" : "");
  PrintCofinancing("planned", s.planned);
  PrintCofinancing("actual", s.actual);
  fmt::print("actual / planned: {}\n", Percent(s.execution.numerator_cents,
                                               s.execution.denominator_cents));
  return kExitOk;
}

int RunEligibility(Flags flags) {
  int code = kExitOk;
  auto apd = YesNo(flags.apd_declared, "--apd-declared");
  if (!apd.ok()) return Fail(apd.status());
  auto reports = YesNo(flags.reports_filed, "--reports-filed");
  if (!reports.ok()) return Fail(reports.status());
  flags.eligibility.prerequisites = {*apd, *reports};
  auto registry = OpenReadOnly(flags.db, &code);
  if (!registry) return code;
  auto e = registry->CheckEligibility(flags.eligibility);
  if (!e.ok()) return Fail(e.status());
  if (flags.json) {
    std::cout << ToJson(*e).dump(2) << "\n";
    return kExitOk;
  }
  fmt::print("{} {} — call {}{}\n", e->project_ref, e->project_title, e->call,
             e->demo ? " (demonstration data)" : "");
  std::string countries;
  for (const auto& [c, cls] : e->country_classes) {
    countries += (countries.empty() ? "" : ", ") + c + " " + cls;
  }
  fmt::print("countries: {}{}\n", countries.empty() ? "-" : countries,
             e->multi_country ? " (multi-country)" : "");
  fmt::print(
      "planned budget {} EUR; French authorities {} (in kind {}); "
      "State {}\n",
      Euros(e->budget_cents), Euros(e->french_cents),
      Euros(e->french_in_kind_cents), Euros(e->state_cents));
  for (const RuleCheck& r : e->rules) {
    fmt::print("  [{:<7}] {:<17} {}\n", r.outcome, r.rule, r.detail);
  }
  fmt::print("maximum grant: {} EUR ({:.2f} % of the budget)\n",
             Euros(e->max_grant_cents), e->max_rate_bp / 100.0);
  fmt::print("outcome: {}\n", e->outcome);
  return kExitOk;
}

int RunApd(const Flags& flags) {
  int code = kExitOk;
  auto registry = OpenReadOnly(flags.db, &code);
  if (!registry) return code;
  if (flags.format.empty() && flags.out.empty()) {
    auto d = registry->Apd(flags.apd);
    if (!d.ok()) return Fail(d.status());
    fmt::print("APD {} — {}{}\n", d->year, d->scope,
               d->includes_demo ? " (includes demonstration data)" : "");
    for (const ApdLine& l : d->lines) {
      fmt::print("  {:<6} {:<22} {:>16}  {}\n", l.recipient, l.category,
                 Euros(l.amount_cents),
                 fmt::format("{} project{}", l.projects.size(),
                             l.projects.size() == 1 ? "" : "s"));
    }
    fmt::print("total {} EUR paid by {} authorities\n", Euros(d->total_cents),
               d->authorities);
    if (!d->oda_list_known) {
      fmt::print(
          "warning: no DAC list of ODA recipients for {} in the "
          "reference data: recipients not checked\n",
          d->year);
    }
    for (const ApdLine& l : d->not_oda) {
      fmt::print("  not APD (not on the DAC list): {} {} {} EUR\n", l.recipient,
                 l.category, Euros(l.amount_cents));
    }
    return kExitOk;
  }
  const std::string format = flags.format.empty() ? "csv" : flags.format;
  if (format == "xlsx" && flags.out.empty()) {
    return Fail(Status::InvalidArgument("--format xlsx needs --out FILE"));
  }
  auto blob = registry->ApdExport(flags.apd, format);
  if (!blob.ok()) return Fail(blob.status());
  if (flags.out.empty()) {
    std::cout << blob->bytes;
    return kExitOk;
  }
  const Status written = core::WriteFileAtomic(flags.out, blob->bytes);
  if (!written.ok()) return Fail(written);
  fmt::print(stderr, "wrote {} ({} bytes)\n", flags.out, blob->bytes.size());
  return kExitOk;
}

int RunReport(Flags flags, CLI::Option* year_opt) {
  int code = kExitOk;
  if (year_opt->count() > 0) flags.report.year = flags.year;
  const Status valid = flags.report.Validate();
  if (!valid.ok()) return Fail(valid);
  auto registry = OpenReadOnly(flags.db, &code);
  if (!registry) return code;
  auto summary = registry->Report(flags.report);
  if (!summary.ok()) return Fail(summary.status());
  fmt::print(stderr, "wrote {} ({}, {} bytes): {} projects, {} partnerships\n",
             summary->path, summary->format, summary->bytes, summary->projects,
             summary->partnerships);
  return kExitOk;
}

}  // namespace

void AddFinanceCommands(CLI::App* app, const std::string& default_db,
                        int* exit_code) {
  auto flags = std::make_shared<Flags>();
  flags->db = default_db;

  CLI::App* fin = app->add_subcommand(
      "finance", "co-financing shares, planned vs actual, and leverage");
  auto* scope = fin->add_option_group("scope");
  scope->add_option("--project", flags->scope.project, "a project (ref or id)");
  scope->add_option("--authority", flags->scope.authority,
                    "projects a French authority (code) takes part in");
  scope->add_option("--country", flags->scope.country,
                    "projects in a country (ISO alpha-2)");
  scope->add_option("--theme", flags->scope.theme, "projects with a theme");
  scope->add_option("--call", flags->scope.call,
                    "projects a call supported (e.g. generaliste-2025)");
  scope->add_flag("--national", flags->scope.national, "the whole atlas");
  CLI::Option* year_opt =
      fin->add_option("--year", flags->year, "only the lines of this year");
  fin->add_option("--db", flags->db, "database file");
  fin->add_flag("--json", flags->json, "print JSON");
  fin->callback([flags, exit_code, year_opt] {
    *exit_code = RunFinance(*flags, year_opt);
  });

  CLI::App* elig = app->add_subcommand(
      "eligibility", "check a project against a call for projects' rules");
  elig->add_option("--project", flags->eligibility.project,
                   "the project (ref or id)")
      ->required();
  elig->add_option("--call", flags->eligibility.call,
                   "the call: a file of data/calls, e.g. generaliste-2025")
      ->required();
  elig->add_option("--calls-dir", flags->eligibility.calls_dir,
                   "folder of the call files (default: data/calls)");
  elig->add_option("--apd-declared", flags->apd_declared,
                   "yes or no: the APD of the previous year was declared");
  elig->add_option("--reports-filed", flags->reports_filed,
                   "yes or no: reports of earlier grants were filed");
  elig->add_option("--db", flags->db, "database file");
  elig->add_flag("--json", flags->json, "print JSON");
  elig->callback([flags, exit_code] { *exit_code = RunEligibility(*flags); });

  CLI::App* apd = app->add_subcommand(
      "apd", "the yearly APD declaration lines (own funds actually paid)");
  apd->add_option("--authority", flags->apd.authority,
                  "a French authority's code");
  apd->add_option("--region", flags->apd.region,
                  "every French authority of a région (code)");
  apd->add_flag("--national", flags->apd.national, "every French authority");
  apd->add_option("--year", flags->apd.year, "the year declared")->required();
  apd->add_option("--format", flags->format, "csv, xlsx or json");
  apd->add_option("--out", flags->out,
                  "output file (default: standard output)");
  apd->add_option("--db", flags->db, "database file");
  apd->callback([flags, exit_code] { *exit_code = RunApd(*flags); });

  CLI::App* rep = app->add_subcommand(
      "report",
      "a report (HTML, XLSX or PDF) of an authority, a country, a "
      "theme or the whole atlas");
  rep->add_option("--authority", flags->report.authority,
                  "a French authority's code");
  rep->add_option("--country", flags->report.country, "ISO alpha-2 code");
  rep->add_option("--theme", flags->report.theme, "theme code");
  rep->add_flag("--national", flags->report.national, "the whole atlas");
  CLI::Option* report_year =
      rep->add_option("--year", flags->year, "only this year");
  rep->add_option("--format", flags->report.format, "html, xlsx or pdf")
      ->required();
  rep->add_option("--out", flags->report.out, "output file")->required();
  rep->add_option("--db", flags->db, "database file");
  rep->callback([flags, exit_code, report_year] {
    *exit_code = RunReport(*flags, report_year);
  });
}

}  // namespace coopatlas::tools
