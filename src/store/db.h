// A thin RAII layer over SQLite: the only code that includes <sqlite3.h>
// (ARCHITECTURE.md §5.1). SQL is always prepared and bound (§5.6).
//
// Thread-safety: a Db and its statements belong to one thread at a time.
// Open one Db per thread; SQLite in WAL mode lets readers run beside a writer.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "coopatlas/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace coopatlas::store {

enum class OpenMode {
  kReadOnly,   // the file must exist; no write is possible
  kReadWrite,  // the file must exist
  kCreate,     // created if missing; its directory must exist
};

class Statement;

class Db {
 public:
  // Opens `path` with WAL journaling, foreign keys on and a busy timeout.
  // Errors: kNotFound (no such file, for kReadOnly/kReadWrite), kIo (missing
  // directory, unreadable file), kFailedPrecondition (read-only file opened
  // for writing), kCorruption (not a database).
  static Result<std::unique_ptr<Db>> Open(const std::string& path,
                                          OpenMode mode);
  // A private database in a temporary file that SQLite deletes as it
  // closes it (and unlinks at once where the system allows, so that a crash
  // leaves nothing behind); for scratch work beside a writer, such as
  // building the search index on another thread (store/fts_build.h).
  static Result<std::unique_ptr<Db>> OpenTemporary();
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs SQL with no parameters and no result rows (DDL, PRAGMA).
  Status Exec(std::string_view sql);
  // Prepares a statement. Errors: kInternal with SQLite's message.
  Result<Statement> Prepare(std::string_view sql);

  const std::string& path() const { return path_; }
  bool read_only() const { return read_only_; }
  std::int64_t LastInsertRowId() const;
  int Changes() const;

  // Sets PRAGMA journal_mode without waiting for other connections and
  // returns the mode in effect afterwards: the old one when another
  // connection has the database open (leaving the WAL needs it alone).
  Result<std::string> TryJournalMode(std::string_view mode);

  // Starts writing to disk what the database's files (the database, its WAL
  // or rollback journal) hold that is not there yet, without waiting, so
  // that the sync of a large write's commit has less left to wait for
  // (Linux's sync_file_range; elsewhere nothing). Through the descriptors
  // SQLite has open: one of our own, once closed, would drop the POSIX
  // locks SQLite holds on the file.
  void StartWriteback() const;

  // PRAGMA user_version.
  Result<int> UserVersion();
  Status SetUserVersion(int version);

  sqlite3* raw() { return db_; }

 private:
  Db(sqlite3* db, std::string path, bool read_only)
      : db_(db), path_(std::move(path)), read_only_(read_only) {}
  sqlite3* db_;
  std::string path_;
  bool read_only_;
};

// A prepared statement. Bind indexes are 1-based; column indexes 0-based.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  ~Statement();

  Statement& Bind(int index, std::int64_t value);
  Statement& Bind(int index, int value) {
    return Bind(index, static_cast<std::int64_t>(value));
  }
  Statement& Bind(int index, double value);
  Statement& Bind(int index, std::string_view value);
  Statement& Bind(int index, const char* value) {
    return Bind(index, std::string_view(value));
  }
  Statement& Bind(int index, const std::string& value) {
    return Bind(index, std::string_view(value));
  }
  // Binds text without copying it: `value` must stay valid until the
  // statement is reset (Run() and Reset() do) or the parameter bound again.
  Statement& BindStatic(int index, std::string_view value);
  Statement& BindNull(int index);
  Statement& BindBlob(int index, std::string_view bytes);
  // Binds NULL when empty.
  Statement& BindOptional(int index, const std::optional<std::int64_t>& v);
  Statement& BindTextOrNull(int index, std::string_view value);

  // Steps once. Returns true when a row is ready, false when done.
  Result<bool> Step();
  // Steps to completion (for INSERT/UPDATE/DELETE), then resets.
  Status Run();
  // Resets for another execution and clears bindings.
  void Reset();

  std::int64_t ColumnInt(int column) const;
  double ColumnDouble(int column) const;
  std::string ColumnText(int column) const;
  // The bytes of a BLOB (or TEXT) column, valid until the next Step/Reset.
  std::string_view ColumnBlob(int column) const;
  bool ColumnIsNull(int column) const;
  int ColumnCount() const;
  // Binds column `column` of `from`'s current row, whatever its type, as
  // parameter `index` (copying a row from one database to another).
  Statement& BindColumn(int index, const Statement& from, int column);

 private:
  friend class Db;
  Statement(sqlite3_stmt* stmt, sqlite3* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_;
  sqlite3* db_;
};

// One large write (an import, a reindex) on a database that no other
// connection has open: while it lives, the connection journals with a
// rollback journal instead of the WAL, so each page is written once, into
// the database file, instead of into the WAL and again by the checkpoint
// (docs/benchmarks.md, IATI import). With another connection open (a
// server, a reader) it changes nothing. Made before the transaction and let
// go after it (store::Writer does so for WriteContext::bulk); an error or a
// crash is rolled back as with the WAL, and the next opening puts the WAL
// back if this one could not.
class BulkWrite {
 public:
  explicit BulkWrite(Db* db);
  ~BulkWrite();
  BulkWrite(const BulkWrite&) = delete;
  BulkWrite& operator=(const BulkWrite&) = delete;
  // Whether the rollback journal is in use.
  bool Active() const { return active_; }

 private:
  Db* db_;
  bool active_ = false;
};

// Foreign keys checked once, before the commit, instead of row by row: a
// bulk write (the IATI import) inserts a million rows whose every reference
// SQLite would look up as it goes (about 0.5 s of a 100,000-activity
// import, docs/benchmarks.md). While it lives, the connection does not
// enforce foreign keys, nor run their ON DELETE actions; Check() then runs
// PRAGMA foreign_key_check on the tables written, and on the tables that
// refer to a table rows were deleted from. Made before the transaction (the
// pragma does nothing inside one) and let go after it (store::Writer does
// so for WriteContext::foreign_keys_at_commit).
class ForeignKeysAtCommit {
 public:
  explicit ForeignKeysAtCommit(Db* db);
  ~ForeignKeysAtCommit();
  ForeignKeysAtCommit(const ForeignKeysAtCommit&) = delete;
  ForeignKeysAtCommit& operator=(const ForeignKeysAtCommit&) = delete;

  // Errors: kFailedPrecondition naming the table, the row and the table it
  // refers to, for the first violations found (with their number), in
  // `written` or in a table referring to one of `deleted_from`.
  Status Check(const std::set<std::string>& written,
               const std::set<std::string>& deleted_from);

 private:
  Db* db_;
};

// A write transaction (BEGIN IMMEDIATE). Rolls back unless Commit() was
// called, so an error anywhere leaves nothing half-written.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Db* db);
  ~Transaction();
  Status Commit();

 private:
  explicit Transaction(Db* db) : db_(db) {}
  Db* db_;
  bool done_ = false;
};

}  // namespace coopatlas::store
