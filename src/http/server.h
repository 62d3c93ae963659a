// Serving the atlas over HTTP. This header does not include <httplib.h>, so
// the command-line tool can start a server without seeing it.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "coopatlas/registry.h"
#include "coopatlas/status.h"

namespace coopatlas::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;
  std::string web_root;  // static files of the user interface
  // npm packages the interface loads (d3-geo, topojson-client, world-atlas),
  // served under /vendor/ from this node_modules folder.
  std::string vendor_root;
  int threads = 8;

  Status Validate() const;
};

// An HTTP server over a registry. Bind() then Run() (blocking) from one
// thread; Stop() from any thread ends Run().
class Server {
 public:
  // `registry` must outlive the server.
  Server(const Registry* registry, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the address and returns the port (the chosen one for port 0).
  // Errors: kInvalidArgument (bad options), kIo (address in use).
  Result<int> Bind();
  // Serves until Stop(). Errors: kIo.
  Status Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace coopatlas::http
