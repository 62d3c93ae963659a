// The report maps: TopoJSON decoding and the antimeridian cut on a
// hand-written topology, the layout of the compiled-in shapes (north up,
// insets that hide nothing), colour classes worked out by hand, and the SVG.
#include "report/maps.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <set>
#include <string>

namespace coopatlas::report {
namespace {

struct Bounds {
  double min_x = std::numeric_limits<double>::max(), min_y = min_x;
  double max_x = std::numeric_limits<double>::lowest(), max_y = max_x;
  void Add(const MapPoint& p) {
    min_x = std::min(min_x, p.x);
    max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y);
    max_y = std::max(max_y, p.y);
  }
};

Bounds BoundsOf(const std::vector<MapPoint>& ring) {
  Bounds b;
  for (const MapPoint& p : ring) b.Add(p);
  return b;
}

// The first shape with `code` (the main map's, not an inset's repeat).
Bounds ShapeBounds(const MapGeometry& g, const std::string& code) {
  Bounds b;
  for (const MapShape& s : g.shapes) {
    if (s.code != code) continue;
    for (const auto& r : s.rings) {
      for (const MapPoint& p : r) b.Add(p);
    }
    return b;
  }
  ADD_FAILURE() << "no shape " << code;
  return b;
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos;
       at = text.find(what, at + what.size())) {
    ++n;
  }
  return n;
}

// A square on the Greenwich meridian and a rectangle across the
// antimeridian (170° E to 170° W), absolute coordinates (no transform).
constexpr const char* kTopology = R"({"type":"Topology",
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","id":"001","properties":{"name":"Square"},"arcs":[[0]]},
    {"type":"Polygon","id":"002","properties":{"name":"Straddle"},"arcs":[[1]]}
  ]}},
  "arcs":[[[-20,-10],[20,-10],[20,10],[-20,10],[-20,-10]],
          [[170,0],[-170,0],[-170,20],[170,20],[170,0]]]})";

TEST(MapGeometryTest, RingAcrossTheAntimeridianIsCutInTwo) {
  auto g = GeometryFromTopoJson(kTopology, "countries", "",
                                MapProjection::kNaturalEarth, 960);
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  ASSERT_EQ(g->shapes.size(), 2U);
  EXPECT_EQ(g->width, 960);
  // The cut adds points at ±180°, so the map spans the whole width (4 units
  // of margin); the square, symmetric about 0°, sits in the middle.
  const Bounds square = BoundsOf(g->shapes[0].rings.at(0));
  EXPECT_NEAR((square.min_x + square.max_x) / 2, 480, 0.5);
  const MapShape& straddle = g->shapes[1];
  ASSERT_EQ(straddle.rings.size(), 2U);
  const Bounds east = BoundsOf(straddle.rings[0]);
  const Bounds west = BoundsOf(straddle.rings[1]);
  EXPECT_NEAR(east.max_x, 956, 0.01);
  EXPECT_NEAR(west.min_x, 4, 0.01);
  // Each part is a narrow band at its edge (10° of 360°), not a streak
  // across the map.
  EXPECT_LT(east.max_x - east.min_x, 960.0 / 20);
  EXPECT_LT(west.max_x - west.min_x, 960.0 / 20);
  // North up: the straddling band (0° to 20° N) is above the square's
  // bottom (10° S).
  EXPECT_LT(east.min_y, square.max_y);
}

TEST(MapGeometryTest, NotATopologyIsAnError) {
  EXPECT_FALSE(GeometryFromTopoJson("{\"type\":\"Topology\"}", "countries", "",
                                    MapProjection::kNaturalEarth, 960)
                   .ok());
  EXPECT_FALSE(GeometryFromTopoJson("not json", "countries", "",
                                    MapProjection::kNaturalEarth, 960)
                   .ok());
}

TEST(MapGeometryTest, WorldIsNorthUpWithoutStreaks) {
  auto g = WorldGeometry();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const MapGeometry& w = **g;
  std::set<std::string> codes;
  for (const MapShape& s : w.shapes) {
    codes.insert(s.code);
    for (const auto& r : s.rings) {
      const Bounds b = BoundsOf(r);
      EXPECT_LT(b.max_x - b.min_x, w.width / 2) << s.name;
      EXPECT_GE(b.min_x, 0) << s.name;
      EXPECT_LE(b.max_x, w.width) << s.name;
      EXPECT_LE(b.max_y, w.height) << s.name;
    }
  }
  EXPECT_EQ(codes.count("010"), 0U);  // no Antarctica
  EXPECT_EQ(codes.count("983"), 1U);  // Kosovo, given XK's code
  EXPECT_GT(codes.size(), 170U);
  const Bounds brazil = ShapeBounds(w, "076");
  const Bounds norway = ShapeBounds(w, "578");
  const Bounds japan = ShapeBounds(w, "392");
  EXPECT_LT(brazil.max_x, japan.min_x);   // west of Japan
  EXPECT_LT(norway.max_y, brazil.min_y);  // north of Brazil
  // Metropolitan France lies in the upper half, Brazil in the lower.
  EXPECT_LT(norway.min_y, w.height / 2);
  EXPECT_GT(brazil.max_y, w.height / 2);
}

TEST(MapGeometryTest, FranceInsetsHideNothing) {
  auto g = FranceGeometry();
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  const MapGeometry& f = **g;
  std::set<std::string> codes;
  for (const MapShape& s : f.shapes) codes.insert(s.code);
  EXPECT_EQ(codes.size(), 101U);     // 96 metropolitan + 5 overseas
  EXPECT_EQ(f.shapes.size(), 105U);  // + Paris and the petite couronne again
  ASSERT_EQ(f.frames.size(), 6U);
  EXPECT_EQ(f.frames[0].label, "Paris et petite couronne");
  // North up, west left.
  EXPECT_LT(ShapeBounds(f, "59").max_y, ShapeBounds(f, "13").min_y);
  EXPECT_LT(ShapeBounds(f, "29").max_x, ShapeBounds(f, "67").min_x);
  // No point of the metropolitan map (the shapes before the first inset)
  // falls in an inset's frame, and every overseas shape is in its own.
  for (std::size_t i = 0; i < f.frames[0].first_shape; ++i) {
    for (const auto& r : f.shapes[i].rings) {
      for (const MapPoint& p : r) {
        for (const MapFrame& fr : f.frames) {
          EXPECT_FALSE(p.x >= fr.x && p.x <= fr.x + fr.width && p.y >= fr.y &&
                       p.y <= fr.y + fr.height)
              << f.shapes[i].code << " under " << fr.label;
        }
      }
    }
  }
  for (std::size_t k = 1; k < f.frames.size(); ++k) {
    const MapFrame& fr = f.frames[k];
    const Bounds b = [&] {
      Bounds out;
      for (const auto& r : f.shapes.at(fr.first_shape).rings) {
        for (const MapPoint& p : r) out.Add(p);
      }
      return out;
    }();
    EXPECT_EQ(f.shapes[fr.first_shape].name, fr.label);
    EXPECT_GE(b.min_x, fr.x);
    EXPECT_LE(b.max_x, fr.x + fr.width);
    EXPECT_GE(b.min_y, fr.y);
    EXPECT_LE(b.max_y, fr.y + fr.height);
  }
}

TEST(MapColorTest, NiceBreaksNearTheQuantiles) {
  // Counts 1 1 2 5 100: 4 distinct values, so 4 classes are tried at the
  // quantiles 1/4, 2/4, 3/4: values 1, 2, 5, whose nice breaks are 1
  // (already there), 2 and 5. Three classes take the palette's first,
  // middle (round(2.5) = 3) and last colours.
  const auto classes = MakeColorClasses({100, 1, 5, 2, 1, 0, -3});
  ASSERT_EQ(classes.size(), 3U);
  EXPECT_EQ(classes[0].from, 1);
  EXPECT_EQ(classes[0].to, 1);
  EXPECT_EQ(classes[1].from, 2);
  EXPECT_EQ(classes[1].to, 4);
  EXPECT_EQ(classes[2].from, 5);
  EXPECT_EQ(classes[2].to, 100);
  EXPECT_EQ(classes[0].color, "#cfe0f5");
  EXPECT_EQ(classes[1].color, "#3c74c0");
  EXPECT_EQ(classes[2].color, "#0c2d6b");
  EXPECT_EQ(ColorOf(classes, 0), kNoDataColor);
  EXPECT_EQ(ColorOf(classes, 3), "#3c74c0");
  EXPECT_EQ(ColorOf(classes, 1000), "#0c2d6b");
  EXPECT_EQ(LegendRange(classes[0]), "1");
  EXPECT_EQ(LegendRange(classes[2]), "5 – 100");
  // 17 -> 20 (1.7 rounds to 2), 40 -> 50, 7 -> 5.
  const auto nice = MakeColorClasses({7, 17, 40, 90, 300});
  ASSERT_GE(nice.size(), 3U);
  EXPECT_EQ(nice[1].from, 5);
  EXPECT_EQ(nice[2].from, 20);
  EXPECT_EQ(MakeColorClasses({}).size(), 1U);
  const Rgb c = ParseColor("#ff8000");
  EXPECT_DOUBLE_EQ(c.r, 1.0);
  EXPECT_NEAR(c.g, 128.0 / 255, 1e-9);
  EXPECT_DOUBLE_EQ(c.b, 0.0);
}

TEST(MapSvgTest, ShadesTheCountriesWithDataAndNamesThem) {
  auto g = WorldGeometry();
  ASSERT_TRUE(g.ok());
  const MapPicture p =
      Choropleth("Titre <carte>", "Ce qui est compté", **g,
                 {{"250", 3}, {"686", 1}, {"999", 7}}, {{"250", "France"}});
  EXPECT_EQ(p.shaded, 2);  // 999 is on no shape
  // Counts {3, 1}: one class, 1 to 3, in the palette's second darkest.
  ASSERT_EQ(p.classes.size(), 1U);
  EXPECT_EQ(p.classes[0].color, "#1f4f9c");
  const std::string html = MapFigureHtml(p);
  EXPECT_EQ(Count(html, "class=\"data\""), 2U);
  EXPECT_NE(html.find("<title>France : 3</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>Senegal : 1</title>"), std::string::npos);
  EXPECT_NE(html.find("<title>Mali : aucun</title>"), std::string::npos);
  EXPECT_NE(html.find("Titre &lt;carte&gt;"), std::string::npos);
  EXPECT_NE(html.find("1 – 3</li>"), std::string::npos);
  EXPECT_EQ(Count(html, "<path"), (**g).shapes.size());
  EXPECT_EQ(html.find("url("), std::string::npos);
}

}  // namespace
}  // namespace coopatlas::report
