#include "integration/environment.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <memory>

#include "store/test_util.h"

namespace coopatlas::testing {
namespace {

class ReferenceEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    dir_ = std::make_unique<TempDir>();
    path_ = dir_->File("reference.db");
    InitOptions options;
    options.db_path = path_;
    options.reference_root = SourceDir();
    auto report = Registry::Init(options);
    ASSERT_TRUE(report.ok()) << report.status().ToString();
    std::fprintf(stderr, "reference database initialised in %.1f s\n",
                 report->seconds);
    auto registry = Registry::Open({path_, /*read_only=*/true});
    ASSERT_TRUE(registry.ok()) << registry.status().ToString();
    registry_ = std::move(*registry);
  }
  void TearDown() override {
    registry_.reset();
    dir_.reset();
  }

  std::unique_ptr<TempDir> dir_;
  std::string path_;
  std::unique_ptr<Registry> registry_;
};

ReferenceEnvironment* g_environment = nullptr;

}  // namespace

const std::string& ReferenceDbPath() { return g_environment->path_; }
const Registry& SharedRegistry() { return *g_environment->registry_; }
std::string SourceDir() { return COOPATLAS_SOURCE_DIR; }

}  // namespace coopatlas::testing

int main(int argc, char** argv) {
  ::testing::InitGoogleTest(&argc, argv);
  coopatlas::testing::g_environment =
      new coopatlas::testing::ReferenceEnvironment();
  ::testing::AddGlobalTestEnvironment(coopatlas::testing::g_environment);
  return RUN_ALL_TESTS();
}
