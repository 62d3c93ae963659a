#include "tools/sdg_commands.h"

#include <fmt/core.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "coopatlas/registry.h"
#include "core/file.h"
#include "registry/sdg_json.h"
#include "tools/commands.h"

namespace coopatlas::tools {
namespace {

struct SdgFlags {
  std::string db;
  std::string text;
  bool text_given = false;  // --text "" is an (empty) text
  std::string file;
  std::int64_t project = 0;
  std::string lang;
  bool json = false;
  SdgFillOptions fill;
  std::string code;
  std::string actor;
};

// Human-readable suggestions: one line per goal, its evidence, its targets.
void Print(const SdgSuggestions& s) {
  if (s.goals.empty()) {
    fmt::print("no goal suggested{}\n", s.note.empty() ? "" : ": " + s.note);
    return;
  }
  for (const SdgGoalSuggestion& g : s.goals) {
    std::string words;
    for (const SdgEvidence& e : g.evidence) {
      words += (words.empty() ? "" : ", ") +
               fmt::format("\"{}\" ({})", e.words, e.code);
    }
    fmt::print("SDG {:>2}  score {:5.2f}  {}\n", g.goal, g.score, words);
    for (const SdgTargetSuggestion& t : s.targets) {
      if (t.goal == g.goal) {
        fmt::print("        target {:<6} score {:5.2f}\n", t.target, t.score);
      }
    }
  }
}

int Emit(const SdgFlags& flags, const Result<SdgSuggestions>& s) {
  if (!s.ok()) return Fail(s.status());
  if (flags.json) {
    fmt::print("{}\n", ToJson(*s).dump());
  } else {
    Print(*s);
  }
  return kExitOk;
}

// --file: one text per line in, one JSON object (or block) per line out,
// in order. An empty line gets an empty answer.
int SuggestFile(const SdgFlags& flags) {
  auto content = core::ReadFile(flags.file);
  if (!content.ok()) return Fail(content.status());
  std::string_view rest = *content;
  std::size_t line_no = 0;
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    auto s = Registry::SuggestSdgs(line, flags.lang);
    if (!s.ok()) {
      return Fail(
          s.status().WithContext(flags.file + ":" + std::to_string(line_no)));
    }
    if (flags.json) {
      fmt::print("{}\n", ToJson(*s).dump());
    } else {
      fmt::print("{}:{}: ", flags.file, line_no);
      Print(*s);
    }
  }
  return kExitOk;
}

int Suggest(const SdgFlags& flags) {
  const int given = (flags.text_given ? 1 : 0) + (flags.file.empty() ? 0 : 1) +
                    (flags.project > 0 ? 1 : 0);
  if (given != 1) {
    return Fail(Status::InvalidArgument(
        "give exactly one of --text, --file and --project"));
  }
  if (!flags.file.empty()) return SuggestFile(flags);
  if (flags.text_given) {
    return Emit(flags, Registry::SuggestSdgs(flags.text, flags.lang));
  }
  auto registry = Registry::Open({flags.db, /*read_only=*/true});
  if (!registry.ok()) return Fail(registry.status());
  auto view = (*registry)->SuggestProjectSdgs(flags.project);
  if (!view.ok()) return Fail(view.status());
  auto project = (*registry)->ShowProject(flags.project);
  if (!project.ok()) return Fail(project.status());
  if (flags.json) {
    fmt::print("{}\n", ToJson(*view, project->sdgs).dump());
    return kExitOk;
  }
  fmt::print("project {}: {}\n", view->project_id, view->text);
  for (const ProjectSdg& s : project->sdgs) {
    fmt::print("  stored: {} ({}, {})\n", s.code, s.origin, s.status);
  }
  Print(view->suggestions);
  return kExitOk;
}

int Fill(const SdgFlags& flags) {
  auto registry = Registry::Open({flags.db, /*read_only=*/false});
  if (!registry.ok()) return Fail(registry.status());
  auto report = (*registry)->FillSdgSuggestions(flags.fill);
  if (!report.ok()) return Fail(report.status());
  if (flags.json) {
    fmt::print("{}\n", ToJson(*report).dump());
    return kExitOk;
  }
  fmt::print(
      "{}{} projects seen, {} got suggestions; {} rows written, {} stale "
      "suggestions removed{}\n",
      flags.fill.dry_run ? "[dry run] " : "", report->projects_seen,
      report->projects_filled, report->rows_written, report->rows_removed,
      report->written ? "" : " (nothing written)");
  return kExitOk;
}

int Review(const SdgFlags& flags, bool accept) {
  auto registry = Registry::Open({flags.db, /*read_only=*/false});
  if (!registry.ok()) return Fail(registry.status());
  auto row =
      (*registry)->ReviewSdg(flags.project, flags.code, accept, flags.actor);
  if (!row.ok()) return Fail(row.status());
  if (flags.json) {
    fmt::print("{}\n", nlohmann::ordered_json{{"project", flags.project},
                                              {"code", row->code},
                                              {"origin", row->origin},
                                              {"status", row->status}}
                           .dump());
  } else {
    fmt::print("project {}: SDG {} {}\n", flags.project, row->code,
               row->status);
  }
  return kExitOk;
}

}  // namespace

void AddSdgCommands(CLI::App* app, const std::string& default_db,
                    int* exit_code) {
  auto flags = std::make_shared<SdgFlags>();
  flags->db = default_db;
  flags->actor = "cli";
  CLI::App* sdg = app->add_subcommand(
      "sdg", "Sustainable Development Goals: suggestions and their review");
  sdg->require_subcommand(1);

  CLI::App* suggest = sdg->add_subcommand(
      "suggest", "suggest the goals and targets of a text or a project");
  CLI::Option* text =
      suggest->add_option("--text", flags->text, "the text to analyse");
  suggest->add_option("--file", flags->file,
                      "a file with one text per line (one answer per line)");
  suggest->add_option("--project", flags->project, "a project's id");
  suggest->add_option("--lang", flags->lang,
                      "fr or en (default: detected from the text)");
  suggest->add_option("--db", flags->db, "database file (with --project)");
  suggest->add_flag("--json", flags->json, "print JSON");
  suggest->callback([flags, exit_code, text] {
    flags->text_given = text->count() > 0;
    *exit_code = Suggest(*flags);
  });

  CLI::App* fill = sdg->add_subcommand(
      "fill", "store suggestions for the projects that have no SDG");
  fill->add_option("--db", flags->db, "database file");
  fill->add_flag("--all", flags->fill.all,
                 "every project: refresh pending suggestions (never a "
                 "person's choice or a reviewed suggestion)");
  fill->add_flag("--dry-run", flags->fill.dry_run,
                 "count what would be written, write nothing");
  fill->add_option("--actor", flags->fill.actor,
                   "name recorded in the audit log");
  fill->add_flag("--json", flags->json, "print JSON");
  fill->callback([flags, exit_code] { *exit_code = Fill(*flags); });

  for (const bool accept : {true, false}) {
    CLI::App* review = sdg->add_subcommand(
        accept ? "accept" : "reject",
        accept ? "accept a stored SDG suggestion of a project"
               : "reject a stored SDG suggestion of a project");
    review->add_option("project", flags->project, "the project's id")
        ->required();
    review->add_option("code", flags->code, "goal (6) or target (6.1)")
        ->required();
    review->add_option("--db", flags->db, "database file");
    review->add_option("--actor", flags->actor,
                       "name recorded in the audit log (default: cli)");
    review->add_flag("--json", flags->json, "print JSON");
    review->callback(
        [flags, exit_code, accept] { *exit_code = Review(*flags, accept); });
  }
}

}  // namespace coopatlas::tools
