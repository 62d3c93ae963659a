#include "store/db.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "store/migrations.h"
#include "store/test_util.h"

namespace coopatlas::store {
namespace {

using coopatlas::testing::TempDir;

TEST(Db, CreatesWithWalAndForeignKeys) {
  TempDir dir;
  auto db = Db::Open(dir.File("a.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto mode = (*db)->Prepare("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok());
  ASSERT_TRUE(*mode->Step());
  EXPECT_EQ(mode->ColumnText(0), "wal");
  auto fk = (*db)->Prepare("PRAGMA foreign_keys");
  ASSERT_TRUE(fk.ok());
  ASSERT_TRUE(*fk->Step());
  EXPECT_EQ(fk->ColumnInt(0), 1);
  auto page = (*db)->Prepare("PRAGMA page_size");
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(*page->Step());
  EXPECT_EQ(page->ColumnInt(0), 16384);
}

TEST(Db, AnExistingDatabaseKeepsItsPageSize) {
  TempDir dir;
  const std::string path = dir.File("old.db");
  {
    // A database of SQLite's default pages, as they were before 16 KiB.
    auto old = Db::Open(path, OpenMode::kCreate);
    ASSERT_TRUE(old.ok());
    ASSERT_TRUE((*old)->Exec("CREATE TABLE t(i INTEGER)").ok());
    ASSERT_TRUE((*old)->Exec("PRAGMA journal_mode=DELETE").ok());
    ASSERT_TRUE((*old)->Exec("PRAGMA page_size=4096").ok());
    ASSERT_TRUE((*old)->Exec("VACUUM").ok());
  }
  auto db = Db::Open(path, OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  auto page = (*db)->Prepare("PRAGMA page_size");
  ASSERT_TRUE(page.ok());
  ASSERT_TRUE(*page->Step());
  EXPECT_EQ(page->ColumnInt(0), 4096);
  EXPECT_TRUE((*db)->Exec("INSERT INTO t VALUES (1)").ok());
}

TEST(Db, MissingDirectoryIsAClearErrorAndCreatesNothing) {
  TempDir dir;
  const std::string path = dir.File("no/such/dir/a.db");
  auto db = Db::Open(path, OpenMode::kCreate);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kIo);
  EXPECT_NE(db.status().message().find("does not exist"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(dir.File("no")));
}

TEST(Db, MissingFileForReadIsNotFound) {
  TempDir dir;
  auto db = Db::Open(dir.File("absent.db"), OpenMode::kReadWrite);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kNotFound);
  EXPECT_NE(db.status().message().find("coopatlas init"), std::string::npos);
}

TEST(Db, ReadOnlyFileRefusesWrites) {
  TempDir dir;
  const std::string path = dir.File("ro.db");
  {
    auto db = Db::Open(path, OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE(Migrate(db->get()).ok());
  }
  std::filesystem::permissions(path, std::filesystem::perms::owner_read |
                                         std::filesystem::perms::group_read);
  auto db = Db::Open(path, OpenMode::kReadWrite);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kFailedPrecondition);
  EXPECT_NE(db.status().message().find("read-only"), std::string::npos);
  // Reading is still possible.
  auto reader = Db::Open(path, OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok()) << reader.status().ToString();
  EXPECT_EQ(*(*reader)->UserVersion(), LatestSchemaVersion());
}

TEST(Db, NotADatabase) {
  TempDir dir;
  const std::string path = dir.File("text.db");
  std::ofstream(path) << "this is not a database, just some text that is "
                         "long enough to fill a header page.............";
  auto db = Db::Open(path, OpenMode::kReadWrite);
  ASSERT_FALSE(db.ok());
  EXPECT_EQ(db.status().code(), Code::kCorruption);
}

TEST(Migrations, AreIdempotentAndRefuseNewerSchemas) {
  TempDir dir;
  auto db = Db::Open(dir.File("m.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(db->get()).ok());
  ASSERT_TRUE(Migrate(db->get()).ok());
  EXPECT_EQ(*(*db)->UserVersion(), LatestSchemaVersion());
  ASSERT_TRUE((*db)->SetUserVersion(LatestSchemaVersion() + 1).ok());
  const Status s = Migrate(db->get());
  EXPECT_EQ(s.code(), Code::kFailedPrecondition);
  EXPECT_NE(s.message().find("newer"), std::string::npos);
}

// The lookups of store::PutAuthority (Writer::PutEntity binds every key
// column, the country included) find the authority through an index on
// the whole key, not by walking the authorities of its country.
TEST(Migrations, AuthorityLookupsUseAnIndexOnTheirWholeKey) {
  TempDir dir;
  auto db = Db::Open(dir.File("m.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Migrate(db->get()).ok());
  const std::pair<const char*, const char*> lookups[] = {
      {"country = ? AND kind = ? AND code = ?",
       "(country=? AND kind=? AND code=?)"},
      {"country = ? AND folded_name = ?", "(country=? AND folded_name=?)"}};
  for (const auto& [where, searched] : lookups) {
    auto plan = (*db)->Prepare(
        std::string("EXPLAIN QUERY PLAN SELECT id, version, name FROM "
                    "authority WHERE ") +
        where);
    ASSERT_TRUE(plan.ok());
    ASSERT_TRUE(*plan->Step());
    const std::string detail = plan->ColumnText(3);
    EXPECT_NE(detail.find(searched), std::string::npos) << detail;
  }
}

TEST(Fts, FrenchTokenizerStemsFoldsAndPrefixes) {
  TempDir dir;
  auto db = Db::Open(dir.File("f.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)
                  ->Exec("CREATE VIRTUAL TABLE f USING fts5(body, "
                         "tokenize='coopatlas_fr')")
                  .ok());
  for (const char* body : {"Coopérations décentralisées pour l'eau potable",
                           "Jumelage culturel", "Santé maternelle à Dapaong"}) {
    auto insert = (*db)->Prepare("INSERT INTO f(body) VALUES (?)");
    insert->Bind(1, body);
    ASSERT_TRUE(insert->Run().ok());
  }
  auto count = [&](const char* match) {
    auto s = (*db)->Prepare("SELECT count(*) FROM f WHERE f MATCH ?");
    EXPECT_TRUE(s.ok());
    s->Bind(1, match);
    EXPECT_TRUE(*s->Step());
    return s->ColumnInt(0);
  };
  EXPECT_EQ(count("coopération"), 1);  // plural, accents
  EXPECT_EQ(count("COOPERATION"), 1);
  EXPECT_EQ(count("decentralise"), 1);
  EXPECT_EQ(count("\"eau potable\""), 1);  // phrase
  EXPECT_EQ(count("coop*"), 1);            // prefix on the word as written
  EXPECT_EQ(count("dapa*"), 1);
  EXPECT_EQ(count("sante NOT dapaong"), 0);
  EXPECT_EQ(count("jumelages"), 1);
  EXPECT_EQ(count("ecole"), 0);
}

TEST(Statement, BindsAndReadsEveryType) {
  TempDir dir;
  auto db = Db::Open(dir.File("s.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(
      (*db)->Exec("CREATE TABLE t(i INTEGER, d REAL, s TEXT, n TEXT)").ok());
  auto insert = (*db)->Prepare("INSERT INTO t VALUES (?,?,?,?)");
  ASSERT_TRUE(insert.ok());
  // A value with a quote and an FTS-like operator is data, never SQL.
  insert->Bind(1, std::int64_t{42}).Bind(2, 1.5).Bind(3, "O'Brien\" OR 1=1 --");
  insert->BindNull(4);
  ASSERT_TRUE(insert->Run().ok());
  auto select = (*db)->Prepare("SELECT i, d, s, n FROM t");
  ASSERT_TRUE(select.ok());
  ASSERT_TRUE(*select->Step());
  EXPECT_EQ(select->ColumnInt(0), 42);
  EXPECT_DOUBLE_EQ(select->ColumnDouble(1), 1.5);
  EXPECT_EQ(select->ColumnText(2), "O'Brien\" OR 1=1 --");
  EXPECT_TRUE(select->ColumnIsNull(3));
}

std::string JournalMode(Db* db) {
  auto mode = db->TryJournalMode("");
  return mode.ok() ? *mode : mode.status().ToString();
}

std::int64_t CountRows(Db* db) {
  auto count = db->Prepare("SELECT count(*) FROM t");
  if (!count.ok() || !*count->Step()) return -1;
  return count->ColumnInt(0);
}

TEST(Db, BulkWriteAloneUsesTheRollbackJournalThenTheWal) {
  TempDir dir;
  auto db = Db::Open(dir.File("a.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(i INTEGER)").ok());
  {
    const BulkWrite bulk(db->get());
    EXPECT_TRUE(bulk.Active());
    EXPECT_EQ(JournalMode(db->get()), "truncate");
    auto txn = Transaction::Begin(db->get());
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*db)->Exec("INSERT INTO t VALUES (1), (2)").ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  EXPECT_EQ(JournalMode(db->get()), "wal");
  EXPECT_EQ(CountRows(db->get()), 2);
  // A write that fails is rolled back as with the WAL.
  {
    const BulkWrite bulk(db->get());
    ASSERT_TRUE(bulk.Active());
    auto txn = Transaction::Begin(db->get());
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*db)->Exec("INSERT INTO t VALUES (3)").ok());
  }
  EXPECT_EQ(JournalMode(db->get()), "wal");
  EXPECT_EQ(CountRows(db->get()), 2);
  EXPECT_FALSE(std::filesystem::exists(dir.File("a.db-journal")));
}

// Whether another process sees a lock on the RESERVED byte of the database
// at `path` (0x40000001, on the lock-byte page of SQLite's file format),
// which the writer of a rollback-journal transaction holds. (SQLite itself
// cannot be asked in a forked child: it would trust its parent's memory.)
bool AnotherProcessSeesTheWriteLock(const std::string& path) {
  const pid_t child = fork();
  if (child == 0) {
    const int fd = open(path.c_str(), O_RDWR);
    struct flock lock {};
    lock.l_type = F_WRLCK;
    lock.l_whence = SEEK_SET;
    lock.l_start = 0x40000001;
    lock.l_len = 1;
    const bool locked =
        fd >= 0 && fcntl(fd, F_GETLK, &lock) == 0 && lock.l_type != F_UNLCK;
    _exit(locked ? 0 : 1);
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

TEST(Db, StartWritebackKeepsTheWritersLocks) {
  // In the rollback journal of a bulk write, the writer's locks are POSIX
  // locks on the database file, which closing any descriptor of that file
  // in this process would drop: another process could then take them.
  TempDir dir;
  const std::string path = dir.File("a.db");
  auto db = Db::Open(path, OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(i INTEGER)").ok());
  EXPECT_FALSE(AnotherProcessSeesTheWriteLock(path));
  {
    const BulkWrite bulk(db->get());
    ASSERT_TRUE(bulk.Active());
    auto txn = Transaction::Begin(db->get());
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*db)
                    ->Exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT "
                           "i + 1 FROM n WHERE i < 5000) INSERT INTO t SELECT "
                           "i FROM n")
                    .ok());
    (*db)->StartWriteback();
    EXPECT_TRUE(AnotherProcessSeesTheWriteLock(path));
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  EXPECT_FALSE(AnotherProcessSeesTheWriteLock(path));
  EXPECT_EQ(CountRows(db->get()), 5000);
}

TEST(Db, BulkWriteKeepsTheWalWhenAnotherConnectionIsOpen) {
  TempDir dir;
  auto db = Db::Open(dir.File("a.db"), OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Exec("CREATE TABLE t(i INTEGER)").ok());
  auto reader = Db::Open(dir.File("a.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(CountRows(reader->get()), 0);
  {
    const BulkWrite bulk(db->get());
    EXPECT_FALSE(bulk.Active());
    EXPECT_EQ(JournalMode(db->get()), "wal");
    auto txn = Transaction::Begin(db->get());
    ASSERT_TRUE(txn.ok());
    ASSERT_TRUE((*db)->Exec("INSERT INTO t VALUES (1)").ok());
    // The reader still reads beside the write, as the WAL allows.
    EXPECT_EQ(CountRows(reader->get()), 0);
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  EXPECT_EQ(CountRows(reader->get()), 1);
  EXPECT_EQ(JournalMode(db->get()), "wal");
}

TEST(Db, BulkWriteOnAMemoryDatabaseChangesNothing) {
  auto db = Db::Open(":memory:", OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  const BulkWrite bulk(db->get());
  EXPECT_FALSE(bulk.Active());
  EXPECT_EQ(JournalMode(db->get()), "memory");
}

}  // namespace
}  // namespace coopatlas::store
