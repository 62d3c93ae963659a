// Report maps (maps.h): TopoJSON decoding, the Natural Earth and Lambert
// conformal conic projections (as d3-geo computes them for the web atlas),
// fitting into boxes, colour classes and the SVG of a choropleth.
#include "report/maps.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>
#include <set>

#include "report/render.h"

namespace coopatlas::embedded {
extern const unsigned char kWorldTopology[];
extern const std::size_t kWorldTopologySize;
extern const unsigned char kFranceTopology[];
extern const std::size_t kFranceTopologySize;
}  // namespace coopatlas::embedded

namespace coopatlas::report {
namespace {

using Ring = std::vector<MapPoint>;
using Json = nlohmann::json;

constexpr double kRadians = std::numbers::pi / 180.0;

// A shape in longitude and latitude (degrees).
struct GeoShape {
  std::string code, name;
  std::vector<Ring> rings;
};

using Projector = std::function<MapPoint(double lon, double lat)>;

// Natural Earth I (Šavrič et al.), y up, as d3.geoNaturalEarth1.
MapPoint NaturalEarth(double lon, double lat) {
  const double lambda = lon * kRadians;
  const double phi = lat * kRadians;
  const double phi2 = phi * phi;
  const double phi4 = phi2 * phi2;
  return {
      lambda *
          (0.8707 - 0.131979 * phi2 +
           phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4))),
      phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 -
                                                   0.005916 * phi4)))};
}

// Lambert conformal conic, standard parallels 44° and 49° N, central
// meridian 3° E (IGN's Lambert-93 parameters), y up.
MapPoint FranceConic(double lon, double lat) {
  static const double kN = [] {
    const double p0 = 44 * kRadians, p1 = 49 * kRadians;
    auto tany = [](double y) {
      return std::tan((std::numbers::pi / 2 + y) / 2);
    };
    return std::log(std::cos(p0) / std::cos(p1)) /
           std::log(tany(p1) / tany(p0));
  }();
  static const double kF = [] {
    const double p0 = 44 * kRadians;
    return std::cos(p0) *
           std::pow(std::tan((std::numbers::pi / 2 + p0) / 2), kN) / kN;
  }();
  const double x = (lon - 3) * kRadians;
  const double y = lat * kRadians;
  const double r = kF / std::pow(std::tan((std::numbers::pi / 2 + y) / 2), kN);
  return {r * std::sin(kN * x), kF - r * std::cos(kN * x)};
}

MapPoint Mercator(double lon, double lat) {
  return {lon * kRadians,
          std::log(std::tan(std::numbers::pi / 4 + lat * kRadians / 2))};
}

// The shapes of `object` in a TopoJSON text.
Result<std::vector<GeoShape>> ReadTopology(std::string_view text,
                                           const std::string& object,
                                           const std::string& code_property) {
  const Json topo = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (topo.is_discarded() || !topo.is_object() || !topo.contains("arcs") ||
      !topo.contains("objects") || !topo["objects"].contains(object)) {
    return Status::Internal("map shapes: not a TopoJSON topology with '" +
                            object + "'");
  }
  double sx = 1, sy = 1, tx = 0, ty = 0;
  const bool quantized = topo.contains("transform");
  if (quantized) {
    const Json& t = topo["transform"];
    sx = t["scale"][0].get<double>();
    sy = t["scale"][1].get<double>();
    tx = t["translate"][0].get<double>();
    ty = t["translate"][1].get<double>();
  }
  std::vector<Ring> arcs;
  arcs.reserve(topo["arcs"].size());
  for (const Json& arc : topo["arcs"]) {
    Ring points;
    points.reserve(arc.size());
    double x = 0, y = 0;
    for (const Json& p : arc) {
      if (quantized) {
        x += p[0].get<double>();
        y += p[1].get<double>();
        points.push_back({x * sx + tx, y * sy + ty});
      } else {
        points.push_back({p[0].get<double>(), p[1].get<double>()});
      }
    }
    arcs.push_back(std::move(points));
  }
  auto ring_of = [&](const Json& ids) -> Result<Ring> {
    Ring ring;
    for (const Json& j : ids) {
      const int id = j.get<int>();
      const std::size_t index = static_cast<std::size_t>(id >= 0 ? id : ~id);
      if (index >= arcs.size()) {
        return Status::Internal("map shapes: arc index out of range");
      }
      Ring part = arcs[index];
      if (id < 0) std::reverse(part.begin(), part.end());
      ring.insert(ring.end(), part.begin() + (ring.empty() ? 0 : 1),
                  part.end());
    }
    return ring;
  };
  std::vector<GeoShape> out;
  for (const Json& g : topo["objects"][object]["geometries"]) {
    GeoShape shape;
    const Json props = g.value("properties", Json::object());
    shape.name = props.value(code_property.empty() ? "name" : "nom", "");
    if (code_property.empty()) {
      shape.code = g.value("id", "");
    } else {
      shape.code = props.value(code_property, "");
    }
    const std::string type = g.value("type", "");
    std::vector<Json> polygons;
    if (type == "Polygon") {
      polygons.push_back(g["arcs"]);
    } else if (type == "MultiPolygon") {
      for (const Json& p : g["arcs"]) polygons.push_back(p);
    } else {
      continue;  // null geometries
    }
    for (const Json& polygon : polygons) {
      for (const Json& ids : polygon) {
        COOPATLAS_ASSIGN_OR_RETURN(Ring ring, ring_of(ids));
        shape.rings.push_back(std::move(ring));
      }
    }
    out.push_back(std::move(shape));
  }
  return out;
}

// The part of `ring` on one side of the meridian x = `cut` (one step of
// Sutherland-Hodgman: a concave ring may get edges along the cut, which is
// the map's edge).
Ring ClipAt(const Ring& ring, double cut, bool below) {
  Ring out;
  auto inside = [&](const MapPoint& p) {
    return below ? p.x <= cut : p.x >= cut;
  };
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const MapPoint& p = ring[i];
    const MapPoint& q = ring[(i + 1) % ring.size()];
    const bool p_in = inside(p), q_in = inside(q);
    if (p_in != q_in) {
      const double t = (cut - p.x) / (q.x - p.x);
      out.push_back({cut, p.y + t * (q.y - p.y)});
    }
    if (q_in) out.push_back(q);
  }
  return out;
}

// world-atlas's rings are spherical: Russia's and Fiji's cross the
// antimeridian (from 179.9 to -179.9). A ring's longitudes are unwrapped to
// be continuous, and a ring then reaching past ±180 is cut in two there,
// the outer part moved to the other edge of the map, as d3-geo does.
std::vector<Ring> SplitAtAntimeridian(Ring ring) {
  for (std::size_t i = 1; i < ring.size(); ++i) {
    while (ring[i].x - ring[i - 1].x > 180) ring[i].x -= 360;
    while (ring[i].x - ring[i - 1].x < -180) ring[i].x += 360;
  }
  double min_x = 0, max_x = 0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    min_x = i == 0 ? ring[i].x : std::min(min_x, ring[i].x);
    max_x = i == 0 ? ring[i].x : std::max(max_x, ring[i].x);
  }
  if (min_x >= -180 && max_x <= 180) return {std::move(ring)};
  const double cut = max_x > 180 ? 180 : -180;
  Ring near = ClipAt(ring, cut, cut > 0);
  Ring far = ClipAt(ring, cut, cut < 0);
  for (MapPoint& p : far) p.x += cut > 0 ? -360 : 360;
  std::vector<Ring> out;
  for (Ring* r : {&near, &far}) {
    if (r->size() >= 3) out.push_back(std::move(*r));
  }
  return out;
}

struct Box {
  double x0, y0, x1, y1;  // y1 infinite: fit the width, height follows
};

// Projects `shapes` and fits them in `box` (centred, aspect kept); returns
// the height used. Points closer than 0.6 units to the last one kept are
// dropped (no visible change, a smaller file).
double ProjectInto(const std::vector<const GeoShape*>& shapes,
                   const Projector& project, const Box& box,
                   std::vector<MapShape>* out) {
  double min_x = std::numeric_limits<double>::max(), min_y = min_x;
  double max_x = std::numeric_limits<double>::lowest(), max_y = max_x;
  std::vector<std::vector<Ring>> projected;
  for (const GeoShape* s : shapes) {
    std::vector<Ring> rings;
    for (const Ring& r : s->rings) {
      Ring pr;
      pr.reserve(r.size());
      for (const MapPoint& p : r) {
        MapPoint q = project(p.x, p.y);
        q.y = -q.y;
        min_x = std::min(min_x, q.x);
        max_x = std::max(max_x, q.x);
        min_y = std::min(min_y, q.y);
        max_y = std::max(max_y, q.y);
        pr.push_back(q);
      }
      rings.push_back(std::move(pr));
    }
    projected.push_back(std::move(rings));
  }
  if (projected.empty() || max_x <= min_x || max_y <= min_y) return 0;
  double scale = (box.x1 - box.x0) / (max_x - min_x);
  if (std::isfinite(box.y1)) {
    scale = std::min(scale, (box.y1 - box.y0) / (max_y - min_y));
  }
  const double dx = box.x0 + ((box.x1 - box.x0) - (max_x - min_x) * scale) / 2 -
                    min_x * scale;
  const double dy =
      box.y0 +
      (std::isfinite(box.y1) ? ((box.y1 - box.y0) - (max_y - min_y) * scale) / 2
                             : 0) -
      min_y * scale;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    MapShape shape{shapes[i]->code, shapes[i]->name, {}};
    for (const Ring& r : projected[i]) {
      Ring fitted;
      for (const MapPoint& p : r) {
        const MapPoint q{p.x * scale + dx, p.y * scale + dy};
        if (!fitted.empty() && &p != &r.back() &&
            std::hypot(q.x - fitted.back().x, q.y - fitted.back().y) < 0.6) {
          continue;
        }
        fitted.push_back(q);
      }
      if (fitted.size() >= 4) shape.rings.push_back(std::move(fitted));
    }
    if (!shape.rings.empty()) out->push_back(std::move(shape));
  }
  return (max_y - min_y) * scale;
}

bool Contains(const std::vector<std::string>& list, const std::string& s) {
  return std::find(list.begin(), list.end(), s) != list.end();
}

Result<MapGeometry> WorldLayout(std::vector<GeoShape> shapes, double width) {
  std::vector<const GeoShape*> kept;
  for (GeoShape& s : shapes) {
    if (s.code == "010") continue;  // Antarctica
    // Natural Earth leaves Kosovo without a numeric code: XK's
    // user-assigned one, as the API does.
    if (s.code.empty() && s.name == "Kosovo") s.code = "983";
    std::vector<Ring> rings;
    for (Ring& r : s.rings) {
      for (Ring& part : SplitAtAntimeridian(std::move(r))) {
        rings.push_back(std::move(part));
      }
    }
    s.rings = std::move(rings);
    kept.push_back(&s);
  }
  MapGeometry g;
  g.width = width;
  const double h = ProjectInto(
      kept, NaturalEarth,
      {4, 4, width - 4, std::numeric_limits<double>::infinity()}, &g.shapes);
  if (g.shapes.empty()) return Status::Internal("map shapes: no country");
  g.height = std::ceil(h + 8);
  return g;
}

// Metropolitan France, with Paris and the petite couronne enlarged on its
// right and the five overseas départements in a row below (the web atlas,
// web/maps/france.js, draws the same insets).
Result<MapGeometry> FranceLayout(const std::vector<GeoShape>& shapes,
                                 double width) {
  static const std::vector<std::string> kOverseas = {"971", "972", "973", "974",
                                                     "976"};
  static const std::vector<std::string> kParis = {"75", "92", "93", "94"};
  const double metro_h = std::round(width * 0.76);
  const double inset = width / static_cast<double>(kOverseas.size());
  const double zoom = std::round(width * 0.25);
  MapGeometry g;
  g.width = width;
  std::vector<const GeoShape*> metro, paris;
  for (const GeoShape& s : shapes) {
    if (!Contains(kOverseas, s.code)) metro.push_back(&s);
    if (Contains(kParis, s.code)) paris.push_back(&s);
  }
  // The metropolitan map leaves a column on the right for Paris's inset.
  ProjectInto(metro, FranceConic, {8, 8, width - zoom - 16, metro_h - 8},
              &g.shapes);
  if (g.shapes.empty()) return Status::Internal("map shapes: no département");
  if (!paris.empty()) {
    const double x0 = width - 8 - zoom;
    g.frames.push_back(
        {x0, 8, zoom, zoom, "Paris et petite couronne", g.shapes.size()});
    ProjectInto(paris, FranceConic, {x0 + 6, 14, x0 + zoom - 6, zoom - 12},
                &g.shapes);
  }
  for (std::size_t i = 0; i < kOverseas.size(); ++i) {
    const auto it =
        std::find_if(shapes.begin(), shapes.end(),
                     [&](const GeoShape& s) { return s.code == kOverseas[i]; });
    if (it == shapes.end()) continue;
    const double x0 = static_cast<double>(i) * inset;
    const double y0 = metro_h + 4;
    g.frames.push_back(
        {x0 + 3, y0, inset - 6, inset, it->name, g.shapes.size()});
    ProjectInto({&*it}, Mercator,
                {x0 + 8, y0 + 6, x0 + inset - 8, y0 + inset - 22}, &g.shapes);
  }
  g.height = metro_h + 8 + inset;
  return g;
}

double Nice(double x) {
  const double p = std::pow(10.0, std::floor(std::log10(x)));
  const double m = x / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

constexpr const char* kPalette[] = {"#cfe0f5", "#9dbfe9", "#6a9bd8",
                                    "#3c74c0", "#1f4f9c", "#0c2d6b"};
constexpr std::size_t kColors = std::size(kPalette);

void AppendNumber(std::string& out, double v) {
  char buf[32];
  const int n = std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string_view s(buf, static_cast<std::size_t>(n));
  if (s.size() > 2 && s.substr(s.size() - 2) == ".0") {
    s.remove_suffix(2);
  }
  out += s;
}

std::string PathData(const MapShape& shape) {
  std::string d;
  for (const Ring& r : shape.rings) {
    for (std::size_t i = 0; i < r.size(); ++i) {
      d += i == 0 ? 'M' : 'L';
      AppendNumber(d, r[i].x);
      d += ' ';
      AppendNumber(d, r[i].y);
    }
    d += 'Z';
  }
  return d;
}

void AppendFrame(std::string& h, const MapFrame& f) {
  h += "<rect class=\"frame\" x=\"";
  AppendNumber(h, f.x);
  h += "\" y=\"";
  AppendNumber(h, f.y);
  h += "\" width=\"";
  AppendNumber(h, f.width);
  h += "\" height=\"";
  AppendNumber(h, f.height);
  h += "\" rx=\"4\"/><text x=\"";
  AppendNumber(h, f.x + f.width / 2);
  h += "\" y=\"";
  AppendNumber(h, f.y + f.height - 5);
  h += "\" text-anchor=\"middle\" font-size=\"10\">" + HtmlEscape(f.label) +
       "</text>";
}

}  // namespace

Result<MapGeometry> GeometryFromTopoJson(std::string_view topojson,
                                         const std::string& object,
                                         const std::string& code_property,
                                         MapProjection projection,
                                         double width) {
  COOPATLAS_ASSIGN_OR_RETURN(std::vector<GeoShape> shapes,
                             ReadTopology(topojson, object, code_property));
  return projection == MapProjection::kNaturalEarth
             ? WorldLayout(std::move(shapes), width)
             : FranceLayout(shapes, width);
}

namespace {

// The geometry of a compiled-in topology, or why there is none.
Result<const MapGeometry*> Pointer(const Result<MapGeometry>& geometry) {
  if (!geometry.ok()) return geometry.status();
  return &*geometry;
}

std::string_view Embedded(const unsigned char* bytes, std::size_t size) {
  return {reinterpret_cast<const char*>(bytes), size};
}

}  // namespace

// Built on first use (a function-local static is initialised once, even
// with several threads).
Result<const MapGeometry*> WorldGeometry() {
  static const Result<MapGeometry> kGeometry = GeometryFromTopoJson(
      Embedded(embedded::kWorldTopology, embedded::kWorldTopologySize),
      "countries", "", MapProjection::kNaturalEarth, 960);
  return Pointer(kGeometry);
}

Result<const MapGeometry*> FranceGeometry() {
  static const Result<MapGeometry> kGeometry = GeometryFromTopoJson(
      Embedded(embedded::kFranceTopology, embedded::kFranceTopologySize),
      "departements", "code", MapProjection::kFranceConic, 600);
  return Pointer(kGeometry);
}

std::vector<ColorClass> MakeColorClasses(std::vector<std::int64_t> counts) {
  std::erase_if(counts, [](std::int64_t n) { return n <= 0; });
  std::sort(counts.begin(), counts.end());
  std::vector<std::int64_t> breaks = {1};
  if (!counts.empty()) {
    const std::size_t distinct =
        std::set<std::int64_t>(counts.begin(), counts.end()).size();
    const std::size_t k = std::min(kColors, std::max<std::size_t>(1, distinct));
    for (std::size_t i = 1; i < k; ++i) {
      const auto at = static_cast<std::size_t>(
          std::floor(static_cast<double>(i) / static_cast<double>(k) *
                     static_cast<double>(counts.size() - 1)));
      const auto b = static_cast<std::int64_t>(
          std::llround(Nice(static_cast<double>(counts[at]))));
      if (b > breaks.back() && b <= counts.back()) breaks.push_back(b);
    }
  }
  const std::int64_t max = counts.empty() ? 1 : counts.back();
  const std::size_t n = breaks.size();
  std::vector<ColorClass> out;
  for (std::size_t i = 0; i < n; ++i) {
    std::size_t color = 0;
    if (n >= kColors) {
      color = i;
    } else if (n == 1) {
      color = kColors - 2;
    } else {
      color = static_cast<std::size_t>(std::lround(
          static_cast<double>(i * (kColors - 1)) / static_cast<double>(n - 1)));
    }
    out.push_back(
        {breaks[i], i + 1 < n ? breaks[i + 1] - 1 : max, kPalette[color]});
  }
  return out;
}

std::string ColorOf(const std::vector<ColorClass>& classes, std::int64_t n) {
  if (n <= 0 || classes.empty()) return kNoDataColor;
  for (auto it = classes.rbegin(); it != classes.rend(); ++it) {
    if (n >= it->from) return it->color;
  }
  return classes.front().color;
}

MapPicture Choropleth(std::string title, std::string caption,
                      const MapGeometry& geometry,
                      const std::map<std::string, std::int64_t>& values,
                      const std::map<std::string, std::string>& names) {
  MapPicture p;
  p.title = std::move(title);
  p.caption = std::move(caption);
  p.geometry = &geometry;
  std::vector<std::int64_t> counts;
  std::set<std::string> drawn;
  for (const MapShape& s : geometry.shapes) drawn.insert(s.code);
  for (const auto& [code, n] : values) {
    if (drawn.count(code) > 0 && n > 0) {
      counts.push_back(n);
      ++p.shaded;
    }
  }
  p.classes = MakeColorClasses(counts);
  for (const MapShape& s : geometry.shapes) {
    const auto v = values.find(s.code);
    const std::int64_t n = v == values.end() ? 0 : v->second;
    const auto name = names.find(s.code);
    p.values.push_back(n);
    p.fills.push_back(ColorOf(p.classes, n));
    p.titles.push_back((name == names.end() ? s.name : name->second) + " : " +
                       (n > 0 ? std::to_string(n) : "aucun"));
  }
  return p;
}

ReportMaps MapsOf(const ReportData& d) {
  ReportMaps out;
  auto world = WorldGeometry();
  auto france = FranceGeometry();
  if (!world.ok() || !france.ok()) {
    out.error = "Cartes indisponibles : " +
                (world.ok() ? france.status() : world.status()).message();
    return out;
  }
  out.pictures.push_back(Choropleth(
      "Partenariats et projets par pays",
      "Nombre de partenariats avec une "
      "collectivité du pays et de projets situés dans le pays ou avec un "
      "partenaire du pays.",
      **world, d.world_map, d.country_names));
  std::string caption =
      "Nombre de collectivités françaises engagées, par département "
      "(communes, intercommunalités et départements).";
  if (d.authorities_off_map > 0) {
    caption += " " + std::to_string(d.authorities_off_map) +
               (d.authorities_off_map == 1
                    ? " collectivité sans département (région…) n'est pas "
                      "sur la carte."
                    : " collectivités sans département (régions…) ne sont "
                      "pas sur la carte.");
  }
  out.pictures.push_back(Choropleth("Collectivités françaises par département",
                                    std::move(caption), **france, d.france_map,
                                    {}));
  return out;
}

std::string MapFigureHtml(const MapPicture& p) {
  const MapGeometry& g = *p.geometry;
  std::string h = "<figure class=\"map\"><h3>" + HtmlEscape(p.title) +
                  "</h3><svg role=\"img\" viewBox=\"0 0 ";
  AppendNumber(h, g.width);
  h += ' ';
  AppendNumber(h, g.height);
  h += "\" aria-label=\"" + HtmlEscape(p.title) + "\"><desc>" +
       HtmlEscape(p.caption) + "</desc>";
  for (std::size_t i = 0; i < g.shapes.size(); ++i) {
    for (const MapFrame& f : g.frames) {
      if (f.first_shape == i) AppendFrame(h, f);
    }
    h += "<path d=\"" + PathData(g.shapes[i]) + "\" fill=\"" + p.fills[i] +
         "\"" + (p.values[i] > 0 ? " class=\"data\"" : "") + "><title>" +
         HtmlEscape(p.titles[i]) + "</title></path>";
  }
  h += "</svg><figcaption>" + HtmlEscape(p.caption) +
       "<ul class=\"legend\"><li><span class=\"swatch\" style=\"background:" +
       std::string(kNoDataColor) + "\"></span>aucun</li>";
  if (p.shaded > 0) {
    for (const ColorClass& c : p.classes) {
      h += "<li><span class=\"swatch\" style=\"background:" + c.color +
           "\"></span>" + LegendRange(c) + "</li>";
    }
  }
  return h + "</ul></figcaption></figure>";
}

std::string LegendRange(const ColorClass& c) {
  return c.from == c.to ? std::to_string(c.from)
                        : std::to_string(c.from) + " – " + std::to_string(c.to);
}

Rgb ParseColor(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') return {};
  auto channel = [&](std::size_t at) {
    return static_cast<double>(std::stoi(hex.substr(at, 2), nullptr, 16)) /
           255.0;
  };
  return {channel(1), channel(3), channel(5)};
}

}  // namespace coopatlas::report
