#include "store/writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/migrations.h"
#include "store/test_util.h"

namespace coopatlas::store {
namespace {

using coopatlas::testing::TempDir;

class WriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(dir_.File("w.db"), OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(db_.get()).ok());
  }

  std::int64_t Count(const std::string& sql) {
    auto stmt = db_->Prepare(sql);
    EXPECT_TRUE(stmt.ok());
    EXPECT_TRUE(*stmt->Step());
    return stmt->ColumnInt(0);
  }

  // The audit rows as (action, entity_id, old, new).
  std::vector<std::vector<std::string>> Audit() {
    std::vector<std::vector<std::string>> rows;
    auto stmt = db_->Prepare(
        "SELECT action, actor, entity_id, coalesce(old_value, ''), "
        "coalesce(new_value, '') FROM audit WHERE entity = 'meta' ORDER BY id");
    EXPECT_TRUE(stmt.ok());
    while (*stmt->Step()) {
      rows.push_back({stmt->ColumnText(0), stmt->ColumnText(1),
                      stmt->ColumnText(2), stmt->ColumnText(3),
                      stmt->ColumnText(4)});
    }
    return rows;
  }

  TempDir dir_;
  std::unique_ptr<Db> db_;
};

TEST_F(WriterTest, EveryChangeIsAudited) {
  {
    auto w = Writer::Begin(db_.get(), {"alice", {}});
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(*(*w)->Put("meta", {{"key", std::string("k")},
                                  {"value", std::string("v1")}}),
              PutOutcome::kCreated);
    EXPECT_EQ(*(*w)->Put("meta", {{"key", std::string("k")},
                                  {"value", std::string("v1")}}),
              PutOutcome::kUnchanged);
    EXPECT_EQ(*(*w)->Put("meta", {{"key", std::string("k")},
                                  {"value", std::string("v2")}}),
              PutOutcome::kUpdated);
    ASSERT_TRUE((*w)->Delete("meta", {{"key", std::string("k")}}).ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  const auto audit = Audit();
  ASSERT_EQ(audit.size(), 3u);  // the unchanged Put wrote nothing
  EXPECT_EQ(audit[0][0], "insert");
  EXPECT_EQ(audit[0][1], "alice");
  EXPECT_EQ(audit[0][2], "k");
  EXPECT_EQ(nlohmann::json::parse(audit[0][4])["value"], "v1");
  EXPECT_EQ(audit[1][0], "update");
  EXPECT_EQ(nlohmann::json::parse(audit[1][3]),
            nlohmann::json({{"value", "v1"}}));
  EXPECT_EQ(nlohmann::json::parse(audit[1][4]),
            nlohmann::json({{"value", "v2"}}));
  EXPECT_EQ(audit[2][0], "delete");
  EXPECT_EQ(nlohmann::json::parse(audit[2][3])["value"], "v2");
  EXPECT_EQ(Count("SELECT count(*) FROM meta"), 0);
}

TEST_F(WriterTest, NothingIsKeptWithoutCommit) {
  {
    auto w = Writer::Begin(db_.get(), {"bob", {}});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Put("meta", {{"key", std::string("k")},
                                   {"value", std::string("v")}})
                    .ok());
    // Destroyed without Commit(): an error path.
  }
  EXPECT_EQ(Count("SELECT count(*) FROM meta"), 0);
  EXPECT_EQ(Count("SELECT count(*) FROM audit"), 0);
}

TEST_F(WriterTest, ImportRunsAreRecordedAndTagTheAudit) {
  auto w = Writer::Begin(db_.get(), {"carol", {}});
  ASSERT_TRUE(w.ok());
  auto run = (*w)->StartRun("twinnings", "file.csv");
  ASSERT_TRUE(run.ok());
  ASSERT_TRUE((*w)->Put("meta", {{"key", std::string("x")},
                                 {"value", std::string("1")}})
                  .ok());
  ASSERT_TRUE((*w)->FinishRun(*run, "{\"created\":1}").ok());
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE run_id = " +
                  std::to_string(*run)),
            3);
  EXPECT_EQ(
      Count("SELECT count(*) FROM import_run WHERE finished_at IS NOT NULL"),
      1);
}

TEST_F(WriterTest, RejectsMissingActorAndBadIdentifiers) {
  EXPECT_EQ(Writer::Begin(db_.get(), {"", {}}).status().code(),
            Code::kInvalidArgument);
  auto w = Writer::Begin(db_.get(), {"dave", {}});
  ASSERT_TRUE(w.ok());
  EXPECT_EQ((*w)->Put("meta; DROP TABLE audit", {{"key", std::string("k")}})
                .status()
                .code(),
            Code::kInternal);
  EXPECT_EQ((*w)->Delete("meta", {{"key", std::string("absent")}}).code(),
            Code::kNotFound);
}

TEST_F(WriterTest, ReadOnlyDatabaseCannotBeWritten) {
  db_.reset();
  auto ro = Db::Open(dir_.File("w.db"), OpenMode::kReadOnly);
  ASSERT_TRUE(ro.ok());
  EXPECT_EQ(Writer::Begin(ro->get(), {"eve", {}}).status().code(),
            Code::kFailedPrecondition);
}

}  // namespace
}  // namespace coopatlas::store
