// HTTP handlers without sockets (Api::Dispatch), plus one loopback test.
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include <thread>

#include "http/api.h"
#include "integration/environment.h"

namespace coopatlas::testing {
namespace {

httplib::Response Get(const std::string& path,
                      const httplib::Params& params = {}) {
  static const http::Api api(&SharedRegistry(), SourceDir() + "/web");
  httplib::Request req;
  req.method = "GET";
  req.path = path;
  req.params = params;
  httplib::Response res;
  api.Dispatch(req, res);
  return res;
}

TEST(Http, Healthz) {
  const auto res = Get("/healthz");
  EXPECT_EQ(res.status, 200);
  const auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["status"], "ok");
  EXPECT_EQ(body["reference_loaded"], true);
}

TEST(Http, StatusListsSources) {
  const auto res = Get("/api/v1/status");
  ASSERT_EQ(res.status, 200);
  const auto body = nlohmann::json::parse(res.body);
  EXPECT_FALSE(body.contains("path"));  // no server-side paths leak
  bool cog = false;
  for (const auto& s : body["sources"]) {
    if (s["name"] == "@etalab/decoupage-administratif") {
      cog = true;
      EXPECT_EQ(s["counts"]["communes"], 34969);
    }
  }
  EXPECT_TRUE(cog);
}

TEST(Http, Resolve) {
  auto res = Get("/api/v1/resolve", {{"name", "St Etienne"}});
  ASSERT_EQ(res.status, 200);
  auto body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["status"], "unique");
  EXPECT_EQ(body["candidates"][0]["code"], "42218");
  res = Get("/api/v1/resolve", {{"country", "Côte-d'Ivoire"}});
  body = nlohmann::json::parse(res.body);
  EXPECT_EQ(body["candidates"][0]["code"], "CI");
}

TEST(Http, BadParametersAreProblems) {
  for (const auto& params :
       std::vector<httplib::Params>{{},
                                    {{"name", "Saint-\xE9tienne"}},
                                    {{"name", "Paris"}, {"kind", "planet"}},
                                    {{"name", std::string(100000, 'x')}},
                                    {{"name", "\"a\" OR b* NEAR("}}}) {
    const auto res = Get("/api/v1/resolve", params);
    if (res.status == 200) {
      // FTS-like syntax is just text: no match, no error.
      EXPECT_EQ(nlohmann::json::parse(res.body)["status"], "not_found");
      continue;
    }
    EXPECT_EQ(res.status, 400);
    EXPECT_EQ(res.get_header_value("Content-Type"), "application/problem+json");
    const auto body = nlohmann::json::parse(res.body);
    EXPECT_EQ(body["status"], 400);
    EXPECT_FALSE(body["detail"].get<std::string>().empty());
  }
}

TEST(Http, StaticFilesAndNoEscape) {
  auto res = Get("/");
  EXPECT_EQ(res.status, 200);
  EXPECT_NE(res.get_header_value("Content-Type").find("text/html"),
            std::string::npos);
  res = Get("/../CMakeLists.txt");
  EXPECT_EQ(res.status, 404);
  res = Get("/no-such-page.html");
  EXPECT_EQ(res.status, 404);
  EXPECT_EQ(res.get_header_value("Content-Type"), "application/problem+json");
}

TEST(Http, LoopbackServer) {
  http::ServerOptions options;
  options.port = 0;  // any free port
  options.web_root = SourceDir() + "/web";
  http::Server server(&SharedRegistry(), options);
  auto port = server.Bind();
  ASSERT_TRUE(port.ok()) << port.status().ToString();
  std::thread thread([&server] { (void)server.Run(); });
  httplib::Client client("127.0.0.1", *port);
  auto res = client.Get("/healthz");
  server.Stop();
  thread.join();
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

}  // namespace
}  // namespace coopatlas::testing
