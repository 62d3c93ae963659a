#include "store/term_index.h"

#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "store/db.h"
#include "store/fts_tokenizer.h"
#include "store/migrations.h"
#include "store/test_util.h"

namespace coopatlas::store {
namespace {

using coopatlas::testing::TempDir;
using Rows = std::vector<std::tuple<std::string, std::int64_t, std::string>>;

Rows SearchTerms(Db* db) {
  Rows rows;
  auto s =
      db->Prepare("SELECT term, docs, postings FROM search_term ORDER BY term");
  if (!s.ok()) return rows;
  while (*s->Step()) {
    rows.emplace_back(s->ColumnText(0), s->ColumnInt(1),
                      std::string(s->ColumnBlob(2)));
  }
  return rows;
}

// A database with the search tables and a few documents to index: accents,
// words repeated in a document and across both columns, a document without
// words, one without a body.
class PostingsTest : public ::testing::Test {
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
                  "(9, 'Formation professionnelle', 'formations, FORMATION "
                  "et Œuvres décentralisées ; coopérations')")
            .ok());
  }
  // Indexes the documents in this order, announcing each to `builder`
  // (if any) before FTS5 indexes it, as store::FtsBuild does.
  Status Index(const char* order, PostingsBuilder* builder) {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement docs,
        db_->Prepare(std::string("SELECT id FROM temp.doc ORDER BY id ") +
                     order));
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement insert,
        db_->Prepare("INSERT INTO search_fts(rowid, title, body) SELECT id, "
                     "title, body FROM temp.doc WHERE id = ?"));
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, docs.Step());
      if (!row) break;
      if (builder != nullptr) builder->Doc(docs.ColumnInt(0));
      insert.Bind(1, docs.ColumnInt(0));
      COOPATLAS_RETURN_IF_ERROR(insert.Run());
    }
    return Status::Ok();
  }

  TempDir dir_;
  std::unique_ptr<Db> db_;
};

TEST_F(PostingsTest, GatheredWhileIndexingTheyAreFts5sOwn) {
  PostingsBuilder builder;
  {
    const CollectPostings collect(&builder);
    ASSERT_TRUE(Index("ASC", &builder).ok());
  }
  auto written = builder.Write(db_.get());
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  const Rows gathered = SearchTerms(db_.get());
  ASSERT_FALSE(gathered.empty());
  EXPECT_EQ(*written, static_cast<std::int64_t>(gathered.size()));
  // The same table read back from FTS5's index (fts5vocab).
  auto read_back = TermIndex::Build(db_.get());
  ASSERT_TRUE(read_back.ok()) << read_back.status().ToString();
  EXPECT_EQ(SearchTerms(db_.get()), gathered);
}

TEST_F(PostingsTest, ASecondBuilderStartsAfresh) {
  // The tokenizer remembers each word's entries in the first builder; the
  // second must not use them.
  PostingsBuilder first;
  {
    const CollectPostings collect(&first);
    ASSERT_TRUE(Index("ASC", &first).ok());
  }
  ASSERT_TRUE(first.Write(db_.get()).ok());
  ASSERT_TRUE(db_->Exec("DELETE FROM search_fts").ok());
  PostingsBuilder second;
  {
    const CollectPostings collect(&second);
    ASSERT_TRUE(Index("ASC", &second).ok());
  }
  ASSERT_TRUE(second.Write(db_.get()).ok());
  const Rows gathered = SearchTerms(db_.get());
  ASSERT_TRUE(TermIndex::Build(db_.get()).ok());
  EXPECT_EQ(SearchTerms(db_.get()), gathered);
}

TEST_F(PostingsTest, DocumentsOutOfOrderAreRefused) {
  PostingsBuilder builder;
  {
    const CollectPostings collect(&builder);
    ASSERT_TRUE(Index("DESC", &builder).ok());
  }
  auto written = builder.Write(db_.get());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Code::kFailedPrecondition);
  EXPECT_TRUE(SearchTerms(db_.get()).empty());
}

TEST_F(PostingsTest, TokensFts5CountedOtherwiseAreRefused) {
  PostingsBuilder builder;
  {
    const CollectPostings collect(&builder);
    ASSERT_TRUE(Index("ASC", &builder).ok());
  }
  // A document FTS5 indexed while nothing collected.
  ASSERT_TRUE(db_->Exec("INSERT INTO search_fts(rowid, title, body) VALUES "
                        "(12, 'Santé', 'hôpital')")
                  .ok());
  auto written = builder.Write(db_.get());
  ASSERT_FALSE(written.ok());
  EXPECT_EQ(written.status().code(), Code::kFailedPrecondition);
}

TEST_F(PostingsTest, NothingIsCollectedOutsideTheScope) {
  PostingsBuilder builder;
  { const CollectPostings collect(&builder); }
  ASSERT_TRUE(Index("ASC", nullptr).ok());
  auto written = builder.Write(db_.get());
  // FTS5 counted tokens the builder never saw.
  EXPECT_FALSE(written.ok());
}

}  // namespace
}  // namespace coopatlas::store
