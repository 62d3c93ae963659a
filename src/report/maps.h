// The maps of a report: a world choropleth (countries) and a France
// choropleth (départements, with the overseas départements and Paris's
// petite couronne in insets), projected here from TopoJSON compiled into the
// binary, the same shapes the web atlas draws. Drawn as inline SVG in HTML
// (MapSvg) and with cairo in the PDF; classes and colours follow the web
// atlas's scale (web/maps/scale.js).
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coopatlas/report.h"
#include "coopatlas/status.h"

namespace coopatlas::report {

struct MapPoint {
  double x = 0, y = 0;
};

struct MapShape {
  std::string code;  // ISO 3166-1 numeric (world) or département code
  std::string name;  // the shapes' own name (English for the world)
  std::vector<std::vector<MapPoint>> rings;  // projected, y down
};

// An inset's frame and label (France: overseas départements, Paris).
// Drawn (filled white) just before the shape `first_shape`, so that it
// hides what the main map has under it.
struct MapFrame {
  double x = 0, y = 0, width = 0, height = 0;
  std::string label;
  std::size_t first_shape = 0;
};

struct MapGeometry {
  double width = 0, height = 0;
  std::vector<MapShape> shapes;  // a code may appear twice (an inset)
  std::vector<MapFrame> frames;
};

// Built once, on first use (thread-safe). Errors: kInternal if the
// compiled-in TopoJSON cannot be read.
Result<const MapGeometry*> WorldGeometry();
Result<const MapGeometry*> FranceGeometry();

// Builds the geometry of a TopoJSON text (exposed for tests).
// `object`: the geometry collection; `code_property`: the property holding
// a shape's code, or "" for the geometry's `id`. Shapes are projected with
// `project` (longitude, latitude in degrees) and fitted to `width`.
enum class MapProjection { kNaturalEarth, kFranceConic };
Result<MapGeometry> GeometryFromTopoJson(std::string_view topojson,
                                         const std::string& object,
                                         const std::string& code_property,
                                         MapProjection projection,
                                         double width);

// "#e8e8e8": shapes without data.
inline constexpr const char* kNoDataColor = "#e8e8e8";

struct ColorClass {
  std::int64_t from = 0, to = 0;
  std::string color;  // "#rrggbb"
};

// Classes on "nice" breaks (1, 2, 5, 10, …) near the quantiles of the
// positive counts, at most 6, light to dark blue.
std::vector<ColorClass> MakeColorClasses(std::vector<std::int64_t> counts);
// The colour of a count: kNoDataColor for 0.
std::string ColorOf(const std::vector<ColorClass>& classes, std::int64_t n);
// "5", "2 – 4": a class's range for the legend.
std::string LegendRange(const ColorClass& c);

// A choropleth ready to draw: a geometry and, per shape, its value, colour
// and title ("Sénégal : 12").
struct MapPicture {
  std::string title;    // "Partenariats et projets par pays"
  std::string caption;  // what is counted, and what is not on the map
  const MapGeometry* geometry = nullptr;
  std::vector<std::int64_t> values;  // per shape
  std::vector<std::string> fills;    // per shape
  std::vector<std::string> titles;   // per shape
  std::vector<ColorClass> classes;
  std::int64_t shaded = 0;  // distinct codes drawn with a value
};

// `values`: code -> count; `names`: code -> display name (else the shape's).
MapPicture Choropleth(std::string title, std::string caption,
                      const MapGeometry& geometry,
                      const std::map<std::string, std::int64_t>& values,
                      const std::map<std::string, std::string>& names);

// The report's two maps (world, France), or the reason there are none
// (an error reading the compiled-in shapes, never expected).
struct ReportMaps {
  std::vector<MapPicture> pictures;
  std::string error;
};
ReportMaps MapsOf(const ReportData& data);

// Inline SVG (with <title>s) and its legend, as an HTML <figure>.
std::string MapFigureHtml(const MapPicture& picture);

// "#1f4f9c" -> {0.12, 0.31, 0.61}.
struct Rgb {
  double r = 0, g = 0, b = 0;
};
Rgb ParseColor(const std::string& hex);

}  // namespace coopatlas::report
