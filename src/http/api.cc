#include "http/api.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "core/file.h"
#include "core/hash.h"
#include "core/utf8.h"
#include "registry/json_format.h"

namespace coopatlas::http {
namespace {

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
  AddRoutes();
  AddSdgRoutes();
}

namespace {

// Matches "/api/v1/projects/{id}" against a path, capturing {id}.
bool Match(const std::string& pattern, const std::string& path,
           Api::PathParams* params) {
  std::size_t i = 0, j = 0;
  while (i < pattern.size() && j < path.size()) {
    if (pattern[i] == '{') {
      const std::size_t close = pattern.find('}', i);
      const std::string name = pattern.substr(i + 1, close - i - 1);
      std::size_t end = path.find('/', j);
      if (end == std::string::npos) end = path.size();
      if (end == j) return false;
      (*params)[name] = path.substr(j, end - j);
      i = close + 1;
      j = end;
      continue;
    }
    if (pattern[i] != path[j]) return false;
    ++i;
    ++j;
  }
  return i == pattern.size() && j == path.size();
}

std::string ETagOf(const std::string& body) {
  return "\"" + core::Hex64(core::Fnv1a64(body)) + "\"";
}

}  // namespace

void Api::Dispatch(const httplib::Request& request,
                   httplib::Response& response) const {
  const bool get = request.method == "GET" || request.method == "HEAD";
  for (const Route& route : routes_) {
    PathParams params;
    if (!Match(route.path, request.path, &params)) continue;
    if (route.method != request.method && !(route.method == "GET" && get)) {
      WriteProblem(Status::InvalidArgument("method " + request.method +
                                           " not allowed on " + request.path),
                   response);
      response.status = 405;
      response.set_header("Allow", route.method);
      return;
    }
    // Path parameters are data: they must be valid UTF-8 like the rest.
    for (const auto& [name, value] : params) {
      if (!core::IsValidUtf8(value)) {
        WriteProblem(Status::InvalidArgument(name + " is not valid UTF-8"),
                     response);
        return;
      }
    }
    route.handler(request, params, response);
    if (response.status == 200 &&
        response.get_header_value("Content-Type").find("json") !=
            std::string::npos) {
      const std::string etag = ETagOf(response.body);
      response.set_header("ETag", etag);
      response.set_header("Cache-Control", "no-cache");
      if (request.get_header_value("If-None-Match") == etag) {
        response.status = 304;
        response.body.clear();
      }
    }
    return;
  }
  if (get) {
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
  // Headers and body go out in separate writes: without TCP_NODELAY the
  // second waits for the client's delayed ACK (40 ms per response).
  impl_->server.set_tcp_nodelay(true);
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
