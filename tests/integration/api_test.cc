// Every route of the OpenAPI document answers, on a database with the
// Wikipedia twin towns and the demonstration projects; bad parameters are
// 4xx problems, never a 500.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <memory>
#include <set>
#include <thread>

#include "http/api.h"
#include "integration/records_util.h"
#include "registry/search_query.h"
#include "store/facet_index.h"
#include "store/search_index.h"

namespace coopatlas::testing {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new ScratchDb();
    auto registry = db_->Open();
    TwinningImportOptions twinnings;
    twinnings.file = WikipediaFile();
    ASSERT_TRUE(registry->ImportTwinnings(twinnings).ok());
    ProjectImportOptions projects;
    projects.projects_file = SourceDir() + "/data/demo/projets.csv";
    projects.funding_file = SourceDir() + "/data/demo/financements.csv";
    projects.demo = true;
    ASSERT_TRUE(registry->ImportProjects(projects).ok());
    auto reader = Registry::Open({db_->path(), true});
    ASSERT_TRUE(reader.ok());
    registry_ = reader->release();
    api_ = new http::Api(registry_, SourceDir() + "/web",
                         SourceDir() + "/node_modules");
  }
  static void TearDownTestSuite() {
    delete api_;
    delete registry_;
    delete db_;
  }

  static httplib::Response Get(const std::string& target,
                               const httplib::Headers& headers = {}) {
    httplib::Request req;
    req.method = "GET";
    const std::size_t q = target.find('?');
    req.path = target.substr(0, q);
    if (q != std::string::npos) {
      httplib::detail::parse_query_text(target.substr(q + 1), req.params);
    }
    req.headers = headers;
    httplib::Response res;
    api_->Dispatch(req, res);
    return res;
  }

  static nlohmann::json Json(const httplib::Response& res) {
    return nlohmann::json::parse(res.body);
  }

  // The example path of a route with real ids.
  static std::string Example(const std::string& example) {
    std::string out = example;
    auto first = [](const std::string& q) {
      auto res = Get("/api/v1/search?" + q + "&per_page=1");
      return std::to_string(Json(res)["results"][0]["id"].get<std::int64_t>());
    };
    auto replace = [&](const std::string& key, const std::string& value) {
      const std::size_t at = out.find(key);
      if (at != std::string::npos) out.replace(at, key.size(), value);
    };
    if (out.find("{first_project}") != std::string::npos) {
      replace("{first_project}", first("type=project"));
    }
    if (out.find("{first_foreign}") != std::string::npos) {
      replace("{first_foreign}", first("type=authority&country=SN"));
    }
    return out;
  }

  static ScratchDb* db_;
  static Registry* registry_;
  static http::Api* api_;
};

ScratchDb* ApiTest::db_ = nullptr;
Registry* ApiTest::registry_ = nullptr;
http::Api* ApiTest::api_ = nullptr;

TEST_F(ApiTest, OpenApiDocumentsEveryRouteAndEachAnswers) {
  const auto doc = Json(Get("/api/v1/openapi.json"));
  EXPECT_EQ(doc["openapi"], "3.0.3");
  std::set<std::string> documented;
  for (const auto& [path, item] : doc["paths"].items()) documented.insert(path);
  std::set<std::string> routed;
  for (const auto& r : api_->routes()) routed.insert(r.path);
  EXPECT_EQ(documented, routed);
  for (const auto& r : api_->routes()) {
    ASSERT_FALSE(r.example.empty()) << r.path;
    // Writes (the SDG review) are tested in tests/integration/sdg_test.cc.
    if (r.method != "GET") {
      EXPECT_TRUE(doc["paths"][r.path].contains("post")) << r.path;
      continue;
    }
    const std::string target = Example(r.example);
    const auto res = Get(target);
    EXPECT_EQ(res.status, 200) << target << "\n" << res.body.substr(0, 300);
    EXPECT_TRUE(doc["paths"][r.path].contains("get")) << r.path;
  }
}

TEST_F(ApiTest, SearchFindsStemsFacetsAndFilters) {
  auto body = Json(Get("/api/v1/search?q=coop%C3%A9ration"));
  EXPECT_GT(body["total"].get<int>(), 0);
  body = Json(Get("/api/v1/search?q=eau"));
  const int all = body["total"];
  EXPECT_GT(all, 10);
  int senegal = 0;
  for (const auto& f : body["facets"]["country"]) {
    if (f["value"] == "SN") senegal = f["count"];
  }
  ASSERT_GT(senegal, 0);
  const auto filtered =
      Json(Get("/api/v1/search?q=eau&country=SN&per_page=100"));
  EXPECT_EQ(filtered["total"], senegal);
  for (const auto& r : filtered["results"]) {
    EXPECT_NE(std::find(r["countries"].begin(), r["countries"].end(), "SN"),
              r["countries"].end());
  }
  // Snippets are escaped text with <mark> only.
  for (const auto& r : body["results"]) {
    std::string s = r["snippet"];
    for (const char* tag : {"<mark>", "</mark>"}) {
      for (std::size_t at; (at = s.find(tag)) != std::string::npos;) {
        s.erase(at, std::string(tag).size());
      }
    }
    EXPECT_EQ(s.find('<'), std::string::npos) << r["snippet"];
  }
  // Phrases, exclusions and prefixes.
  EXPECT_GT(
      Json(Get("/api/v1/search?q=%22eau%20potable%22"))["total"].get<int>(), 0);
  EXPECT_LT(Json(Get("/api/v1/search?q=eau%20-potable"))["total"].get<int>(),
            all);
  EXPECT_GT(Json(Get("/api/v1/search?q=coop*"))["total"].get<int>(), 0);
  // Type-ahead.
  const auto suggest = Json(Get("/api/v1/suggest?q=lyo"));
  ASSERT_FALSE(suggest["results"].empty());
  // Authorities first, the shortest name first: Lyon itself.
  EXPECT_EQ(suggest["results"][0]["title"], "Lyon") << suggest.dump();
  EXPECT_EQ(suggest["results"][0]["type"], "authority");
  EXPECT_EQ(suggest["results"][0]["snippet"], "<mark>Lyon</mark>");
  for (const auto& r : suggest["results"]) {
    EXPECT_NE(r["snippet"].get<std::string>().find("<mark>"), std::string::npos)
        << r.dump();
  }
}

TEST_F(ApiTest, PagesListTheFirstRecordsAndCountThemAll) {
  // Every country's page: at most kPageListLimit records, and totals equal
  // to the full lists (the demonstration data has more than the limit
  // somewhere, which the last check makes sure of).
  bool truncated = false;
  for (const char* iso : {"SN", "BF", "ML", "MA", "MG", "DE"}) {
    const auto page = Json(Get(std::string("/api/v1/countries/") + iso));
    RecordFilter filter;
    filter.country = iso;
    const auto projects = registry_->ListProjects(filter);
    const auto partnerships = registry_->ListPartnerships(filter);
    ASSERT_TRUE(projects.ok() && partnerships.ok());
    EXPECT_EQ(page["projects_total"].get<std::size_t>(), projects->size())
        << iso;
    EXPECT_EQ(page["partnerships_total"].get<std::size_t>(),
              partnerships->size())
        << iso;
    const std::size_t limit = kPageListLimit;
    EXPECT_EQ(page["projects"].size(), std::min(limit, projects->size()));
    EXPECT_EQ(page["partnerships"].size(),
              std::min(limit, partnerships->size()));
    // The first ones by id.
    for (std::size_t i = 0; i < page["projects"].size(); ++i) {
      EXPECT_EQ(page["projects"][i]["id"], (*projects)[i].meta.id);
    }
    truncated =
        truncated || partnerships->size() > limit || projects->size() > limit;
  }
  EXPECT_TRUE(truncated);
}

TEST_F(ApiTest, BadParametersAreProblemsNeverServerErrors) {
  for (const std::string target :
       {"/api/v1/search?per_page=1000", "/api/v1/search?page=abc",
        "/api/v1/search?page=0", "/api/v1/search?q=%E9t%E9",
        "/api/v1/search?country=%FF", "/api/v1/search?sort=random",
        "/api/v1/search?q=-eau", "/api/v1/suggest?q=lyo&limit=500",
        "/api/v1/projects/abc", "/api/v1/projects/-3",
        "/api/v1/partnerships/1e9", "/api/v1/export?format=pdf",
        "/api/v1/export?format=csv&country=Senegal",
        "/api/v1/export?format=csv&since=yesterday", "/api/v1/resolve",
        "/api/v1/resolve?name=Paris&kind=planet"}) {
    const auto res = Get(target);
    EXPECT_EQ(res.status, 400) << target << " " << res.body;
    EXPECT_EQ(res.get_header_value("Content-Type"), "application/problem+json")
        << target;
  }
  for (const std::string target :
       {"/api/v1/projects/999999", "/api/v1/partnerships/999999",
        "/api/v1/countries/XX", "/api/v1/authorities/99999",
        "/api/v1/authorities/foreign/999999", "/api/v1/nowhere"}) {
    const auto res = Get(target);
    EXPECT_EQ(res.status, 404) << target << " " << res.body;
  }
  // FTS5 syntax is text, not syntax.
  for (const std::string q : {"%22a%22%20OR%20b*%20NEAR(", "title%3Aeau",
                              "%28%28%28", "%22", "AND", "*", "%5E%24"}) {
    const auto res = Get("/api/v1/search?q=" + q);
    EXPECT_EQ(res.status, 200) << q << " " << res.body;
  }
}

TEST_F(ApiTest, AuthorityPagesHavePeersWithReasons) {
  const auto rennes = Json(Get("/api/v1/authorities/35238"));
  ASSERT_FALSE(rennes["peers"].empty());
  double previous = 1e9;
  for (const auto& peer : rennes["peers"]) {
    EXPECT_NE(peer["authority"]["code"], "35238");
    EXPECT_FALSE(peer["reason"].get<std::string>().empty());
    EXPECT_FALSE(peer["reason_en"].get<std::string>().empty());
    EXPECT_LE(peer["score"].get<double>(), previous);  // ranked
    previous = peer["score"];
  }
  // A shared partner is named in the reason.
  bool shared = false;
  for (const auto& peer : rennes["peers"]) {
    const std::string reason = peer["reason"];
    shared = shared || reason.find("même partenaire") != std::string::npos ||
             reason.find("mêmes partenaires") != std::string::npos;
  }
  EXPECT_TRUE(shared);
  // The reverse: a foreign authority's French peers.
  const auto sn =
      Json(Get("/api/v1/search?type=authority&country=SN&per_page=1"));
  const auto id = sn["results"][0]["id"].get<std::int64_t>();
  const auto foreign =
      Json(Get("/api/v1/authorities/foreign/" + std::to_string(id)));
  EXPECT_EQ(foreign["country"], "SN");
  EXPECT_FALSE(foreign["peers"].empty());
}

TEST(Synth, FillsADatabaseFlaggedAsDemonstration) {
  ScratchDb db;
  auto registry = db.Open();
  SynthOptions o;
  o.projects = 300;
  auto report = registry->Synthesize(o);
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_EQ(report->projects, 300);
  EXPECT_GT(report->partnerships, 50);
  EXPECT_LE(report->partnerships, 300);
  EXPECT_EQ(CountRows(db.path(), "SELECT count(*) FROM project WHERE demo = 0"),
            0);
  EXPECT_EQ(CountRows(db.path(), "SELECT count(*) FROM funding_line"), 900);
  EXPECT_GT(report->documents, 300);
  // Africa first.
  const auto stats = registry->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->by.at("world_region")[0].value, "002");
  SynthOptions none;
  none.projects = 0;
  EXPECT_EQ(none.Validate().code(), Code::kInvalidArgument);
}

TEST_F(ApiTest, ETagGives304) {
  const auto first = Get("/api/v1/stats");
  const std::string etag = first.get_header_value("ETag");
  ASSERT_FALSE(etag.empty());
  const auto again = Get("/api/v1/stats", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
}

TEST_F(ApiTest, ExportsAreFilesWithTheirType) {
  const auto csv = Get("/api/v1/export?format=csv&country=SN");
  EXPECT_EQ(csv.status, 200);
  EXPECT_NE(csv.get_header_value("Content-Type").find("text/csv"),
            std::string::npos);
  EXPECT_NE(csv.get_header_value("Content-Disposition").find("attachment"),
            std::string::npos);
  // One partnership and its projects; one project and its partnership.
  const auto one = Json(Get("/api/v1/export?format=json&partnership=1"));
  ASSERT_EQ(one["partnerships"].size(), 1u);
  EXPECT_EQ(one["partnerships"][0]["id"], 1);
  for (const auto& p : one["projects"]) EXPECT_EQ(p["partnership_id"], 1);
  const auto project = Json(Get("/api/v1/export?format=json&project=1"));
  ASSERT_EQ(project["projects"].size(), 1u);
  EXPECT_LE(project["partnerships"].size(), 1u);
  EXPECT_EQ(Get("/api/v1/export?format=csv&project=abc").status, 400);
  const auto xlsx = Get("/api/v1/export?format=xlsx&authority=69123");
  EXPECT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
}

TEST_F(ApiTest, LoopbackGzip) {
  http::ServerOptions options;
  options.port = 0;
  options.web_root = SourceDir() + "/web";
  http::Server server(registry_, options);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok());
  std::thread thread([&server] { (void)server.Run(); });
  httplib::Client client("127.0.0.1", *port);
  auto res = client.Get("/api/v1/stats", {{"Accept-Encoding", "gzip"}});
  server.Stop();
  thread.join();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Encoding"), "gzip");
}

}  // namespace
}  // namespace coopatlas::testing

namespace coopatlas::testing {
namespace {

// The in-memory facet path gives the same answers as plain SQL.
TEST(SearchPaths, InMemoryFacetsAgreeWithSql) {
  ScratchDb db;
  {
    auto registry = db.Open();
    ProjectImportOptions projects;
    projects.projects_file = SourceDir() + "/data/demo/projets.csv";
    projects.funding_file = SourceDir() + "/data/demo/financements.csv";
    ASSERT_TRUE(registry->ImportProjects(projects).ok());
  }
  auto raw = store::Db::Open(db.path(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(raw.ok());
  auto facets = store::FacetIndex::Load(raw->get());
  ASSERT_TRUE(facets.ok());
  std::vector<store::SearchRequest> requests(5);
  requests[0].fts = "\"eau\"";
  requests[1].fts = "\"eau\"";
  requests[1].filters["country"] = {"SN", "BF"};
  requests[2].filters["theme"] = {"sante"};
  requests[2].by_date = true;
  requests[3].fts = "\"ecole\" OR \"formation\"";
  requests[3].filters["type"] = {"project"};
  requests[3].offset = 5;
  requests[4].fts = "\"jeunesse\"";
  requests[4].by_date = true;
  // Plain words: the postings in memory answer, with FTS5's bm25 order.
  for (const char* text :
       {"eau", "eau potable", "santé -sénégal", "coopération décentralisée",
        "jeunes", "formation professionnelle -eau", "mali", "zzzz", "eau eau",
        "l'eau"}) {
    auto terms = ParseSearch(text);
    ASSERT_TRUE(terms.ok()) << text;
    store::SearchRequest request;
    request.fts = ToFtsQuery(*terms);
    request.words = terms->words;
    request.excluded = terms->excluded;
    request.limit = 100;
    requests.push_back(request);
    request.filters["type"] = {"project"};
    request.offset = 3;
    requests.push_back(request);
  }
  ASSERT_TRUE(facets->Terms().Ready());
  for (const auto& request : requests) {
    auto sql = store::Search(raw->get(), request);
    auto memory = store::Search(raw->get(), *facets, request);
    ASSERT_TRUE(sql.ok() && memory.ok());
    EXPECT_EQ(sql->total, memory->total) << request.fts;
    EXPECT_EQ(sql->facets, memory->facets) << request.fts;
    ASSERT_EQ(sql->hits.size(), memory->hits.size()) << request.fts;
    for (std::size_t i = 0; i < sql->hits.size(); ++i) {
      if (request.by_date || request.fts.empty()) continue;  // ties differ
      EXPECT_EQ(sql->hits[i].record_id, memory->hits[i].record_id)
          << request.fts << " #" << i;
      EXPECT_EQ(sql->hits[i].snippet, memory->hits[i].snippet);
    }
  }
}

}  // namespace
}  // namespace coopatlas::testing
