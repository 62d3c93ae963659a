// Importing twin-town lists: counts, every line accounted for, idempotence,
// dry runs, other headers, decisions, and bad files that change nothing.
#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

TwinningImportOptions Options(const std::string& file) {
  TwinningImportOptions o;
  o.file = file;
  return o;
}

TEST(TwinningsImport, WikipediaListTwiceAndEveryLineAccounted) {
  ScratchDb db;
  auto registry = db.Open();
  auto first = registry->ImportTwinnings(Options(WikipediaFile()));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_GE(first->created, 3300);
  EXPECT_TRUE(first->written);
  EXPECT_EQ(first->lines, 26114u);
  EXPECT_EQ(first->line_outcomes.size(), first->lines);
  std::int64_t sum = 0;
  for (const auto& [outcome, n] : first->outcomes) sum += n;
  EXPECT_EQ(sum, 26114);
  EXPECT_EQ(first->outcomes["imported"], first->created);
  EXPECT_GT(first->outcomes["duplicate"], 0);  // pairs listed both ways
  EXPECT_GT(first->outcomes["no_french_party"], 20000);
  // Ambiguous and unknown names are listed with their lines and candidates.
  std::int64_t issue_lines = 0;
  for (const auto& issue : first->issues) {
    issue_lines += static_cast<std::int64_t>(issue.lines.size());
    if (issue.status == "ambiguous") {
      EXPECT_GE(issue.candidates.size(), 2u);
    }
  }
  EXPECT_EQ(issue_lines,
            first->outcomes["ambiguous"] + first->outcomes["unknown_name"]);
  EXPECT_EQ(CountRows(db.path(), "SELECT count(*) FROM partnership"),
            first->created);

  const std::string before = Digest(db.path());
  auto second = registry->ImportTwinnings(Options(WikipediaFile()));
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->created, 0);
  EXPECT_EQ(second->updated, 0);
  EXPECT_EQ(second->unchanged, first->created);
  EXPECT_FALSE(second->written);
  EXPECT_EQ(Digest(db.path()), before);
}

TEST(TwinningsImport, BothDirectionsAreOnePartnership) {
  ScratchDb db;
  // Berat–Bérat listed from both sides, spelt differently.
  const std::string file = db.Write("pairs.csv",
                                    "city1,country1,city2,country2\n"
                                    "Berat,Albania,Bérat,France\n"
                                    "Bérat,France,BERAT,Albania\n"
                                    "Dakar,Sénégal,Lyon,France\n");
  auto registry = db.Open();
  auto r = registry->ImportTwinnings(Options(file));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->created, 2);
  EXPECT_EQ(r->outcomes["duplicate"], 1);
  RecordFilter albania;
  albania.country = "AL";
  auto list = registry->ListPartnerships(albania);
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].french[0].code, "31065");  // Bérat (Haute-Garonne)
  EXPECT_EQ((*list)[0].partners[0].country, "AL");
}

TEST(TwinningsImport, DryRunWritesNothingAndSaysTheSame) {
  ScratchDb db;
  auto registry = db.Open();
  const std::string before = Digest(db.path());
  TwinningImportOptions o = Options(WikipediaFile());
  o.dry_run = true;
  auto dry = registry->ImportTwinnings(o);
  ASSERT_TRUE(dry.ok());
  EXPECT_FALSE(dry->written);
  EXPECT_EQ(Digest(db.path()), before);
  auto real = registry->ImportTwinnings(Options(WikipediaFile()));
  ASSERT_TRUE(real.ok());
  EXPECT_EQ(dry->created, real->created);
  EXPECT_EQ(dry->outcomes, real->outcomes);
}

TEST(TwinningsImport, WikidataHeadersWithAMapping) {
  ScratchDb db;
  const std::string file = db.Write(
      "wikidata.csv",
      "origincity,origincityLabel,sistercity,sistercityLabel,"
      "destination_country,destination_countryLabel\n"
      "http://www.wikidata.org/entity/Q456,Lyon,http://www.wikidata.org/"
      "entity/Q1297,Montréal,http://www.wikidata.org/entity/Q16,Canada\n"
      "http://www.wikidata.org/entity/Q42,Saint-Étienne,x,Coventry,y,"
      "United Kingdom\n");
  auto registry = db.Open();
  TwinningImportOptions o = Options(file);
  auto unmapped = registry->ImportTwinnings(o);
  ASSERT_FALSE(unmapped.ok());
  EXPECT_NE(unmapped.status().message().find("city1"), std::string::npos);
  EXPECT_EQ(Digest(db.path()), Digest(db.path()));
  o.columns =
      "city1=origincityLabel,city2=sistercityLabel,"
      "country2=destination_countryLabel";
  o.country1 = "France";
  auto r = registry->ImportTwinnings(o);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->created, 2);
  RecordFilter lyon_canada;
  lyon_canada.authority = "69123";
  lyon_canada.country = "CA";
  auto ca = registry->ListPartnerships(lyon_canada);
  ASSERT_TRUE(ca.ok());
  ASSERT_EQ(ca->size(), 1u);
  EXPECT_EQ((*ca)[0].partners[0].name, "Montréal");
}

TEST(TwinningsImport, DecisionsResolveAmbiguousNames) {
  ScratchDb db;
  const std::string file =
      db.Write("pairs.csv",
               "city1,country1,city2,country2\n"
               "Saint-Denis,France,Sesto San Giovanni,Italy\n"
               "Valence,France,Biberach,Germany\n");
  auto registry = db.Open();
  auto undecided = registry->ImportTwinnings(Options(file));
  ASSERT_TRUE(undecided.ok());
  EXPECT_EQ(undecided->created, 0);
  EXPECT_EQ(undecided->outcomes["ambiguous"], 2);
  ASSERT_EQ(undecided->issues.size(), 2u);
  EXPECT_FALSE(undecided->written);

  TwinningImportOptions o = Options(file);
  o.resolutions_file = db.Write("decisions.csv",
                                "name,departement,code\n"
                                "Saint-Denis,93,93066\n"
                                "Valence,Drôme,26362\n");
  auto decided = registry->ImportTwinnings(o);
  ASSERT_TRUE(decided.ok()) << decided.status().ToString();
  EXPECT_EQ(decided->created, 2);

  o.resolutions_file = db.Write("bad.csv",
                                "name,departement,code\n"
                                "Valence,Gers,26362\n");
  auto bad = registry->ImportTwinnings(o);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("bad.csv: line 2"), std::string::npos);
}

struct BadFile {
  const char* name;
  std::string content;
  int created;          // partnerships created, or -1: an error is expected
  const char* message;  // part of the error (or "")
};

void PrintTo(const BadFile& b, std::ostream* os) { *os << b.name; }

class TwinningsBadFiles : public ::testing::TestWithParam<BadFile> {};

TEST_P(TwinningsBadFiles, ClearErrorAndNothingWritten) {
  const BadFile& b = GetParam();
  ScratchDb db;
  const std::string file = db.Write("in.csv", b.content);
  auto registry = db.Open();
  const std::string before = Digest(db.path());
  auto r = registry->ImportTwinnings(Options(file));
  if (b.created >= 0) {
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    EXPECT_EQ(r->created, b.created);
    // Lines keep their numbers: the last record is on the file's last line.
    const auto lines = std::count(b.content.begin(), b.content.end(), '\n');
    EXPECT_EQ(r->line_outcomes.back().line, static_cast<std::size_t>(lines));
    return;
  }
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_NE(r.status().message().find(b.message), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("in.csv"), std::string::npos);
  EXPECT_EQ(Digest(db.path()), before);
}

INSTANTIATE_TEST_SUITE_P(
    Files, TwinningsBadFiles,
    ::testing::Values(
        BadFile{"invalid_utf8",
                "city1,country1,city2,country2\nSaint-Étienne,France,Coventry,"
                "England\nLyon,France,Bir\xC3mingham,England\n",
                -1, "invalid UTF-8 at line 3, column 16"},
        BadFile{"windows_1252_accepted",
                "city1;country1;city2;country2\r\nSaint-\xC9tienne;France;"
                "Coventry;England\r\n",
                1, ""},
        BadFile{"quoted_newline_accepted",
                "city1,country1,city2,country2\n\"Lyon\",France,\"Turin\n"
                "(Piémont)\",Italy\nSaint-Étienne,France,Coventry,England\n",
                2, ""},
        BadFile{"missing_column", "city1,country1,city2\nLyon,France,Turin\n",
                -1, "country2"},
        BadFile{"huge_field",
                "city1,country1,city2,country2\nLyon,France,\"" +
                    std::string(10 << 20, 'x') + "\",Italy\n",
                -1, "line 2: field longer than"},
        BadFile{"truncated",
                "city1,country1,city2,country2\nLyon,France,\"Turin,Italy\n",
                -1, "line 2: quoted field is never closed"},
        BadFile{"empty", "", -1, "empty"}));

}  // namespace
}  // namespace coopatlas::testing
