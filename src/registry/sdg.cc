// SDG suggestions through the registry: tagging a text or a project,
// storing suggestions, and their review (docs/sdg.md).
#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "core/utf8.h"
#include "registry/registry_impl.h"
#include "registry/sdg_import.h"
#include "registry/sdg_json.h"
#include "sdg/tagger.h"
#include "store/writer.h"

namespace coopatlas {
namespace {

// The tagger of a reference root, loaded once per process (the lexicons
// are read-only data; a failed load is retried on the next call).
Result<const sdg::Tagger*> GetTagger() {
  static std::mutex mutex;
  static std::map<std::string, std::unique_ptr<sdg::Tagger>> taggers;
  const std::string root = DefaultReferenceRoot();
  std::lock_guard<std::mutex> lock(mutex);
  auto it = taggers.find(root);
  if (it == taggers.end()) {
    COOPATLAS_ASSIGN_OR_RETURN(sdg::Tagger tagger, sdg::Tagger::Load(root));
    it = taggers.emplace(root, std::make_unique<sdg::Tagger>(std::move(tagger)))
             .first;
  }
  return static_cast<const sdg::Tagger*>(it->second.get());
}

struct ProjectText {
  std::int64_t id = 0;
  std::string text;
  sdg::Lang lang = sdg::Lang::kFrench;
};

std::string Join(const std::string& title, const std::string& description) {
  if (title.empty()) return description;
  if (description.empty()) return title;
  return title + ". " + description;
}

// The text of every project (or of one), French if any, else English.
Result<std::vector<ProjectText>> ReadTexts(store::Db* db,
                                           std::optional<std::int64_t> id) {
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement s,
      db->Prepare("SELECT id, coalesce(title_fr, ''), "
                  "coalesce(description_fr, ''), coalesce(title_en, ''), "
                  "coalesce(description_en, '') FROM project WHERE ?1 IS "
                  "NULL OR id = ?1 ORDER BY id"));
  if (id) {
    s.Bind(1, *id);
  } else {
    s.BindNull(1);
  }
  std::vector<ProjectText> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ProjectText p;
    p.id = s.ColumnInt(0);
    p.text = Join(s.ColumnText(1), s.ColumnText(2));
    if (p.text.empty()) {
      p.text = Join(s.ColumnText(3), s.ColumnText(4));
      p.lang = sdg::Lang::kEnglish;
    }
    out.push_back(std::move(p));
  }
  return out;
}

struct StoredRow {
  std::string origin, status;
};

// project id -> code -> its stored SDG row.
Result<std::map<std::int64_t, std::map<std::string, StoredRow>>> ReadRows(
    store::Db* db) {
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement s,
      db->Prepare("SELECT project_id, code, origin, status FROM project_sdg"));
  std::map<std::int64_t, std::map<std::string, StoredRow>> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out[s.ColumnInt(0)][s.ColumnText(1)] = {s.ColumnText(2), s.ColumnText(3)};
  }
  return out;
}

std::string EvidenceText(const std::vector<SdgEvidence>& list) {
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  for (const SdgEvidence& e : list) j.push_back(SdgEvidenceJson(e));
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

double Round2(double v) { return std::round(v * 100.0) / 100.0; }

// Makes the project's 'sdg' facet values in the search index (if it has a
// document there) the goals of its accepted SDG rows, as the full rebuild
// (store/search_index.cc) would. Reads see the writer's own changes.
Status SyncSdgFacet(store::Db* db, store::Writer* writer,
                    std::int64_t project_id) {
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement doc_stmt,
      db->Prepare("SELECT id FROM search_doc WHERE kind = 'project' AND "
                  "record_id = ?"));
  doc_stmt.Bind(1, project_id);
  COOPATLAS_ASSIGN_OR_RETURN(bool indexed, doc_stmt.Step());
  if (!indexed) return Status::Ok();  // no index yet: `reindex` builds it
  const std::int64_t doc = doc_stmt.ColumnInt(0);
  doc_stmt.Reset();
  std::set<std::string> wanted, current;
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement goals,
      db->Prepare("SELECT DISTINCT CASE WHEN instr(code, '.') > 0 THEN "
                  "substr(code, 1, instr(code, '.') - 1) ELSE code END FROM "
                  "project_sdg WHERE project_id = ? AND status = "
                  "'accepted'"));
  goals.Bind(1, project_id);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, goals.Step());
    if (!row) break;
    wanted.insert(goals.ColumnText(0));
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement facets,
      db->Prepare("SELECT value FROM search_facet WHERE doc = ? AND facet = "
                  "'sdg'"));
  facets.Bind(1, doc);
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, facets.Step());
    if (!row) break;
    current.insert(facets.ColumnText(0));
  }
  for (const std::string& v : current) {
    if (wanted.count(v) == 0) {
      COOPATLAS_RETURN_IF_ERROR(writer->Delete(
          "search_facet",
          {{"facet", std::string("sdg")}, {"value", v}, {"doc", doc}}));
    }
  }
  for (const std::string& v : wanted) {
    if (current.count(v) == 0) {
      COOPATLAS_ASSIGN_OR_RETURN(
          store::PutOutcome outcome,
          writer->Put(
              "search_facet",
              {{"facet", std::string("sdg")}, {"value", v}, {"doc", doc}}, 3));
      (void)outcome;
    }
  }
  return Status::Ok();
}

}  // namespace

nlohmann::ordered_json SdgEvidenceJson(const SdgEvidence& e) {
  return {{"words", e.words}, {"target", e.code}, {"weight", Round2(e.weight)},
          {"count", e.count}, {"begin", e.begin}, {"end", e.end}};
}

nlohmann::ordered_json ToJson(const SdgSuggestions& s) {
  nlohmann::ordered_json j;
  j["language"] = s.language.empty() ? nlohmann::ordered_json(nullptr)
                                     : nlohmann::ordered_json(s.language);
  auto evidence = [](const std::vector<SdgEvidence>& list) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const SdgEvidence& e : list) out.push_back(SdgEvidenceJson(e));
    return out;
  };
  j["goals"] = nlohmann::ordered_json::array();
  for (const SdgGoalSuggestion& g : s.goals) {
    j["goals"].push_back({{"goal", g.goal},
                          {"score", Round2(g.score)},
                          {"evidence", evidence(g.evidence)}});
  }
  j["targets"] = nlohmann::ordered_json::array();
  for (const SdgTargetSuggestion& t : s.targets) {
    j["targets"].push_back({{"target", t.target},
                            {"goal", t.goal},
                            {"score", Round2(t.score)},
                            {"evidence", evidence(t.evidence)}});
  }
  if (!s.note.empty()) j["note"] = s.note;
  return j;
}

nlohmann::ordered_json ToJson(const SdgFillReport& r) {
  return {{"projects_seen", r.projects_seen},
          {"projects_filled", r.projects_filled},
          {"rows_written", r.rows_written},
          {"rows_removed", r.rows_removed},
          {"written", r.written}};
}

nlohmann::ordered_json ToJson(const ProjectSdgView& v,
                              const std::vector<ProjectSdg>& stored) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const ProjectSdg& s : stored) {
    nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
    if (!s.evidence.empty()) {
      evidence = nlohmann::ordered_json::parse(s.evidence, nullptr, false);
      if (evidence.is_discarded()) evidence = s.evidence;
    }
    rows.push_back({{"code", s.code},
                    {"origin", s.origin},
                    {"status", s.status},
                    {"score", s.score ? nlohmann::ordered_json(*s.score)
                                      : nlohmann::ordered_json(nullptr)},
                    {"evidence", evidence}});
  }
  return {{"project", v.project_id},
          {"text", v.text},
          {"stored", rows},
          {"suggestions", ToJson(v.suggestions)}};
}

Result<std::vector<ProjectSdg>> KeptSdgSuggestions(
    store::Db* db, const std::string& ref,
    const std::vector<std::string>& file_codes) {
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement s,
      db->Prepare("SELECT s.code, s.status, s.score, coalesce(s.evidence, "
                  "'') FROM project_sdg s JOIN project p ON p.id = "
                  "s.project_id WHERE p.ref = ? AND s.origin = 'suggestion' "
                  "ORDER BY s.code"));
  s.Bind(1, ref);
  std::vector<ProjectSdg> out;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ProjectSdg sdg;
    sdg.code = s.ColumnText(0);
    if (std::find(file_codes.begin(), file_codes.end(), sdg.code) !=
        file_codes.end()) {
      continue;
    }
    sdg.origin = "suggestion";
    sdg.status = s.ColumnText(1);
    if (!s.ColumnIsNull(2)) sdg.score = s.ColumnDouble(2);
    sdg.evidence = s.ColumnText(3);
    out.push_back(std::move(sdg));
  }
  return out;
}

Result<SdgSuggestions> Registry::SuggestSdgs(std::string_view text,
                                             std::string_view lang) {
  if (!core::IsValidUtf8(text)) {
    return Status::InvalidArgument("the text is not valid UTF-8");
  }
  std::optional<sdg::Lang> forced;
  if (!lang.empty()) {
    forced = sdg::ParseLang(lang);
    if (!forced) {
      return Status::InvalidArgument("unknown language '" + std::string(lang) +
                                     "' (expected fr or en)");
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(const sdg::Tagger* tagger, GetTagger());
  return tagger->Suggest(text, forced);
}

Result<ProjectSdgView> Registry::SuggestProjectSdgs(
    std::int64_t project_id) const {
  COOPATLAS_ASSIGN_OR_RETURN(const sdg::Tagger* tagger, GetTagger());
  std::vector<ProjectText> texts;
  {
    std::lock_guard<std::mutex> lock(impl_->db_mutex);
    COOPATLAS_ASSIGN_OR_RETURN(texts, ReadTexts(impl_->db.get(), project_id));
  }
  if (texts.empty()) {
    return Status::NotFound("no project " + std::to_string(project_id));
  }
  ProjectSdgView view;
  view.project_id = project_id;
  view.text = texts[0].text;
  view.suggestions = tagger->Suggest(texts[0].text, texts[0].lang);
  return view;
}

Result<SdgFillReport> Registry::FillSdgSuggestions(
    const SdgFillOptions& options) {
  if (options.actor.empty()) return Status::InvalidArgument("no actor given");
  COOPATLAS_ASSIGN_OR_RETURN(const sdg::Tagger* tagger, GetTagger());
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(auto texts, ReadTexts(db, std::nullopt));
  COOPATLAS_ASSIGN_OR_RETURN(auto stored, ReadRows(db));
  COOPATLAS_ASSIGN_OR_RETURN(auto writer,
                             store::Writer::Begin(db, {options.actor, {}}));
  SdgFillReport report;
  for (const ProjectText& p : texts) {
    ++report.projects_seen;
    const auto& rows = stored[p.id];
    if (!options.all && !rows.empty()) continue;
    const SdgSuggestions s = tagger->Suggest(p.text, p.lang);
    std::map<std::string, store::Row> wanted;
    for (const SdgGoalSuggestion& g : s.goals) {
      const std::string code = std::to_string(g.goal);
      wanted[code] = {{"project_id", p.id},
                      {"code", code},
                      {"origin", std::string("suggestion")},
                      {"status", std::string("suggested")},
                      {"score", Round2(g.score)},
                      {"evidence", EvidenceText(g.evidence)}};
    }
    for (const SdgTargetSuggestion& t : s.targets) {
      wanted[t.target] = {{"project_id", p.id},
                          {"code", t.target},
                          {"origin", std::string("suggestion")},
                          {"status", std::string("suggested")},
                          {"score", Round2(t.score)},
                          {"evidence", EvidenceText(t.evidence)}};
    }
    // Pending suggestions no longer suggested go; a person's rows and
    // reviewed suggestions stay as they are.
    for (const auto& [code, row] : rows) {
      const bool pending =
          row.origin == "suggestion" && row.status == "suggested";
      if (!pending) {
        wanted.erase(code);
      } else if (wanted.count(code) == 0) {
        COOPATLAS_RETURN_IF_ERROR(writer->Delete(
            "project_sdg", {{"project_id", p.id}, {"code", code}}));
        ++report.rows_removed;
      }
    }
    if (!s.goals.empty()) ++report.projects_filled;
    for (const auto& [code, row] : wanted) {
      COOPATLAS_ASSIGN_OR_RETURN(store::PutOutcome outcome,
                                 writer->Put("project_sdg", row, 2));
      if (outcome != store::PutOutcome::kUnchanged) ++report.rows_written;
    }
  }
  if (options.dry_run || report.rows_written + report.rows_removed == 0) {
    return report;  // the writer rolls back
  }
  COOPATLAS_RETURN_IF_ERROR(writer->Commit());
  ++impl_->generation;
  report.written = true;
  return report;
}

Result<ProjectSdg> Registry::ReviewSdg(std::int64_t project_id,
                                       const std::string& code, bool accept,
                                       const std::string& actor) {
  if (actor.empty()) return Status::InvalidArgument("no actor given");
  COOPATLAS_ASSIGN_OR_RETURN(const sdg::Tagger* tagger, GetTagger());
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  store::Db* db = impl_->db.get();
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement s,
      db->Prepare("SELECT origin, status, score, coalesce(evidence, '') FROM "
                  "project_sdg WHERE project_id = ? AND code = ?"));
  s.Bind(1, project_id).Bind(2, code);
  COOPATLAS_ASSIGN_OR_RETURN(bool found, s.Step());
  ProjectSdg row;
  row.code = code;
  row.status = accept ? "accepted" : "rejected";
  store::Row put = {
      {"project_id", project_id}, {"code", code}, {"status", row.status}};
  if (found) {
    row.origin = s.ColumnText(0);
    if (!s.ColumnIsNull(2)) row.score = s.ColumnDouble(2);
    row.evidence = s.ColumnText(3);
    s.Reset();
  } else {
    // Not stored yet: it must be one of the tagger's current suggestions
    // for the project (what its page shows), stored with the decision.
    s.Reset();
    COOPATLAS_ASSIGN_OR_RETURN(auto texts, ReadTexts(db, project_id));
    if (texts.empty()) {
      return Status::NotFound("no project " + std::to_string(project_id));
    }
    const SdgSuggestions now = tagger->Suggest(texts[0].text, texts[0].lang);
    for (const SdgGoalSuggestion& g : now.goals) {
      if (std::to_string(g.goal) == code) {
        row.score = Round2(g.score);
        row.evidence = EvidenceText(g.evidence);
      }
    }
    for (const SdgTargetSuggestion& t : now.targets) {
      if (t.target == code) {
        row.score = Round2(t.score);
        row.evidence = EvidenceText(t.evidence);
      }
    }
    if (!row.score) {
      return Status::NotFound("project " + std::to_string(project_id) +
                              " has no SDG row or suggestion '" + code + "'");
    }
    row.origin = "suggestion";
    put = {{"project_id", project_id}, {"code", code},
           {"origin", row.origin},     {"status", row.status},
           {"score", *row.score},      {"evidence", row.evidence}};
  }
  COOPATLAS_ASSIGN_OR_RETURN(auto writer,
                             store::Writer::Begin(db, {actor, {}}));
  COOPATLAS_ASSIGN_OR_RETURN(store::PutOutcome outcome,
                             writer->Put("project_sdg", put, 2));
  if (outcome != store::PutOutcome::kUnchanged) {
    // Accepted goals are search facets: the project's 'sdg' facet rows
    // follow in the same transaction.
    COOPATLAS_RETURN_IF_ERROR(SyncSdgFacet(db, writer.get(), project_id));
    COOPATLAS_RETURN_IF_ERROR(writer->Commit());
    ++impl_->generation;
  }
  return row;
}

}  // namespace coopatlas
