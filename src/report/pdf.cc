// The PDF report, drawn with cairo and laid out with pango: the text is
// real text (a PDF reader can search and copy it), no browser involved.
#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "report/maps.h"
#include "report/render.h"

namespace coopatlas::report {
namespace {

constexpr double kWidth = 595.0;  // A4 in points
constexpr double kHeight = 842.0;
constexpr double kMargin = 50.0;

class Pdf {
 public:
  explicit Pdf(const std::string& path)
      : surface_(cairo_pdf_surface_create(path.c_str(), kWidth, kHeight)),
        cr_(cairo_create(surface_)),
        layout_(pango_cairo_create_layout(cr_)) {}
  ~Pdf() {
    g_object_unref(layout_);
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
  }
  Pdf(const Pdf&) = delete;
  Pdf& operator=(const Pdf&) = delete;

  bool ok() const {
    return cairo_surface_status(surface_) == CAIRO_STATUS_SUCCESS;
  }

  // Writes `text` at the current line, wrapping within `width`; moves down.
  void Text(const std::string& text, double size, bool bold = false,
            double x = kMargin, double width = kWidth - 2 * kMargin,
            bool advance = true) {
    Layout(text, size, bold, width);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    const double height = static_cast<double>(h) / PANGO_SCALE;
    Room(height);
    cairo_set_source_rgb(cr_, 0.11, 0.14, 0.2);
    cairo_move_to(cr_, x, y_);
    pango_cairo_show_layout(cr_, layout_);
    if (advance) y_ += height + 2;
  }

  // A horizontal bar chart: label, bar, value.
  void Chart(const std::string& title, const std::vector<ReportBar>& bars,
             bool money) {
    Space(8);
    Text(title, 12, true);
    if (bars.empty()) {
      Text("Pas de données pour ce graphique.", 9);
      return;
    }
    const std::size_t n = std::min<std::size_t>(bars.size(), 10);
    std::int64_t max = 1;
    for (std::size_t i = 0; i < n; ++i) max = std::max(max, bars[i].value);
    for (std::size_t i = 0; i < n; ++i) {
      Room(16);
      const double w =
          180.0 * static_cast<double>(bars[i].value) / static_cast<double>(max);
      cairo_set_source_rgb(cr_, 0.17, 0.37, 0.66);
      cairo_rectangle(cr_, kMargin + 200, y_ + 2, std::max(w, 1.0), 10);
      cairo_fill(cr_);
      const std::string label = Truncate(bars[i].label, 34);
      Text(label, 9, false, kMargin, 195, false);
      Text(money ? Euros(bars[i].value) : std::to_string(bars[i].value), 9,
           false, kMargin + 205 + std::max(w, 1.0), 120);
      y_ += 2;
    }
  }

  // A choropleth `width` points wide, its caption and legend.
  void Map(const MapPicture& m, double width) {
    const MapGeometry& g = *m.geometry;
    const double s = width / g.width;
    const double height = g.height * s;
    Space(8);
    Room(height + 70);  // title, map and legend on one page
    Text(m.title, 12, true);
    cairo_save(cr_);
    cairo_translate(cr_, kMargin, y_);
    cairo_scale(cr_, s, s);
    cairo_set_line_width(cr_, 0.6);
    cairo_set_line_join(cr_, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t i = 0; i < g.shapes.size(); ++i) {
      for (const MapFrame& f : g.frames) {
        if (f.first_shape != i) continue;
        cairo_rectangle(cr_, f.x, f.y, f.width, f.height);
        cairo_set_source_rgb(cr_, 1, 1, 1);
        cairo_fill_preserve(cr_);
        cairo_set_source_rgb(cr_, 0.6, 0.6, 0.67);
        cairo_stroke(cr_);
      }
      cairo_new_path(cr_);
      for (const auto& ring : g.shapes[i].rings) {
        cairo_move_to(cr_, ring.front().x, ring.front().y);
        for (const MapPoint& p : ring) cairo_line_to(cr_, p.x, p.y);
        cairo_close_path(cr_);
      }
      const Rgb c = ParseColor(m.fills[i]);
      cairo_set_source_rgb(cr_, c.r, c.g, c.b);
      cairo_fill_preserve(cr_);
      cairo_set_source_rgb(cr_, 1, 1, 1);
      cairo_stroke(cr_);
    }
    cairo_restore(cr_);
    for (const MapFrame& f : g.frames) {
      Layout(f.label, 6, false, f.width * s);
      pango_layout_set_alignment(layout_, PANGO_ALIGN_CENTER);
      cairo_set_source_rgb(cr_, 0.11, 0.14, 0.2);
      cairo_move_to(cr_, kMargin + f.x * s, y_ + (f.y + f.height) * s - 9);
      pango_cairo_show_layout(cr_, layout_);
    }
    y_ += height + 4;
    Text(m.caption, 8);
    std::vector<std::pair<std::string, std::string>> legend = {
        {kNoDataColor, "aucun"}};
    if (m.shaded > 0) {
      for (const ColorClass& c : m.classes) {
        legend.emplace_back(c.color, LegendRange(c));
      }
    }
    double x = kMargin;
    for (const auto& [color, label] : legend) {
      const Rgb c = ParseColor(color);
      cairo_set_source_rgb(cr_, c.r, c.g, c.b);
      cairo_rectangle(cr_, x, y_ + 2, 8, 8);
      cairo_fill(cr_);
      Layout(label, 8, false, 120);
      int w = 0, h = 0;
      pango_layout_get_pixel_size(layout_, &w, &h);
      cairo_set_source_rgb(cr_, 0.11, 0.14, 0.2);
      cairo_move_to(cr_, x + 11, y_);
      pango_cairo_show_layout(cr_, layout_);
      x += 11 + w + 14;
    }
    y_ += 16;
  }

  void Space(double points) { y_ += points; }

  void Banner(const std::string& text) {
    Layout(text, 10, true, kWidth - 2 * kMargin - 12);
    int w = 0, h = 0;
    pango_layout_get_size(layout_, &w, &h);
    const double height = static_cast<double>(h) / PANGO_SCALE + 10;
    Room(height);
    cairo_set_source_rgb(cr_, 1.0, 0.95, 0.8);
    cairo_rectangle(cr_, kMargin, y_, kWidth - 2 * kMargin, height);
    cairo_fill(cr_);
    cairo_set_source_rgb(cr_, 0.4, 0.3, 0.0);
    cairo_move_to(cr_, kMargin + 6, y_ + 5);
    pango_cairo_show_layout(cr_, layout_);
    y_ += height + 6;
  }

  Status Finish(const std::string& path) {
    cairo_show_page(cr_);
    cairo_surface_finish(surface_);
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS) {
      return Status::Io("cannot write PDF file " + path + ": " +
                        cairo_status_to_string(cairo_surface_status(surface_)));
    }
    return Status::Ok();
  }

 private:
  void Layout(const std::string& text, double size, bool bold, double width) {
    PangoFontDescription* font = pango_font_description_new();
    pango_font_description_set_family(font, "DejaVu Sans");
    pango_font_description_set_weight(
        font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_absolute_size(font, size * PANGO_SCALE);
    pango_layout_set_font_description(layout_, font);
    pango_font_description_free(font);
    pango_layout_set_width(layout_, static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout_, PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout_, PANGO_ALIGN_LEFT);
    pango_layout_set_text(layout_, text.c_str(), -1);
  }

  // A new page when `height` does not fit on this one.
  void Room(double height) {
    if (y_ + height <= kHeight - kMargin) return;
    cairo_show_page(cr_);
    y_ = kMargin;
  }

  cairo_surface_t* surface_;
  cairo_t* cr_;
  PangoLayout* layout_;
  double y_ = kMargin;
};

}  // namespace

Status WritePdf(const ReportData& d, const std::string& path) {
  Pdf pdf(path);
  if (!pdf.ok()) return Status::Io("cannot write PDF file " + path);
  pdf.Text(d.title, 20, true);
  pdf.Text(d.subtitle, 10);
  pdf.Space(6);
  if (d.includes_demo) {
    pdf.Banner(
        "Ce rapport inclut des données de démonstration fictives : ne pas "
        "les citer comme des faits.");
  }
  if (d.empty) {
    pdf.Text(
        "Aucun partenariat ni projet dans ce périmètre : rien à "
        "présenter.",
        11);
  } else {
    pdf.Text("Chiffres clés", 14, true);
    for (const auto& [label, value] : KeyFigures(d)) {
      pdf.Text(label + " : " + value, 10);
    }
    pdf.Chart("Projets par thème", d.by_theme, false);
    pdf.Chart("Projets par ODD", d.by_sdg, false);
    pdf.Chart("Financement prévu par source", d.funding_by_source, true);
    pdf.Chart("Projets par pays", d.top_countries, false);
    pdf.Chart("Projets par année de début", d.projects_by_year, false);
    const ReportMaps maps = MapsOf(d);
    if (!maps.error.empty()) pdf.Text(maps.error, 9);
    for (std::size_t i = 0; i < maps.pictures.size(); ++i) {
      pdf.Map(maps.pictures[i], i == 0 ? kWidth - 2 * kMargin : 330);
    }
    pdf.Space(10);
    pdf.Text("Projets", 14, true);
    for (const ReportProject& p : d.project_list) {
      pdf.Text(p.ref + " — " + p.title + " (" + p.countries + ", " + p.status +
                   ", " + p.started_on + ") : " + Euros(p.planned_cents),
               8.5);
    }
    pdf.Space(10);
    pdf.Text("Partenariats", 14, true);
    for (const ReportPartnership& p : d.partnership_list) {
      pdf.Text(p.french + " — " + p.partners + " (" + p.countries + ", " +
                   p.kind + ", " + p.status + ")",
               8.5);
    }
  }
  pdf.Space(10);
  pdf.Text("Sources et fraîcheur des données", 14, true);
  for (const std::string& s : d.provenance) pdf.Text(s, 8.5);
  pdf.Text(d.freshness, 8.5);
  pdf.Text("Rapport généré le " + d.generated_at + " par coopatlas.", 8.5);
  return pdf.Finish(path);
}

}  // namespace coopatlas::report
