#include "core/file.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <system_error>
#include <vector>

#include <unistd.h>

namespace coopatlas::core {

Result<std::string> ReadFile(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    return Status::NotFound("file not found: " + path);
  }
  if (std::filesystem::is_directory(path, ec)) {
    return Status::Io(path + " is a directory, not a file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::Io("cannot read " + path + ": " + std::strerror(errno));
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::Io("error while reading " + path);
  return std::move(buffer).str();
}

Status WriteFileAtomic(const std::string& path, std::string_view content) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      return Status::Io("cannot write " + path + ": " + std::strerror(errno));
    }
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      return Status::Io("error while writing " + path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::remove(tmp.c_str());
    return Status::Io("cannot write " + path + ": " + ec.message());
  }
  return Status::Ok();
}

Result<std::string> BytesWrittenBy(
    const std::string& tag,
    const std::function<Status(const std::string& path)>& write) {
  const std::string name = "/tmp/coopatlas-" + tag + "-XXXXXX";
  std::vector<char> pattern(name.begin(), name.end());
  pattern.push_back('\0');
  const int fd = mkstemp(pattern.data());
  if (fd < 0) {
    return Status::Io("cannot create a temporary file " + name + ": " +
                      std::strerror(errno));
  }
  close(fd);
  const std::string path = pattern.data();
  const Status written = write(path);
  auto bytes = written.ok() ? ReadFile(path) : Result<std::string>(written);
  std::error_code ec;
  std::filesystem::remove(path, ec);
  return bytes;
}

}  // namespace coopatlas::core
