// Building the FTS5 index of the search on a second thread. SQLite writes
// through one connection at a time, and indexing the text (tokenizing,
// stemming, FTS5's segments) is the larger part of a rebuild: a second
// connection, to a private temporary database with the same FTS5 table,
// indexes the documents while the writer's connection goes on (the facets
// of the rebuild); the finished index is then copied, row by row, into the
// FTS5 table's own tables in the writer's database (docs/http.md, search).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "coopatlas/status.h"
#include "store/db.h"

namespace coopatlas::store {

class PostingsBuilder;

class FtsBuild {
 public:
  // Starts indexing for the FTS5 table `table` of `db`, which must be
  // empty, and whose CREATE VIRTUAL TABLE statement is `definition`.
  // `postings` (may be null) gathers the terms as they are indexed
  // (CollectPostings), on the other thread: read it after Finish().
  static Result<std::unique_ptr<FtsBuild>> Start(Db* db, std::string table,
                                                 const std::string& definition,
                                                 PostingsBuilder* postings);
  // Stops the other thread if Finish() was not called; `db` is left as it
  // was (its transaction, rolled back by its owner, undoes any copy).
  ~FtsBuild();
  FtsBuild(const FtsBuild&) = delete;
  FtsBuild& operator=(const FtsBuild&) = delete;

  // A document of rowid `rowid`, whose title and body are columns `title`
  // and `body` of the current row of `row`, by rowid in increasing order.
  // Its text goes into the FTS5 table's content in `db` at once; its index
  // is built on the other thread. Errors: the other thread's, once it has
  // failed.
  Status Add(std::int64_t rowid, const Statement& row, int title, int body);
  // The same for a row (rowid, title, body).
  Status Add(const Statement& row) { return Add(row.ColumnInt(0), row, 1, 2); }
  // No more documents: the other thread finishes the index while the caller
  // does something else, until Finish().
  void Close();
  // Waits for the index and copies it into `db`, inside `db`'s transaction.
  Status Finish();

 private:
  struct Document {
    std::int64_t rowid;
    std::optional<std::string> title, body;  // nullopt for NULL
  };
  using Batch = std::vector<Document>;

  FtsBuild(Db* db, std::string table, std::unique_ptr<Db> scratch,
           Statement content);
  void Run(PostingsBuilder* postings);
  Status Index(PostingsBuilder* postings);
  Status Copy();
  Status Push(Batch batch);

  Db* db_;
  std::string table_;
  std::unique_ptr<Db> scratch_;  // the other thread's until it ends
  Statement content_;            // INSERT INTO <table>_content in db_
  Batch pending_;
  std::size_t pending_bytes_ = 0;

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::pair<Batch, std::size_t>> queue_;  // with its text's bytes
  std::size_t queued_bytes_ = 0;
  bool closed_ = false;
  bool abandoned_ = false;  // the owner gave up: stop
  bool failed_ = false;     // status_ holds the other thread's error
  Status status_;
  std::thread thread_;
};

}  // namespace coopatlas::store
