// GeoJSON export (RFC 7946), built as an nlohmann::ordered_json document so
// the member order is stable and every string is escaped by the library.
//
// Features, in this order:
//  - a Point per authority of data.authorities that has a valid lat and lng
//    (properties: id, name, kind, country, code), in id order;
//  - a feature per partnership, in the order given, from the first placed
//    French party (looked up by id in data.authorities) to each placed
//    partner party: a LineString when one partner is placed, a
//    MultiLineString of two-point lines when several are (one feature per
//    partnership keeps "one partnership, one feature" for map clicks and
//    counts). Properties: id, kind, status, french and partners (arrays of
//    the parties' names, placed or not). A partnership without a placed
//    French party or without a placed partner has no feature.
// Lines are straight segments in lon/lat; they are not split at the
// antimeridian. The top-level foreign member "metadata" holds
// generated_at, filters and demonstration (true if any record is demo).
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "export/export_internal.h"
#include "export/tables.h"

namespace coopatlas::exporter {
namespace {

using Json = nlohmann::ordered_json;

// RFC 7946 §11.2: about 1 m of precision is enough.
double Round5(double value) {
  const double rounded = std::round(value * 1e5) / 1e5;
  return rounded == 0.0 ? 0.0 : rounded;  // no "-0.0"
}

// [lng, lat] rounded, or nothing when the authority has no valid
// position.
std::optional<Json> Position(const Authority& authority) {
  if (!authority.lat || !authority.lng) return std::nullopt;
  const double lat = *authority.lat, lng = *authority.lng;
  if (!std::isfinite(lat) || !std::isfinite(lng) || lat < -90.0 || lat > 90.0 ||
      lng < -180.0 || lng > 180.0) {
    return std::nullopt;
  }
  return Json::array({Round5(lng), Round5(lat)});
}

std::optional<Json> PositionOf(const ExportData& data, std::int64_t id) {
  const auto it = data.authorities.find(id);
  if (it == data.authorities.end()) return std::nullopt;
  return Position(it->second);
}

Json Feature(Json geometry, Json properties) {
  Json feature = Json::object();
  feature["type"] = "Feature";
  feature["geometry"] = std::move(geometry);
  feature["properties"] = std::move(properties);
  return feature;
}

std::optional<Json> AuthorityFeature(const Authority& authority) {
  std::optional<Json> position = Position(authority);
  if (!position) return std::nullopt;
  Json geometry = {{"type", "Point"}, {"coordinates", std::move(*position)}};
  Json properties = {{"id", authority.meta.id},
                     {"name", authority.name},
                     {"kind", authority.kind},
                     {"country", authority.country},
                     {"code", authority.code}};
  return Feature(std::move(geometry), std::move(properties));
}

Json Names(const std::vector<AuthorityRef>& parties) {
  Json names = Json::array();
  for (const auto& party : parties) names.push_back(party.name);
  return names;
}

std::optional<Json> PartnershipFeature(const ExportData& data,
                                       const Partnership& p) {
  std::optional<Json> origin;
  for (const auto& french : p.french) {
    origin = PositionOf(data, french.id);
    if (origin) break;
  }
  if (!origin) return std::nullopt;
  Json lines = Json::array();
  for (const auto& partner : p.partners) {
    std::optional<Json> end = PositionOf(data, partner.id);
    if (end) lines.push_back(Json::array({*origin, std::move(*end)}));
  }
  if (lines.empty()) return std::nullopt;
  Json geometry = Json::object();
  if (lines.size() == 1) {
    geometry["type"] = "LineString";
    geometry["coordinates"] = std::move(lines[0]);
  } else {
    geometry["type"] = "MultiLineString";
    geometry["coordinates"] = std::move(lines);
  }
  Json properties = {{"id", p.meta.id},
                     {"kind", p.kind},
                     {"status", p.status},
                     {"french", Names(p.french)},
                     {"partners", Names(p.partners)}};
  return Feature(std::move(geometry), std::move(properties));
}

}  // namespace

std::string ToGeoJson(const ExportData& data) {
  Json features = Json::array();
  for (const auto& [id, authority] : data.authorities) {
    if (auto feature = AuthorityFeature(authority)) {
      features.push_back(std::move(*feature));
    }
  }
  for (const auto& p : data.partnerships) {
    if (auto feature = PartnershipFeature(data, p)) {
      features.push_back(std::move(*feature));
    }
  }
  Json collection = Json::object();
  collection["type"] = "FeatureCollection";
  collection["metadata"] = {{"generated_at", data.generated_at},
                            {"filters", data.filters},
                            {"demonstration", internal::HasDemoData(data)}};
  collection["features"] = std::move(features);
  // Invalid UTF-8 in a record becomes U+FFFD instead of throwing.
  return collection.dump(-1, ' ', false, Json::error_handler_t::replace);
}

}  // namespace coopatlas::exporter
