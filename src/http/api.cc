#include "http/api.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>

#include "core/file.h"
#include "core/utf8.h"
#include "registry/json_format.h"

namespace coopatlas::http {
namespace {

template <typename Json>
void WriteJson(const Json& body, httplib::Response& response) {
  response.status = 200;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

std::string ContentType(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  return "application/octet-stream";
}

}  // namespace

Status ServerOptions::Validate() const {
  if (host.empty()) return Status::InvalidArgument("no host given");
  if (port < 0 || port > 65535) {
    return Status::InvalidArgument("port " + std::to_string(port) +
                                   " is not between 0 and 65535");
  }
  if (threads < 1 || threads > 256) {
    return Status::InvalidArgument("threads must be between 1 and 256");
  }
  return Status::Ok();
}

int HttpStatusOf(Code code) {
  switch (code) {
    case Code::kOk:
      return 200;
    case Code::kInvalidArgument:
      return 400;
    case Code::kNotFound:
      return 404;
    case Code::kConflict:
      return 409;
    case Code::kFailedPrecondition:
      return 503;
    case Code::kIo:
    case Code::kCorruption:
    case Code::kInternal:
      return 500;
  }
  return 500;
}

void WriteProblem(const Status& status, httplib::Response& response) {
  const int http_status = HttpStatusOf(status.code());
  const nlohmann::json body = {
      {"type", "https://coopatlas.example/problems/" +
                   std::string(CodeName(status.code()))},
      {"title", std::string(CodeName(status.code()))},
      {"status", http_status},
      {"detail", status.message()},
  };
  response.status = http_status;
  response.set_content(body.dump(), "application/problem+json");
}

Api::Api(const Registry* registry, std::string web_root,
         std::string vendor_root)
    : registry_(registry),
      web_root_(std::move(web_root)),
      vendor_root_(std::move(vendor_root)) {
  routes_.push_back({"GET", "/healthz", "liveness and database check",
                     [this](const httplib::Request&, httplib::Response& res) {
                       auto info = registry_->Info();
                       if (!info.ok()) {
                         WriteProblem(info.status(), res);
                         return;
                       }
                       WriteJson(
                           nlohmann::ordered_json{
                               {"status", "ok"},
                               {"schema_version", info->schema_version},
                               {"reference_loaded", !info->sources.empty()}},
                           res);
                     }});
  routes_.push_back({"GET", "/api/v1/status", "what the database holds",
                     [this](const httplib::Request&, httplib::Response& res) {
                       auto info = registry_->Info();
                       if (!info.ok()) {
                         WriteProblem(info.status(), res);
                         return;
                       }
                       nlohmann::ordered_json body = ToJson(*info);
                       body.erase("path");  // server-side detail
                       WriteJson(body, res);
                     }});
  routes_.push_back(
      {"GET", "/api/v1/stats",
       "counts by country, world region, French région and département, "
       "authority kind, partnership kind, theme, SDG, year",
       [this](const httplib::Request&, httplib::Response& res) {
         auto stats = registry_->Stats();
         if (!stats.ok()) {
           WriteProblem(stats.status(), res);
           return;
         }
         WriteJson(ToJson(*stats), res);
       }});
  routes_.push_back(
      {"GET", "/api/v1/resolve",
       "names to official codes (?name=&kind=&departement=&postcode=, or "
       "?country=)",
       [this](const httplib::Request& req, httplib::Response& res) {
         const bool country = req.has_param("country");
         const std::string name =
             req.get_param_value(country ? "country" : "name");
         if (name.empty()) {
           WriteProblem(Status::InvalidArgument(
                            "parameter 'name' (or 'country') is required"),
                        res);
           return;
         }
         ResolveHints hints{req.get_param_value("departement"),
                            req.get_param_value("postcode"),
                            req.get_param_value("kind")};
         auto result = country ? registry_->ResolveCountry(name)
                               : registry_->Resolve(name, hints);
         if (!result.ok()) {
           WriteProblem(result.status(), res);
           return;
         }
         WriteJson(ToJson(*result), res);
       }});
}

void Api::Dispatch(const httplib::Request& request,
                   httplib::Response& response) const {
  for (const Route& route : routes_) {
    if (route.path == request.path &&
        (route.method == request.method ||
         (route.method == "GET" && request.method == "HEAD"))) {
      route.handler(request, response);
      return;
    }
  }
  if (request.method == "GET" || request.method == "HEAD") {
    ServeStatic(request, response);
    return;
  }
  WriteProblem(
      Status::NotFound("no route " + request.method + " " + request.path),
      response);
  response.status = 405;
}

void Api::ServeStatic(const httplib::Request& request,
                      httplib::Response& response) const {
  std::string path = request.path;
  // No way out of the roots: refuse any '..' segment and invalid UTF-8.
  if (!core::IsValidUtf8(path) || path.find("..") != std::string::npos ||
      path.find('\0') != std::string::npos || path.empty() || path[0] != '/') {
    WriteProblem(Status::NotFound("no such page: " + request.path), response);
    return;
  }
  std::string file;
  static const char* const kVendor[] = {"/vendor/d3-geo/", "/vendor/d3-array/",
                                        "/vendor/topojson-client/",
                                        "/vendor/world-atlas/"};
  for (const char* prefix : kVendor) {
    if (path.rfind(prefix, 0) == 0 && !vendor_root_.empty()) {
      file = vendor_root_ + path.substr(std::string("/vendor").size());
    }
  }
  if (file.empty()) {
    if (path.rfind("/api/", 0) == 0 || path.rfind("/vendor/", 0) == 0) {
      WriteProblem(Status::NotFound("no route GET " + path), response);
      return;
    }
    // Pages of the interface (/recherche, /collectivites/42218, ...) have
    // no extension: the single page answers them all.
    const std::string last = path.substr(path.rfind('/') + 1);
    if (last.find('.') == std::string::npos) path = "/index.html";
    file = web_root_ + path;
  }
  auto content = web_root_.empty() ? Result<std::string>(Status::NotFound(""))
                                   : core::ReadFile(file);
  if (!content.ok()) {
    WriteProblem(Status::NotFound("no such file: " + request.path), response);
    return;
  }
  response.status = 200;
  response.set_content(*content, ContentType(path));
  response.set_header("Cache-Control", "no-cache");
}

struct Server::Impl {
  Impl(const Registry* registry, ServerOptions opts)
      : options(std::move(opts)),
        api(registry, options.web_root, options.vendor_root) {}
  ServerOptions options;
  Api api;
  httplib::Server server;
};

Server::Server(const Registry* registry, ServerOptions options)
    : impl_(std::make_unique<Impl>(registry, std::move(options))) {
  const int threads = impl_->options.threads;
  impl_->server.new_task_queue = [threads] {
    return new httplib::ThreadPool(static_cast<size_t>(threads));
  };
  Api* api = &impl_->api;
  auto dispatch = [api](const httplib::Request& req, httplib::Response& res) {
    api->Dispatch(req, res);
  };
  impl_->server.Get(".*", dispatch);
  impl_->server.Post(".*", dispatch);
  impl_->server.Put(".*", dispatch);
  impl_->server.Delete(".*", dispatch);
  impl_->server.set_exception_handler([](const httplib::Request&,
                                         httplib::Response& res,
                                         const std::exception_ptr&) {
    WriteProblem(Status::Internal("unexpected error"), res);
  });
}

Server::~Server() { Stop(); }

Result<int> Server::Bind() {
  COOPATLAS_RETURN_IF_ERROR(impl_->options.Validate());
  const ServerOptions& o = impl_->options;
  if (o.port == 0) {
    const int port = impl_->server.bind_to_any_port(o.host.c_str());
    if (port < 0) return Status::Io("cannot listen on " + o.host);
    return port;
  }
  if (!impl_->server.bind_to_port(o.host.c_str(), o.port)) {
    return Status::Io("cannot listen on " + o.host + ":" +
                      std::to_string(o.port) +
                      " (is another server running there?)");
  }
  return o.port;
}

Status Server::Run() {
  if (!impl_->server.listen_after_bind()) {
    return Status::Io("the server stopped unexpectedly");
  }
  return Status::Ok();
}

void Server::Stop() {
  if (impl_->server.is_running()) impl_->server.stop();
}

}  // namespace coopatlas::http
