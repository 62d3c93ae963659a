// The report renderers on hand-built data: escaping, the demonstration
// mark, an empty scope, UTF-8-safe truncation, euros.
#include <gtest/gtest.h>

#include <string>

#include "report/render.h"

namespace coopatlas::report {
namespace {

ReportData Data() {
  ReportData d;
  d.title = "Ville <b>& co</b>";
  d.subtitle = "Rapport";
  d.empty = false;
  d.projects = 1;
  d.by_theme = {{"Eau et assainissement", 3}};
  d.project_list = {{"P-1", "Puits \"neufs\"", "Togo", "en cours", "2024-01-01",
                     123'456'789}};
  d.provenance = {"Référentiel : test"};
  return d;
}

TEST(ReportHtmlTest, EscapedSelfContainedWithFigures) {
  const std::string html = RenderHtml(Data());
  EXPECT_NE(html.find("Ville &lt;b&gt;&amp; co&lt;/b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<b>& co"), std::string::npos);
  EXPECT_NE(html.find("Puits &quot;neufs&quot;"), std::string::npos);
  EXPECT_NE(html.find("1 234 567,89 €"), std::string::npos);
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  // Nothing is fetched: no script, no source, no URL (the icon is data:).
  for (const char* s :
       {"<script", "src=", "http:", "https:", "url(", "@import"}) {
    EXPECT_EQ(html.find(s), std::string::npos) << s;
  }
  EXPECT_EQ(html.find("démonstration"), std::string::npos);
}

TEST(ReportHtmlTest, DemoMarkAndEmptyScope) {
  ReportData d = Data();
  d.includes_demo = true;
  EXPECT_NE(RenderHtml(d).find("données de démonstration fictives"),
            std::string::npos);
  ReportData empty;
  empty.title = "Rien";
  const std::string html = RenderHtml(empty);
  EXPECT_NE(html.find("Aucun partenariat ni projet"), std::string::npos);
  EXPECT_EQ(html.find("<svg"), std::string::npos);
}

TEST(ReportTextTest, EurosAndTruncation) {
  EXPECT_EQ(Euros(0), "0,00 €");
  EXPECT_EQ(Euros(5), "0,05 €");
  EXPECT_EQ(Euros(-123'456), "-1 234,56 €");
  EXPECT_EQ(Truncate("Égalité", 3), "Éga…");
  EXPECT_EQ(Truncate("Égalité", 7), "Égalité");
  EXPECT_EQ(FunderTypeLabel("state"), "État (appels à projets)");
}

}  // namespace
}  // namespace coopatlas::report
