// What every route handler needs: reading query and path parameters with
// their checks (UTF-8, integer ranges), writing JSON, turning a failed
// Status into a problem answer. Used by the route tables of routes.cc,
// sdg_routes.cc and finance_routes.cc.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "coopatlas/status.h"
#include "http/api.h"

namespace coopatlas::http {

// 200 with `body` as application/json.
void WriteJson(const nlohmann::ordered_json& body, httplib::Response& res);

// Runs `body`; a failed Status becomes a problem answer.
void Answer(httplib::Response& res, const std::function<Status()>& body);

// The {id} of a path, a record id (a positive integer).
Result<std::int64_t> PathId(const Api::PathParams& params);

// Every non-empty value of a query parameter, checked for UTF-8.
Result<std::vector<std::string>> Values(const httplib::Request& req,
                                        const std::string& name);

// A query parameter's first value ("" when absent), checked for UTF-8.
Result<std::string> Text(const httplib::Request& req, const char* name);

// A query parameter as an integer in [min, max], or `fallback` if absent.
Result<int> IntParam(const httplib::Request& req, const char* name,
                     int fallback, int min, int max);

// An optional integer parameter (absent: nullopt).
Result<std::optional<int>> OptionalInt(const httplib::Request& req,
                                       const char* name);

// "yes"/"true"/"1" -> true, "no"/"false"/"0" -> false, absent -> nullopt.
Result<std::optional<bool>> Bool(const httplib::Request& req, const char* name);

}  // namespace coopatlas::http
