// `Registry::Init`: idempotent, all or nothing, clear errors.
#include <gtest/gtest.h>

#include <filesystem>

#include "coopatlas/registry.h"
#include "integration/environment.h"
#include "store/db.h"
#include "store/test_util.h"

namespace coopatlas::testing {
namespace {

std::int64_t AuditCount(const std::string& db_path) {
  auto db = store::Db::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto stmt = (*db)->Prepare("SELECT count(*) FROM audit");
  EXPECT_TRUE(stmt.ok());
  EXPECT_TRUE(*stmt->Step());
  return stmt->ColumnInt(0);
}

InitOptions Options(const std::string& path) {
  InitOptions options;
  options.db_path = path;
  options.reference_root = SourceDir();
  return options;
}

TEST(Init, SecondRunWritesNothingAndForceReloads) {
  TempDir dir;
  const std::string path = dir.File("a.db");
  std::filesystem::copy_file(ReferenceDbPath(), path);
  const std::int64_t before = AuditCount(path);
  EXPECT_GT(before, 0);
  auto again = Registry::Init(Options(path));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_FALSE(again->created);
  EXPECT_FALSE(again->reloaded);
  EXPECT_EQ(AuditCount(path), before);

  InitOptions force = Options(path);
  force.force = true;
  auto reloaded = Registry::Init(force);
  ASSERT_TRUE(reloaded.ok());
  EXPECT_TRUE(reloaded->reloaded);
  EXPECT_GT(AuditCount(path), before);  // the reload is audited
}

TEST(Init, MissingDirectoryCreatesNothing) {
  TempDir dir;
  const std::string path = dir.File("missing/a.db");
  auto report = Registry::Init(Options(path));
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Code::kIo);
  EXPECT_NE(report.status().message().find("does not exist"),
            std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("missing")));
}

TEST(Init, MissingPackagesLeaveNoFileBehind) {
  TempDir dir;
  InitOptions options = Options(dir.File("a.db"));
  options.reference_root = dir.path();  // no node_modules here
  auto report = Registry::Init(options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Code::kNotFound);
  EXPECT_NE(report.status().message().find("make setup"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("a.db")));
  EXPECT_FALSE(std::filesystem::exists(dir.File("a.db-wal")));
}

TEST(Init, ReadOnlyDatabaseIsRefusedAndUnchanged) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  std::filesystem::copy_file(ReferenceDbPath(), path);
  const auto size = std::filesystem::file_size(path);
  std::filesystem::permissions(path, std::filesystem::perms::owner_read);
  InitOptions options = Options(path);
  options.force = true;
  auto report = Registry::Init(options);
  ASSERT_FALSE(report.ok());
  EXPECT_EQ(report.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(report.status().message().find("read-only"), std::string::npos);
  EXPECT_EQ(std::filesystem::file_size(path), size);
  EXPECT_TRUE(std::filesystem::exists(path));  // an existing file is kept
}

TEST(Open, UninitialisedDatabaseSaysHowToInitialise) {
  TempDir dir;
  {
    auto db = store::Db::Open(dir.File("empty.db"), store::OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
  }
  auto registry = Registry::Open({dir.File("empty.db"), true});
  ASSERT_FALSE(registry.ok());
  EXPECT_EQ(registry.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(registry.status().message().find("coopatlas init"),
            std::string::npos);
}

TEST(Init, TheDatabasePassesIntegrityCheck) {
  auto db = store::Db::Open(ReferenceDbPath(), store::OpenMode::kReadOnly);
  ASSERT_TRUE(db.ok());
  auto stmt = (*db)->Prepare("PRAGMA integrity_check");
  ASSERT_TRUE(stmt.ok());
  ASSERT_TRUE(*stmt->Step());
  EXPECT_EQ(stmt->ColumnText(0), "ok");
  auto fk = (*db)->Prepare("PRAGMA foreign_key_check");
  ASSERT_TRUE(fk.ok());
  EXPECT_FALSE(*fk->Step());
}

}  // namespace
}  // namespace coopatlas::testing
