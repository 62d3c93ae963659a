// Reports of the demonstration data in each format: the PDF is read back
// with pdftotext (poppler-utils) for its key figures, the HTML is checked to
// need nothing from the network, an empty scope says so.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "integration/records_util.h"

namespace coopatlas::testing {
namespace {

ScratchDb* report_db = nullptr;

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class ReportTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    report_db = new ScratchDb();
    auto registry = report_db->Open();
    ProjectImportOptions o;
    o.projects_file = SourceDir() + "/data/demo/projets.csv";
    o.funding_file = SourceDir() + "/data/demo/financements.csv";
    o.demo = true;
    ASSERT_TRUE(registry->ImportProjects(o).ok());
  }
  static void TearDownTestSuite() { delete report_db; }
  static Result<ReportSummary> Render(const ReportOptions& o) {
    auto r = Registry::Open({report_db->path(), true});
    EXPECT_TRUE(r.ok());
    return (*r)->Report(o);
  }
};

TEST_F(ReportTest, PdfHasTheKeyFiguresAsText) {
  ReportOptions o;
  o.national = true;
  o.format = "pdf";
  o.out = report_db->File("national.pdf");
  auto s = Render(o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 200);
  EXPECT_EQ(Slurp(o.out).substr(0, 5), "%PDF-");
  const std::string txt = report_db->File("national.txt");
  ASSERT_EQ(std::system(("pdftotext -enc UTF-8 " + o.out + " " + txt).c_str()),
            0);
  const std::string text = Slurp(txt);
  // data/demo/SOURCE.md: 200 projects, 22,775,504.01 EUR planned,
  // 10,830,970.85 EUR actual.
  EXPECT_NE(text.find("Projets : 200"), std::string::npos);
  EXPECT_NE(text.find("22 775 504,01 €"), std::string::npos);
  EXPECT_NE(text.find("10 830 970,85 €"), std::string::npos);
  EXPECT_NE(text.find("données de démonstration"), std::string::npos);
  EXPECT_NE(text.find("DEMO-0200"), std::string::npos);  // the list
  // The two maps, with their legends and insets.
  EXPECT_NE(text.find("Partenariats et projets par pays"), std::string::npos);
  EXPECT_NE(text.find("Collectivités françaises par département"),
            std::string::npos);
  EXPECT_NE(text.find("Paris et petite couronne"), std::string::npos);
  EXPECT_NE(text.find("La Réunion"), std::string::npos);
}

TEST_F(ReportTest, HtmlIsSelfContainedAndXlsxIsAWorkbook) {
  ReportOptions o;
  o.country = "SN";
  o.format = "html";
  o.out = report_db->File("sn.html");
  auto s = Render(o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 24);  // SOURCE.md: Sénégal 24
  const std::string html = Slurp(o.out);
  EXPECT_NE(html.find("<h1>Sénégal</h1>"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  // The world map shades Senegal only (every project and partnership of
  // this scope is there), under its French name.
  EXPECT_NE(html.find("<h2>Cartes</h2>"), std::string::npos);
  EXPECT_NE(html.find("class=\"data\"><title>Sénégal : "), std::string::npos);
  EXPECT_EQ(html.find("class=\"data\"><title>Mali"), std::string::npos);
  for (const char* ref :
       {"<script", "src=", "http:", "https:", "url(", "@import"}) {
    EXPECT_EQ(html.find(ref), std::string::npos) << ref;
  }
  o.format = "xlsx";
  o.out = report_db->File("sn.xlsx");
  ASSERT_TRUE(Render(o).ok());
  EXPECT_EQ(Slurp(o.out).substr(0, 2), "PK");
  // The maps' figures are sheets too (unzip: deps/apt-packages.txt).
  const std::string workbook = report_db->File("workbook.xml");
  const std::string strings = report_db->File("strings.xml");
  ASSERT_EQ(std::system(("unzip -p " + o.out + " xl/workbook.xml > " +
                         workbook + " && unzip -p " + o.out +
                         " xl/sharedStrings.xml > " + strings)
                            .c_str()),
            0);
  EXPECT_NE(Slurp(workbook).find("name=\"Carte pays\""), std::string::npos);
  EXPECT_NE(Slurp(workbook).find("name=\"Carte départements\""),
            std::string::npos);
  EXPECT_NE(Slurp(strings).find("Ille-et-Vilaine"), std::string::npos);
}

TEST_F(ReportTest, EmptyScopeSaysSoAndBadInputIsAnError) {
  ReportOptions o;
  o.authority = "01001";  // L'Abergement-Clémenciat: no record
  o.format = "html";
  o.out = report_db->File("empty.html");
  auto s = Render(o);
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->projects, 0);
  const std::string html = Slurp(o.out);
  EXPECT_NE(html.find("Aucun partenariat ni projet"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
  o.authority = "99999";
  EXPECT_EQ(Render(o).status().code(), Code::kNotFound);
  o.authority = "01001";
  o.format = "docx";
  EXPECT_EQ(Render(o).status().code(), Code::kInvalidArgument);
}

}  // namespace
}  // namespace coopatlas::testing
