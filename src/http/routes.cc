// The route table of the HTTP API (docs/http.md) and its OpenAPI document.
#include <nlohmann/json.hpp>

#include <charconv>
#include <string>

#include "core/utf8.h"
#include "http/api.h"
#include "http/finance_routes.h"
#include "http/params.h"
#include "registry/json_format.h"

namespace coopatlas::http {
namespace {

using Json = nlohmann::ordered_json;

Json ItemJson(const SearchResultItem& r) {
  return {{"type", r.type},
          {"id", r.id},
          {"code", r.code.empty() ? Json(nullptr) : Json(r.code)},
          {"title", r.title},
          {"snippet", r.snippet_html},
          {"url", r.url},
          {"countries", r.countries},
          {"year", r.year ? Json(*r.year) : Json(nullptr)},
          {"demo", r.demo}};
}

Json PartyJson(const CountryPage::Party& p) {
  Json j = ToJson(p.authority);
  j["partnerships"] = p.partnerships;
  j["projects"] = p.projects;
  return j;
}

template <typename T, typename F>
Json List(const std::vector<T>& items, F&& f) {
  Json out = Json::array();
  for (const auto& i : items) out.push_back(f(i));
  return out;
}

}  // namespace

void Api::AddRoutes() {
  using P = Param;
  routes_.push_back(
      {"GET",
       "/healthz",
       "liveness and database check",
       {},
       "/healthz",
       [this](const httplib::Request&, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(DatabaseInfo info, registry_->Info());
           WriteJson(Json{{"status", "ok"},
                          {"schema_version", info.schema_version},
                          {"reference_loaded", !info.sources.empty()}},
                     res);
           return Status::Ok();
         });
       }});
  routes_.push_back({"GET",
                     "/api/v1/status",
                     "reference sources and record counts",
                     {},
                     "/api/v1/status",
                     [this](const httplib::Request&, const PathParams&,
                            httplib::Response& res) {
                       Answer(res, [&]() -> Status {
                         COOPATLAS_ASSIGN_OR_RETURN(DatabaseInfo info,
                                                    registry_->Info());
                         Json body = ToJson(info);
                         body.erase("path");  // server-side detail
                         WriteJson(body, res);
                         return Status::Ok();
                       });
                     }});
  routes_.push_back(
      {"GET",
       "/api/v1/stats",
       "counts by country, world region, French région and département, "
       "authority kind, partnership kind, theme, SDG, year",
       {},
       "/api/v1/stats",
       [this](const httplib::Request&, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(AtlasStats stats, registry_->Stats());
           WriteJson(ToJson(stats), res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/resolve",
       "a French authority's or a country's name to official codes",
       {P{"name", "query", "string", false,
          "a French authority's name or code"},
        P{"country", "query", "string", false, "a country's name or code"},
        P{"kind", "query", "string", false, "kind hint"},
        P{"departement", "query", "string", false, "département hint"},
        P{"postcode", "query", "string", false, "postcode hint"}},
       "/api/v1/resolve?name=St%20Etienne",
       [this](const httplib::Request& req, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           const bool country = req.has_param("country");
           COOPATLAS_ASSIGN_OR_RETURN(std::string name,
                                      Text(req, country ? "country" : "name"));
           if (name.empty()) {
             return Status::InvalidArgument(
                 "parameter 'name' (or 'country') is required");
           }
           ResolveHints hints;
           COOPATLAS_ASSIGN_OR_RETURN(hints.departement,
                                      Text(req, "departement"));
           COOPATLAS_ASSIGN_OR_RETURN(hints.postcode, Text(req, "postcode"));
           COOPATLAS_ASSIGN_OR_RETURN(hints.kind, Text(req, "kind"));
           COOPATLAS_ASSIGN_OR_RETURN(
               ResolveResult r, country ? registry_->ResolveCountry(name)
                                        : registry_->Resolve(name, hints));
           WriteJson(ToJson(r), res);
           return Status::Ok();
         });
       }});
  std::vector<Param> search_params = {
      P{"q", "query", "string", false,
        "words, \"phrases\", -exclusions, prefix*; empty to browse"},
      P{"sort", "query", "string", false, "relevance (default) or date"},
      P{"page", "query", "integer", false, "from 1"},
      P{"per_page", "query", "integer", false, "1 to 100, default 20"}};
  for (const auto& f : Registry::SearchFacets()) {
    search_params.push_back(
        P{f, "query", "string", false, "filter (repeatable)"});
  }
  routes_.push_back(
      {"GET", "/api/v1/search",
       "full-text search over authorities, partnerships and projects, with "
       "facets",
       search_params, "/api/v1/search?q=eau&country=SN",
       [this](const httplib::Request& req, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           SearchOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(o.q, Text(req, "q"));
           COOPATLAS_ASSIGN_OR_RETURN(std::string sort, Text(req, "sort"));
           if (!sort.empty()) o.sort = sort;
           COOPATLAS_ASSIGN_OR_RETURN(o.page,
                                      IntParam(req, "page", 1, 1, 10000));
           COOPATLAS_ASSIGN_OR_RETURN(o.per_page,
                                      IntParam(req, "per_page", 20, 1, 100));
           for (const auto& f : Registry::SearchFacets()) {
             COOPATLAS_ASSIGN_OR_RETURN(auto values, Values(req, f));
             if (!values.empty()) o.filters[f] = std::move(values);
           }
           COOPATLAS_ASSIGN_OR_RETURN(SearchPage page, registry_->Search(o));
           Json facets = Json::object();
           for (const auto& f : Registry::SearchFacets()) {
             facets[f] = List(page.facets[f], [](const FacetValue& v) {
               return Json{{"value", v.value},
                           {"label", v.label},
                           {"label_en", v.label_en},
                           {"count", v.count}};
             });
           }
           WriteJson(Json{{"query", page.query},
                          {"total", page.total},
                          {"page", page.page},
                          {"per_page", page.per_page},
                          {"results", List(page.results, ItemJson)},
                          {"facets", facets}},
                     res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/suggest",
       "type-ahead: records whose title has a word starting with what is typed",
       {P{"q", "query", "string", true, "what is typed"},
        P{"limit", "query", "integer", false, "1 to 50, default 10"}},
       "/api/v1/suggest?q=lyo",
       [this](const httplib::Request& req, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::string q, Text(req, "q"));
           COOPATLAS_ASSIGN_OR_RETURN(int limit,
                                      IntParam(req, "limit", 10, 1, 50));
           COOPATLAS_ASSIGN_OR_RETURN(auto items, registry_->Suggest(q, limit));
           WriteJson(Json{{"query", q}, {"results", List(items, ItemJson)}},
                     res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/authorities/foreign/{id}",
       "a foreign authority with its partnerships and projects",
       {P{"id", "path", "integer", true, "record id"}},
       "/api/v1/authorities/foreign/{first_foreign}",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::int64_t id, PathId(params));
           COOPATLAS_ASSIGN_OR_RETURN(ForeignAuthorityPage page,
                                      registry_->ShowForeignAuthority(id));
           const Authority& a = page.authority;
           WriteJson(Json{{"id", a.meta.id},
                          {"name", a.name},
                          {"kind", a.kind},
                          {"country", a.country},
                          {"region", a.admin1_name},
                          {"lat", a.lat ? Json(*a.lat) : Json(nullptr)},
                          {"lng", a.lng ? Json(*a.lng) : Json(nullptr)},
                          {"demo", a.meta.demo},
                          {"partnerships", SummaryJson(page.partnerships)},
                          {"partnerships_total", page.partnerships_total},
                          {"projects", SummaryJson(page.projects)},
                          {"projects_total", page.projects_total},
                          {"peers", ToJson(page.peers)}},
                     res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/authorities/{code}",
       "a French authority: identity, EPCI, partnerships, projects, peers",
       {P{"code", "path", "string", true,
          "INSEE, SIREN, département or région code"}},
       "/api/v1/authorities/42218",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(
               AuthorityPage page, registry_->ShowAuthority(params.at("code")));
           Json body = ToJson(page);
           body["peers"] = ToJson(page.peers);
           WriteJson(body, res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/countries/{iso}",
       "a country: partner authorities, French authorities active there, "
       "themes",
       {P{"iso", "path", "string", true, "ISO 3166 alpha-2 code"}},
       "/api/v1/countries/SN",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(CountryPage page,
                                      registry_->ShowCountry(params.at("iso")));
           WriteJson(Json{{"alpha2", page.alpha2},
                          {"name", page.name_fr},
                          {"name_en", page.name_en},
                          {"world_region", page.world_region},
                          {"partner_authorities",
                           List(page.partner_authorities, PartyJson)},
                          {"french_authorities",
                           List(page.french_authorities, PartyJson)},
                          {"themes", List(page.themes,
                                          [](const StatsBucket& b) {
                                            return Json{
                                                {"value", b.value},
                                                {"label", b.label},
                                                {"label_en", b.label_en},
                                                {"count", b.count}};
                                          })},
                          {"partnerships", SummaryJson(page.partnerships)},
                          {"partnerships_total", page.partnerships_total},
                          {"projects", SummaryJson(page.projects)},
                          {"projects_total", page.projects_total}},
                     res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/partnerships/{id}",
       "one partnership with its parties and projects",
       {P{"id", "path", "integer", true, "record id"}},
       "/api/v1/partnerships/1",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::int64_t id, PathId(params));
           COOPATLAS_ASSIGN_OR_RETURN(PartnershipPage page,
                                      registry_->ShowPartnership(id));
           Json body = SummaryJson(page.partnership);
           body["object"] = page.partnership.object;
           body["started_on"] = page.partnership.started_on;
           body["ended_on"] = page.partnership.ended_on;
           body["projects"] = SummaryJson(page.projects);
           body["projects_total"] = page.projects_total;
           WriteJson(body, res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/projects/{id}",
       "one project with participants, locations and funding lines",
       {P{"id", "path", "integer", true, "record id"}},
       "/api/v1/projects/{first_project}",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::int64_t id, PathId(params));
           COOPATLAS_ASSIGN_OR_RETURN(Project p, registry_->ShowProject(id));
           WriteJson(DetailJson(p), res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/export",
       "partnerships and projects as a CSV, JSON, GeoJSON or XLSX file, or "
       "projects as IATI 2.03 activities (docs/iati.md)",
       {P{"format", "query", "string", true,
          "csv, json, geojson, xlsx or iati"},
        P{"publisher", "query", "string", false,
          "iati: reporting organisation identifier (default: FR-INSEE-"
          "<SIREN> of the authority, else FR-COOPATLAS)"},
        P{"table", "query", "string", false,
          "csv: partnerships, projects or funding"},
        P{"excel", "query", "boolean", false, "csv for French Excel"},
        P{"authority", "query", "string", false, "a French party's code"},
        P{"country", "query", "string", false, "ISO alpha-2"},
        P{"kind", "query", "string", false, "partnership kind"},
        P{"since", "query", "string", false, "ISO date"},
        P{"partnership", "query", "integer", false,
          "one partnership and its projects"},
        P{"project", "query", "integer", false,
          "one project and its partnership"}},
       "/api/v1/export?format=csv&country=SN",
       [this](const httplib::Request& req, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           ExportOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(o.format, Text(req, "format"));
           COOPATLAS_ASSIGN_OR_RETURN(std::string table, Text(req, "table"));
           if (!table.empty()) o.table = table;
           COOPATLAS_ASSIGN_OR_RETURN(std::string excel, Text(req, "excel"));
           o.excel = excel == "1" || excel == "true";
           COOPATLAS_ASSIGN_OR_RETURN(o.filter.authority,
                                      Text(req, "authority"));
           COOPATLAS_ASSIGN_OR_RETURN(o.filter.country, Text(req, "country"));
           COOPATLAS_ASSIGN_OR_RETURN(o.filter.kind, Text(req, "kind"));
           COOPATLAS_ASSIGN_OR_RETURN(o.filter.since, Text(req, "since"));
           COOPATLAS_ASSIGN_OR_RETURN(
               int partnership, IntParam(req, "partnership", 0, 1, 2000000000));
           COOPATLAS_ASSIGN_OR_RETURN(
               int project, IntParam(req, "project", 0, 1, 2000000000));
           if (partnership > 0) o.filter.partnership_id = partnership;
           if (project > 0) o.filter.project_id = project;
           if (o.format == "iati") {
             IatiExportOptions io;
             COOPATLAS_ASSIGN_OR_RETURN(io.publisher, Text(req, "publisher"));
             io.authority = o.filter.authority;
             if (io.publisher.empty() && io.authority.empty()) {
               io.publisher = "FR-COOPATLAS";
             }
             io.country = o.filter.country;
             io.since = o.filter.since;
             io.project_id = o.filter.project_id;
             io.partnership_id = o.filter.partnership_id;
             COOPATLAS_ASSIGN_OR_RETURN(ExportBlob iati,
                                        registry_->ExportIatiBytes(io));
             res.status = 200;
             res.set_header("Content-Disposition",
                            "attachment; filename=\"" + iati.filename + "\"");
             res.set_content(iati.bytes, iati.content_type);
             return Status::Ok();
           }
           COOPATLAS_ASSIGN_OR_RETURN(ExportBlob blob,
                                      registry_->ExportBytes(o));
           res.status = 200;
           res.set_header("Content-Disposition",
                          "attachment; filename=\"" + blob.filename + "\"");
           res.set_content(blob.bytes, blob.content_type);
           return Status::Ok();
         });
       }});
  routes_.push_back({"GET",
                     "/api/v1/openapi.json",
                     "this document",
                     {},
                     "/api/v1/openapi.json",
                     [this](const httplib::Request&, const PathParams&,
                            httplib::Response& res) {
                       res.status = 200;
                       res.set_content(OpenApi(), "application/json");
                     }});
  AddFinanceRoutes(registry_, &routes_);
}

std::string Api::OpenApi() const {
  Json paths = Json::object();
  for (const Route& r : routes_) {
    Json params = Json::array();
    for (const Param& p : r.params) {
      params.push_back({{"name", p.name},
                        {"in", p.in},
                        {"required", p.required || p.in == "path"},
                        {"description", p.description},
                        {"schema", {{"type", p.type}}}});
    }
    std::string method = r.method;
    for (char& c : method) c = static_cast<char>(c - 'A' + 'a');
    paths[r.path][method] = {
        {"summary", r.summary},
        {"parameters", params},
        {"responses",
         {{"200", {{"description", "OK"}}},
          {"400",
           {{"description", "bad parameter (application/problem+json)"}}},
          {"404", {{"description", "not found (application/problem+json)"}}}}}};
  }
  Json doc = {{"openapi", "3.0.3"},
              {"info",
               {{"title", "coopatlas API"},
                {"version", "1"},
                {"description",
                 "The open atlas of French decentralised cooperation. Errors "
                 "are application/problem+json."}}},
              {"paths", paths}};
  return doc.dump(2);
}

}  // namespace coopatlas::http
