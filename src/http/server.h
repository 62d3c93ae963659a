// Serving the atlas over HTTP. This header does not include <httplib.h>, so
// the command-line tool can start a server without seeing it.
#pragma once

#include <functional>
#include <string>

#include "coopatlas/registry.h"
#include "coopatlas/status.h"

namespace coopatlas::http {

struct ServerOptions {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;
  std::string web_root;  // static files of the user interface
  int threads = 8;

  Status Validate() const;
};

// Serves until the process is stopped. `on_listening` is called with the
// bound port once the socket listens. Errors: kIo if the address cannot be
// bound.
Status Serve(const Registry& registry, const ServerOptions& options,
             const std::function<void(int port)>& on_listening = nullptr);

}  // namespace coopatlas::http
