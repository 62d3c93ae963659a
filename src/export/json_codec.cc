#include "export/json_codec.h"

#include <nlohmann/json.hpp>

#include <string>

namespace coopatlas::exporter {
namespace {

using Json = nlohmann::ordered_json;

constexpr int kFormatVersion = 1;

Json Opt(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json Opt(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json Opt(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

void PutMeta(Json& out, const RecordMeta& m) {
  out["demo"] = m.demo;
  out["source"] = m.source;
  out["created_at"] = m.created_at;
  out["updated_at"] = m.updated_at;
  out["version"] = m.version;
}

// A reader that knows where it is, for error messages.
class Reader {
 public:
  Reader(const Json& node, std::string path)
      : node_(node), path_(std::move(path)) {}

  Status Fail(const std::string& key, const std::string& what) const {
    return Status::InvalidArgument(Path(key) + ": " + what);
  }
  std::string Path(const std::string& key) const {
    return path_.empty() ? key : path_ + "." + key;
  }
  const Json* Find(const std::string& key) const {
    if (!node_.is_object()) return nullptr;
    const auto it = node_.find(key);
    return it == node_.end() ? nullptr : &*it;
  }
  Result<std::string> Str(const std::string& key, bool required = false) const {
    const Json* v = Find(key);
    if (v == nullptr || v->is_null()) {
      if (required) return Fail(key, "required");
      return std::string();
    }
    if (!v->is_string()) return Fail(key, "expected a string");
    return v->get<std::string>();
  }
  Result<std::int64_t> Int(const std::string& key) const {
    const Json* v = Find(key);
    if (v == nullptr || !v->is_number_integer()) {
      return Fail(key, "expected an integer");
    }
    return v->get<std::int64_t>();
  }
  Result<std::optional<std::int64_t>> OptInt(const std::string& key) const {
    const Json* v = Find(key);
    if (v == nullptr || v->is_null()) return std::optional<std::int64_t>();
    if (!v->is_number_integer())
      return Fail(key, "expected an integer or null");
    return std::optional<std::int64_t>(v->get<std::int64_t>());
  }
  Result<std::optional<double>> OptReal(const std::string& key) const {
    const Json* v = Find(key);
    if (v == nullptr || v->is_null()) return std::optional<double>();
    if (!v->is_number()) return Fail(key, "expected a number or null");
    return std::optional<double>(v->get<double>());
  }
  Result<bool> Bool(const std::string& key) const {
    const Json* v = Find(key);
    if (v == nullptr || !v->is_boolean())
      return Fail(key, "expected true or false");
    return v->get<bool>();
  }
  Result<const Json*> Array(const std::string& key) const {
    const Json* v = Find(key);
    if (v == nullptr || !v->is_array()) return Fail(key, "expected an array");
    return v;
  }
  Result<RecordMeta> Meta() const {
    RecordMeta m;
    COOPATLAS_ASSIGN_OR_RETURN(m.id, Int("id"));
    COOPATLAS_ASSIGN_OR_RETURN(m.demo, Bool("demo"));
    COOPATLAS_ASSIGN_OR_RETURN(m.source, Str("source", true));
    COOPATLAS_ASSIGN_OR_RETURN(m.created_at, Str("created_at", true));
    COOPATLAS_ASSIGN_OR_RETURN(m.updated_at, Str("updated_at", true));
    COOPATLAS_ASSIGN_OR_RETURN(m.version, Int("version"));
    return m;
  }

 private:
  const Json& node_;
  std::string path_;
};

std::string Item(const std::string& array, std::size_t i) {
  return array + "[" + std::to_string(i) + "]";
}

}  // namespace

std::string ToJson(const ExportData& data) {
  Json root;
  root["format"] = "coopatlas";
  root["version"] = kFormatVersion;
  Json authorities = Json::array();
  for (const auto& [id, a] : data.authorities) {
    Json j;
    j["id"] = id;
    j["kind"] = a.kind;
    j["country"] = a.country;
    j["code"] = Opt(a.code);
    j["name"] = a.name;
    j["name_latin"] = Opt(a.name_latin);
    j["admin_level"] = Opt(a.admin_level);
    j["admin1_code"] = Opt(a.admin1_code);
    j["admin1_name"] = Opt(a.admin1_name);
    j["departement"] = Opt(a.departement);
    j["region"] = Opt(a.region);
    j["lat"] = Opt(a.lat);
    j["lng"] = Opt(a.lng);
    PutMeta(j, a.meta);
    authorities.push_back(std::move(j));
  }
  root["authorities"] = std::move(authorities);
  Json actors = Json::array();
  for (const auto& [id, a] : data.actors) {
    Json j;
    j["id"] = id;
    j["name"] = a.name;
    j["org_type"] = Opt(a.org_type);
    j["country"] = Opt(a.country);
    j["origin_countries"] = Opt(a.origin_countries);
    j["siren"] = Opt(a.siren);
    j["iati_ref"] = Opt(a.iati_ref);
    PutMeta(j, a.meta);
    actors.push_back(std::move(j));
  }
  root["actors"] = std::move(actors);
  Json partnerships = Json::array();
  for (const auto& p : data.partnerships) {
    Json j;
    j["id"] = p.meta.id;
    j["key"] = p.key;
    j["kind"] = p.kind;
    j["status"] = p.status;
    j["signed_on"] = Opt(p.signed_on);
    j["started_on"] = Opt(p.started_on);
    j["ended_on"] = Opt(p.ended_on);
    j["object"] = Opt(p.object);
    j["council_ref"] = Opt(p.council_ref);
    j["planned_commitments"] = Opt(p.planned_commitments);
    Json french = Json::array(), partners = Json::array();
    for (const auto& a : p.french) french.push_back(a.id);
    for (const auto& a : p.partners) partners.push_back(a.id);
    j["french"] = std::move(french);
    j["partners"] = std::move(partners);
    PutMeta(j, p.meta);
    partnerships.push_back(std::move(j));
  }
  root["partnerships"] = std::move(partnerships);
  Json projects = Json::array();
  for (const auto& p : data.projects) {
    Json j;
    j["id"] = p.meta.id;
    j["ref"] = p.ref;
    j["partnership_id"] = Opt(p.partnership_id);
    j["title_fr"] = p.title_fr;
    j["title_en"] = Opt(p.title_en);
    j["description_fr"] = Opt(p.description_fr);
    j["description_en"] = Opt(p.description_en);
    j["started_on"] = Opt(p.started_on);
    j["ended_on"] = Opt(p.ended_on);
    j["status"] = p.status;
    j["beneficiaries"] = Opt(p.beneficiaries);
    j["themes"] = p.themes;
    Json sdgs = Json::array();
    for (const auto& s : p.sdgs) {
      sdgs.push_back({{"code", s.code},
                      {"origin", s.origin},
                      {"status", s.status},
                      {"score", Opt(s.score)},
                      {"evidence", Opt(s.evidence)}});
    }
    j["sdgs"] = std::move(sdgs);
    Json dac = Json::array();
    for (const auto& [code, pct] : p.dac) {
      dac.push_back({{"code", code}, {"percentage", Opt(pct)}});
    }
    j["dac"] = std::move(dac);
    Json locations = Json::array();
    for (const auto& l : p.locations) {
      locations.push_back({{"country", l.country},
                           {"authority_id", Opt(l.authority_id)},
                           {"name", Opt(l.name)},
                           {"lat", Opt(l.lat)},
                           {"lng", Opt(l.lng)}});
    }
    j["locations"] = std::move(locations);
    Json participants = Json::array();
    for (const auto& part : p.participants) {
      participants.push_back(
          {{"authority_id",
            part.authority ? Json(part.authority->id) : Json(nullptr)},
           {"actor_id", part.actor ? Json(part.actor->meta.id) : Json(nullptr)},
           {"role", part.role},
           {"iati_role", part.iati_role}});
    }
    j["participants"] = std::move(participants);
    Json funding = Json::array();
    for (const auto& f : p.funding) {
      Json line;
      line["id"] = f.meta.id;
      line["key"] = f.key;
      line["funder_authority_id"] =
          f.funder_authority ? Json(f.funder_authority->id) : Json(nullptr);
      line["funder_actor_id"] =
          f.funder_actor ? Json(f.funder_actor->meta.id) : Json(nullptr);
      line["mechanism"] = f.mechanism;
      line["year"] = f.year;
      line["nature"] = f.nature;
      line["amount_cents"] = f.amount_cents;
      line["currency"] = f.currency;
      line["original_amount"] = Opt(f.original_amount);
      line["exchange_rate"] = Opt(f.exchange_rate);
      line["rate_date"] = Opt(f.rate_date);
      PutMeta(line, f.meta);
      funding.push_back(std::move(line));
    }
    j["funding"] = std::move(funding);
    PutMeta(j, p.meta);
    projects.push_back(std::move(j));
  }
  root["projects"] = std::move(projects);
  return root.dump(2) + "\n";
}

Result<ExportData> FromJson(std::string_view text, const std::string& source) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    return Status::InvalidArgument(source + ": not valid JSON: " + e.what());
  }
  const Reader top(root, "");
  auto wrap = [&source](const Status& s) { return s.WithContext(source); };
  {
    auto format = top.Str("format", true);
    if (!format.ok()) return wrap(format.status());
    if (*format != "coopatlas") {
      return Status::InvalidArgument(source +
                                     ": format: expected \"coopatlas\"");
    }
    auto version = top.Int("version");
    if (!version.ok()) return wrap(version.status());
    if (*version != kFormatVersion) {
      return Status::InvalidArgument(source + ": version " +
                                     std::to_string(*version) +
                                     " is not supported (expected " +
                                     std::to_string(kFormatVersion) + ")");
    }
  }
  ExportData data;
  auto read_all = [&]() -> Status {
    COOPATLAS_ASSIGN_OR_RETURN(const Json* authorities,
                               top.Array("authorities"));
    for (std::size_t i = 0; i < authorities->size(); ++i) {
      const Reader r((*authorities)[i], Item("authorities", i));
      Authority a;
      COOPATLAS_ASSIGN_OR_RETURN(a.meta, r.Meta());
      COOPATLAS_ASSIGN_OR_RETURN(a.kind, r.Str("kind", true));
      COOPATLAS_ASSIGN_OR_RETURN(a.country, r.Str("country", true));
      COOPATLAS_ASSIGN_OR_RETURN(a.code, r.Str("code"));
      COOPATLAS_ASSIGN_OR_RETURN(a.name, r.Str("name", true));
      COOPATLAS_ASSIGN_OR_RETURN(a.name_latin, r.Str("name_latin"));
      COOPATLAS_ASSIGN_OR_RETURN(a.admin_level, r.Str("admin_level"));
      COOPATLAS_ASSIGN_OR_RETURN(a.admin1_code, r.Str("admin1_code"));
      COOPATLAS_ASSIGN_OR_RETURN(a.admin1_name, r.Str("admin1_name"));
      COOPATLAS_ASSIGN_OR_RETURN(a.departement, r.Str("departement"));
      COOPATLAS_ASSIGN_OR_RETURN(a.region, r.Str("region"));
      COOPATLAS_ASSIGN_OR_RETURN(a.lat, r.OptReal("lat"));
      COOPATLAS_ASSIGN_OR_RETURN(a.lng, r.OptReal("lng"));
      if (!data.authorities.emplace(a.meta.id, a).second) {
        return r.Fail("id", "duplicate id " + std::to_string(a.meta.id));
      }
    }
    COOPATLAS_ASSIGN_OR_RETURN(const Json* actors, top.Array("actors"));
    for (std::size_t i = 0; i < actors->size(); ++i) {
      const Reader r((*actors)[i], Item("actors", i));
      Actor a;
      COOPATLAS_ASSIGN_OR_RETURN(a.meta, r.Meta());
      COOPATLAS_ASSIGN_OR_RETURN(a.name, r.Str("name", true));
      COOPATLAS_ASSIGN_OR_RETURN(a.org_type, r.Str("org_type"));
      COOPATLAS_ASSIGN_OR_RETURN(a.country, r.Str("country"));
      COOPATLAS_ASSIGN_OR_RETURN(a.origin_countries, r.Str("origin_countries"));
      COOPATLAS_ASSIGN_OR_RETURN(a.siren, r.Str("siren"));
      COOPATLAS_ASSIGN_OR_RETURN(a.iati_ref, r.Str("iati_ref"));
      if (!data.actors.emplace(a.meta.id, a).second) {
        return r.Fail("id", "duplicate id " + std::to_string(a.meta.id));
      }
    }
    auto authority_ref = [&](const Reader& r, const std::string& key,
                             std::int64_t id) -> Result<AuthorityRef> {
      const auto it = data.authorities.find(id);
      if (it == data.authorities.end()) {
        return r.Fail(key, "no authority with id " + std::to_string(id));
      }
      const Authority& a = it->second;
      return AuthorityRef{id,        a.kind,        a.code,   a.name,
                          a.country, a.departement, a.region, a.admin1_name,
                          a.lat,     a.lng};
    };
    auto actor_of = [&](const Reader& r, const std::string& key,
                        std::int64_t id) -> Result<Actor> {
      const auto it = data.actors.find(id);
      if (it == data.actors.end()) {
        return r.Fail(key, "no actor with id " + std::to_string(id));
      }
      return it->second;
    };
    COOPATLAS_ASSIGN_OR_RETURN(const Json* partnerships,
                               top.Array("partnerships"));
    for (std::size_t i = 0; i < partnerships->size(); ++i) {
      const Reader r((*partnerships)[i], Item("partnerships", i));
      Partnership p;
      COOPATLAS_ASSIGN_OR_RETURN(p.meta, r.Meta());
      COOPATLAS_ASSIGN_OR_RETURN(p.key, r.Str("key", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.kind, r.Str("kind", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.status, r.Str("status", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.signed_on, r.Str("signed_on"));
      COOPATLAS_ASSIGN_OR_RETURN(p.started_on, r.Str("started_on"));
      COOPATLAS_ASSIGN_OR_RETURN(p.ended_on, r.Str("ended_on"));
      COOPATLAS_ASSIGN_OR_RETURN(p.object, r.Str("object"));
      COOPATLAS_ASSIGN_OR_RETURN(p.council_ref, r.Str("council_ref"));
      COOPATLAS_ASSIGN_OR_RETURN(p.planned_commitments,
                                 r.Str("planned_commitments"));
      for (const char* side : {"french", "partners"}) {
        COOPATLAS_ASSIGN_OR_RETURN(const Json* ids, r.Array(side));
        for (std::size_t k = 0; k < ids->size(); ++k) {
          if (!(*ids)[k].is_number_integer()) {
            return r.Fail(Item(side, k), "expected an authority id");
          }
          COOPATLAS_ASSIGN_OR_RETURN(
              AuthorityRef a,
              authority_ref(r, Item(side, k), (*ids)[k].get<std::int64_t>()));
          (std::string(side) == "french" ? p.french : p.partners).push_back(a);
        }
      }
      data.partnerships.push_back(std::move(p));
    }
    COOPATLAS_ASSIGN_OR_RETURN(const Json* projects, top.Array("projects"));
    for (std::size_t i = 0; i < projects->size(); ++i) {
      const Reader r((*projects)[i], Item("projects", i));
      Project p;
      COOPATLAS_ASSIGN_OR_RETURN(p.meta, r.Meta());
      COOPATLAS_ASSIGN_OR_RETURN(p.ref, r.Str("ref", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.partnership_id, r.OptInt("partnership_id"));
      COOPATLAS_ASSIGN_OR_RETURN(p.title_fr, r.Str("title_fr", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.title_en, r.Str("title_en"));
      COOPATLAS_ASSIGN_OR_RETURN(p.description_fr, r.Str("description_fr"));
      COOPATLAS_ASSIGN_OR_RETURN(p.description_en, r.Str("description_en"));
      COOPATLAS_ASSIGN_OR_RETURN(p.started_on, r.Str("started_on"));
      COOPATLAS_ASSIGN_OR_RETURN(p.ended_on, r.Str("ended_on"));
      COOPATLAS_ASSIGN_OR_RETURN(p.status, r.Str("status", true));
      COOPATLAS_ASSIGN_OR_RETURN(p.beneficiaries, r.Str("beneficiaries"));
      COOPATLAS_ASSIGN_OR_RETURN(const Json* themes, r.Array("themes"));
      for (std::size_t k = 0; k < themes->size(); ++k) {
        if (!(*themes)[k].is_string()) {
          return r.Fail(Item("themes", k), "expected a theme code");
        }
        p.themes.push_back((*themes)[k].get<std::string>());
      }
      COOPATLAS_ASSIGN_OR_RETURN(const Json* sdgs, r.Array("sdgs"));
      for (std::size_t k = 0; k < sdgs->size(); ++k) {
        const Reader s((*sdgs)[k], r.Path(Item("sdgs", k)));
        ProjectSdg sdg;
        COOPATLAS_ASSIGN_OR_RETURN(sdg.code, s.Str("code", true));
        COOPATLAS_ASSIGN_OR_RETURN(sdg.origin, s.Str("origin", true));
        COOPATLAS_ASSIGN_OR_RETURN(sdg.status, s.Str("status", true));
        COOPATLAS_ASSIGN_OR_RETURN(sdg.score, s.OptReal("score"));
        COOPATLAS_ASSIGN_OR_RETURN(sdg.evidence, s.Str("evidence"));
        p.sdgs.push_back(std::move(sdg));
      }
      COOPATLAS_ASSIGN_OR_RETURN(const Json* dac, r.Array("dac"));
      for (std::size_t k = 0; k < dac->size(); ++k) {
        const Reader d((*dac)[k], r.Path(Item("dac", k)));
        COOPATLAS_ASSIGN_OR_RETURN(std::string code, d.Str("code", true));
        COOPATLAS_ASSIGN_OR_RETURN(auto pct, d.OptReal("percentage"));
        p.dac.emplace_back(code, pct);
      }
      COOPATLAS_ASSIGN_OR_RETURN(const Json* locations, r.Array("locations"));
      for (std::size_t k = 0; k < locations->size(); ++k) {
        const Reader l((*locations)[k], r.Path(Item("locations", k)));
        ProjectLocation loc;
        COOPATLAS_ASSIGN_OR_RETURN(loc.country, l.Str("country", true));
        COOPATLAS_ASSIGN_OR_RETURN(loc.authority_id, l.OptInt("authority_id"));
        COOPATLAS_ASSIGN_OR_RETURN(loc.name, l.Str("name"));
        COOPATLAS_ASSIGN_OR_RETURN(loc.lat, l.OptReal("lat"));
        COOPATLAS_ASSIGN_OR_RETURN(loc.lng, l.OptReal("lng"));
        p.locations.push_back(std::move(loc));
      }
      COOPATLAS_ASSIGN_OR_RETURN(const Json* participants,
                                 r.Array("participants"));
      for (std::size_t k = 0; k < participants->size(); ++k) {
        const Reader pr((*participants)[k], r.Path(Item("participants", k)));
        Participant part;
        COOPATLAS_ASSIGN_OR_RETURN(auto authority_id,
                                   pr.OptInt("authority_id"));
        COOPATLAS_ASSIGN_OR_RETURN(auto actor_id, pr.OptInt("actor_id"));
        if (authority_id.has_value() == actor_id.has_value()) {
          return pr.Fail("authority_id",
                         "exactly one of authority_id and actor_id");
        }
        if (authority_id) {
          COOPATLAS_ASSIGN_OR_RETURN(
              part.authority, authority_ref(pr, "authority_id", *authority_id));
        } else {
          COOPATLAS_ASSIGN_OR_RETURN(part.actor,
                                     actor_of(pr, "actor_id", *actor_id));
        }
        COOPATLAS_ASSIGN_OR_RETURN(part.role, pr.Str("role", true));
        COOPATLAS_ASSIGN_OR_RETURN(std::int64_t iati, pr.Int("iati_role"));
        part.iati_role = static_cast<int>(iati);
        p.participants.push_back(std::move(part));
      }
      COOPATLAS_ASSIGN_OR_RETURN(const Json* funding, r.Array("funding"));
      for (std::size_t k = 0; k < funding->size(); ++k) {
        const Reader f((*funding)[k], r.Path(Item("funding", k)));
        FundingLine line;
        COOPATLAS_ASSIGN_OR_RETURN(line.meta, f.Meta());
        COOPATLAS_ASSIGN_OR_RETURN(line.key, f.Str("key", true));
        COOPATLAS_ASSIGN_OR_RETURN(auto authority_id,
                                   f.OptInt("funder_authority_id"));
        COOPATLAS_ASSIGN_OR_RETURN(auto actor_id, f.OptInt("funder_actor_id"));
        if (authority_id.has_value() == actor_id.has_value()) {
          return f.Fail(
              "funder_authority_id",
              "exactly one of funder_authority_id and funder_actor_id");
        }
        if (authority_id) {
          COOPATLAS_ASSIGN_OR_RETURN(
              line.funder_authority,
              authority_ref(f, "funder_authority_id", *authority_id));
        } else {
          COOPATLAS_ASSIGN_OR_RETURN(line.funder_actor,
                                     actor_of(f, "funder_actor_id", *actor_id));
        }
        COOPATLAS_ASSIGN_OR_RETURN(line.mechanism, f.Str("mechanism", true));
        COOPATLAS_ASSIGN_OR_RETURN(std::int64_t year, f.Int("year"));
        line.year = static_cast<int>(year);
        COOPATLAS_ASSIGN_OR_RETURN(line.nature, f.Str("nature", true));
        COOPATLAS_ASSIGN_OR_RETURN(line.amount_cents, f.Int("amount_cents"));
        COOPATLAS_ASSIGN_OR_RETURN(line.currency, f.Str("currency", true));
        COOPATLAS_ASSIGN_OR_RETURN(line.original_amount,
                                   f.Str("original_amount"));
        COOPATLAS_ASSIGN_OR_RETURN(line.exchange_rate, f.Str("exchange_rate"));
        COOPATLAS_ASSIGN_OR_RETURN(line.rate_date, f.Str("rate_date"));
        p.funding.push_back(std::move(line));
      }
      data.projects.push_back(std::move(p));
    }
    return Status::Ok();
  };
  const Status s = read_all();
  if (!s.ok()) return wrap(s);
  return data;
}

}  // namespace coopatlas::exporter
