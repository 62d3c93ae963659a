// The `coopatlas` command: exit codes, JSON, errors, nothing written on
// bad input.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "integration/environment.h"
#include "integration/records_util.h"
#include "store/test_util.h"

namespace coopatlas::testing {
namespace {

struct CliRun {
  int exit = -1;
  std::string out, err;
};

std::string Quote(const std::string& s) {
  std::string q(1, '\'');
  for (const char c : s) {
    if (c == '\'') {
      q.append("'\\''");
    } else {
      q.push_back(c);
    }
  }
  q.push_back('\'');
  return q;
}

std::string Slurp(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

CliRun Cli(const std::vector<std::string>& args, const std::string& env = "") {
  TempDir dir;
  // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a known
  // false positive) on `" " + Quote(a)`.
  std::string command = env;
  command.append(" ").append(COOPATLAS_BINARY);
  for (const auto& a : args) command.append(" ").append(Quote(a));
  command.append(" >").append(dir.File("out"));
  command.append(" 2>").append(dir.File("err")).append(" </dev/null");
  const int status = std::system(command.c_str());
  CliRun run;
  run.exit = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.out = Slurp(dir.File("out"));
  run.err = Slurp(dir.File("err"));
  return run;
}

TEST(Cli, ResolveJsonShape) {
  const CliRun r =
      Cli({"resolve", "--db", ReferenceDbPath(), "--json", "St Etienne"});
  ASSERT_EQ(r.exit, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["query"], "St Etienne");
  EXPECT_EQ(j["status"], "unique");
  const auto& c = j["candidates"][0];
  for (const char* key : {"code", "name", "kind", "departement", "region",
                          "population", "score", "why"}) {
    EXPECT_TRUE(c.contains(key)) << key;
  }
  EXPECT_EQ(c["code"], "42218");
  EXPECT_EQ(c["departement"], "42");
  EXPECT_EQ(c["region"], "84");
}

TEST(Cli, AmbiguousAndNotFoundExitOne) {
  EXPECT_EQ(Cli({"resolve", "--db", ReferenceDbPath(), "Sainte-Colombe"}).exit,
            1);
  EXPECT_EQ(
      Cli({"resolve", "--db", ReferenceDbPath(), "Nowhere-sur-Rien"}).exit, 1);
}

TEST(Cli, CountryFromFrenchEnglishAndAliases) {
  const CliRun r = Cli({"resolve", "--db", ReferenceDbPath(), "--json",
                        "--country", "Côte-d'Ivoire"});
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["candidates"][0]["code"], "CI");
}

TEST(Cli, BatchFileKeepsOrder) {
  TempDir dir;
  std::ofstream(dir.File("names.txt")) << "Paris\r\nSt Etienne\n\nCherbourg\n";
  const CliRun r = Cli(
      {"resolve", "--db", ReferenceDbPath(), "--file", dir.File("names.txt")});
  ASSERT_EQ(r.exit, 0) << r.err;
  std::istringstream lines(r.out);
  std::vector<nlohmann::json> out;
  for (std::string line; std::getline(lines, line);) {
    out.push_back(nlohmann::json::parse(line));
  }
  ASSERT_EQ(out.size(), 4u);
  EXPECT_EQ(out[0]["query"], "Paris");
  EXPECT_EQ(out[0]["status"], "ambiguous");
  EXPECT_EQ(out[1]["candidates"][0]["code"], "42218");
  EXPECT_EQ(out[2]["status"], "not_found");  // the empty line
  EXPECT_EQ(out[3]["candidates"][0]["code"], "50129");
}

TEST(Cli, BatchFileWithInvalidUtf8PrintsNothing) {
  TempDir dir;
  std::ofstream(dir.File("names.txt")) << "Paris\nSaint-\xE9tienne\n";
  const CliRun r = Cli(
      {"resolve", "--db", ReferenceDbPath(), "--file", dir.File("names.txt")});
  EXPECT_EQ(r.exit, 3);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("invalid UTF-8 at line 2, column 7"), std::string::npos)
      << r.err;
}

TEST(Cli, InitIntoMissingDirectory) {
  TempDir dir;
  const CliRun r = Cli({"init", "--db", dir.File("nope/x.db")});
  EXPECT_EQ(r.exit, 6);
  EXPECT_NE(r.err.find("does not exist"), std::string::npos) << r.err;
  EXPECT_FALSE(std::filesystem::exists(dir.File("nope")));
}

TEST(Cli, InitReadOnlyDatabase) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  std::filesystem::copy_file(ReferenceDbPath(), path);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  const CliRun r = Cli({"init", "--force", "--db", path});
  EXPECT_EQ(r.exit, 5);
  EXPECT_NE(r.err.find("read-only"), std::string::npos) << r.err;
}

TEST(Cli, DatabaseDefaultsToTheEnvironment) {
  const CliRun r =
      Cli({"info", "--json"}, "COOPATLAS_DB=" + Quote(ReferenceDbPath()));
  ASSERT_EQ(r.exit, 0) << r.err;
  EXPECT_EQ(nlohmann::json::parse(r.out)["path"], ReferenceDbPath());
}

TEST(Cli, MissingDatabaseAndUsageErrors) {
  TempDir dir;
  const CliRun missing = Cli({"info", "--db", dir.File("absent.db")});
  EXPECT_EQ(missing.exit, 4);
  EXPECT_NE(missing.err.find("coopatlas init"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("absent.db")));
  EXPECT_EQ(Cli({}).exit, 2);
  EXPECT_EQ(Cli({"resolve", "--no-such-flag"}).exit, 2);
  const CliRun bad_kind =
      Cli({"resolve", "--db", ReferenceDbPath(), "--kind", "planet", "Paris"});
  EXPECT_EQ(bad_kind.exit, 3);
  EXPECT_NE(bad_kind.err.find("unknown kind"), std::string::npos);
}

}  // namespace
}  // namespace coopatlas::testing

namespace coopatlas::testing {
namespace {

TEST(CliRecords, ImportListShowExportTemplate) {
  ScratchDb db;
  // Dry run first: the JSON summary, nothing written.
  const std::string before = Digest(db.path());
  CliRun dry = Cli({"import", "twinnings", "--db", db.path(), "--dry-run",
                    "--json", WikipediaFile()});
  ASSERT_EQ(dry.exit, 0) << dry.err;
  auto summary = nlohmann::json::parse(dry.out);
  EXPECT_EQ(summary["dry_run"], true);
  EXPECT_EQ(summary["written"], false);
  EXPECT_GE(summary["created"].get<int>(), 3300);
  EXPECT_EQ(Digest(db.path()), before);

  CliRun real = Cli({"import", "twinnings", "--db", db.path(), "--report",
                     db.File("report.json"), WikipediaFile()});
  ASSERT_EQ(real.exit, 0) << real.err;
  EXPECT_NE(real.out.find("lines no_french_party:"), std::string::npos);
  const auto report = nlohmann::json::parse(Slurp(db.File("report.json")));
  EXPECT_EQ(report["lines_detail"].size(), 26114u);
  EXPECT_FALSE(report["issues"].empty());

  // list partnerships --country SN --json: one object per partnership,
  // naming its French and partner authorities with codes and countries.
  CliRun list = Cli(
      {"list", "partnerships", "--db", db.path(), "--country", "SN", "--json"});
  ASSERT_EQ(list.exit, 0) << list.err;
  const auto partnerships = nlohmann::json::parse(list.out);
  ASSERT_TRUE(partnerships.is_array());
  ASSERT_FALSE(partnerships.empty());
  for (const auto& p : partnerships) {
    ASSERT_FALSE(p["french"].empty());
    EXPECT_EQ(p["french"][0]["country"], "FR");
    EXPECT_TRUE(p["french"][0]["code"].is_string());
    EXPECT_EQ(p["partners"][0]["country"], "SN");
    EXPECT_TRUE(p["partners"][0].contains("code"));
    EXPECT_TRUE(p["partners"][0]["name"].is_string());
  }

  CliRun show =
      Cli({"show", "authority", "42218", "--db", db.path(), "--json"});
  ASSERT_EQ(show.exit, 0) << show.err;
  const auto page = nlohmann::json::parse(show.out);
  EXPECT_EQ(page["name"], "Saint-Étienne");
  EXPECT_EQ(page["epci"][0]["siren"], "244200770");
  EXPECT_GT(page["partnerships"].size(), 5u);
  EXPECT_EQ(Cli({"show", "authority", "99999", "--db", db.path()}).exit, 4);

  CliRun exported =
      Cli({"export", "--db", db.path(), "--format", "csv", "--excel",
           "--country", "SN", "--out", db.File("sn.csv")});
  ASSERT_EQ(exported.exit, 0) << exported.err;
  const std::string csv = Slurp(db.File("sn.csv"));
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.find("id;type;statut"), std::string::npos);
  EXPECT_EQ(Cli({"export", "--db", db.path(), "--format", "pdf", "--out",
                 db.File("x")})
                .exit,
            3);

  CliRun tmpl = Cli({"template", "projects", "--out", db.File("")});
  ASSERT_EQ(tmpl.exit, 0) << tmpl.err;
  EXPECT_EQ(Slurp(db.File("projets.csv")).substr(0, 17), "ref_projet,titre,");
  EXPECT_EQ(Slurp(db.File("financements.csv")).substr(0, 11), "ref_projet,");
}

TEST(CliRecords, BadProjectFileExitsThreeAndNamesThePlace) {
  ScratchDb db;
  const std::string file = db.Write(
      "p.csv",
      "ref_projet,titre,collectivite_fr,pays\nP1,T,Sainte-Colombe,SN\n");
  CliRun r = Cli({"import", "projects", "--db", db.path(), file});
  EXPECT_EQ(r.exit, 3);
  EXPECT_NE(r.err.find("line 2, column 'collectivite_fr'"), std::string::npos)
      << r.err;
}

}  // namespace
}  // namespace coopatlas::testing
