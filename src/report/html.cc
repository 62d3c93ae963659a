// The HTML report: one file, inline CSS and SVG, no script and no external
// resource, so it opens offline and prints.
#include <algorithm>
#include <string>

#include "report/maps.h"
#include "report/render.h"

namespace coopatlas::report {
namespace {

constexpr const char* kStyle = R"css(
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#1d2433;margin:2em auto;max-width:60em;padding:0 1em;line-height:1.4}
h1{font-size:1.8em;margin-bottom:.2em}h2{border-bottom:2px solid #2b5fa8;padding-bottom:.2em;margin-top:1.6em}
.subtitle{color:#555}.demo{background:#fff3cd;border:2px solid #b58100;padding:.6em 1em;font-weight:bold}
.figures{display:grid;grid-template-columns:repeat(auto-fill,minmax(13em,1fr));gap:.6em}
.figure{border:1px solid #ccd;border-radius:6px;padding:.5em .8em}.figure b{display:block;font-size:1.3em}
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border-bottom:1px solid #dde;padding:.25em .4em;text-align:left}
td.n{text-align:right;white-space:nowrap}.charts{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.none{color:#777;font-style:italic}.maps{display:grid;grid-template-columns:3fr 2fr;gap:1em;align-items:start}
.map{margin:0}.map svg{width:100%;height:auto}.map path{stroke:#fff;stroke-width:.5}.map .frame{fill:#fff;stroke:#99a}
.map figcaption{font-size:.85em;color:#444}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1em}
.swatch{display:inline-block;width:1em;height:1em;margin-right:.3em;vertical-align:middle;border:1px solid #999}
@media (max-width:50em){.maps,.charts{grid-template-columns:1fr}}footer{margin-top:2em;font-size:.85em;color:#555}
@media print{body{margin:0;max-width:none;font-size:10pt}h2{break-after:avoid}.chart,.map,table,.figure{break-inside:avoid}
.charts{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}
)css";

// A horizontal bar chart as inline SVG; `money` formats values as euros.
std::string BarChart(const std::string& title,
                     const std::vector<ReportBar>& bars, bool money) {
  std::string out = "<div class=\"chart\"><h3>" + HtmlEscape(title) + "</h3>";
  if (bars.empty()) {
    return out +
           "<p class=\"none\">Pas de données pour ce graphique.</p></div>";
  }
  const std::size_t n = std::min<std::size_t>(bars.size(), 12);
  std::int64_t max = 1;
  for (std::size_t i = 0; i < n; ++i) max = std::max(max, bars[i].value);
  const int row = 22, label_w = 170, bar_w = 150;
  out += "<svg role=\"img\" width=\"" + std::to_string(label_w + bar_w + 110) +
         "\" height=\"" + std::to_string(row * static_cast<int>(n) + 4) +
         "\" aria-label=\"" + HtmlEscape(title) + "\">";
  for (std::size_t i = 0; i < n; ++i) {
    const int y = static_cast<int>(i) * row;
    const int w = static_cast<int>(bars[i].value * bar_w / max);
    const std::string label = Truncate(bars[i].label, 22);
    const std::string value =
        money ? Euros(bars[i].value) : std::to_string(bars[i].value);
    out += "<text x=\"0\" y=\"" + std::to_string(y + 15) +
           "\" font-size=\"12\">" + HtmlEscape(label) + "</text><rect x=\"" +
           std::to_string(label_w) + "\" y=\"" + std::to_string(y + 3) +
           "\" width=\"" + std::to_string(std::max(w, 1)) +
           "\" height=\"16\" fill=\"#2b5fa8\"/><text x=\"" +
           std::to_string(label_w + std::max(w, 1) + 4) + "\" y=\"" +
           std::to_string(y + 15) + "\" font-size=\"12\">" + HtmlEscape(value) +
           "</text>";
  }
  return out + "</svg></div>";
}

}  // namespace

std::string RenderHtml(const ReportData& d) {
  std::string h =
      "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, "
      "initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>" +
      HtmlEscape(d.title) + " — rapport coopatlas</title><style>" + kStyle +
      "</style></head><body>\n<header><h1>" + HtmlEscape(d.title) +
      "</h1><p class=\"subtitle\">" + HtmlEscape(d.subtitle) +
      "</p></header>\n";
  if (d.includes_demo) {
    h += "<p class=\"demo\">Ce rapport inclut des données de démonstration "
         "fictives : ne pas les citer comme des faits.</p>\n";
  }
  if (d.empty) {
    h += "<p class=\"none\">Aucun partenariat ni projet dans ce périmètre : "
         "rien à présenter.</p>\n";
  } else {
    h += "<h2>Chiffres clés</h2><div class=\"figures\">";
    for (const auto& [label, value] : KeyFigures(d)) {
      h += "<div class=\"figure\">" + HtmlEscape(label) + "<b>" +
           HtmlEscape(value) + "</b></div>";
    }
    h += "</div>\n<h2>Graphiques</h2><div class=\"charts\">";
    h += BarChart("Projets par thème", d.by_theme, false);
    h += BarChart("Projets par ODD", d.by_sdg, false);
    h += BarChart("Financement prévu par source", d.funding_by_source, true);
    h += BarChart("Projets par pays", d.top_countries, false);
    h += BarChart("Projets par année de début", d.projects_by_year, false);
    h += "</div>\n<h2>Cartes</h2>";
    const ReportMaps maps = MapsOf(d);
    if (!maps.error.empty()) {
      h += "<p class=\"none\">" + HtmlEscape(maps.error) + "</p>";
    }
    h += "<div class=\"maps\">";
    for (const MapPicture& m : maps.pictures) h += MapFigureHtml(m);
    h += "</div>\n";
    h += "<h2>Projets</h2><table><thead><tr><th>Réf.</th><th>Titre</th>"
         "<th>Pays</th><th>Statut</th><th>Début</th><th>Budget prévu</th>"
         "</tr></thead><tbody>";
    for (const ReportProject& p : d.project_list) {
      h += "<tr><td>" + HtmlEscape(p.ref) + "</td><td>" + HtmlEscape(p.title) +
           "</td><td>" + HtmlEscape(p.countries) + "</td><td>" +
           HtmlEscape(p.status) + "</td><td>" + HtmlEscape(p.started_on) +
           "</td><td class=\"n\">" + HtmlEscape(Euros(p.planned_cents)) +
           "</td></tr>";
    }
    h += "</tbody></table>\n<h2>Partenariats</h2><table><thead><tr>"
         "<th>Type</th><th>Statut</th><th>Collectivités françaises</th>"
         "<th>Partenaires</th><th>Pays</th></tr></thead><tbody>";
    for (const ReportPartnership& p : d.partnership_list) {
      h += "<tr><td>" + HtmlEscape(p.kind) + "</td><td>" +
           HtmlEscape(p.status) + "</td><td>" + HtmlEscape(p.french) +
           "</td><td>" + HtmlEscape(p.partners) + "</td><td>" +
           HtmlEscape(p.countries) + "</td></tr>";
    }
    h += "</tbody></table>\n";
  }
  h += "<footer><h2>Sources et fraîcheur des données</h2><ul>";
  for (const std::string& s : d.provenance)
    h += "<li>" + HtmlEscape(s) + "</li>";
  h += "<li>" + HtmlEscape(d.freshness) + "</li><li>Rapport généré le " +
       HtmlEscape(d.generated_at) +
       " par coopatlas ; définitions : docs/finance.md.</li></ul></footer>\n"
       "</body></html>\n";
  return h;
}

}  // namespace coopatlas::report
