#include "http/finance_routes.h"

#include <charconv>
#include <nlohmann/json.hpp>
#include <string>

#include "core/utf8.h"
#include "http/params.h"
#include "registry/finance_json.h"

namespace coopatlas::http {
namespace {

using P = Api::Param;

}  // namespace

void AddFinanceRoutes(const Registry* registry,
                      std::vector<Api::Route>* routes) {
  routes->push_back(
      {"GET",
       "/api/v1/finance",
       "co-financing shares, planned vs actual, and leverage of a scope",
       {P{"project", "query", "string", false, "a project (ref or id)"},
        P{"authority", "query", "string", false,
          "projects a French authority (code) takes part in"},
        P{"country", "query", "string", false, "ISO alpha-2 code"},
        P{"theme", "query", "string", false, "theme code"},
        P{"fr_region", "query", "string", false,
          "projects with a French participant of this région (INSEE code)"},
        P{"departement", "query", "string", false,
          "projects with a French participant of this département"},
        P{"call", "query", "string", false,
          "projects a call supported (State-call line of its edition year)"},
        P{"national", "query", "boolean", false, "the whole atlas"},
        P{"year", "query", "integer", false, "only the lines of this year"}},
       "/api/v1/finance?national=1",
       [registry](const httplib::Request& req, const Api::PathParams&,
                  httplib::Response& res) {
         Answer(res, [&]() -> Status {
           FinanceScope scope;
           COOPATLAS_ASSIGN_OR_RETURN(scope.project, Text(req, "project"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.authority, Text(req, "authority"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.country, Text(req, "country"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.theme, Text(req, "theme"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.fr_region, Text(req, "fr_region"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.departement,
                                      Text(req, "departement"));
           COOPATLAS_ASSIGN_OR_RETURN(scope.call, Text(req, "call"));
           COOPATLAS_ASSIGN_OR_RETURN(auto national, Bool(req, "national"));
           scope.national = national.value_or(false);
           COOPATLAS_ASSIGN_OR_RETURN(scope.year, OptionalInt(req, "year"));
           COOPATLAS_ASSIGN_OR_RETURN(FinanceSummary s,
                                      registry->Finance(scope));
           WriteJson(ToJson(s), res);
           return Status::Ok();
         });
       }});
  routes->push_back(
      {"GET",
       "/api/v1/calls",
       "the calls for projects whose rules are known (data/calls)",
       {},
       "/api/v1/calls",
       [registry](const httplib::Request&, const Api::PathParams&,
                  httplib::Response& res) {
         Answer(res, [&]() -> Status {
           COOPATLAS_ASSIGN_OR_RETURN(std::vector<CallRules> calls,
                                      registry->Calls());
           nlohmann::ordered_json out = nlohmann::ordered_json::array();
           for (const CallRules& c : calls) {
             out.push_back({{"id", c.id},
                            {"name", c.name},
                            {"funder", c.funder},
                            {"edition", c.edition},
                            {"source", c.source}});
           }
           WriteJson(out, res);
           return Status::Ok();
         });
       }});
  routes->push_back(
      {"GET",
       "/api/v1/eligibility",
       "a project checked against the rules of a call for projects",
       {P{"project", "query", "string", true, "a project (ref or id)"},
        P{"call", "query", "string", true, "a call id, e.g. generaliste-2025"},
        P{"apd_declared", "query", "boolean", false,
          "the APD of the previous year was declared (yes/no)"},
        P{"reports_filed", "query", "boolean", false,
          "reports of earlier grants were filed (yes/no)"}},
       "/api/v1/eligibility?project=DEMO-0120&call=generaliste-2025",
       [registry](const httplib::Request& req, const Api::PathParams&,
                  httplib::Response& res) {
         Answer(res, [&]() -> Status {
           EligibilityOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(o.project, Text(req, "project"));
           COOPATLAS_ASSIGN_OR_RETURN(o.call, Text(req, "call"));
           COOPATLAS_ASSIGN_OR_RETURN(o.prerequisites.apd_declared,
                                      Bool(req, "apd_declared"));
           COOPATLAS_ASSIGN_OR_RETURN(o.prerequisites.reports_filed,
                                      Bool(req, "reports_filed"));
           COOPATLAS_ASSIGN_OR_RETURN(Eligibility e,
                                      registry->CheckEligibility(o));
           WriteJson(ToJson(e), res);
           return Status::Ok();
         });
       }});
  routes->push_back(
      {"GET",
       "/api/v1/apd",
       "APD declaration lines of an authority, a région or the nation",
       {P{"authority", "query", "string", false, "a French authority's code"},
        P{"region", "query", "string", false, "a French région code"},
        P{"national", "query", "boolean", false, "every French authority"},
        P{"year", "query", "integer", true, "the year declared"},
        P{"format", "query", "string", false, "json (default), csv or xlsx"}},
       "/api/v1/apd?authority=69123&year=2024",
       [registry](const httplib::Request& req, const Api::PathParams&,
                  httplib::Response& res) {
         Answer(res, [&]() -> Status {
           ApdOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(o.authority, Text(req, "authority"));
           COOPATLAS_ASSIGN_OR_RETURN(o.region, Text(req, "region"));
           COOPATLAS_ASSIGN_OR_RETURN(auto national, Bool(req, "national"));
           o.national = national.value_or(false);
           COOPATLAS_ASSIGN_OR_RETURN(auto year, OptionalInt(req, "year"));
           if (!year)
             return Status::InvalidArgument("parameter 'year' is required");
           o.year = *year;
           COOPATLAS_ASSIGN_OR_RETURN(std::string format, Text(req, "format"));
           if (format.empty() || format == "json") {
             COOPATLAS_ASSIGN_OR_RETURN(ApdDeclaration d, registry->Apd(o));
             WriteJson(ToJson(d), res);
             return Status::Ok();
           }
           COOPATLAS_ASSIGN_OR_RETURN(ExportBlob blob,
                                      registry->ApdExport(o, format));
           res.status = 200;
           res.set_header("Content-Disposition",
                          "attachment; filename=\"" + blob.filename + "\"");
           res.set_content(blob.bytes, blob.content_type);
           return Status::Ok();
         });
       }});
  routes->push_back(
      {"GET",
       "/api/v1/report",
       "a report of an authority, a country, a theme or the atlas",
       {P{"authority", "query", "string", false, "a French authority's code"},
        P{"country", "query", "string", false, "ISO alpha-2 code"},
        P{"theme", "query", "string", false, "theme code"},
        P{"national", "query", "boolean", false, "the whole atlas"},
        P{"year", "query", "integer", false, "only this year"},
        P{"format", "query", "string", false, "html (default), xlsx or pdf"}},
       "/api/v1/report?country=SN&format=html",
       [registry](const httplib::Request& req, const Api::PathParams&,
                  httplib::Response& res) {
         Answer(res, [&]() -> Status {
           ReportOptions o;
           COOPATLAS_ASSIGN_OR_RETURN(o.authority, Text(req, "authority"));
           COOPATLAS_ASSIGN_OR_RETURN(o.country, Text(req, "country"));
           COOPATLAS_ASSIGN_OR_RETURN(o.theme, Text(req, "theme"));
           COOPATLAS_ASSIGN_OR_RETURN(auto national, Bool(req, "national"));
           o.national = national.value_or(false);
           COOPATLAS_ASSIGN_OR_RETURN(o.year, OptionalInt(req, "year"));
           COOPATLAS_ASSIGN_OR_RETURN(o.format, Text(req, "format"));
           if (o.format.empty()) o.format = "html";
           COOPATLAS_ASSIGN_OR_RETURN(ExportBlob blob,
                                      registry->RenderReport(o));
           res.status = 200;
           if (o.format != "html") {
             res.set_header("Content-Disposition",
                            "attachment; filename=\"" + blob.filename + "\"");
           }
           res.set_content(blob.bytes, blob.content_type);
           return Status::Ok();
         });
       }});
}

}  // namespace coopatlas::http
