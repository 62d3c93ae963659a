#include "tools/commands.h"

#include <fmt/core.h>
#include <unistd.h>
#include <CLI/CLI.hpp>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "coopatlas/registry.h"
#include "core/file.h"
#include "core/utf8.h"
#include "http/server.h"
#include "registry/json_format.h"
#include "tools/finance_commands.h"
#include "tools/iati_commands.h"
#include "tools/records_commands.h"
#include "tools/sdg_commands.h"

namespace coopatlas::tools {
namespace {

std::string Thousands(std::int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  const int len = static_cast<int>(digits.size());
  for (int i = 0; i < len; ++i) {
    if (i > 0 && (len - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[static_cast<std::size_t>(i)]);
  }
  return out;
}

// --- init -------------------------------------------------------------

struct InitFlags {
  std::string db;
  std::string reference;
  bool force = false;
  bool quiet = false;
  bool json = false;
};

int RunInit(const InitFlags& flags) {
  InitOptions options;
  options.db_path = flags.db;
  options.reference_root = flags.reference;
  options.force = flags.force;
  Result<InitReport> report = Status::Internal("not run");
  {
    const TerminalProgress progress(!flags.quiet && !flags.json &&
                                    StderrIsTerminal());
    report = Registry::Init(options, progress.Callback());
  }
  if (!report.ok()) return Fail(report.status());
  if (flags.json) {
    nlohmann::ordered_json out = ToJson(report->info);
    out["created"] = report->created;
    out["reloaded"] = report->reloaded;
    out["seconds"] = report->seconds;
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  if (flags.quiet) return kExitOk;
  std::map<std::string, std::int64_t> counts;
  for (const auto& s : report->info.sources) {
    for (const auto& [k, v] : s.counts) counts[k] = v;
  }
  if (!report->reloaded) {
    fmt::print("{}: reference data already up to date ({:.2f} s)\n", flags.db,
               report->seconds);
    return kExitOk;
  }
  fmt::print(
      "{} {} in {:.1f} s: {} communes, {} communes déléguées, {} communes "
      "associées, {} arrondissements municipaux, {} EPCI, {} EPT, {} "
      "départements, {} régions, {} former names, {} countries, {} places "
      "abroad, {} SDG targets, {} themes\n",
      report->created ? "Created" : "Reloaded", flags.db, report->seconds,
      Thousands(counts["communes"]), Thousands(counts["communes_deleguees"]),
      Thousands(counts["communes_associees"]),
      Thousands(counts["arrondissements_municipaux"]),
      Thousands(counts["epci"]), Thousands(counts["ept"]),
      Thousands(counts["departements"]), Thousands(counts["regions"]),
      Thousands(counts["former_names"]), Thousands(counts["countries"]),
      Thousands(counts["places"]), Thousands(counts["targets"]),
      Thousands(counts["themes"]));
  return kExitOk;
}

// --- resolve ----------------------------------------------------------

struct ResolveFlags {
  std::string db;
  std::vector<std::string> names;
  std::string file;
  std::string country;
  bool country_mode = false;
  bool json = false;
  ResolveHints hints;
};

void PrintHuman(const ResolveResult& r) {
  fmt::print("{}: {}\n", r.query, ResolutionName(r.status));
  int rank = 0;
  for (const Candidate& c : r.candidates) {
    std::string where;
    if (!c.departement.empty()) where += " dép. " + c.departement;
    if (!c.region.empty()) where += " rég. " + c.region;
    fmt::print("  {}. {:<10} {} ({}){}{}  score {:.2f}  {}\n", ++rank, c.code,
               c.name, c.kind, where,
               c.population ? "  pop. " + Thousands(*c.population) : "",
               c.score, c.why);
  }
}

int RunResolve(const ResolveFlags& flags) {
  auto registry = Registry::Open({flags.db, /*read_only=*/true});
  if (!registry.ok()) return Fail(registry.status());
  const bool countries = flags.country_mode;
  auto resolve_one = [&](const std::string& name) {
    return countries ? (*registry)->ResolveCountry(name)
                     : (*registry)->Resolve(name, flags.hints);
  };
  if (!flags.file.empty()) {
    // Batch: validate the whole file first so that bad input prints
    // nothing, then one JSON object per line, in order.
    std::string text;
    if (flags.file == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), {});
    } else {
      auto content = core::ReadFile(flags.file);
      if (!content.ok()) return Fail(content.status());
      text = std::move(*content);
    }
    if (auto bad = core::FindInvalidUtf8(text)) {
      return Fail(Status::InvalidArgument(fmt::format(
          "{}: invalid UTF-8 at line {}, column {} (byte {}); convert the "
          "file to UTF-8 first",
          flags.file == "-" ? "<stdin>" : flags.file, bad->line, bad->column,
          bad->offset)));
    }
    std::string_view view = core::StripBom(text);
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start < view.size()) {
      std::size_t end = view.find('\n', start);
      if (end == std::string_view::npos) end = view.size();
      std::string_view line = view.substr(start, end - start);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      lines.push_back(line);
      start = end + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      auto result = resolve_one(std::string(lines[i]));
      if (!result.ok()) {
        return Fail(result.status().WithContext(
            fmt::format("{}: line {}", flags.file, i + 1)));
      }
      out += ToJson(*result).dump();
      out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  std::vector<std::string> names = flags.names;
  if (countries && !flags.country.empty())
    names.insert(names.begin(), flags.country);
  if (names.empty()) {
    return Fail(
        Status::InvalidArgument("give a name, --country NAME, or --file FILE"));
  }
  bool all_unique = true;
  for (const std::string& name : names) {
    auto result = resolve_one(name);
    if (!result.ok()) return Fail(result.status());
    all_unique = all_unique && result->status == Resolution::kUnique;
    if (flags.json) {
      std::cout << ToJson(*result).dump(names.size() == 1 ? 2 : -1) << "\n";
    } else {
      PrintHuman(*result);
    }
  }
  return all_unique ? kExitOk : kExitNotUnique;
}

// --- import -----------------------------------------------------------

struct ImportFlags {
  std::string db;
  std::string report;
  bool quiet = false;
  bool json = false;
  TwinningImportOptions twinnings;
};

void PrintSummary(const ImportReport& r) {
  fmt::print("{}{}: {} lines ({}) in {:.2f} s\n", r.dry_run ? "[dry run] " : "",
             r.source, Thousands(static_cast<std::int64_t>(r.lines)),
             r.encoding, r.seconds);
  fmt::print("  {}: {} created, {} updated, {} unchanged\n", r.kind,
             Thousands(r.created), Thousands(r.updated),
             Thousands(r.unchanged));
  for (const auto& [kind, n] : r.others) {
    fmt::print("  {}: {}\n", kind, Thousands(n));
  }
  for (const auto& [outcome, n] : r.outcomes) {
    fmt::print("  lines {}: {}\n", outcome, Thousands(n));
  }
  if (!r.issues.empty()) {
    fmt::print("  {} names to decide (ambiguous or unknown); see --report\n",
               r.issues.size());
  }
  if (r.dry_run) {
    fmt::print("  nothing written (dry run)\n");
  } else if (!r.written) {
    fmt::print("  nothing new: the database is unchanged\n");
  }
}

int RunImportTwinnings(const ImportFlags& flags) {
  auto registry = Registry::Open({flags.db, /*read_only=*/false});
  if (!registry.ok()) return Fail(registry.status());
  Result<ImportReport> report = Status::Internal("not run");
  {
    const TerminalProgress progress(!flags.quiet && !flags.json &&
                                    StderrIsTerminal());
    report = (*registry)->ImportTwinnings(flags.twinnings, progress.Callback());
  }
  return EmitImport(report, flags.report, flags.json, flags.quiet,
                    PrintSummary);
}

// --- info and serve ---------------------------------------------------

int RunInfo(const std::string& db, bool json) {
  auto registry = Registry::Open({db, /*read_only=*/true});
  if (!registry.ok()) return Fail(registry.status());
  auto info = (*registry)->Info();
  if (!info.ok()) return Fail(info.status());
  if (json) {
    std::cout << ToJson(*info).dump(2) << "\n";
    return kExitOk;
  }
  fmt::print("database {} (schema {})\n", info->path, info->schema_version);
  std::string records;
  for (const auto& [k, v] : info->records) {
    records += (records.empty() ? "" : ", ") + k + " " + Thousands(v);
  }
  fmt::print("  records: {}\n", records);
  for (const auto& s : info->sources) {
    std::string counts;
    for (const auto& [k, v] : s.counts) {
      counts += (counts.empty() ? "" : ", ") + k + " " + Thousands(v);
    }
    fmt::print("  {} {} ({}): {}\n", s.name, s.version, s.licence, counts);
  }
  return kExitOk;
}

struct ServeFlags {
  std::string db;
  http::ServerOptions server;
};

int RunServe(const ServeFlags& flags) {
  auto registry = Registry::Open({flags.db, /*read_only=*/true});
  if (!registry.ok()) return Fail(registry.status());
  http::Server server(registry->get(), flags.server);
  auto port = server.Bind();
  if (!port.ok()) return Fail(port.status());
  fmt::print(stderr, "coopatlas: serving {} on http://{}:{}/\n", flags.db,
             flags.server.host, *port);
  // Statistics and the search index load while the server already answers
  // (seconds on a large database), not on the first visitor's request.
  std::thread warm([&registry] {
    const Status warmed = (*registry)->Warm();
    if (!warmed.ok()) fmt::print(stderr, "coopatlas: {}\n", warmed.ToString());
  });
  const Status status = server.Run();
  warm.join();
  if (!status.ok()) return Fail(status);
  return kExitOk;
}

}  // namespace

bool StderrIsTerminal() { return isatty(STDERR_FILENO) == 1; }

TerminalProgress::~TerminalProgress() {
  if (enabled_) fmt::print(stderr, "\r\033[K");
}

ProgressFn TerminalProgress::Callback() const {
  const bool enabled = enabled_;
  return
      [enabled](std::string_view phase, std::size_t done, std::size_t total) {
        if (!enabled) return;
        if (total > 0) {
          fmt::print(stderr, "\r\033[K{} {}/{}", phase, done, total);
        } else {
          fmt::print(stderr, "\r\033[K{}…", phase);
        }
      };
}

int EmitImport(const Result<ImportReport>& report,
               const std::string& report_path, bool json, bool quiet,
               const std::function<void(const ImportReport&)>& print) {
  if (!report.ok()) return Fail(report.status());
  if (!report_path.empty()) {
    const Status s =
        core::WriteFileAtomic(report_path, ToJson(*report).dump(2) + "\n");
    if (!s.ok()) return Fail(s);
  }
  if (json) {
    std::cout << SummaryJson(*report).dump(2) << "\n";
  } else if (!quiet) {
    print(*report);
  }
  return kExitOk;
}

int ExitCodeOf(const Status& status) {
  switch (status.code()) {
    case Code::kOk:
      return kExitOk;
    case Code::kInvalidArgument:
      return kExitInvalidInput;
    case Code::kNotFound:
      return kExitNotFound;
    case Code::kFailedPrecondition:
    case Code::kConflict:
      return kExitPrecondition;
    case Code::kIo:
      return kExitIo;
    case Code::kCorruption:
    case Code::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& status) {
  fmt::print(stderr, "coopatlas: {}\n", status.message());
  return ExitCodeOf(status);
}

int Run(int argc, char** argv) {
  CLI::App app{"coopatlas: the atlas of French decentralised cooperation",
               "coopatlas"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("coopatlas 0.1.0"));
  const std::string default_db = DefaultDatabasePath();

  InitFlags init;
  init.db = default_db;
  init.reference = DefaultReferenceRoot();
  CLI::App* init_cmd = app.add_subcommand(
      "init", "create a database and load the reference data");
  init_cmd->add_option("--db", init.db,
                       "database file (default: $COOPATLAS_DB, else "
                       "./coopatlas.db)");
  init_cmd->add_option("--reference", init.reference,
                       "folder holding node_modules/, data/, third_party/");
  init_cmd->add_flag("--force", init.force,
                     "reload the reference data even if unchanged");
  init_cmd->add_flag("-q,--quiet", init.quiet, "print nothing on success");
  init_cmd->add_flag("--json", init.json, "print a JSON report");

  ResolveFlags resolve;
  resolve.db = default_db;
  CLI::App* resolve_cmd = app.add_subcommand(
      "resolve", "names of French authorities (or countries) to codes");
  resolve_cmd->add_option("names", resolve.names, "names to resolve");
  resolve_cmd->add_option("--db", resolve.db, "database file");
  resolve_cmd->add_option("--file", resolve.file,
                          "one name per line (- for stdin); prints one JSON "
                          "object per line");
  auto* country_opt = resolve_cmd->add_option("--country", resolve.country,
                                              "resolve a country name or code");
  resolve_cmd->add_flag("--countries", resolve.country_mode,
                        "with --file: the lines are country names");
  resolve_cmd->add_flag("--json", resolve.json, "print JSON");
  resolve_cmd->add_option("--departement", resolve.hints.departement,
                          "only in this département (code or name)");
  resolve_cmd->add_option("--postcode", resolve.hints.postcode,
                          "only communes with this postcode");
  resolve_cmd->add_option("--kind", resolve.hints.kind,
                          "only this kind: commune, epci, departement, "
                          "region, …");

  ImportFlags import;
  import.db = default_db;
  CLI::App* import_cmd =
      app.add_subcommand("import", "import records from a file");
  import_cmd->require_subcommand(1);
  CLI::App* import_twinnings = import_cmd->add_subcommand(
      "twinnings", "a twin-town list (CSV with a French and a partner side)");
  import_twinnings->add_option("file", import.twinnings.file, "CSV file")
      ->required();
  import_twinnings->add_option("--db", import.db, "database file");
  import_twinnings->add_option(
      "--columns", import.twinnings.columns,
      "map other headers: city1=H,country1=H,city2=H,country2=H");
  import_twinnings->add_option("--country1", import.twinnings.country1,
                               "fixed country of side 1 (no country column)");
  import_twinnings->add_option("--country2", import.twinnings.country2,
                               "fixed country of side 2 (no country column)");
  import_twinnings->add_option(
      "--resolutions", import.twinnings.resolutions_file,
      "CSV of decisions for ambiguous names: name,departement,code");
  import_twinnings->add_flag("--dry-run", import.twinnings.dry_run,
                             "do everything but write nothing");
  import_twinnings->add_flag("--demo", import.twinnings.demo,
                             "flag the records as demonstration data");
  import_twinnings->add_option("--report", import.report,
                               "write a JSON report of every line");
  import_twinnings->add_flag("-q,--quiet", import.quiet, "print nothing");
  import_twinnings->add_flag("--json", import.json,
                             "print the summary as JSON");

  int record_exit = kExitUsage;
  AddRecordCommands(&app, import_cmd, default_db, &record_exit);
  AddSdgCommands(&app, default_db, &record_exit);
  AddFinanceCommands(&app, default_db, &record_exit);
  AddIatiCommands(&app, import_cmd, default_db, &record_exit);

  std::string info_db = default_db;
  bool info_json = false;
  CLI::App* info_cmd =
      app.add_subcommand("info", "what a database holds and where from");
  info_cmd->add_option("--db", info_db, "database file");
  info_cmd->add_flag("--json", info_json, "print JSON");

  ServeFlags serve;
  serve.db = default_db;
  serve.server.web_root = DefaultReferenceRoot() + "/web";
  serve.server.vendor_root = DefaultReferenceRoot() + "/node_modules";
  CLI::App* serve_cmd =
      app.add_subcommand("serve", "serve the atlas over HTTP");
  serve_cmd->add_option("--db", serve.db, "database file");
  serve_cmd->add_option("--host", serve.server.host,
                        "address to listen on (default 127.0.0.1)");
  serve_cmd->add_option("--port", serve.server.port,
                        "port (default 8080; 0 picks a free one)");
  serve_cmd->add_option("--web-root", serve.server.web_root,
                        "folder of the user interface files");
  serve_cmd->add_option("--threads", serve.server.threads, "worker threads");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  if (*init_cmd) return RunInit(init);
  if (*resolve_cmd) {
    if (country_opt->count() > 0) resolve.country_mode = true;
    return RunResolve(resolve);
  }
  if (*info_cmd) return RunInfo(info_db, info_json);
  if (*import_twinnings) return RunImportTwinnings(import);
  if (*serve_cmd) return RunServe(serve);
  return record_exit;
}

}  // namespace coopatlas::tools
