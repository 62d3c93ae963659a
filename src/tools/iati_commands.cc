#include "tools/iati_commands.h"

#include <fmt/core.h>

#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "tools/commands.h"

namespace coopatlas::tools {
namespace {

struct IatiFlags {
  std::string db;
  std::string file;
  std::string today;
  std::string report;
  bool json = false;
  bool quiet = false;
  IatiImportOptions import;
};

nlohmann::json ToJson(const IatiValidation& v) {
  nlohmann::json messages = nlohmann::json::array();
  for (const auto& m : v.messages) {
    messages.push_back({{"rule", m.rule},
                        {"severity", m.severity},
                        {"activity", m.activity},
                        {"line", m.line},
                        {"message", m.text}});
  }
  return {{"file", v.file},
          {"root", v.root},
          {"version", v.version},
          {"bytes", v.bytes},
          {"activities", v.activities},
          {"schema_valid", v.schema_valid},
          {"errors", v.errors},
          {"warnings", v.warnings},
          {"suppressed", v.suppressed},
          {"seconds", v.seconds},
          {"messages", messages}};
}

int RunValidate(const IatiFlags& f) {
  auto registry = Registry::Open({f.db, /*read_only=*/true});
  if (!registry.ok()) return Fail(registry.status());
  auto v = (*registry)->ValidateIati(f.file, f.today);
  if (!v.ok()) return Fail(v.status());
  if (f.json) {
    std::cout << ToJson(*v).dump(2) << "\n";
  } else {
    for (const auto& m : v->messages) {
      if (f.quiet && m.severity != "error") continue;
      fmt::print("{}:{}: {} [{}]{}{} {}\n", f.file, m.line, m.severity, m.rule,
                 m.activity.empty() ? "" : " ", m.activity, m.text);
    }
    if (v->suppressed > 0) {
      fmt::print("... {} more messages not shown\n", v->suppressed);
    }
    if (!f.quiet) {
      fmt::print(
          "{}: {} activities, {} bytes, schema {}, {} errors, {} warnings "
          "({:.2f} s)\n",
          f.file, v->activities, v->bytes,
          v->schema_valid ? "valid" : "INVALID", v->errors, v->warnings,
          v->seconds);
    }
  }
  return v->ok() ? kExitOk : kExitInvalidInput;
}

void PrintImport(const ImportReport& r) {
  fmt::print("{}{}: {} activities in {:.2f} s\n", r.dry_run ? "[dry run] " : "",
             r.source, r.lines, r.seconds);
  fmt::print("  projects: {} created, {} updated, {} unchanged\n", r.created,
             r.updated, r.unchanged);
  for (const auto& [k, v] : r.others) fmt::print("  {}: {}\n", k, v);
  for (const auto& issue : r.issues) {
    fmt::print("  warning: {}\n", issue.name);
  }
  if (r.dry_run) {
    fmt::print("  nothing written (dry run)\n");
  } else if (!r.written) {
    fmt::print("  nothing new: the database is unchanged\n");
  }
}

}  // namespace

void AddIatiCommands(CLI::App* app, CLI::App* import_cmd,
                     const std::string& default_db, int* exit_code) {
  auto flags = std::make_shared<IatiFlags>();
  flags->db = default_db;
  CLI::App* validate =
      app->add_subcommand("validate", "check a file against a standard");
  validate->require_subcommand(1);
  CLI::App* v = validate->add_subcommand(
      "iati", "IATI 2.03: XSD (streaming) and the standard's rules");
  v->add_option("file", flags->file, "IATI XML file")->required();
  v->add_option("--db", flags->db, "database file (for the codelists)");
  v->add_option("--today", flags->today,
                "YYYY-MM-DD for the 'in the future' rules (default: today)");
  v->add_flag("--json", flags->json, "print the report as JSON");
  v->add_flag("-q,--quiet", flags->quiet, "print errors only");
  v->callback([flags, exit_code] { *exit_code = RunValidate(*flags); });

  CLI::App* imp = import_cmd->add_subcommand(
      "iati", "IATI 2.03 activities into projects (docs/iati.md)");
  imp->add_option("file", flags->import.file, "IATI XML file")->required();
  imp->add_option("--db", flags->db, "database file");
  imp->add_option("--id-prefix", flags->import.id_prefix,
                  "prefix of French authorities' prefix-SIREN identifiers "
                  "(default: from each reporting-org)");
  imp->add_flag("--dry-run", flags->import.dry_run,
                "do everything but write nothing");
  imp->add_option("--report", flags->report,
                  "write a JSON report of the import");
  imp->add_flag("--json", flags->json, "print the summary as JSON");
  imp->add_flag("-q,--quiet", flags->quiet, "print nothing");
  imp->callback([flags, exit_code] {
    auto registry = Registry::Open({flags->db, /*read_only=*/false});
    if (!registry.ok()) {
      *exit_code = Fail(registry.status());
      return;
    }
    *exit_code =
        EmitImport((*registry)->ImportIati(flags->import), flags->report,
                   flags->json, flags->quiet, PrintImport);
  });
}

void AddIatiExportFlags(CLI::App* exp, IatiExportOptions* options) {
  exp->add_option("--publisher", options->publisher,
                  "iati: reporting organisation identifier (e.g. "
                  "FR-INSEE-<SIREN>)");
  exp->add_option("--publisher-name", options->publisher_name,
                  "iati: reporting organisation name (default: the "
                  "--authority's name)");
  exp->add_option("--id-prefix", options->id_prefix,
                  "iati: prefix of French authorities' prefix-SIREN "
                  "identifiers (default: the publisher minus its last part)");
  exp->add_option("--today", options->today,
                  "iati: YYYY-MM-DD for dates and checks (default: today)");
  exp->add_flag("--force", options->force,
                "iati: write the file even when the checks find errors");
}

int RunIatiExport(const Registry& registry, const IatiExportOptions& options,
                  bool quiet) {
  auto report = registry.ExportIati(options);
  if (!report.ok()) return Fail(report.status());
  if (!quiet) {
    for (const auto& m : report->validation.messages) {
      fmt::print("{}:{}: {} [{}] {} {}\n", report->out, m.line, m.severity,
                 m.rule, m.activity, m.text);
    }
    fmt::print(
        "wrote {}: {} activities ({} bytes), schema {}, {} errors, {} "
        "warnings\n",
        report->out, report->activities, report->bytes,
        report->validation.schema_valid ? "valid" : "INVALID",
        report->validation.errors, report->validation.warnings);
  }
  return kExitOk;
}

}  // namespace coopatlas::tools
