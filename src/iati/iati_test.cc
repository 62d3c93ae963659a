// The IATI layer against the official conformance files and the synthetic
// decentralised-cooperation files (tests/data/iati/SOURCE.md).
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "core/csv.h"
#include "core/file.h"
#include "iati/activity.h"
#include "iati/reader.h"
#include "iati/validate.h"

namespace coopatlas::iati {
namespace {

namespace fs = std::filesystem;

const std::string kRoot = COOPATLAS_SOURCE_DIR;
const std::string kSchemas = kRoot + "/third_party/iati-schemas-2.03";
const std::string kData = kRoot + "/tests/data/iati";

std::vector<std::string> XmlFiles(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.path().extension() == ".xml") out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

ValidationReport Validate(const std::string& path,
                          const Codelists* codelists = nullptr,
                          const std::string& today = "2025-07-01") {
  auto report = ValidateFile(path, {kSchemas, codelists, today});
  EXPECT_TRUE(report.ok()) << report.status().ToString();
  return report.ok() ? *report : ValidationReport{};
}

struct Case {
  std::string dir;
  bool valid;
};

TEST(IatiConformance, EveryOfficialFileGetsItsVerdict) {
  const std::string c = kData + "/conformance";
  const std::vector<Case> cases = {
      {c + "/activity-tests/should-pass", true},
      {c + "/activity-tests/should-fail", false},
      {c + "/organisation-tests/should-pass", true},
      {c + "/organisation-tests/should-fail", false},
      {c + "/should-pass", true},
      {c + "/should-fail", false},
  };
  int checked = 0;
  for (const auto& k : cases) {
    for (const auto& file : XmlFiles(k.dir)) {
      const ValidationReport r = Validate(file);
      EXPECT_EQ(r.schema_valid, k.valid)
          << file << (r.messages.empty() ? "" : ": " + r.messages[0].text);
      ++checked;
    }
  }
  // 283 activity + 139 organisation + 264 top-level files upstream.
  EXPECT_EQ(checked, 686);
}

Codelists LoadCodelists() {
  Codelists lists;
  for (const auto& e :
       fs::directory_iterator(kRoot + "/third_party/iati-codelists")) {
    const std::string name = e.path().stem().string();
    if (e.path().extension() != ".csv" || name == "_index") continue;
    auto text = core::ReadFile(e.path().string());
    EXPECT_TRUE(text.ok());
    auto table = core::ParseCsvTable(*text, e.path().string());
    EXPECT_TRUE(table.ok()) << table.status().ToString();
    const int code = table->Column("code");
    for (const auto& row : table->rows) {
      lists.Add(name, row.fields[static_cast<std::size_t>(code)]);
    }
  }
  return lists;
}

std::set<std::string> Rules(const ValidationReport& r) {
  std::set<std::string> out;
  for (const auto& m : r.messages) out.insert(m.rule);
  return out;
}

TEST(IatiRules, SyntheticFilesTripTheExpectedRules) {
  const Codelists lists = LoadCodelists();
  auto text = core::ReadFile(kData + "/synthetic-dc/EXPECTED.csv");
  ASSERT_TRUE(text.ok());
  auto table = core::ParseCsvTable(*text, "EXPECTED.csv");
  ASSERT_TRUE(table.ok());
  const int file = table->Column("file");
  const int rules = table->Column("expected_rule_ids");
  ASSERT_GE(file, 0);
  ASSERT_GE(rules, 0);
  int checked = 0;
  for (const auto& row : table->rows) {
    const std::string name = row.fields[static_cast<std::size_t>(file)];
    std::set<std::string> expected;
    std::istringstream in(row.fields[static_cast<std::size_t>(rules)]);
    for (std::string r; in >> r;) expected.insert(r);
    const ValidationReport r =
        Validate(kData + "/synthetic-dc/" + name, &lists);
    std::string all;
    for (const auto& m : r.messages) all += FormatMessage(name, m) + "\n";
    EXPECT_EQ(Rules(r), expected) << all;
    ++checked;
  }
  EXPECT_EQ(checked, 18);
}

TEST(IatiRules, MessagesNameTheActivityAndTheLine) {
  const Codelists lists = LoadCodelists();
  const ValidationReport r =
      Validate(kData + "/synthetic-dc/dc-bad-sector-sum.xml", &lists);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rule, "2.1.2");
  EXPECT_EQ(r.messages[0].severity, "error");
  EXPECT_EQ(r.messages[0].activity, "FR-RCS-000000000-DC-2024-001");
  // The first DAC sector of the file.
  std::ifstream in(kData + "/synthetic-dc/dc-bad-sector-sum.xml");
  int line = 0, first_sector = 0;
  for (std::string s; std::getline(in, s);) {
    ++line;
    if (first_sector == 0 && s.find("<sector vocabulary=\"1\"") != s.npos) {
      first_sector = line;
    }
  }
  EXPECT_EQ(r.messages[0].line, first_sector);
}

// A file written in a fresh temporary directory.
class TempDirForWriter {
 public:
  TempDirForWriter()
      : path_(fs::temp_directory_path() /
              ("iati-writer-" + std::to_string(::getpid()))) {
    fs::create_directories(path_);
  }
  ~TempDirForWriter() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& content) {
    std::string p = (path_ / "a.xml").string();
    std::ofstream(p) << content;
    return p;
  }

 private:
  fs::path path_;
};

// The activity of a synthetic file without its XML comments.
std::string ActivityOf(const std::string& file, const std::string& suffix) {
  auto text = core::ReadFile(kData + "/synthetic-dc/" + file);
  EXPECT_TRUE(text.ok());
  std::string a = text->substr(text->find("<iati-activity "));
  a = a.substr(0, a.find("</iati-activity>") + 16);
  for (auto c = a.find("<!--"); c != std::string::npos; c = a.find("<!--")) {
    a.erase(c, a.find("-->", c) + 3 - c);
  }
  const auto id = a.find("</iati-identifier>");
  a.insert(id, suffix);
  return a;
}

// libxml2 keeps an element's line in 16 bits (65535 from there on), and
// its xmlGetLineNo then borrows the next text's line: past line 65,535 the
// messages must still name the element's own line.
TEST(IatiRules, LinesPastSixtyFiveThousandAreExact) {
  const Codelists lists = LoadCodelists();
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<iati-activities "
      "version=\"2.03\">\n";
  const auto lines = [&] {
    return static_cast<int>(std::count(xml.begin(), xml.end(), '\n'));
  };
  for (int i = 0; lines() < 70'000; ++i) {
    xml += " " + ActivityOf("dc-minimal-valid.xml", "-" + std::to_string(i)) +
           "\n";
  }
  xml += " " + ActivityOf("dc-bad-sector-sum.xml", "-SUM") + "\n";
  std::string bogus = ActivityOf("dc-minimal-valid.xml", "-BOGUS");
  bogus.insert(bogus.find("<activity-status"), "<bogus/>\n  ");
  xml += " " + bogus + "\n</iati-activities>\n";
  // Where the messages must point: the first DAC sector of the -SUM
  // activity (as for the small file above) and the <bogus/> element.
  int sum_sector = 0, bogus_line = 0, line = 0;
  bool in_sum = false;
  std::istringstream in(xml);
  for (std::string s; std::getline(in, s);) {
    ++line;
    if (s.find("-SUM</iati-identifier>") != s.npos) in_sum = true;
    if (in_sum && sum_sector == 0 &&
        s.find("<sector vocabulary=\"1\"") != s.npos) {
      sum_sector = line;
    }
    if (s.find("<bogus/>") != s.npos) bogus_line = line;
  }
  ASSERT_GT(sum_sector, 70'000);
  ASSERT_GT(bogus_line, sum_sector);
  TempDirForWriter dir;
  const ValidationReport r = Validate(dir.Write(xml), &lists);
  std::map<std::string, int> got;
  for (const auto& m : r.messages) got[m.rule] = m.line;
  ASSERT_EQ(r.messages.size(), 2u) << r.messages[0].rule;
  EXPECT_EQ(got["2.1.2"], sum_sector);
  EXPECT_EQ(got["0.3.1"], bogus_line);
}

TEST(IatiRules, TheFutureIsRelativeToToday) {
  const ValidationReport before = Validate(
      kData + "/synthetic-dc/dc-minimal-valid.xml", nullptr, "2024-01-01");
  std::set<std::string> rules = Rules(before);
  // The actual start (2024-02-15), the transactions (2024-02/03) and the
  // last update (2025-06-30) are after 2024-01-01.
  EXPECT_TRUE(rules.count("11.1.4")) << before.messages.size();
  EXPECT_TRUE(rules.count("11.2.1"));
  EXPECT_TRUE(rules.count("11.1.1"));
}

TEST(IatiWriter, SharesAddUpToExactlyOneHundred) {
  EXPECT_EQ(EqualShares(1), std::vector<std::string>({"100"}));
  EXPECT_EQ(EqualShares(2), std::vector<std::string>({"50", "50"}));
  EXPECT_EQ(EqualShares(3),
            std::vector<std::string>({"33.33", "33.33", "33.34"}));
  EXPECT_EQ(EqualShares(7).back(), "14.32");  // 6 x 14.28 + 14.32
  EXPECT_EQ(Decimal(12.5), "12.5");
  EXPECT_EQ(Decimal(0.004), "0");
}

TEST(IatiWriter, AWrittenActivityPassesTheSchemaAndTheRules) {
  Activity a;
  a.identifier = "FR-INSEE-213505047-P&1";  // escaped, and rule 1.3.13
  a.reporting = {"FR-INSEE-213505047", "11", "", "", {{"", "Rennes"}}};
  a.title = {{"", "Eau <potable>"}, {"en", "Water"}};
  a.participants = {{"", "11", "4", "12002", {{"", "Kaffrine"}}}};
  a.status = "2";
  a.dates = {{"2", "2024-01-15"}, {"3", "2026-12-31"}};
  a.countries = {{"", "SN", "50"}, {"", "ML", "50"}};
  a.locations = {{"Kaffrine", std::make_pair(14.1, -15.5)}};
  a.sectors = {{"1", "14030", "100"}, {"7", "6", "100"}};
  a.budgets = {{"1", "1", "2024-01-01", "2024-12-31", "1000.5"}};
  a.transactions = {{"T1",
                     "3",
                     "2024-06-30",
                     "500",
                     "budget-general",
                     {"", "11", "", "", {{"", "Rennes"}}},
                     {}}};
  TempDirForWriter dir;
  const std::string path = dir.Write(WriteActivities({}, {a}));
  const Codelists lists = LoadCodelists();
  const ValidationReport r = Validate(path, &lists);
  std::string all;
  for (const auto& m : r.messages) all += FormatMessage(path, m) + "\n";
  EXPECT_TRUE(r.schema_valid) << all;
  std::set<std::string> rules;
  for (const auto& m : r.messages) rules.insert(m.rule);
  EXPECT_EQ(rules, std::set<std::string>({"1.3.13"}));
}

TEST(IatiWriter, TextIsEscapedAndStreamedAsWrittenWhole) {
  Activity a;
  a.identifier = "FR-INSEE-213505047-P1";
  a.reporting = {"FR-INSEE-213505047", "11", "", "", {{"", "Rennes"}}};
  // & < > " escaped; a control character (not XML) becomes a space.
  a.title = {{"",
              "Eau & \"assainissement\" <A>\x01"
              "fin"}};
  a.participants = {{"", "11", "4", "12002", {{"", "Kaffrine"}}}};
  a.status = "2";
  a.dates = {{"2", "2024-01-15"}};
  a.countries = {{"", "SN", ""}};
  a.sectors = {{"1", "14030", ""}};
  Activity b = a;
  b.identifier = "FR-INSEE-213505047-P2";
  std::string streamed;
  AppendDocumentStart(&streamed);
  AppendActivity({}, a, &streamed);
  AppendActivity({}, b, &streamed);
  AppendDocumentEnd(&streamed);
  EXPECT_EQ(streamed, WriteActivities({}, {a, b}));
  EXPECT_NE(streamed.find("<narrative>Eau &amp; &quot;assainissement&quot; "
                          "&lt;A&gt; fin</narrative>"),
            std::string::npos)
      << streamed;
  TempDirForWriter dir;
  const std::string path = dir.Write(streamed);
  std::vector<std::string> titles;
  auto read = ReadFile(path, {kSchemas}, [&](const Element& e, bool ok) {
    EXPECT_TRUE(ok);
    titles.push_back(e.Child("title")->Child("narrative")->text);
  });
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->messages.empty())
      << (read->messages.empty() ? "" : read->messages[0].text);
  EXPECT_EQ(titles,
            std::vector<std::string>(2, "Eau & \"assainissement\" <A> fin"));
}

class TempDir {
 public:
  TempDir() {
    path_ =
        fs::temp_directory_path() / ("iati-unit-" + std::to_string(::getpid()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string Write(const std::string& name, const std::string& content) {
    std::string p = (path_ / name).string();
    std::ofstream(p) << content;
    return p;
  }

 private:
  fs::path path_;
};

TEST(IatiBadInput, NotXmlIsAFatalMessageWithItsLine) {
  TempDir dir;
  const ValidationReport r =
      Validate(dir.Write("a.xml", "name,country\nParis,FR\n"));
  EXPECT_TRUE(r.fatal);
  ASSERT_FALSE(r.messages.empty());
  EXPECT_EQ(r.messages[0].rule, "0.1.1");
  EXPECT_FALSE(r.ok());
}

TEST(IatiBadInput, TruncatedXmlIsFatal) {
  TempDir dir;
  const ValidationReport r = Validate(
      dir.Write("a.xml", "<iati-activities version=\"2.03\"><iati-activity>"));
  EXPECT_TRUE(r.fatal);
  EXPECT_EQ(r.messages.at(0).rule, "0.1.1");
}

TEST(IatiBadInput, WrongRootIsNamed) {
  TempDir dir;
  const ValidationReport r =
      Validate(dir.Write("a.xml", "<?xml version=\"1.0\"?>\n<projects/>\n"));
  EXPECT_TRUE(r.fatal);
  ASSERT_EQ(r.messages.size(), 1u);
  EXPECT_EQ(r.messages[0].rule, "0.2.1");
  EXPECT_EQ(r.messages[0].line, 2);
  EXPECT_NE(r.messages[0].text.find("<projects>"), std::string::npos);
}

std::string Laughs(int levels) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [\n";
  bomb += "<!ENTITY l0 \"lol\">\n";
  for (int i = 1; i < levels; ++i) {
    bomb += "<!ENTITY l" + std::to_string(i) + " \"";
    for (int j = 0; j < 10; ++j) bomb += "&l" + std::to_string(i - 1) + ";";
    bomb += "\">\n";
  }
  bomb += "]>\n<iati-activities version=\"2.03\">&l" +
          std::to_string(levels - 1) + ";</iati-activities>\n";
  return bomb;
}

TEST(IatiBadInput, BillionLaughsIsRefusedWithoutExpansion) {
  TempDir dir;
  // 10^9 "lol"s: libxml2's own amplification guard stops it in the DTD.
  const ValidationReport r = Validate(dir.Write("bomb.xml", Laughs(10)));
  EXPECT_TRUE(r.fatal);
  ASSERT_FALSE(r.messages.empty());
  EXPECT_EQ(r.messages[0].rule, "0.1.1");
  EXPECT_NE(r.messages[0].text.find("entity"), std::string::npos)
      << r.messages[0].text;
  EXPECT_EQ(r.activities, 0);
  // A DOCTYPE declaring entities is refused before any is used.
  const ValidationReport small = Validate(
      dir.Write("small.xml",
                "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [\n"
                "<!ENTITY a \"x\">]>\n<iati-activities version=\"2.03\"/>\n"));
  EXPECT_TRUE(small.fatal);
  ASSERT_FALSE(small.messages.empty());
  EXPECT_NE(small.messages[0].text.find("DOCTYPE"), std::string::npos)
      << small.messages[0].text;
}

TEST(IatiBadInput, ExternalEntitiesAreNeverRead) {
  TempDir dir;
  const std::string secret = dir.Write("secret.txt", "TOP-SECRET-VALUE");
  const std::string xml =
      "<?xml version=\"1.0\"?>\n<!DOCTYPE iati-activities [\n"
      "<!ENTITY s SYSTEM \"file://" +
      secret +
      "\">]>\n"
      "<iati-activities version=\"2.03\"><iati-activity>"
      "<iati-identifier>&s;</iati-identifier></iati-activity>"
      "</iati-activities>\n";
  const std::string path = dir.Write("xxe.xml", xml);
  const ValidationReport r = Validate(path);
  EXPECT_TRUE(r.fatal);
  std::string seen;
  auto read = ReadFile(
      path, {}, [&](const Element& a, bool) { seen += ActivityIdentifier(a); });
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->fatal);
  EXPECT_EQ(seen.find("TOP-SECRET"), std::string::npos);
  for (const auto& m : r.messages) {
    EXPECT_EQ(m.text.find("TOP-SECRET"), std::string::npos);
  }
}

TEST(IatiReader, StreamsEachActivityAsATree) {
  const std::string path = kData + "/synthetic-dc/dc-minimal-valid.xml";
  int n = 0;
  auto summary = ReadFile(path, {kSchemas}, [&](const Element& a, bool ok) {
    ++n;
    EXPECT_TRUE(ok);
    EXPECT_EQ(ActivityIdentifier(a), "FR-RCS-000000000-DC-2024-001");
    EXPECT_EQ(a.AttrOr("xml:lang"), "fr");
    EXPECT_EQ(a.Children("sector").size(), 3u);
    const Element* title = a.Child("title");
    ASSERT_NE(title, nullptr);
    EXPECT_EQ(title->Children("narrative").size(), 2u);
    EXPECT_EQ(title->Children("narrative")[1]->AttrOr("xml:lang"), "en");
  });
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(n, 1);
  EXPECT_EQ(summary->root, "iati-activities");
  EXPECT_EQ(summary->version, "2.03");
}

}  // namespace
}  // namespace coopatlas::iati
