// The SDG routes of the HTTP API (docs/http.md, docs/sdg.md): suggestions
// for a text or a project, and the review of a project's suggestions.
#include <nlohmann/json.hpp>

#include <charconv>
#include <string>

#include "core/utf8.h"
#include "http/api.h"
#include "http/params.h"
#include "registry/sdg_json.h"

namespace coopatlas::http {
namespace {

using Json = nlohmann::ordered_json;

}  // namespace

void Api::AddSdgRoutes() {
  using P = Api::Param;
  routes_.push_back(
      {"GET",
       "/api/v1/sdg/suggest",
       "the SDG goals and targets a text serves, with the evidence",
       {P{"text", "query", "string", true, "the text (French or English)"},
        P{"lang", "query", "string", false, "fr or en (default: detected)"}},
       "/api/v1/sdg/suggest?text=forages%20et%20latrines%20au%20village",
       [](const httplib::Request& req, const PathParams&,
          httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::string text, Text(req, "text"));
           COOPATLAS_ASSIGN_OR_RETURN(std::string lang, Text(req, "lang"));
           COOPATLAS_ASSIGN_OR_RETURN(SdgSuggestions s,
                                      Registry::SuggestSdgs(text, lang));
           WriteJson(ToJson(s), res);
           return Status::Ok();
         });
       }});
  routes_.push_back(
      {"GET",
       "/api/v1/projects/{id}/sdg",
       "a project's stored SDG rows and the tagger's suggestions",
       {P{"id", "path", "integer", true, "record id"}},
       "/api/v1/projects/{first_project}/sdg",
       [this](const httplib::Request&, const PathParams& params,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::int64_t id, PathId(params));
           COOPATLAS_ASSIGN_OR_RETURN(Project p, registry_->ShowProject(id));
           COOPATLAS_ASSIGN_OR_RETURN(ProjectSdgView view,
                                      registry_->SuggestProjectSdgs(id));
           WriteJson(ToJson(view, p.sdgs), res);
           return Status::Ok();
         });
       }});
  // The fill and review routes are the API's only writes: they open the
  // database the server reads for writing, for the time of the request,
  // and the audit log records the client's address as the actor.
  routes_.push_back(
      {"POST",
       "/api/v1/sdg/fill",
       "store suggestions for the projects without SDGs (audited)",
       {P{"all", "query", "boolean", false,
          "every project: refresh pending suggestions"},
        P{"dry_run", "query", "boolean", false, "count, write nothing"}},
       "/api/v1/sdg/fill?dry_run=1",
       [this](const httplib::Request& req, const PathParams&,
              httplib::Response& res) {
         Answer(res, [&]() -> Status {
           SdgFillOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(std::string all, Text(req, "all"));
           COOPATLAS_ASSIGN_OR_RETURN(std::string dry, Text(req, "dry_run"));
           o.all = all == "1" || all == "true";
           o.dry_run = dry == "1" || dry == "true";
           o.actor = "http:" + req.remote_addr;
           COOPATLAS_ASSIGN_OR_RETURN(DatabaseInfo info, registry_->Info());
           COOPATLAS_ASSIGN_OR_RETURN(auto writable,
                                      Registry::Open({info.path, false}));
           COOPATLAS_ASSIGN_OR_RETURN(SdgFillReport r,
                                      writable->FillSdgSuggestions(o));
           WriteJson(ToJson(r), res);
           return Status::Ok();
         });
       }});
  for (const bool accept : {true, false}) {
    const std::string verb = accept ? "accept" : "reject";
    routes_.push_back(
        {"POST",
         "/api/v1/projects/{id}/sdg/{code}/" + verb,
         verb + " a stored SDG suggestion of a project (audited)",
         {P{"id", "path", "integer", true, "record id"},
          P{"code", "path", "string", true, "goal (6) or target (6.1)"}},
         "/api/v1/projects/{first_project}/sdg/4/" + verb,
         [this, accept](const httplib::Request& req, const PathParams& params,
                        httplib::Response& res) {
           Answer(res, [&]() -> Status {
             COOPATLAS_ASSIGN_OR_RETURN(std::int64_t id, PathId(params));
             COOPATLAS_ASSIGN_OR_RETURN(DatabaseInfo info, registry_->Info());
             COOPATLAS_ASSIGN_OR_RETURN(auto writable,
                                        Registry::Open({info.path, false}));
             COOPATLAS_ASSIGN_OR_RETURN(
                 ProjectSdg row,
                 writable->ReviewSdg(id, params.at("code"), accept,
                                     "http:" + req.remote_addr));
             WriteJson({{"project", id},
                        {"code", row.code},
                        {"origin", row.origin},
                        {"status", row.status}},
                       res);
             return Status::Ok();
           });
         }});
  }
}

}  // namespace coopatlas::http
