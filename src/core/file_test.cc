// Whole-file helpers: the bytes of a file-only writer through a private
// temporary file that never outlives the call.
#include "core/file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace coopatlas::core {
namespace {

TEST(FileTest, BytesWrittenByAFileWriterAndTheFileRemoved) {
  std::string seen;
  auto bytes = BytesWrittenBy("test", [&](const std::string& path) {
    seen = path;
    std::ofstream(path, std::ios::binary) << "PK\x03\x04 bytes";
    return Status::Ok();
  });
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  EXPECT_EQ(*bytes, "PK\x03\x04 bytes");
  EXPECT_EQ(seen.rfind("/tmp/coopatlas-test-", 0), 0U) << seen;
  EXPECT_FALSE(std::filesystem::exists(seen));

  // The writer's error is the result, and its half-written file is gone.
  auto failed = BytesWrittenBy("test", [&](const std::string& path) {
    seen = path;
    std::ofstream(path) << "half";
    return Status::Io("cannot write " + path);
  });
  EXPECT_EQ(failed.status().code(), Code::kIo);
  EXPECT_NE(failed.status().message().find(seen), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(seen));
}

}  // namespace
}  // namespace coopatlas::core
