#include "tools/records_commands.h"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "coopatlas/registry.h"
#include "core/file.h"
#include "ingest/projects.h"
#include "registry/json_format.h"
#include "tools/commands.h"
#include "tools/iati_commands.h"

namespace coopatlas::tools {
namespace {

struct Flags {
  std::string db;
  std::string report;
  bool quiet = false;
  bool json = false;
  bool dry_run = false;
  ProjectImportOptions projects;
  std::string json_file;
  std::string template_dir = ".";
  bool excel = false;
  std::string code;
  std::string search_type;
  SynthOptions synth;
  RecordFilter filter;
  ExportOptions export_options;
  IatiExportOptions iati;
};

std::string Euros(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::int64_t v = negative ? -cents : cents;
  return fmt::format("{}{}.{:02d}", negative ? "-" : "", v / 100, v % 100);
}

// The summary of a project or JSON import.
void PrintImport(const ImportReport& r) {
  fmt::print("{}{}: {} lines ({}) in {:.2f} s\n", r.dry_run ? "[dry run] " : "",
             r.source, r.lines, r.encoding, r.seconds);
  fmt::print("  {}: {} created, {} updated, {} unchanged\n", r.kind, r.created,
             r.updated, r.unchanged);
  for (const auto& [k, v] : r.others) fmt::print("  {}: {}\n", k, v);
  if (r.dry_run) {
    fmt::print("  nothing written (dry run)\n");
  } else if (!r.written) {
    fmt::print("  nothing new: the database is unchanged\n");
  }
}

int Report(const Flags& flags, const Result<ImportReport>& report) {
  return EmitImport(report, flags.report, flags.json, flags.quiet, PrintImport);
}

std::unique_ptr<Registry> OpenOrFail(const std::string& db, bool read_only,
                                     int* exit_code) {
  auto registry = Registry::Open({db, read_only});
  if (!registry.ok()) {
    *exit_code = Fail(registry.status());
    return nullptr;
  }
  return std::move(*registry);
}

// Writes the empty template: the two CSV headers.
int WriteTemplate(const Flags& flags) {
  const char sep = flags.excel ? ';' : ',';
  auto header = [&](const std::vector<ingest::ColumnSpec>& specs) {
    std::string line = flags.excel ? "\xEF\xBB\xBF" : "";
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (i > 0) line += sep;
      line += specs[i].name;
    }
    return line + (flags.excel ? "\r\n" : "\n");
  };
  for (const auto& [name, specs] :
       {std::pair{"projets.csv", &ingest::ProjectColumns()},
        std::pair{"financements.csv", &ingest::FundingColumns()}}) {
    const std::string path = flags.template_dir + "/" + name;
    const Status s = core::WriteFileAtomic(path, header(*specs));
    if (!s.ok()) return Fail(s);
    if (!flags.quiet) fmt::print("wrote {}\n", path);
  }
  if (!flags.quiet) {
    fmt::print("columns, vocabularies and examples: docs/formats.md\n");
  }
  return kExitOk;
}

std::string Parties(const std::vector<AuthorityRef>& list) {
  std::string out;
  for (const auto& a : list) {
    out += (out.empty() ? "" : ", ") + a.name +
           (a.code.empty() ? " (" + a.country + ")" : " (" + a.code + ")");
  }
  return out;
}

int ListPartnerships(const Flags& flags, int* exit_code) {
  auto registry = OpenOrFail(flags.db, true, exit_code);
  if (!registry) return *exit_code;
  auto list = registry->ListPartnerships(flags.filter);
  if (!list.ok()) return Fail(list.status());
  if (flags.json) {
    std::cout << SummaryJson(*list).dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& p : *list) {
    fmt::print("{:>6}  {:<10} {} — {}{}\n", p.meta.id, p.kind,
               Parties(p.french), Parties(p.partners),
               p.meta.demo ? "  [démo]" : "");
  }
  if (!flags.quiet) fmt::print("{} partnerships\n", list->size());
  return kExitOk;
}

int ListProjects(const Flags& flags, int* exit_code) {
  auto registry = OpenOrFail(flags.db, true, exit_code);
  if (!registry) return *exit_code;
  auto list = registry->ListProjects(flags.filter);
  if (!list.ok()) return Fail(list.status());
  if (flags.json) {
    std::cout << SummaryJson(*list).dump(2) << "\n";
    return kExitOk;
  }
  for (const auto& p : *list) {
    std::int64_t planned = 0;
    for (const auto& f : p.funding) {
      if (f.nature == "planned") planned += f.amount_cents;
    }
    fmt::print("{:>6}  {:<12} {}  ({} €){}\n", p.meta.id, p.ref, p.title_fr,
               Euros(planned), p.meta.demo ? "  [démo]" : "");
  }
  if (!flags.quiet) fmt::print("{} projects\n", list->size());
  return kExitOk;
}

int ShowAuthority(const Flags& flags, int* exit_code) {
  auto registry = OpenOrFail(flags.db, true, exit_code);
  if (!registry) return *exit_code;
  auto page = registry->ShowAuthority(flags.code);
  if (!page.ok()) return Fail(page.status());
  const Candidate& c = page->identity;
  if (flags.json) {
    std::cout << ToJson(*page).dump(2) << "\n";
    return kExitOk;
  }
  fmt::print("{} ({}, {})\n", c.name, c.kind, c.code);
  if (!c.departement.empty()) fmt::print("  département {}\n", c.departement);
  if (!c.region.empty()) fmt::print("  région {}\n", c.region);
  if (c.population) fmt::print("  population {}\n", *c.population);
  for (const auto& [siren, name] : page->epcis) {
    fmt::print("  membre de {} ({})\n", name, siren);
  }
  fmt::print("  {} partenariats\n", page->partnerships.size());
  for (const auto& p : page->partnerships) {
    fmt::print("    {:>6}  {:<10} {}\n", p.meta.id, p.kind,
               Parties(p.partners));
  }
  fmt::print("  {} projets\n", page->projects.size());
  for (const auto& p : page->projects) {
    fmt::print("    {:>6}  {}  {}\n", p.meta.id, p.ref, p.title_fr);
  }
  return kExitOk;
}

void AddFilterFlags(CLI::App* cmd, Flags* f) {
  cmd->add_option("--authority", f->filter.authority,
                  "a French party with this code (INSEE, SIREN, ...)");
  cmd->add_option("--country", f->filter.country,
                  "a partner in this country (ISO alpha-2: SN)");
  cmd->add_option("--kind", f->filter.kind,
                  "jumelage, convention, action, autre, urgence, un-pour-cent");
  cmd->add_option("--since", f->filter.since, "updated on or after (ISO date)");
}

}  // namespace

void AddRecordCommands(CLI::App* app, CLI::App* import_cmd,
                       const std::string& default_db, int* exit_code) {
  auto flags = std::make_shared<Flags>();
  flags->db = default_db;

  CLI::App* projects = import_cmd->add_subcommand(
      "projects", "projects and funding lines (docs/formats.md)");
  projects->add_option("file", flags->projects.projects_file, "projets.csv")
      ->required();
  projects->add_option("--funding", flags->projects.funding_file,
                       "financements.csv (the project's funding lines)");
  projects->add_option("--db", flags->db, "database file");
  projects->add_flag("--dry-run", flags->projects.dry_run,
                     "check everything, write nothing");
  projects->add_flag("--demo", flags->projects.demo,
                     "flag the records as demonstration data");
  projects->add_option("--report", flags->report, "write a JSON report");
  projects->add_flag("-q,--quiet", flags->quiet, "print nothing");
  projects->add_flag("--json", flags->json, "print the summary as JSON");
  projects->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, false, exit_code);
    if (!registry) return;
    Result<ImportReport> report = Status::Internal("not run");
    {
      const TerminalProgress progress(!flags->quiet && !flags->json &&
                                      StderrIsTerminal());
      report = registry->ImportProjects(flags->projects, progress.Callback());
    }
    *exit_code = Report(*flags, report);
  });

  CLI::App* json = import_cmd->add_subcommand(
      "json", "records from the lossless JSON export");
  json->add_option("file", flags->json_file, "JSON file")->required();
  json->add_option("--db", flags->db, "database file");
  json->add_flag("--dry-run", flags->dry_run,
                 "check everything, write nothing");
  json->add_flag("-q,--quiet", flags->quiet, "print nothing");
  json->add_option("--report", flags->report, "write a JSON report");
  json->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, false, exit_code);
    if (!registry) return;
    *exit_code =
        Report(*flags, registry->ImportJson(flags->json_file, flags->dry_run));
  });

  CLI::App* tmpl =
      app->add_subcommand("template", "write an empty import template");
  CLI::App* tmpl_projects = tmpl->add_subcommand(
      "projects", "projets.csv and financements.csv with their columns");
  tmpl->require_subcommand(1);
  tmpl_projects->add_option("--out", flags->template_dir,
                            "folder to write into (default: .)");
  tmpl_projects->add_flag("--excel", flags->excel,
                          "for French Excel: ';', BOM, CRLF");
  tmpl_projects->add_flag("-q,--quiet", flags->quiet, "print nothing");
  tmpl_projects->callback(
      [flags, exit_code] { *exit_code = WriteTemplate(*flags); });

  CLI::App* show = app->add_subcommand("show", "one record");
  show->require_subcommand(1);
  CLI::App* show_authority = show->add_subcommand(
      "authority", "a French authority, its EPCI, partnerships and projects");
  show_authority
      ->add_option("code", flags->code,
                   "INSEE, SIREN, département or région code")
      ->required();
  show_authority->add_option("--db", flags->db, "database file");
  show_authority->add_flag("--json", flags->json, "print JSON");
  show_authority->callback(
      [flags, exit_code] { *exit_code = ShowAuthority(*flags, exit_code); });

  CLI::App* peers = app->add_subcommand(
      "peers", "who else works with the same partners, places or themes");
  peers->add_option("code", flags->code, "a French authority's code")
      ->required();
  peers->add_option("--db", flags->db, "database file");
  peers->add_flag("--json", flags->json, "print JSON");
  peers->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, true, exit_code);
    if (!registry) return;
    auto list = registry->Peers(flags->code);
    if (!list.ok()) {
      *exit_code = Fail(list.status());
      return;
    }
    if (flags->json) {
      std::cout << ToJson(*list).dump(2) << "\n";
    } else {
      for (const auto& p : *list) {
        fmt::print("{:>5.1f}  {} ({})  {}\n", p.score, p.authority.name,
                   p.authority.code, p.reason_fr);
      }
    }
    *exit_code = kExitOk;
  });

  CLI::App* search = app->add_subcommand(
      "search", "full-text search (words, \"phrases\", -exclusions, prefix*)");
  search->add_option("query", flags->code, "what to look for (\"\" to browse)");
  search->add_option("--db", flags->db, "database file");
  search->add_flag("--json", flags->json, "print JSON");
  search->add_option("--type", flags->search_type,
                     "authority, partnership, project");
  search->add_option("--country", flags->filter.country, "ISO alpha-2");
  search->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, true, exit_code);
    if (!registry) return;
    SearchOptions o;
    o.q = flags->code;
    if (!flags->search_type.empty()) o.filters["type"] = {flags->search_type};
    if (!flags->filter.country.empty())
      o.filters["country"] = {flags->filter.country};
    auto page = registry->Search(o);
    if (!page.ok()) {
      *exit_code = Fail(page.status());
      return;
    }
    if (flags->json) {
      nlohmann::ordered_json out = nlohmann::ordered_json::array();
      for (const auto& r : page->results) {
        out.push_back({{"type", r.type},
                       {"id", r.id},
                       {"title", r.title},
                       {"url", r.url},
                       {"snippet", r.snippet_html}});
      }
      std::cout << nlohmann::ordered_json{{"total", page->total},
                                          {"results", out}}
                       .dump(2)
                << "\n";
    } else {
      for (const auto& r : page->results) {
        fmt::print("{:<12} {:>6}  {}\n", r.type, r.id, r.title);
      }
      fmt::print("{} results\n", page->total);
    }
    *exit_code = kExitOk;
  });

  CLI::App* synth = app->add_subcommand(
      "synth", "add synthetic projects for benchmarks (demonstration data)");
  synth->add_option("--projects", flags->synth.projects, "how many")
      ->required();
  synth->add_option("--seed", flags->synth.seed, "random seed (default 42)");
  synth->add_option("--db", flags->db, "database file");
  synth->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, false, exit_code);
    if (!registry) return;
    Result<SynthReport> report = Status::Internal("not run");
    {
      const TerminalProgress progress(StderrIsTerminal());
      report = registry->Synthesize(flags->synth, progress.Callback());
    }
    if (!report.ok()) {
      *exit_code = Fail(report.status());
      return;
    }
    fmt::print(
        "synthesised {} projects, {} partnerships, {} authorities; "
        "{} search documents; {:.1f} s\n",
        report->projects, report->partnerships, report->authorities,
        report->documents, report->seconds);
    *exit_code = kExitOk;
  });

  CLI::App* reindex = app->add_subcommand(
      "reindex", "rebuild the search index from the records");
  reindex->add_option("--db", flags->db, "database file");
  reindex->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, false, exit_code);
    if (!registry) return;
    auto n = registry->Reindex();
    if (!n.ok()) {
      *exit_code = Fail(n.status());
      return;
    }
    fmt::print("search index rebuilt: {} documents\n", *n);
    *exit_code = kExitOk;
  });

  CLI::App* list = app->add_subcommand("list", "records matching filters");
  list->require_subcommand(1);
  for (const char* what : {"partnerships", "projects"}) {
    CLI::App* cmd = list->add_subcommand(what, std::string("list ") + what);
    cmd->add_option("--db", flags->db, "database file");
    cmd->add_flag("--json", flags->json,
                  "print a JSON array, one object per record");
    cmd->add_flag("-q,--quiet", flags->quiet, "no count line");
    AddFilterFlags(cmd, flags.get());
    const bool partnerships = std::string(what) == "partnerships";
    cmd->callback([flags, exit_code, partnerships] {
      *exit_code = partnerships ? ListPartnerships(*flags, exit_code)
                                : ListProjects(*flags, exit_code);
    });
  }

  CLI::App* exp = app->add_subcommand(
      "export", "partnerships and projects as CSV, JSON, GeoJSON or XLSX");
  exp->add_option("--format", flags->export_options.format,
                  "csv, json (lossless), geojson, xlsx or iati")
      ->required();
  exp->add_option("--table", flags->export_options.table,
                  "csv: partnerships (default), projects or funding");
  exp->add_flag("--excel", flags->export_options.excel,
                "csv for French Excel: ';', BOM, decimal commas");
  exp->add_option("--out", flags->export_options.out, "output file")
      ->required();
  exp->add_option("--db", flags->db, "database file");
  exp->add_flag("-q,--quiet", flags->quiet, "print nothing");
  AddFilterFlags(exp, flags.get());
  AddIatiExportFlags(exp, &flags->iati);
  exp->callback([flags, exit_code] {
    auto registry = OpenOrFail(flags->db, true, exit_code);
    if (!registry) return;
    if (flags->export_options.format == "iati") {
      flags->iati.out = flags->export_options.out;
      flags->iati.authority = flags->filter.authority;
      flags->iati.country = flags->filter.country;
      flags->iati.since = flags->filter.since;
      *exit_code = RunIatiExport(*registry, flags->iati, flags->quiet);
      return;
    }
    flags->export_options.filter = flags->filter;
    auto summary = registry->Export(flags->export_options);
    if (!summary.ok()) {
      *exit_code = Fail(summary.status());
      return;
    }
    if (!flags->quiet) {
      fmt::print(
          "wrote {}: {} partnerships, {} projects, {} authorities ({} bytes)\n",
          flags->export_options.out, summary->partnerships, summary->projects,
          summary->authorities, summary->bytes);
    }
    *exit_code = kExitOk;
  });
}

}  // namespace coopatlas::tools
