#include "store/fts_build.h"

#include <optional>
#include <string>
#include <utility>

#include "store/fts_tokenizer.h"
#include "store/term_index.h"

namespace coopatlas::store {
namespace {

// Documents handed over at a time, and the text waiting at most: the
// writer's thread waits when the indexing thread is that far behind. The
// text of 100,000 projects (47 MB) fits, so that the writer's thread has
// composed it all and gone on to the facets before the index is half
// built.
constexpr std::size_t kBatchDocuments = 256;
constexpr std::size_t kMaxQueuedBytes = std::size_t{64} << 20;

std::size_t BytesOf(const std::optional<std::string>& text) {
  return text ? text->size() : 0;
}

// The tables FTS5 keeps its index in (its content table aside): the
// segments, their first terms, the documents' lengths, the settings.
constexpr const char* kIndexTables[] = {"data", "idx", "docsize", "config"};

}  // namespace

Result<std::unique_ptr<FtsBuild>> FtsBuild::Start(Db* db, std::string table,
                                                  const std::string& definition,
                                                  PostingsBuilder* postings) {
  // The same table without content: the writer's thread writes the content
  // itself, and the index does not depend on where the text is kept.
  const std::size_t close = definition.rfind(')');
  if (close == std::string::npos ||
      definition.find("content") != std::string::npos) {
    return Status::Internal("search index: cannot index " + table +
                            " apart: unexpected definition " + definition);
  }
  COOPATLAS_ASSIGN_OR_RETURN(std::unique_ptr<Db> scratch, Db::OpenTemporary());
  COOPATLAS_RETURN_IF_ERROR(scratch->Exec("PRAGMA page_size=16384"));
  COOPATLAS_RETURN_IF_ERROR(scratch->Exec(
      definition.substr(0, close) + ", content=''" + definition.substr(close)));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement content,
      db->Prepare("INSERT INTO " + table + "_content VALUES (?1, ?2, ?3)"));
  std::unique_ptr<FtsBuild> build(new FtsBuild(
      db, std::move(table), std::move(scratch), std::move(content)));
  build->thread_ =
      std::thread([b = build.get(), postings] { b->Run(postings); });
  return build;
}

FtsBuild::FtsBuild(Db* db, std::string table, std::unique_ptr<Db> scratch,
                   Statement content)
    : db_(db),
      table_(std::move(table)),
      scratch_(std::move(scratch)),
      content_(std::move(content)) {}

FtsBuild::~FtsBuild() {
  if (thread_.joinable()) {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      closed_ = true;
      abandoned_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
}

Status FtsBuild::Add(std::int64_t rowid, const Statement& row, int title,
                     int body) {
  Document d{rowid, std::nullopt, std::nullopt};
  if (!row.ColumnIsNull(title)) d.title = std::string(row.ColumnBlob(title));
  if (!row.ColumnIsNull(body)) d.body = std::string(row.ColumnBlob(body));
  content_.Bind(1, rowid);
  content_.BindColumn(2, row, title).BindColumn(3, row, body);
  COOPATLAS_RETURN_IF_ERROR(content_.Run());
  pending_bytes_ += BytesOf(d.title) + BytesOf(d.body);
  pending_.push_back(std::move(d));
  if (pending_.size() < kBatchDocuments) return Status::Ok();
  Batch batch;
  batch.swap(pending_);
  return Push(std::move(batch));
}

Status FtsBuild::Push(Batch batch) {
  const std::size_t bytes = pending_bytes_;
  pending_bytes_ = 0;
  std::unique_lock<std::mutex> lock(mutex_);
  changed_.wait(lock,
                [this] { return failed_ || queued_bytes_ < kMaxQueuedBytes; });
  if (failed_) return status_;
  queued_bytes_ += bytes;
  queue_.emplace_back(std::move(batch), bytes);
  changed_.notify_all();
  return Status::Ok();
}

void FtsBuild::Close() {
  if (!pending_.empty()) {
    Batch batch;
    batch.swap(pending_);
    // A failure here is the other thread's, which Finish() reports.
    static_cast<void>(Push(std::move(batch)));
  }
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    closed_ = true;
  }
  changed_.notify_all();
}

void FtsBuild::Run(PostingsBuilder* postings) {
  Status status = Index(postings);
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!status.ok()) {
    failed_ = true;
    status_ = std::move(status);
    queue_.clear();
  }
  changed_.notify_all();
}

Status FtsBuild::Index(PostingsBuilder* postings) {
  std::optional<CollectPostings> collect;
  if (postings != nullptr) collect.emplace(postings);
  // Column names, for the INSERT: the table's own.
  std::vector<std::string> columns;
  {
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement info,
        scratch_->Prepare("SELECT name FROM pragma_table_info(?1)"));
    info.Bind(1, table_);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, info.Step());
      if (!row) break;
      columns.push_back(info.ColumnText(0));
    }
  }
  if (columns.size() != 2) {
    return Status::Internal("search index: " + table_ +
                            " should have 2 columns, not " +
                            std::to_string(columns.size()));
  }
  COOPATLAS_RETURN_IF_ERROR(scratch_->Exec("BEGIN"));
  // FTS5 gathers new postings in memory up to `hashsize` bytes (1 MB by
  // default) before writing a segment: 64 MB makes fewer segments to merge
  // when a whole atlas is indexed at once. The setting is copied with the
  // index.
  COOPATLAS_RETURN_IF_ERROR(
      scratch_->Exec("INSERT INTO " + table_ + "(" + table_ +
                     ", rank) VALUES('hashsize', 67108864)"));
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement insert,
      scratch_->Prepare("INSERT INTO " + table_ + "(rowid, " + columns[0] +
                        ", " + columns[1] + ") VALUES (?1, ?2, ?3)"));
  while (true) {
    Batch batch;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      changed_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      if (abandoned_) return Status::Internal("search index: abandoned");
      if (queue_.empty()) break;  // closed, and everything indexed
      batch = std::move(queue_.front().first);
      queued_bytes_ -= queue_.front().second;
      queue_.pop_front();
    }
    changed_.notify_all();
    for (const Document& d : batch) {
      if (postings != nullptr) postings->Doc(d.rowid);
      insert.Bind(1, d.rowid);
      if (d.title) insert.Bind(2, *d.title);
      if (d.body) insert.Bind(3, *d.body);
      COOPATLAS_RETURN_IF_ERROR(insert.Run());
    }
  }
  // The commit writes the last postings FTS5 holds in memory.
  return scratch_->Exec("COMMIT");
}

Status FtsBuild::Finish() {
  if (!thread_.joinable()) {
    return Status::Internal("search index: FtsBuild finished twice");
  }
  Close();
  thread_.join();
  if (failed_) return status_;
  return Copy();
}

Status FtsBuild::Copy() {
  // FTS5 keeps the index's structure in memory, on each connection that has
  // read or written the table, and trusts it until another connection
  // commits: this one must forget it before the tables change under it, or
  // it would go on reading the empty index. Rolling back a savepoint in
  // which the table was written makes FTS5 drop it (and reload its
  // settings); nothing reads the table between that and the copy.
  COOPATLAS_RETURN_IF_ERROR(db_->Exec("SAVEPOINT fts_build"));
  Status written = db_->Exec("INSERT INTO " + table_ + "(" + table_ +
                             ", rank) VALUES('crisismerge', 16)");
  COOPATLAS_RETURN_IF_ERROR(db_->Exec("ROLLBACK TO fts_build"));
  COOPATLAS_RETURN_IF_ERROR(db_->Exec("RELEASE fts_build"));
  COOPATLAS_RETURN_IF_ERROR(written);
  for (const char* suffix : kIndexTables) {
    const std::string name = table_ + "_" + suffix;
    COOPATLAS_RETURN_IF_ERROR(db_->Exec("DELETE FROM " + name));
    COOPATLAS_ASSIGN_OR_RETURN(Statement from,
                               scratch_->Prepare("SELECT * FROM " + name));
    std::string marks = "?";
    for (int i = 1; i < from.ColumnCount(); ++i) marks += ", ?";
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement to,
        db_->Prepare("INSERT INTO " + name + " VALUES (" + marks + ")"));
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, from.Step());
      if (!row) break;
      for (int i = 0; i < from.ColumnCount(); ++i)
        to.BindColumn(i + 1, from, i);
      COOPATLAS_RETURN_IF_ERROR(to.Run());
    }
  }
  return Status::Ok();
}

}  // namespace coopatlas::store
