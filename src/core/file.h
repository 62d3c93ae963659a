// Whole-file reading and atomic writing (std, and POSIX for mkstemp).
#pragma once

#include <functional>
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

// The bytes `write` puts in a private temporary file
// (/tmp/coopatlas-<tag>-XXXXXX), for libraries that only write files
// (libxlsxwriter, cairo); the file is removed in every case. Errors: kIo
// when no temporary file can be made, else `write`'s or ReadFile's.
Result<std::string> BytesWrittenBy(
    const std::string& tag,
    const std::function<Status(const std::string& path)>& write);

}  // namespace coopatlas::core
