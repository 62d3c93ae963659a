// Whole-file reading and atomic writing (std only).
#pragma once

#include <string>
#include <string_view>

#include "coopatlas/status.h"

namespace coopatlas::core {

// Reads the whole file. Errors: kNotFound if it does not exist, kIo if it
// cannot be read; the message names the path.
Result<std::string> ReadFile(const std::string& path);

// Writes `content` to `path` atomically: a temporary file beside it, then a
// rename, so a reader never sees half a file. Errors: kIo naming the path.
Status WriteFileAtomic(const std::string& path, std::string_view content);

}  // namespace coopatlas::core
