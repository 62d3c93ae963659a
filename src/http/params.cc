#include "http/params.h"

#include <charconv>

#include "core/utf8.h"

namespace coopatlas::http {

void WriteJson(const nlohmann::ordered_json& body, httplib::Response& res) {
  res.status = 200;
  res.set_content(body.dump(), "application/json");
}

void Answer(httplib::Response& res, const std::function<Status()>& body) {
  const Status s = body();
  if (!s.ok()) WriteProblem(s, res);
}

Result<std::int64_t> PathId(const Api::PathParams& params) {
  const std::string& v = params.at("id");
  std::int64_t out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < 1) {
    return Status::InvalidArgument("'" + v + "' is not a record id");
  }
  return out;
}

Result<std::vector<std::string>> Values(const httplib::Request& req,
                                        const std::string& name) {
  std::vector<std::string> out;
  const std::size_t n = req.get_param_value_count(name.c_str());
  for (std::size_t i = 0; i < n; ++i) {
    std::string v = req.get_param_value(name.c_str(), i);
    if (!core::IsValidUtf8(v)) {
      return Status::InvalidArgument("parameter '" + name +
                                     "' is not valid UTF-8");
    }
    if (!v.empty()) out.push_back(std::move(v));
  }
  return out;
}

Result<std::string> Text(const httplib::Request& req, const char* name) {
  COOPATLAS_ASSIGN_OR_RETURN(auto values, Values(req, name));
  return values.empty() ? std::string() : values[0];
}

Result<int> IntParam(const httplib::Request& req, const char* name,
                     int fallback, int min, int max) {
  if (!req.has_param(name)) return fallback;
  const std::string v = req.get_param_value(name);
  int out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size() || out < min ||
      out > max) {
    return Status::InvalidArgument(
        "parameter '" + std::string(name) + "' must be an integer from " +
        std::to_string(min) + " to " + std::to_string(max));
  }
  return out;
}

Result<std::optional<int>> OptionalInt(const httplib::Request& req,
                                       const char* name) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string v, Text(req, name));
  if (v.empty()) return std::optional<int>();
  int out = 0;
  const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (ec != std::errc() || ptr != v.data() + v.size()) {
    return Status::InvalidArgument("parameter '" + std::string(name) +
                                   "' must be an integer");
  }
  return std::optional<int>(out);
}

Result<std::optional<bool>> Bool(const httplib::Request& req,
                                 const char* name) {
  COOPATLAS_ASSIGN_OR_RETURN(std::string v, Text(req, name));
  if (v.empty()) return std::optional<bool>();
  if (v == "yes" || v == "true" || v == "1") return std::optional<bool>(true);
  if (v == "no" || v == "false" || v == "0") return std::optional<bool>(false);
  return Status::InvalidArgument("parameter '" + std::string(name) +
                                 "' must be yes or no");
}

}  // namespace coopatlas::http
