// The HTTP API and static UI: the only code that includes <httplib.h>
// (ARCHITECTURE.md §5.1). One route table; handlers parse, call the
// registry, map the result, render JSON (§5.3).
#pragma once

#include <httplib.h>

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "coopatlas/registry.h"
#include "coopatlas/status.h"
#include "http/server.h"

namespace coopatlas::http {

// The HTTP status of a domain error: the one place errors map to HTTP.
int HttpStatusOf(Code code);

// Writes an application/problem+json body for `status` into `response`.
void WriteProblem(const Status& status, httplib::Response& response);

class Api {
 public:
  using PathParams = std::map<std::string, std::string>;
  using Handler = std::function<void(const httplib::Request&, const PathParams&,
                                     httplib::Response&)>;
  // A query or path parameter, for the OpenAPI document.
  struct Param {
    std::string name;
    std::string in;    // query | path
    std::string type;  // string | integer | boolean
    bool required = false;
    std::string description;
  };
  struct Route {
    std::string method;   // GET
    std::string path;     // "/api/v1/projects/{id}"
    std::string summary;  // for the OpenAPI document
    std::vector<Param> params;
    std::string example;  // a working request path, for the tests
    Handler handler;
  };

  // `registry` must outlive the Api. Thread-safe: handlers only read.
  Api(const Registry* registry, std::string web_root,
      std::string vendor_root = "");

  // Answers one request: a route of the table, else a static file, else a
  // 404 problem. Used by the server and, without sockets, by the tests.
  // JSON answers carry an ETag; a matching If-None-Match gives 304.
  void Dispatch(const httplib::Request& request,
                httplib::Response& response) const;

  const std::vector<Route>& routes() const { return routes_; }

  // The OpenAPI 3.0 document of the route table.
  std::string OpenApi() const;

 private:
  void AddRoutes();
  void AddSdgRoutes();  // http/sdg_routes.cc
  void ServeStatic(const httplib::Request& request,
                   httplib::Response& response) const;

  const Registry* registry_;
  std::string web_root_;
  std::string vendor_root_;
  std::vector<Route> routes_;
};

}  // namespace coopatlas::http
