#include "store/fts_build.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/db.h"
#include "store/migrations.h"
#include "store/term_index.h"
#include "store/test_util.h"

namespace coopatlas::store {
namespace {

using coopatlas::testing::TempDir;

// Rows of a query, each as one line of text (NULL shown as \N).
std::vector<std::string> Lines(Db* db, const std::string& sql) {
  std::vector<std::string> out;
  auto s = db->Prepare(sql);
  EXPECT_TRUE(s.ok()) << sql << ": " << s.status().ToString();
  if (!s.ok()) return out;
  while (*s->Step()) {
    std::string line;
    for (int i = 0; i < s->ColumnCount(); ++i) {
      line += (i > 0 ? "|" : "");
      line += s->ColumnIsNull(i) ? "\\N" : std::string(s->ColumnBlob(i));
    }
    out.push_back(line);
  }
  return out;
}

// A migrated database, with documents in temp.doc: accents, repeated
// words, a NULL title, a NULL body, one without words, and enough others
// to make several batches of the other thread.
class FtsBuildTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Db::Open(dir_.File("a.db"), OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(Migrate(db_.get()).ok());
    ASSERT_TRUE(db_->Exec("CREATE TEMP TABLE doc(id INTEGER PRIMARY KEY, "
                          "title TEXT, body TEXT)")
                    .ok());
    ASSERT_TRUE(
        db_->Exec("INSERT INTO temp.doc VALUES "
                  "(3, 'Eau potable à Dakar', 'Coopération décentralisée : "
                  "l''eau, l''assainissement et l''eau potable des écoles.'), "
                  "(5, 'Lyon – Turin', NULL), (8, '…', '— 2024 —'), "
                  "(9, NULL, 'formations, FORMATION et Œuvres "
                  "décentralisées ; coopérations')")
            .ok());
    // 1,000 more, from 10 to 1009, with words shared and words of their own.
    ASSERT_TRUE(
        db_->Exec("WITH RECURSIVE n(i) AS (SELECT 10 UNION ALL SELECT i + 1 "
                  "FROM n WHERE i < 1009) INSERT INTO temp.doc SELECT i, "
                  "'Projet ' || i || ' de coopération', 'hôpital école "
                  "mot' || (i % 37) || ' commune' || i || ' ' || "
                  "CASE i % 3 WHEN 0 THEN 'santé' WHEN 1 THEN 'éducation' "
                  "ELSE 'eau potable' END FROM n")
            .ok());
    auto definition = Lines(
        db_.get(), "SELECT sql FROM sqlite_schema WHERE name = 'search_fts'");
    ASSERT_EQ(definition.size(), 1u);
    definition_ = definition[0];
  }

  // Indexes temp.doc into search_fts with FtsBuild.
  Status Build(PostingsBuilder* postings) {
    COOPATLAS_ASSIGN_OR_RETURN(
        auto build,
        FtsBuild::Start(db_.get(), "search_fts", definition_, postings));
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement docs,
        db_->Prepare("SELECT id, title, body FROM temp.doc ORDER BY id"));
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, docs.Step());
      if (!row) break;
      COOPATLAS_RETURN_IF_ERROR(build->Add(docs));
    }
    build->Close();
    return build->Finish();
  }

  // The same documents inserted the usual way into a second FTS5 table
  // of the same definition, ref_fts.
  void BuildReference() {
    std::string definition = definition_;
    definition.replace(definition.find("search_fts"), 10, "ref_fts");
    ASSERT_TRUE(db_->Exec(definition).ok());
    ASSERT_TRUE(db_->Exec("INSERT INTO ref_fts(rowid, title, body) SELECT id, "
                          "title, body FROM temp.doc ORDER BY id")
                    .ok());
  }

  // Every (term, doc, column, offset) of an FTS5 table's index.
  std::vector<std::string> Instances(const std::string& table) {
    EXPECT_TRUE(db_->Exec("DROP TABLE IF EXISTS temp.v").ok());
    EXPECT_TRUE(db_->Exec("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, " +
                          table + ", instance)")
                    .ok());
    return Lines(db_.get(), "SELECT * FROM temp.v");
  }

  TempDir dir_;
  std::unique_ptr<Db> db_;
  std::string definition_;
};

TEST_F(FtsBuildTest, TheIndexIsTheOneFts5BuildsItself) {
  // Read first, so that FTS5 has the empty index in memory on this
  // connection, as it has when a rebuild follows a search.
  EXPECT_TRUE(Lines(db_.get(),
                    "SELECT rowid FROM search_fts WHERE search_fts MATCH 'eau'")
                  .empty());
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  PostingsBuilder postings;
  const Status built = Build(&postings);
  ASSERT_TRUE(built.ok()) << built.ToString();
  BuildReference();
  // Checked on the connection that copied the index, in its transaction:
  // FTS5 re-reads the index it did not write itself.
  const Status check =
      db_->Exec("INSERT INTO search_fts(search_fts) VALUES('integrity-check')");
  EXPECT_TRUE(check.ok()) << check.ToString();
  const std::vector<std::string> instances = Instances("search_fts");
  EXPECT_GT(instances.size(), 10000u);
  EXPECT_EQ(instances, Instances("ref_fts"));
  // The content, NULLs included, and the documents' lengths.
  EXPECT_EQ(Lines(db_.get(), "SELECT * FROM search_fts_content"),
            Lines(db_.get(), "SELECT * FROM ref_fts_content"));
  EXPECT_EQ(Lines(db_.get(), "SELECT * FROM search_fts_docsize"),
            Lines(db_.get(), "SELECT * FROM ref_fts_docsize"));
  EXPECT_EQ(Lines(db_.get(), "SELECT title FROM search_fts WHERE rowid = 9"),
            std::vector<std::string>{"\\N"});
  // Queries: words, accents, phrases, prefixes of the indexed sizes and
  // longer, a column.
  for (const char* query :
       {"eau", "decentralisee", "\"eau potable\"", "co*", "eco*", "format*",
        "title : projet", "commune517", "sante NOT mot3", "mot5 AND eau"}) {
    const std::string q = std::string("'") + query + "'";
    const auto got = Lines(db_.get(),
                           "SELECT rowid, highlight(search_fts, 1, '[', ']') "
                           "FROM search_fts WHERE search_fts MATCH " +
                               q + " ORDER BY rank, rowid");
    EXPECT_EQ(got, Lines(db_.get(),
                         "SELECT rowid, highlight(ref_fts, 1, '[', ']') FROM "
                         "ref_fts WHERE ref_fts MATCH " +
                             q + " ORDER BY rank, rowid"))
        << query;
    EXPECT_FALSE(got.empty()) << query;
  }
  // The postings gathered on the other thread are FTS5's.
  auto written = postings.Write(db_.get());
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  const auto gathered = Lines(db_.get(), "SELECT * FROM search_term");
  ASSERT_TRUE(TermIndex::Build(db_.get()).ok());
  EXPECT_EQ(Lines(db_.get(), "SELECT * FROM search_term"), gathered);
  // And once committed, for another connection.
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  auto other = Db::Open(dir_.File("a.db"), OpenMode::kReadWrite);
  ASSERT_TRUE(other.ok());
  EXPECT_TRUE((*other)
                  ->Exec("INSERT INTO search_fts(search_fts) "
                         "VALUES('integrity-check')")
                  .ok());
  EXPECT_EQ(Lines(other->get(),
                  "SELECT rowid FROM search_fts WHERE search_fts MATCH 'eau' "
                  "ORDER BY rowid")
                .size(),
            Lines(db_.get(),
                  "SELECT rowid FROM ref_fts WHERE ref_fts MATCH 'eau' "
                  "ORDER BY rowid")
                .size());
}

TEST_F(FtsBuildTest, AnIndexLaterWrittenThroughFts5StaysWhole) {
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  ASSERT_TRUE(Build(nullptr).ok());
  // A document added and one removed the usual way, after the copy.
  ASSERT_TRUE(db_->Exec("INSERT INTO search_fts(rowid, title, body) VALUES "
                        "(2000, 'Puits au Sahel', 'eau potable')")
                  .ok());
  ASSERT_TRUE(db_->Exec("DELETE FROM search_fts WHERE rowid = 3").ok());
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  EXPECT_TRUE(
      db_->Exec("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
          .ok());
  const auto hits = Lines(db_.get(),
                          "SELECT rowid FROM search_fts WHERE search_fts "
                          "MATCH 'puits OR dakar'");
  EXPECT_EQ(hits, std::vector<std::string>{"2000"});
}

TEST_F(FtsBuildTest, LeftUnfinishedItStopsAndTheRollbackUndoesIt) {
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  {
    auto build = FtsBuild::Start(db_.get(), "search_fts", definition_, nullptr);
    ASSERT_TRUE(build.ok()) << build.status().ToString();
    auto docs = db_->Prepare("SELECT id, title, body FROM temp.doc");
    ASSERT_TRUE(docs.ok());
    for (int i = 0; i < 600 && *docs->Step(); ++i) {
      ASSERT_TRUE((*build)->Add(*docs).ok());
    }
    // Destroyed here, without Finish(), as when the caller fails.
  }
  ASSERT_TRUE(db_->Exec("ROLLBACK").ok());
  EXPECT_EQ(Lines(db_.get(), "SELECT count(*) FROM search_fts_content"),
            std::vector<std::string>{"0"});
  EXPECT_TRUE(
      db_->Exec("INSERT INTO search_fts(search_fts) VALUES('integrity-check')")
          .ok());
}

TEST_F(FtsBuildTest, ATableItCannotRebuildApartIsRefused) {
  auto build = FtsBuild::Start(
      db_.get(), "search_fts",
      "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, content='')",
      nullptr);
  ASSERT_FALSE(build.ok());
  EXPECT_NE(build.status().message().find("unexpected definition"),
            std::string::npos)
      << build.status().ToString();
}

}  // namespace
}  // namespace coopatlas::store
