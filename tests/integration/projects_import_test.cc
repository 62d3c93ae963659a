// Importing projects and funding lines; the lossless JSON round trip; a
// crash in the middle of an import.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <thread>

#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

// Two projects in the style of an officer's spreadsheet saved by French
// Excel: ';', decimal commas, dd/mm/yyyy dates.
const char* kProjects =
    "ref_projet;titre;collectivite_fr;collectivite_partenaire;pays;"
    "type_partenariat;date_debut;date_fin;statut;themes;odd;cad;acteurs\n"
    "P1;Eau potable à Matam;35238;Matam;Sénégal;convention;01/03/2024;"
    "31/12/2025;en cours;eau-assainissement;6|6.1;14030:60|14031:40;"
    "Association Eau Vive Rennes:22\n"
    "P2;Jeunesse et mobilité;Lyon;;Maroc;action;2023-09-01;;terminé;;4;;\n";

const char* kFunding =
    "ref_projet;ligne;financeur;type_financeur;mecanisme;annee;nature;"
    "montant;devise;taux;date_taux\n"
    "P1;a;35238;collectivite;budget général;2024;prévu;40 000,00;;;\n"
    "P1;b;35238;collectivite;en nature;2024;prévu;10 000;;;\n"
    "P1;c;Agence de l'eau Loire-Bretagne;agence-eau;1 % eau;2024;prévu;"
    "25000,50;;;\n"
    "P1;d;Matam;partenaire;autre;2024;prévu;3 279 785;XOF;0,001524;"
    "15/01/2024\n"
    "P2;;69123;collectivite;budget-general;2023;réalisé;12 345,67;;;\n";

ProjectImportOptions Options(const ScratchDb& db, const std::string& projects,
                             const std::string& funding) {
  ProjectImportOptions o;
  o.projects_file = db.Write("projets.csv", projects);
  if (!funding.empty()) o.funding_file = db.Write("financements.csv", funding);
  return o;
}

TEST(ProjectsImport, ImportsUpdatesAndLeavesUnchanged) {
  ScratchDb db;
  auto registry = db.Open();
  auto first = registry->ImportProjects(Options(db, kProjects, kFunding));
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->created, 2);
  EXPECT_EQ(first->encoding, "UTF-8");
  auto projects = registry->ListProjects({});
  ASSERT_TRUE(projects.ok());
  ASSERT_EQ(projects->size(), 2u);
  const Project& p1 = (*projects)[0];
  EXPECT_EQ(p1.ref, "P1");
  EXPECT_EQ(p1.started_on, "2024-03-01");
  EXPECT_EQ(p1.status, "ongoing");
  EXPECT_EQ(p1.themes, std::vector<std::string>{"eau-assainissement"});
  ASSERT_EQ(p1.funding.size(), 4u);
  EXPECT_EQ(p1.funding[0].amount_cents, 4000000);
  EXPECT_EQ(p1.funding[1].mechanism, "nature");
  EXPECT_EQ(p1.funding[2].amount_cents, 2500050);
  EXPECT_EQ(p1.funding[2].mechanism, "1pc-eau");
  // 3,279,785 XOF at 0.001524 EUR/XOF = 4,998.392... EUR -> 499839 cents.
  EXPECT_EQ(p1.funding[3].currency, "XOF");
  EXPECT_EQ(p1.funding[3].amount_cents, 499839);
  EXPECT_EQ(p1.funding[3].exchange_rate, "0,001524");
  EXPECT_EQ(p1.funding[3].rate_date, "2024-01-15");
  ASSERT_TRUE(p1.funding[3].funder_authority.has_value());
  EXPECT_EQ(p1.funding[3].funder_authority->name, "Matam");
  ASSERT_TRUE(p1.partnership_id.has_value());
  EXPECT_EQ((*projects)[1].funding[0].key, "P2#1");
  EXPECT_EQ((*projects)[1].funding[0].nature, "actual");

  const std::string before = Digest(db.path());
  auto again = registry->ImportProjects(Options(db, kProjects, kFunding));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->written);
  EXPECT_EQ(Digest(db.path()), before);

  // A changed amount updates the line; a line no longer given is removed.
  std::string funding = kFunding;
  funding.replace(funding.find("40 000,00"), 9, "41 000,00");
  funding.erase(funding.find("P1;b;"),
                funding.find("P1;c;") - funding.find("P1;b;"));
  auto changed = registry->ImportProjects(Options(db, kProjects, funding));
  ASSERT_TRUE(changed.ok()) << changed.status().ToString();
  EXPECT_EQ(changed->others["funding_lines_updated"], 1);
  EXPECT_EQ(changed->others["funding_lines_removed"], 1);
  auto after = registry->ListProjects({});
  EXPECT_EQ((*after)[0].funding.size(), 3u);
  EXPECT_EQ((*after)[0].funding[0].amount_cents, 4100000);
  EXPECT_EQ((*after)[0].funding[0].meta.version, 2);
}

TEST(ProjectsImport, Windows1252SpreadsheetIsRead) {
  ScratchDb db;
  auto registry = db.Open();
  // "Eau potable à Matam" and "Sénégal", "prévu" in Windows-1252.
  const std::string projects =
      "ref_projet;titre;collectivite_fr;pays\r\n"
      "P9;Eau potable \xE0 Matam;35238;S\xE9n\xE9gal\r\n";
  const std::string funding =
      "ref_projet;financeur;type_financeur;mecanisme;annee;nature;montant\r\n"
      "P9;35238;collectivite;budget g\xE9n\xE9ral;2024;pr\xE9vu;1 500,5\r\n";
  auto r = registry->ImportProjects(Options(db, projects, funding));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->encoding, "Windows-1252");
  auto list = registry->ListProjects({});
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ((*list)[0].title_fr, "Eau potable à Matam");
  EXPECT_EQ((*list)[0].funding[0].amount_cents, 150050);
}

struct BadCase {
  const char* name;
  std::string projects, funding;
  std::vector<std::string> messages;  // every one must appear
};

void PrintTo(const BadCase& b, std::ostream* os) { *os << b.name; }

class ProjectsBadFiles : public ::testing::TestWithParam<BadCase> {};

TEST_P(ProjectsBadFiles, EveryProblemWithItsPlaceAndNothingWritten) {
  const BadCase& b = GetParam();
  ScratchDb db;
  auto registry = db.Open();
  const std::string before = Digest(db.path());
  auto r = registry->ImportProjects(Options(db, b.projects, b.funding));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  for (const auto& m : b.messages) {
    EXPECT_NE(r.status().message().find(m), std::string::npos)
        << "missing: " << m << "\nin: " << r.status().message();
  }
  EXPECT_EQ(Digest(db.path()), before);
}

const std::string kHeader =
    "ref_projet,titre,collectivite_fr,pays,themes,odd,cad\n";
const std::string kFundingHeader =
    "ref_projet,financeur,type_financeur,mecanisme,annee,nature,montant\n";

INSTANTIATE_TEST_SUITE_P(
    Files, ProjectsBadFiles,
    ::testing::Values(
        BadCase{
            "unknown_codes",
            kHeader + "P1,Titre,35238,Sénégal,plomberie,18,99999\n",
            "",
            {"projets.csv: line 2, column 'themes': unknown theme 'plomberie'",
             "column 'odd': '18' is not an SDG goal",
             "column 'cad': unknown DAC purpose code '99999'"}},
        BadCase{"ambiguous_authority",
                kHeader + "P1,Titre,Sainte-Colombe,Sénégal,,,\n",
                "",
                {"line 2, column 'collectivite_fr': 'Sainte-Colombe' is "
                 "ambiguous (",
                 "write its code"}},
        BadCase{"unknown_country",
                kHeader + "P1,Titre,35238,Atlantide,,,\n",
                "",
                {"line 2, column 'pays': unknown country 'Atlantide'"}},
        BadCase{"missing_required_column",
                "ref_projet,titre,pays\nP1,Titre,Sénégal\n",
                "",
                {"missing required column 'collectivite_fr'"}},
        BadCase{
            "negative_and_absurd_amounts",
            kHeader + "P1,Titre,35238,Sénégal,,,\n",
            kFundingHeader + "P1,35238,collectivite,budget-general,2024,prévu,"
                             "-150\n"
                             "P1,35238,collectivite,budget-general,2024,prévu,"
                             "\"250 000 000\"\n",
            {"financements.csv: line 2, column 'montant': amount must be "
             "positive",
             "financements.csv: line 3, column 'montant': amount '250 000 000' "
             "is above 100 million euros"}},
        BadCase{
            "bad_dates_and_unknown_project",
            "ref_projet,titre,collectivite_fr,pays,date_debut\n"
            "P1,Titre,35238,Sénégal,31/02/2024\n",
            kFundingHeader +
                "P7,35238,collectivite,budget-general,2024,prévu,10\n",
            {"line 2, column 'date_debut': '31/02/2024' is not a date",
             "financements.csv: line 2, column 'ref_projet': no project 'P7'"}},
        BadCase{
            "foreign_currency_without_rate",
            kHeader + "P1,Titre,35238,Sénégal,,,\n",
            "ref_projet,financeur,type_financeur,mecanisme,annee,nature,"
            "montant,devise\nP1,35238,collectivite,budget-general,2024,prévu,"
            "1000,XOF\n",
            {"column 'taux': an amount in XOF needs its exchange rate"}},
        BadCase{"invalid_utf8",
                kHeader + "P1,Ti\xC3tre,35238,Sénégal,,,\n",
                "",
                {"projets.csv: invalid UTF-8 at line 2, column 6"}},
        BadCase{"truncated",
                kHeader + "P1,\"Titre,35238,Sénégal,,,\n",
                "",
                {"projets.csv: line 2: quoted field is never closed"}}));

TEST(JsonRoundTrip, ExportImportExportIsByteIdentical) {
  ScratchDb source;
  auto registry = source.Open();
  TwinningImportOptions wikipedia;
  wikipedia.file = WikipediaFile();
  ASSERT_TRUE(registry->ImportTwinnings(wikipedia).ok());
  ASSERT_TRUE(
      registry->ImportProjects(Options(source, kProjects, kFunding)).ok());
  ExportOptions e;
  e.format = "json";
  e.out = source.File("first.json");
  auto first = registry->Export(e);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_GT(first->partnerships, 3300u);
  EXPECT_EQ(first->projects, 2u);

  ScratchDb empty;  // reference data, no records
  auto target = empty.Open();
  auto imported = target->ImportJson(e.out, false);
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ExportOptions again = e;
  again.out = empty.File("second.json");
  ASSERT_TRUE(target->Export(again).ok());
  std::ifstream a(e.out, std::ios::binary), b(again.out, std::ios::binary);
  std::stringstream sa, sb;
  sa << a.rdbuf();
  sb << b.rdbuf();
  ASSERT_FALSE(sa.str().empty());
  EXPECT_TRUE(sa.str() == sb.str()) << "the two exports differ";
}

TEST(Exports, EveryFormatWritesAFile) {
  ScratchDb db;
  auto registry = db.Open();
  ASSERT_TRUE(registry->ImportProjects(Options(db, kProjects, kFunding)).ok());
  for (const char* format : {"csv", "geojson", "xlsx"}) {
    ExportOptions e;
    e.format = format;
    e.excel = true;
    e.table = "funding";
    e.out = db.File(std::string("out.") + format);
    auto s = registry->Export(e);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    std::ifstream in(e.out, std::ios::binary);
    std::string head(4, '\0');
    in.read(head.data(), 4);
    const std::string f = format;
    if (f == "xlsx") {
      EXPECT_EQ(head.substr(0, 2), "PK");
    } else if (f == "csv") {
      EXPECT_EQ(head.substr(0, 3), "\xEF\xBB\xBF");
    } else {
      EXPECT_EQ(head[0], '{');
    }
  }
  ExportOptions bad;
  bad.format = "pdf";
  bad.out = db.File("x");
  EXPECT_EQ(registry->Export(bad).status().code(), Code::kInvalidArgument);
  bad.format = "csv";
  bad.out = db.File("no/such/dir/x.csv");
  EXPECT_EQ(registry->Export(bad).status().code(), Code::kIo);
}

// kill -9 during a large import: the database opens, passes
// integrity_check, and holds all of the import or none of it.
TEST(Crash, KillDuringImportLeavesAllOrNothing) {
  ScratchDb db;
  // 6 variants of the French pairs of the Wikipedia list: ~20,000
  // partnerships, a few seconds of work.
  std::ifstream in(WikipediaFile());
  std::string header, line, big;
  std::getline(in, header);
  big = header + "\n";
  std::vector<std::string> french;
  while (std::getline(in, line)) {
    if (line.find(",France,") != std::string::npos ||
        (line.size() > 7 && line.compare(line.size() - 7, 7, ",France") == 0)) {
      french.push_back(line);
    }
  }
  for (int copy = 0; copy < 6; ++copy) {
    for (const auto& l : french) {
      // Rename the partner city (first field when France is second).
      const std::size_t comma = l.find(',');
      if (l.compare(comma, 8, ",France,") == 0) {
        const std::size_t third = l.find(',', comma + 8);
        big += l.substr(0, third) + " " + std::to_string(copy) +
               l.substr(third) + "\n";
      } else {
        big += l.substr(0, comma) + " " + std::to_string(copy) +
               l.substr(comma) + "\n";
      }
    }
  }
  const std::string file = db.Write("big.csv", big);
  const std::string before = Digest(db.path());
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, 1);
    dup2(devnull, 2);
    execl(COOPATLAS_BINARY, COOPATLAS_BINARY, "import", "twinnings", "--db",
          db.path().c_str(), "--quiet", file.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  // Wait until the import is writing, then kill it: the WAL grows, or,
  // when the import has the database alone (store::BulkWrite), the database
  // file grows past its size before the import.
  const std::string wal = db.path() + "-wal";
  const auto size_before = std::filesystem::file_size(db.path());
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool killed = false;
  while (std::chrono::steady_clock::now() < deadline) {
    std::error_code wal_error, db_error;
    const auto wal_size = std::filesystem::file_size(wal, wal_error);
    const auto db_size = std::filesystem::file_size(db.path(), db_error);
    const bool wal_grew = !wal_error && wal_size > (1u << 20);
    const bool db_grew = !db_error && db_size > size_before + (1u << 20);
    if (wal_grew || db_grew) {
      kill(pid, SIGKILL);
      killed = true;
      break;
    }
    int status = 0;
    if (waitpid(pid, &status, WNOHANG) == pid) break;  // finished first
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  int status = 0;
  waitpid(pid, &status, 0);
  EXPECT_TRUE(killed) << "the import finished before it could be killed";
  auto check = store::Db::Open(db.path(), store::OpenMode::kReadWrite);
  ASSERT_TRUE(check.ok()) << check.status().ToString();
  auto integrity = (*check)->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(integrity.ok());
  ASSERT_TRUE(*integrity->Step());
  EXPECT_EQ(integrity->ColumnText(0), "ok");
  check->reset();
  const std::int64_t partnerships =
      CountRows(db.path(), "SELECT count(*) FROM partnership");
  if (killed) {
    EXPECT_EQ(partnerships, 0);  // nothing of the interrupted import
    EXPECT_EQ(Digest(db.path()), before);
  }
  // Running it again completes the import.
  auto registry = db.Open();
  TwinningImportOptions options;
  options.file = file;
  auto r = registry->ImportTwinnings(options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_GT(r->created, 19000);
}

}  // namespace
}  // namespace coopatlas::testing

namespace coopatlas::testing {
namespace {

// The demonstration set that `make run` loads imports cleanly, flagged as
// demonstration data, and a second import changes nothing.
TEST(DemoData, ImportsFlaggedAndIdempotent) {
  ScratchDb db;
  auto registry = db.Open();
  ProjectImportOptions o;
  o.projects_file = SourceDir() + "/data/demo/projets.csv";
  o.funding_file = SourceDir() + "/data/demo/financements.csv";
  o.demo = true;
  auto first = registry->ImportProjects(o);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_GE(first->created, 190);
  auto info = registry->Info();
  ASSERT_TRUE(info.ok());
  EXPECT_EQ(info->records["projects"], first->created);
  EXPECT_GT(info->records["funding_lines"], 2 * first->created);
  // Every project and funding line carries the flag.
  EXPECT_EQ(CountRows(db.path(), "SELECT count(*) FROM project WHERE demo = 0"),
            0);
  EXPECT_EQ(
      CountRows(db.path(), "SELECT count(*) FROM funding_line WHERE demo = 0"),
      0);
  const std::string before = Digest(db.path());
  auto second = registry->ImportProjects(o);
  ASSERT_TRUE(second.ok());
  EXPECT_FALSE(second->written);
  EXPECT_EQ(Digest(db.path()), before);
}

}  // namespace
}  // namespace coopatlas::testing
