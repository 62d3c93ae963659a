// SDG suggestions end to end: `sdg fill` stores suggestions for projects
// without SDGs (audited, idempotent, never touching a person's choice),
// accept/reject through the registry, the CLI and the HTTP API.
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/wait.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "http/api.h"
#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

// Two projects without SDGs (written for this test) and one with a
// person's SDG.
constexpr const char* kProjects =
    "ref_projet,titre,description,collectivite_fr,collectivite_partenaire,"
    "pays,odd\n"
    "SDG-1,Forages au village,\"Réalisation de quatre forages équipés de "
    "pompes et construction de latrines à l'école pour l'accès à l'eau "
    "potable et à l'assainissement.\",35238,Louga,Sénégal,\n"
    "SDG-2,Concert d'amitié,\"La chorale de la ville jumelle donne un concert "
    "sur la place.\",35238,Louga,Sénégal,\n"
    "SDG-3,Santé maternelle,\"Équipement de la maternité du centre de santé "
    "et formation des sages-femmes.\",35238,Louga,Sénégal,3.1\n";

class SdgTest : public ::testing::Test {
 protected:
  void SetUp() override {
    registry_ = db_.Open();
    ASSERT_NE(registry_, nullptr);
    ProjectImportOptions o;
    o.projects_file = db_.Write("projets.csv", kProjects);
    auto report = registry_->ImportProjects(o);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    auto list = registry_->ListProjects({});
    ASSERT_TRUE(list.ok());
    for (const Project& p : *list) ids_[p.ref] = p.meta.id;
    ASSERT_EQ(ids_.size(), 3U);
  }

  std::int64_t Rows(const std::string& where) const {
    return CountRows(db_.path(),
                     "SELECT count(*) FROM project_sdg WHERE " + where);
  }

  ScratchDb db_;
  std::unique_ptr<Registry> registry_;
  std::map<std::string, std::int64_t> ids_;
};

TEST_F(SdgTest, FillStoresSuggestionsForProjectsWithoutSdgOnly) {
  const std::string w = std::to_string(ids_["SDG-1"]);
  SdgFillOptions dry;
  dry.dry_run = true;
  const std::string before = Digest(db_.path());
  auto report = registry_->FillSdgSuggestions(dry);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->projects_seen, 3);
  EXPECT_EQ(report->projects_filled, 1);  // the concert serves no goal
  EXPECT_GT(report->rows_written, 0);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(Digest(db_.path()), before);

  report = registry_->FillSdgSuggestions({});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->written);
  // Goal 6 with targets, marked as suggestions, with score and evidence.
  EXPECT_EQ(Rows("project_id = " + w +
                 " AND code = '6' AND origin = 'suggestion' AND status = "
                 "'suggested' AND score > 0 AND evidence LIKE '%forages%'"),
            1);
  EXPECT_GE(Rows("project_id = " + w + " AND code LIKE '6.%'"), 1);
  EXPECT_EQ(Rows("project_id = " + std::to_string(ids_["SDG-2"])), 0);
  // The project with a person's SDG is untouched.
  EXPECT_EQ(Rows("project_id = " + std::to_string(ids_["SDG-3"])), 1);
  EXPECT_EQ(CountRows(db_.path(),
                      "SELECT count(*) FROM audit WHERE entity = "
                      "'project_sdg' AND actor = 'system:sdg-fill'"),
            report->rows_written);

  // Again: nothing to do.
  const std::string after = Digest(db_.path());
  report = registry_->FillSdgSuggestions({});
  ASSERT_TRUE(report.ok());
  EXPECT_EQ(report->rows_written, 0);
  EXPECT_FALSE(report->written);
  EXPECT_EQ(Digest(db_.path()), after);

  // --all: the person's project gets suggestions beside its own row, which
  // stays as it was.
  SdgFillOptions all;
  all.all = true;
  report = registry_->FillSdgSuggestions(all);
  ASSERT_TRUE(report.ok());
  const std::string m = std::to_string(ids_["SDG-3"]);
  EXPECT_EQ(Rows("project_id = " + m +
                 " AND code = '3.1' AND origin = 'person' AND status = "
                 "'accepted'"),
            1);
  EXPECT_EQ(
      Rows("project_id = " + m + " AND code = '3' AND origin = 'suggestion'"),
      1);
}

TEST_F(SdgTest, AcceptAndRejectAreAuditedAndFeedTheSearchFacet) {
  const std::int64_t id = ids_["SDG-1"];
  ASSERT_TRUE(registry_->FillSdgSuggestions({}).ok());
  auto row = registry_->ReviewSdg(id, "6", true, "alice");
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(row->status, "accepted");
  EXPECT_EQ(row->origin, "suggestion");
  EXPECT_EQ(CountRows(db_.path(),
                      "SELECT count(*) FROM audit WHERE entity = "
                      "'project_sdg' AND actor = 'alice' AND entity_id = '" +
                          std::to_string(id) +
                          "/6' AND new_value LIKE "
                          "'%accepted%'"),
            1);
  // Accepted goals are search facets.
  SearchOptions search;
  search.filters["sdg"] = {"6"};
  search.filters["type"] = {"project"};
  auto page = registry_->Search(search);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  bool found = false;
  for (const auto& hit : page->results) found |= hit.id == id;
  EXPECT_TRUE(found);

  row = registry_->ReviewSdg(id, "6", false, "bob");
  ASSERT_TRUE(row.ok());
  EXPECT_EQ(row->status, "rejected");
  page = registry_->Search(search);
  ASSERT_TRUE(page.ok());
  for (const auto& hit : page->results) EXPECT_NE(hit.id, id);
  // A rejected suggestion is not suggested again by fill --all.
  SdgFillOptions all;
  all.all = true;
  ASSERT_TRUE(registry_->FillSdgSuggestions(all).ok());
  EXPECT_EQ(Rows("project_id = " + std::to_string(id) +
                 " AND code = '6' AND status = 'rejected'"),
            1);

  // Unknown code, unknown project: not found, nothing written.
  const std::string before = Digest(db_.path());
  EXPECT_EQ(registry_->ReviewSdg(id, "15", true, "alice").status().code(),
            Code::kNotFound);
  EXPECT_EQ(registry_->ReviewSdg(999999, "6", true, "alice").status().code(),
            Code::kNotFound);
  EXPECT_EQ(Digest(db_.path()), before);
}

TEST_F(SdgTest, ReimportingTheFileKeepsSuggestionsAndTheirReview) {
  const std::int64_t id = ids_["SDG-1"];
  ASSERT_TRUE(registry_->FillSdgSuggestions({}).ok());
  ASSERT_TRUE(registry_->ReviewSdg(id, "6", false, "alice").ok());
  const std::int64_t suggestions = Rows("origin = 'suggestion'");
  ASSERT_GT(suggestions, 1);
  const std::string before = Digest(db_.path());
  ProjectImportOptions o;
  o.projects_file = db_.File("projets.csv");
  auto report = registry_->ImportProjects(o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(Rows("origin = 'suggestion'"), suggestions);
  EXPECT_EQ(Rows("project_id = " + std::to_string(id) +
                 " AND code = '6' AND status = 'rejected'"),
            1);
  EXPECT_EQ(Digest(db_.path()), before);  // the same file changes nothing
  // A file that now lists a suggested code makes it a person's choice.
  const std::string w = std::to_string(id);
  std::string changed = kProjects;
  changed.replace(changed.find("Sénégal,\n"), 9, "Sénégal,6.1\n");
  o.projects_file = db_.Write("projets2.csv", changed);
  ASSERT_TRUE(registry_->ImportProjects(o).ok());
  EXPECT_EQ(
      Rows("project_id = " + w + " AND code = '6.1' AND origin = 'person'"), 1);
  EXPECT_EQ(Rows("project_id = " + w +
                 " AND code = '6' AND origin = "
                 "'suggestion' AND status = 'rejected'"),
            1);
}

TEST_F(SdgTest, AcceptingACurrentSuggestionNotStoredYetStoresIt) {
  const std::int64_t id = ids_["SDG-1"];
  auto view = registry_->SuggestProjectSdgs(id);
  ASSERT_TRUE(view.ok());
  ASSERT_FALSE(view->suggestions.goals.empty());
  EXPECT_EQ(view->suggestions.goals[0].goal, 6);
  EXPECT_EQ(view->suggestions.language, "fr");
  auto row = registry_->ReviewSdg(id, "6", true, "alice");
  ASSERT_TRUE(row.ok()) << row.status().ToString();
  EXPECT_EQ(Rows("project_id = " + std::to_string(id) +
                 " AND code = '6' AND origin = 'suggestion' AND status = "
                 "'accepted' AND evidence LIKE '%latrines%'"),
            1);
}

TEST_F(SdgTest, ApiSuggestsAndReviews) {
  auto reader = Registry::Open({db_.path(), true});
  ASSERT_TRUE(reader.ok());
  http::Api api(reader->get(), SourceDir() + "/web");
  auto call = [&](const std::string& method, const std::string& target) {
    httplib::Request req;
    req.method = method;
    const std::size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) {
      httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    }
    req.remote_addr = "192.0.2.7";
    httplib::Response res;
    api.Dispatch(req, res);
    return res;
  };
  auto res = call("GET", "/api/v1/sdg/suggest?text=forages%20et%20latrines");
  ASSERT_EQ(res.status, 200) << res.body;
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["language"], "fr");
  ASSERT_FALSE(body["goals"].empty());
  EXPECT_EQ(body["goals"][0]["goal"], 6);
  EXPECT_EQ(body["goals"][0]["evidence"][0]["words"], "forages");

  res = call("GET", "/api/v1/sdg/suggest?text=x&lang=de");
  EXPECT_EQ(res.status, 400);

  const std::string id = std::to_string(ids_["SDG-1"]);
  res = call("GET", "/api/v1/projects/" + id + "/sdg");
  ASSERT_EQ(res.status, 200) << res.body;
  body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["suggestions"]["goals"][0]["goal"], 6);
  EXPECT_TRUE(body["stored"].empty());

  res = call("POST", "/api/v1/projects/" + id + "/sdg/6/accept");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(nlohmann::json::parse(res.body)["status"], "accepted");
  EXPECT_EQ(CountRows(db_.path(),
                      "SELECT count(*) FROM audit WHERE entity = "
                      "'project_sdg' AND actor = 'http:192.0.2.7'"),
            1);
  res = call("GET", "/api/v1/projects/" + id + "/sdg");
  body = nlohmann::json::parse(res.body);
  ASSERT_EQ(body["stored"].size(), 1U);
  EXPECT_EQ(body["stored"][0]["status"], "accepted");
  EXPECT_TRUE(body["stored"][0]["evidence"].is_array());

  res = call("POST", "/api/v1/sdg/fill?dry_run=1");
  ASSERT_EQ(res.status, 200) << res.body;
  body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["projects_seen"], 3);
  EXPECT_EQ(body["written"], false);
  res = call("POST", "/api/v1/sdg/fill?all=1");
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(nlohmann::json::parse(res.body)["written"], true);
  EXPECT_GT(Rows("origin = 'suggestion' AND status = 'suggested'"), 0);

  res = call("POST", "/api/v1/projects/" + id + "/sdg/6/reject");
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(nlohmann::json::parse(res.body)["status"], "rejected");
  res = call("POST", "/api/v1/projects/" + id + "/sdg/15/accept");
  EXPECT_EQ(res.status, 404);
  res = call("GET", "/api/v1/projects/" + id + "/sdg/6/accept");
  EXPECT_EQ(res.status, 405);
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(SdgCli, SuggestFileAnswersOneLinePerTextInOrder) {
  TempDir dir;
  const std::string in = dir.File("texts.txt");
  std::ofstream(in) << "Réalisation de forages pour l'eau potable\n"
                       "\n"
                       "Construction of classrooms and teacher training\n"
                       "Das Projekt baut Schulen in der Stadt\n";
  const std::string command = std::string(COOPATLAS_BINARY) +
                              " sdg suggest --json --file '" + in + "' >'" +
                              dir.File("out") + "' 2>'" + dir.File("err") + "'";
  const int status = std::system(command.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << Slurp(dir.File("err"));
  std::istringstream out(Slurp(dir.File("out")));
  std::vector<nlohmann::json> lines;
  for (std::string line; std::getline(out, line);) {
    lines.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(lines.size(), 4U);
  EXPECT_EQ(lines[0]["goals"][0]["goal"], 6);
  EXPECT_TRUE(lines[1]["goals"].empty());
  EXPECT_EQ(lines[2]["language"], "en");
  EXPECT_EQ(lines[2]["goals"][0]["goal"], 4);
  EXPECT_TRUE(lines[3]["language"].is_null());
  EXPECT_TRUE(lines[3]["goals"].empty());
}

TEST(SdgCli, ReviewWithoutDatabaseOrWithBadFlagsFailsClearly) {
  TempDir dir;
  const std::string err = dir.File("err");
  auto run = [&](const std::string& args) {
    const std::string command = std::string(COOPATLAS_BINARY) + " " + args +
                                " >/dev/null 2>'" + err + "'";
    const int status = std::system(command.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  };
  EXPECT_EQ(run("sdg accept 1 6 --db '" + dir.File("none.db") + "'"), 4);
  EXPECT_NE(Slurp(err).find("none.db"), std::string::npos) << Slurp(err);
  EXPECT_EQ(run("sdg suggest"), 3);
  EXPECT_NE(Slurp(err).find("exactly one"), std::string::npos);
  EXPECT_EQ(run("sdg suggest --text eau --lang xx"), 3);
  EXPECT_NE(Slurp(err).find("unknown language"), std::string::npos);
}

}  // namespace
}  // namespace coopatlas::testing
