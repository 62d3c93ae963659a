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

TEST_F(WriterTest, ABulkWriteLeavesTheWalForItsTransactionOnly) {
  {
    auto w = Writer::Begin(db_.get(), {"dora", {}, /*bulk=*/true});
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(*db_->TryJournalMode(""), "truncate");
    ASSERT_TRUE((*w)->Put("meta", {{"key", std::string("k")},
                                   {"value", std::string("v")}})
                    .ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  EXPECT_EQ(*db_->TryJournalMode(""), "wal");
  EXPECT_EQ(Count("SELECT count(*) FROM meta WHERE key = 'k'"), 1);
  {
    auto w = Writer::Begin(db_.get(), {"erin", {}});
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(*db_->TryJournalMode(""), "wal");
  }
}

TEST_F(WriterTest, ForeignKeysAtCommitAreCheckedOnceBeforeTheCommit) {
  // A place of a project that does not exist.
  const Row orphan = {{"project_id", std::int64_t{999}},
                      {"seq", std::int64_t{1}},
                      {"country", std::string("SN")}};
  {
    auto w = Writer::Begin(db_.get(), {"fay", {}});
    ASSERT_TRUE(w.ok());
    EXPECT_FALSE((*w)->Insert("project_location", orphan, 2).ok());
  }
  {
    auto w = Writer::Begin(db_.get(), {"fay",
                                       {},
                                       /*bulk=*/true,
                                       /*foreign_keys_at_commit=*/true});
    ASSERT_TRUE(w.ok());
    EXPECT_EQ(Count("PRAGMA foreign_keys"), 0);
    ASSERT_TRUE((*w)->Insert("project_location", orphan, 2).ok());
    const Status commit = (*w)->Commit();
    EXPECT_EQ(commit.code(), Code::kFailedPrecondition);
    EXPECT_NE(commit.message().find("1 row refers"), std::string::npos)
        << commit.message();
    EXPECT_NE(commit.message().find(
                  "project_location row (no rowid) refers to a missing row "
                  "of project"),
              std::string::npos)
        << commit.message();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM project_location"), 0);
  EXPECT_EQ(Count("PRAGMA foreign_keys"), 1);
  {
    auto w = Writer::Begin(db_.get(), {"fay",
                                       {},
                                       /*bulk=*/true,
                                       /*foreign_keys_at_commit=*/true});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Put("meta", {{"key", std::string("k")},
                                   {"value", std::string("v")}})
                    .ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  EXPECT_EQ(Count("SELECT count(*) FROM meta WHERE key = 'k'"), 1);
  EXPECT_EQ(Count("PRAGMA foreign_keys"), 1);
}

TEST_F(WriterTest, ForeignKeysCheckedEarlyAreCheckedAgainForLaterWrites) {
  const Row orphan = {{"project_id", std::int64_t{999}},
                      {"seq", std::int64_t{1}},
                      {"country", std::string("SN")}};
  {
    auto w = Writer::Begin(db_.get(), {"hal",
                                       {},
                                       /*bulk=*/true,
                                       /*foreign_keys_at_commit=*/true});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Insert("project_location", orphan, 2).ok());
    EXPECT_EQ((*w)->CheckForeignKeys().code(), Code::kFailedPrecondition);
  }
  {
    auto w = Writer::Begin(db_.get(), {"hal",
                                       {},
                                       /*bulk=*/true,
                                       /*foreign_keys_at_commit=*/true});
    ASSERT_TRUE(w.ok());
    ASSERT_TRUE((*w)->Put("meta", {{"key", std::string("k")},
                                   {"value", std::string("v")}})
                    .ok());
    ASSERT_TRUE((*w)->CheckForeignKeys().ok());
    ASSERT_TRUE((*w)->Insert("project_location", orphan, 2).ok());
    const Status commit = (*w)->Commit();
    EXPECT_NE(commit.message().find("project_location"), std::string::npos)
        << commit.message();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM meta WHERE key = 'k'"), 0);
  {
    // Without the setting, nothing to check: foreign keys are enforced.
    auto w = Writer::Begin(db_.get(), {"hal", {}});
    ASSERT_TRUE(w.ok());
    EXPECT_TRUE((*w)->CheckForeignKeys().ok());
  }
}

TEST_F(WriterTest, ForeignKeysAtCommitCheckTheRowsReferringToDeletedOnes) {
  std::int64_t run = 0;
  {
    auto w = Writer::Begin(db_.get(), {"gus", {}});
    ASSERT_TRUE(w.ok());
    auto started = (*w)->StartRun("iati", "f.xml");
    ASSERT_TRUE(started.ok());
    run = *started;
    ASSERT_TRUE((*w)->PutEntity("actor",
                                {{"folded_name", std::string("ong")},
                                 {"country", std::string("")},
                                 {"name", std::string("ONG")},
                                 {"source", std::string("f.xml")},
                                 {"run_id", run}},
                                2)
                    .ok());
    ASSERT_TRUE((*w)->Commit().ok());
  }
  {
    auto w = Writer::Begin(db_.get(), {"gus",
                                       {},
                                       /*bulk=*/true,
                                       /*foreign_keys_at_commit=*/true});
    ASSERT_TRUE(w.ok());
    // Gathered in a group never ended: the delete writes no audit row, so
    // only the tables referring to import_run can show the actor's.
    (*w)->BeginAuditGroup();
    ASSERT_TRUE((*w)->Delete("import_run", {{"id", run}}).ok());
    const Status commit = (*w)->Commit();
    EXPECT_EQ(commit.code(), Code::kFailedPrecondition);
    EXPECT_NE(commit.message().find("actor row 1 refers to a missing row of "
                                    "import_run"),
              std::string::npos)
        << commit.message();
  }
  EXPECT_EQ(Count("SELECT count(*) FROM import_run"), 1);
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

// A table of every column type, for the tests below.
class WriterBulkTest : public WriterTest {
 protected:
  void SetUp() override {
    WriterTest::SetUp();
    ASSERT_TRUE(db_->Exec("CREATE TABLE t (k TEXT NOT NULL, n INTEGER NOT "
                          "NULL, s TEXT, i INTEGER, d REAL, PRIMARY KEY (k, "
                          "n))")
                    .ok());
  }

  static Row R(const std::string& k, std::int64_t n, Value s, Value i = nullptr,
               Value d = nullptr) {
    return {{"k", k}, {"n", n}, {"s", std::move(s)}, {"i", i}, {"d", d}};
  }

  // The audit rows of table t or of groups: action, entity, entity_id, old,
  // new.
  std::vector<std::vector<std::string>> Rows() {
    std::vector<std::vector<std::string>> rows;
    auto stmt = db_->Prepare(
        "SELECT action, entity, entity_id, coalesce(old_value, ''), "
        "coalesce(new_value, '') FROM audit WHERE entity <> 'meta' ORDER BY "
        "id");
    EXPECT_TRUE(stmt.ok());
    while (*stmt->Step()) {
      rows.push_back({stmt->ColumnText(0), stmt->ColumnText(1),
                      stmt->ColumnText(2), stmt->ColumnText(3),
                      stmt->ColumnText(4)});
    }
    return rows;
  }
};

TEST_F(WriterBulkTest, AuditJsonIsWhatNlohmannWouldWrite) {
  // Quotes, backslashes, control characters, accents and a 4-byte
  // character; large and negative integers; doubles; NULL.
  const std::string text =
      "a \"quoted\" \\ back\x01slash\ttab\nline\x1f\x7f é 𝄞 fin";
  auto w = Writer::Begin(db_.get(), {"alice", {}});
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(
      (*w)->Put("t", R("k1", 1, text, std::int64_t{-9007199254740993}, 0.1), 2)
          .ok());
  ASSERT_TRUE(
      (*w)->Put("t", R("k1", 1, std::string("x"), nullptr, 1e300), 2).ok());
  ASSERT_TRUE(
      (*w)->Put("t", R("k2", 2, nullptr, std::int64_t{0}, -2.5), 2).ok());
  ASSERT_TRUE((*w)->Commit().ok());
  const auto rows = Rows();
  ASSERT_EQ(rows.size(), 3u);
  nlohmann::ordered_json first;
  first["k"] = "k1";
  first["n"] = 1;
  first["s"] = text;
  first["i"] = std::int64_t{-9007199254740993};
  first["d"] = 0.1;
  EXPECT_EQ(rows[0][4], first.dump());
  nlohmann::ordered_json old_value, new_value;
  old_value["s"] = text;
  // An old value is read with the type of the new one (here NULL: as text).
  old_value["i"] = "-9007199254740993";
  old_value["d"] = 0.1;
  new_value["s"] = "x";
  new_value["i"] = nullptr;
  new_value["d"] = 1e300;
  EXPECT_EQ(rows[1][3], old_value.dump());
  EXPECT_EQ(rows[1][4], new_value.dump());
  EXPECT_EQ(nlohmann::json::parse(rows[0][4])["s"], text);
  EXPECT_EQ(rows[2][4], R"({"k":"k2","n":2,"s":null,"i":0,"d":-2.5})");
}

TEST_F(WriterBulkTest, AuditJsonEscapesAtEveryPlaceOfTheText) {
  // Runs of 0 to 17 plain bytes (ASCII or accented) between characters to
  // escape, so that each falls at every place of the eight bytes read at a
  // time; and texts shorter than eight bytes.
  const std::vector<std::string> specials = {"\"",   "\\", "\n",  "\x01",
                                             "\x1f", "\t", "\x7f"};
  std::vector<std::string> texts = {
      "",        "\"",       "a\\",       "é\n",
      "abcdefg", "abcdefgh", "abcdefg\"", "\x1f\x1f\x1f\x1f\x1f\x1f\x1f\x1f"};
  for (const std::string plain : {"a", "é"}) {
    std::string text;
    for (std::size_t run = 0; run < 18; ++run) {
      for (std::size_t i = 0; i < run; ++i) text += plain;
      text += specials[run % specials.size()];
    }
    texts.push_back(text);
  }
  auto w = Writer::Begin(db_.get(), {"alice", {}});
  ASSERT_TRUE(w.ok());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    ASSERT_TRUE(
        (*w)->Put("t", R("k" + std::to_string(i), 1, texts[i]), 2).ok());
  }
  ASSERT_TRUE((*w)->Commit().ok());
  const auto rows = Rows();
  ASSERT_EQ(rows.size(), texts.size());
  for (std::size_t i = 0; i < texts.size(); ++i) {
    nlohmann::ordered_json expected;
    expected["k"] = "k" + std::to_string(i);
    expected["n"] = 1;
    expected["s"] = texts[i];
    expected["i"] = nullptr;
    expected["d"] = nullptr;
    EXPECT_EQ(rows[i][4], expected.dump()) << i;
  }
}

TEST_F(WriterBulkTest, InsertIsAuditedAndNeverOverwrites) {
  auto w = Writer::Begin(db_.get(), {"bob", {}});
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE((*w)->Insert("t", R("a", 1, std::string("v")), 2).ok());
  const Status again = (*w)->Insert("t", R("a", 1, std::string("other")), 2);
  EXPECT_FALSE(again.ok());
  ASSERT_TRUE((*w)->Commit().ok());
  const auto rows = Rows();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "insert");
  EXPECT_EQ(rows[0][1], "t");
  EXPECT_EQ(rows[0][2], "a/1");
  EXPECT_EQ(nlohmann::json::parse(rows[0][4])["s"], "v");
  EXPECT_EQ(Count("SELECT count(*) FROM t WHERE s = 'v'"), 1);
}

TEST_F(WriterBulkTest, InsertChildrenWritesWhatReplaceChildrenWould) {
  // The same children, one key twice (the later row wins), under two new
  // parents: one through ReplaceChildren, one through InsertChildren.
  auto rows_of = [](const std::string& parent) {
    return std::vector<Row>{R(parent, 1, std::string("first")),
                            R(parent, 2, std::string("two"), std::int64_t{2}),
                            R(parent, 1, std::string("again"), nullptr, 0.5)};
  };
  auto w = Writer::Begin(db_.get(), {"carol", {}});
  ASSERT_TRUE(w.ok());
  auto replaced =
      (*w)->ReplaceChildren("t", {"k", std::string("p")}, rows_of("p"), 2);
  auto inserted =
      (*w)->InsertChildren("t", {"k", std::string("q")}, rows_of("q"), 2);
  ASSERT_TRUE(replaced.ok());
  ASSERT_TRUE(inserted.ok());
  EXPECT_TRUE(*replaced);
  EXPECT_TRUE(*inserted);
  EXPECT_FALSE((*w)->InsertChildren("t", {"k", std::string("q")},
                                    {R("p", 9, nullptr)}, 2)
                   .ok());  // a row of another parent
  // Rows of other columns than the first row's, which share its statement.
  Row fewer = R("r", 2, std::string("x"));
  fewer.pop_back();
  const auto mixed = (*w)->InsertChildren(
      "t", {"k", std::string("r")}, {R("r", 1, std::string("y")), fewer}, 2);
  ASSERT_FALSE(mixed.ok());
  EXPECT_NE(mixed.status().message().find("other columns"), std::string::npos)
      << mixed.status().ToString();
  Row renamed = R("r", 3, std::string("z"));
  renamed[3].first = "d";
  renamed[4].first = "i";
  EXPECT_FALSE((*w)->InsertChildren("t", {"k", std::string("r")},
                                    {R("r", 1, std::string("y")), renamed}, 2)
                   .ok());
  EXPECT_TRUE((*w)->InsertChildren("t", {"k", std::string("r")}, {}, 2).ok());
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count("SELECT count(*) FROM t"), 4);
  EXPECT_EQ(Count("SELECT count(*) FROM t p JOIN t q ON p.k = 'p' AND "
                  "q.k = 'q' AND p.n = q.n AND p.s = q.s AND p.i IS q.i AND "
                  "p.d IS q.d"),
            2);
  // The audit: the same entries for both parents.
  const auto rows = Rows();
  ASSERT_EQ(rows.size(), 6u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(rows[i][0], rows[i + 3][0]);
    std::string p_new = rows[i][4];
    for (auto at = p_new.find("\"p\""); at != std::string::npos;
         at = p_new.find("\"p\"")) {
      p_new.replace(at, 3, "\"q\"");
    }
    EXPECT_EQ(p_new, rows[i + 3][4]);
    EXPECT_EQ(rows[i][3], rows[i + 3][3]);
  }
}

TEST_F(WriterBulkTest, AnAuditGroupHoldsTheEntriesItsWritesWouldHave) {
  // The same writes on key "a" without a group, then on key "b" in one.
  auto writes = [](Writer* w, const std::string& k) {
    ASSERT_TRUE(w->Put("t", R(k, 1, std::string("v1")), 2).ok());
    ASSERT_TRUE(
        w->Put("t", R(k, 1, std::string("v2"), std::int64_t{7}), 2).ok());
    ASSERT_TRUE(w->Insert("t", R(k, 2, nullptr, nullptr, 1.5), 2).ok());
    ASSERT_TRUE(w->Delete("t", {{"k", k}, {"n", std::int64_t{1}}}).ok());
  };
  auto w = Writer::Begin(db_.get(), {"dave", {}});
  ASSERT_TRUE(w.ok());
  writes(w->get(), "a");
  (*w)->BeginAuditGroup();
  writes(w->get(), "b");
  ASSERT_TRUE((*w)->EndAuditGroup("t", "b").ok());
  // A group of one change is that change's own row; an empty group writes
  // nothing.
  (*w)->BeginAuditGroup();
  ASSERT_TRUE((*w)->Put("t", R("c", 1, std::string("alone")), 2).ok());
  ASSERT_TRUE((*w)->EndAuditGroup("t", "c").ok());
  (*w)->BeginAuditGroup();
  ASSERT_TRUE((*w)->Put("t", R("c", 1, std::string("alone")), 2).ok());
  ASSERT_TRUE((*w)->EndAuditGroup("t", "c").ok());
  EXPECT_EQ((*w)->EndAuditGroup("t", "c").code(), Code::kInternal);
  ASSERT_TRUE((*w)->Commit().ok());
  const auto rows = Rows();
  ASSERT_EQ(rows.size(), 6u);  // 4 alone, 1 group, 1 group of one
  EXPECT_EQ(rows[4][0], "group");
  EXPECT_EQ(rows[4][1], "t");
  EXPECT_EQ(rows[4][2], "b");
  EXPECT_EQ(rows[4][3], "");
  const auto entries = nlohmann::json::parse(rows[4][4]);
  ASSERT_TRUE(entries.is_array());
  ASSERT_EQ(entries.size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const auto& alone = rows[i];
    const auto& entry = entries[i];
    EXPECT_EQ(entry["action"], alone[0]);
    EXPECT_EQ(entry["entity"], alone[1]);
    std::string id = alone[2];
    id[0] = 'b';
    EXPECT_EQ(entry["entity_id"], id);
    auto as_b = [](const std::string& json) {
      if (json.empty()) return nlohmann::json(nullptr);
      auto v = nlohmann::json::parse(json);
      if (v.contains("k")) v["k"] = "b";
      return v;
    };
    EXPECT_EQ(entry["old_value"], as_b(alone[3])) << i;
    EXPECT_EQ(entry["new_value"], as_b(alone[4])) << i;
  }
  EXPECT_EQ(rows[5][0], "insert");
  EXPECT_EQ(rows[5][2], "c/1");
}

// PutEntity keeps its statements per list of columns: a record that gives
// its own version, one that does not, an update and a stale version, in
// one table.
TEST_F(WriterTest, PutEntityKeepsOneInsertPerListOfColumns) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE e (id INTEGER PRIMARY KEY, k TEXT NOT "
                        "NULL UNIQUE, v TEXT, created_at TEXT NOT NULL, "
                        "updated_at TEXT NOT NULL, version INTEGER NOT NULL)")
                  .ok());
  auto w = Writer::Begin(db_.get(), {"dan", {}});
  ASSERT_TRUE(w.ok());
  const Row a1 = {{"k", std::string("a")}, {"v", std::string("1")}};
  const Row b = {{"k", std::string("b")},
                 {"v", std::string("2")},
                 {"version", std::int64_t{7}}};
  auto created = (*w)->PutEntity("e", a1, 1);
  ASSERT_TRUE(created.ok()) << created.status().ToString();
  EXPECT_EQ(created->outcome, PutOutcome::kCreated);
  auto given = (*w)->PutEntity("e", b, 1);
  ASSERT_TRUE(given.ok()) << given.status().ToString();
  EXPECT_EQ(given->outcome, PutOutcome::kCreated);
  auto same = (*w)->PutEntity("e", a1, 1);
  ASSERT_TRUE(same.ok());
  EXPECT_EQ(same->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(same->id, created->id);
  const Row a3 = {{"k", std::string("a")}, {"v", std::string("3")}};
  auto updated = (*w)->PutEntity("e", a3, 1, std::int64_t{1});
  ASSERT_TRUE(updated.ok());
  EXPECT_EQ(updated->outcome, PutOutcome::kUpdated);
  const Row a4 = {{"k", std::string("a")}, {"v", std::string("4")}};
  EXPECT_EQ((*w)->PutEntity("e", a4, 1, std::int64_t{1}).status().code(),
            Code::kConflict);
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count("SELECT version FROM e WHERE k = 'a'"), 2);
  EXPECT_EQ(Count("SELECT version FROM e WHERE k = 'b'"), 7);
  EXPECT_EQ(Count("SELECT count(*) FROM e WHERE v = '3' AND created_at <> '' "
                  "AND updated_at <> ''"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE entity = 'e'"), 3);
}

TEST_F(WriterTest, PutEntityTriesTheInsertFirstAfterACreation) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE e (id INTEGER PRIMARY KEY, k TEXT NOT "
                        "NULL UNIQUE, v TEXT UNIQUE, created_at TEXT NOT "
                        "NULL, updated_at TEXT NOT NULL, version INTEGER NOT "
                        "NULL)")
                  .ok());
  auto w = Writer::Begin(db_.get(), {"ida", {}});
  ASSERT_TRUE(w.ok());
  auto put = [&](const std::string& k, const std::string& v) {
    return (*w)->PutEntity("e", {{"k", k}, {"v", v}}, 1);
  };
  auto a = put("a", "1");  // created by the insert tried first
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->outcome, PutOutcome::kCreated);
  auto again = put("a", "1");  // the insert does nothing: looked up
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->outcome, PutOutcome::kUnchanged);
  EXPECT_EQ(again->id, a->id);
  auto b = put("b", "2");  // looked up first, then inserted
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->outcome, PutOutcome::kCreated);
  auto changed = put("a", "3");
  ASSERT_TRUE(changed.ok());
  EXPECT_EQ(changed->outcome, PutOutcome::kUpdated);
  // A conflict on another unique column than the key: an error naming it,
  // whichever insert meets it.
  for (const char* k : {"c", "d"}) {
    auto clash = put(k, "2");
    ASSERT_FALSE(clash.ok());
    EXPECT_NE(clash.status().message().find("e.v"), std::string::npos)
        << clash.status().message();
  }
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count("SELECT count(*) FROM e"), 2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE entity = 'e' AND action "
                  "= 'insert'"),
            2);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE entity = 'e' AND action "
                  "= 'update'"),
            1);
}

TEST_F(WriterTest, InsertKeepsOneStatementPerListOfColumns) {
  ASSERT_TRUE(db_->Exec("CREATE TABLE c (p TEXT, n INTEGER, v TEXT, w REAL, "
                        "PRIMARY KEY (p, n))")
                  .ok());
  auto w = Writer::Begin(db_.get(), {"eve", {}});
  ASSERT_TRUE(w.ok());
  // Two lists of columns, taken in turn, then a third with another order.
  for (std::int64_t n = 1; n <= 4; ++n) {
    const Row row =
        n % 2 == 1
            ? Row{{"p", std::string("x")}, {"n", n}, {"v", std::string("odd")}}
            : Row{{"p", std::string("x")},
                  {"n", n},
                  {"w", 0.5 * static_cast<double>(n)}};
    ASSERT_TRUE((*w)->Insert("c", row, 2).ok()) << n;
  }
  ASSERT_TRUE((*w)->Insert("c",
                           {{"n", std::int64_t{5}},
                            {"p", std::string("x")},
                            {"v", std::string("five")}},
                           2)
                  .ok());
  EXPECT_EQ(
      (*w)->Insert("c", {{"p", std::string("x")}, {"n bad", 1}}, 1).code(),
      Code::kInternal);
  ASSERT_TRUE((*w)->Commit().ok());
  EXPECT_EQ(Count("SELECT count(*) FROM c WHERE v = 'odd' AND w IS NULL AND "
                  "n IN (1, 3)"),
            2);
  EXPECT_EQ(Count("SELECT count(*) FROM c WHERE v IS NULL AND w = n / 2.0 "
                  "AND n IN (2, 4)"),
            2);
  EXPECT_EQ(Count("SELECT count(*) FROM c WHERE p = 'x' AND n = 5 AND "
                  "v = 'five'"),
            1);
  EXPECT_EQ(Count("SELECT count(*) FROM audit WHERE entity = 'c'"), 5);
}

}  // namespace
}  // namespace coopatlas::store
