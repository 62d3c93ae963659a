#include "store/db.h"
#include "store/fts_tokenizer.h"

#include <fcntl.h>
#include <sqlite3.h>

#include <charconv>
#include <filesystem>
#include <set>
#include <string>
#include <system_error>

namespace coopatlas::store {
namespace {

// How long a statement waits for another connection's lock.
constexpr int kBusyTimeoutMs = 5000;

Status FromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xFF) {
    case SQLITE_READONLY:
      return Status::FailedPrecondition(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(message);
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      return Status::Io(message);
    case SQLITE_CONSTRAINT:
      return Status::Conflict(message);
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::FailedPrecondition(message);
    default:
      return Status::Internal(message);
  }
}

// concat_ws(sep, a, b, ...): the non-NULL, non-empty arguments joined by
// sep (built into SQLite only from 3.44; Debian 12 has 3.40).
void ConcatWs(sqlite3_context* context, int argc, sqlite3_value** argv) {
  if (argc < 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(context);
    return;
  }
  const auto* sep = sqlite3_value_text(argv[0]);
  const std::string separator =
      sep == nullptr ? "" : reinterpret_cast<const char*>(sep);
  std::string out;
  for (int i = 1; i < argc; ++i) {
    const unsigned char* text = sqlite3_value_text(argv[i]);
    if (text == nullptr || *text == '\0') continue;
    if (!out.empty()) out += separator;
    out += reinterpret_cast<const char*>(text);
  }
  sqlite3_result_text(context, out.data(), static_cast<int>(out.size()),
                      SQLITE_TRANSIENT);
}

}  // namespace

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, OpenMode mode) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const bool exists = fs::exists(path, ec);
  if (mode != OpenMode::kCreate && !exists) {
    return Status::NotFound("database " + path +
                            " does not exist (create it with `coopatlas "
                            "init --db " +
                            path + "`)");
  }
  if (!exists) {
    const fs::path parent = fs::path(path).parent_path();
    if (!parent.empty() && !fs::is_directory(parent, ec)) {
      return Status::Io("cannot create database " + path + ": directory " +
                        parent.string() + " does not exist");
    }
  } else if (fs::is_directory(path, ec)) {
    return Status::Io("cannot open database " + path + ": it is a directory");
  } else if (mode != OpenMode::kReadOnly) {
    // Honour a file marked read-only even when running as root, where the
    // operating system would let SQLite write anyway.
    const auto perms = fs::status(path, ec).permissions();
    if (!ec && (perms & fs::perms::owner_write) == fs::perms::none) {
      return Status::FailedPrecondition(
          "database " + path +
          " is read-only (the file has no write permission)");
    }
  }
  int flags = SQLITE_OPEN_NOMUTEX;
  switch (mode) {
    case OpenMode::kReadOnly:
      flags |= SQLITE_OPEN_READONLY;
      break;
    case OpenMode::kReadWrite:
      flags |= SQLITE_OPEN_READWRITE;
      break;
    case OpenMode::kCreate:
      flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
      break;
  }
  // SQLite counts its memory under one global mutex unless told not to;
  // connections read in parallel (searches, a report's counts and sums),
  // and nothing reads those counters. Set before SQLite initialises (the
  // first open); a later call would be refused, which is harmless.
  static const int kNoMemoryStatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  static_cast<void>(kNoMemoryStatus);
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  if (rc != SQLITE_OK) {
    Status s = FromSqlite(raw, rc, "cannot open database " + path);
    sqlite3_close(raw);
    return s;
  }
  const bool read_only = sqlite3_db_readonly(raw, "main") == 1;
  std::unique_ptr<Db> db(new Db(raw, path, read_only));
  if (mode != OpenMode::kReadOnly && read_only) {
    return Status::FailedPrecondition("database " + path +
                                      " is read-only (check the file and "
                                      "directory permissions)");
  }
  sqlite3_extended_result_codes(raw, 1);
  sqlite3_busy_timeout(raw, kBusyTimeoutMs);
  // Reading the schema is the first access to the file: it tells whether
  // this is a database at all.
  auto check = db->Prepare("SELECT count(*) FROM sqlite_schema");
  if (!check.ok()) {
    return Status::Corruption("cannot open database " + path +
                              ": not a coopatlas database (" +
                              check.status().message() + ")");
  }
  if (!read_only) {
    // A new database gets pages of 16 KiB instead of SQLite's 4 KiB: an
    // import's audit rows (2.6 KB per IATI activity) then share pages
    // instead of taking one each, and a large write touches fewer pages
    // (docs/benchmarks.md, IATI run H). Only an empty file can take it,
    // before the WAL.
    COOPATLAS_ASSIGN_OR_RETURN(const bool row, check->Step());
    const bool empty = row && check->ColumnInt(0) == 0;
    check->Reset();
    if (empty) COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA page_size=16384"));
    COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=WAL"));
    COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=NORMAL"));
  }
  COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA foreign_keys=ON"));
  COOPATLAS_RETURN_IF_ERROR(RegisterFtsTokenizer(raw));
  sqlite3_create_function_v2(raw, "concat_ws", -1,
                             SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                             ConcatWs, nullptr, nullptr, nullptr);
  return db;
}

Result<std::unique_ptr<Db>> Db::OpenTemporary() {
  sqlite3* raw = nullptr;
  const int rc = sqlite3_open_v2(
      "", &raw,
      SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
      nullptr);
  if (rc != SQLITE_OK) {
    Status s = FromSqlite(raw, rc, "cannot open a temporary database");
    sqlite3_close(raw);
    return s;
  }
  std::unique_ptr<Db> db(new Db(raw, "(temporary database)", false));
  sqlite3_extended_result_codes(raw, 1);
  // Scratch: nothing to recover after a crash, so no journal and no sync.
  COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA journal_mode=OFF"));
  COOPATLAS_RETURN_IF_ERROR(db->Exec("PRAGMA synchronous=OFF"));
  COOPATLAS_RETURN_IF_ERROR(RegisterFtsTokenizer(raw));
  return db;
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error != nullptr ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    Status s = FromSqlite(nullptr, rc, "SQL error");
    return {s.code(), "database " + path_ + ": " + message};
  }
  return Status::Ok();
}

Result<Statement> Db::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(
      db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) {
    return FromSqlite(db_, rc, "cannot prepare statement");
  }
  return Statement(stmt, db_);
}

std::int64_t Db::LastInsertRowId() const {
  return sqlite3_last_insert_rowid(db_);
}

int Db::Changes() const { return sqlite3_changes(db_); }

void Db::StartWriteback() const {
#ifdef __linux__
  namespace fs = std::filesystem;
  std::error_code error;
  const fs::path database = fs::weakly_canonical(path_, error);
  if (error) return;
  const std::set<fs::path> files = {database, database.string() + "-wal",
                                    database.string() + "-journal"};
  for (fs::directory_iterator it("/proc/self/fd", error), last;
       !error && it != last; it.increment(error)) {
    std::error_code unreadable;
    const fs::path target = fs::read_symlink(it->path(), unreadable);
    if (unreadable || files.count(target) == 0) continue;
    const std::string name = it->path().filename().string();
    int fd = -1;
    const auto [end, parsed] =
        std::from_chars(name.data(), name.data() + name.size(), fd);
    if (parsed != std::errc() || end != name.data() + name.size()) continue;
    // Nothing to do when it fails: the commit syncs the file anyway.
    (void)::sync_file_range(fd, 0, 0, SYNC_FILE_RANGE_WRITE);
  }
#endif
}

Result<int> Db::UserVersion() {
  COOPATLAS_ASSIGN_OR_RETURN(Statement stmt, Prepare("PRAGMA user_version"));
  COOPATLAS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status::Internal("PRAGMA user_version returned no row");
  return static_cast<int>(stmt.ColumnInt(0));
}

Status Db::SetUserVersion(int version) {
  return Exec("PRAGMA user_version=" + std::to_string(version));
}

Statement::Statement(Statement&& other) noexcept
    : stmt_(other.stmt_), db_(other.db_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::Bind(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(),
                      SQLITE_TRANSIENT, SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindStatic(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC,
                      SQLITE_UTF8);
  return *this;
}

Statement& Statement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(),
                      SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindOptional(int index,
                                   const std::optional<std::int64_t>& v) {
  return v ? Bind(index, *v) : BindNull(index);
}

Statement& Statement::BindTextOrNull(int index, std::string_view value) {
  return value.empty() ? BindNull(index) : Bind(index, value);
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return FromSqlite(db_, rc, "statement failed");
}

Status Statement::Run() {
  while (true) {
    auto row = Step();
    if (!row.ok()) {
      Reset();
      return row.status();
    }
    if (!*row) break;
  }
  Reset();
  return Status::Ok();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t Statement::ColumnInt(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::ColumnDouble(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::string Statement::ColumnText(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  return {reinterpret_cast<const char*>(text),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::string_view Statement::ColumnBlob(int column) const {
  const void* bytes = sqlite3_column_blob(stmt_, column);
  if (bytes == nullptr) return {};
  return {static_cast<const char*>(bytes),
          static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))};
}

int Statement::ColumnCount() const { return sqlite3_column_count(stmt_); }

Statement& Statement::BindColumn(int index, const Statement& from, int column) {
  sqlite3_bind_value(stmt_, index, sqlite3_column_value(from.stmt_, column));
  return *this;
}

bool Statement::ColumnIsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::string> Db::TryJournalMode(std::string_view mode) {
  const std::string sql = mode.empty()
                              ? std::string("PRAGMA journal_mode")
                              : "PRAGMA journal_mode=" + std::string(mode);
  sqlite3_busy_timeout(db_, 0);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt, nullptr);
  std::string now;
  if (rc == SQLITE_OK) {
    rc = sqlite3_step(stmt);
    if (rc == SQLITE_ROW) {
      const unsigned char* text = sqlite3_column_text(stmt, 0);
      if (text != nullptr) now = reinterpret_cast<const char*>(text);
    }
    if (rc == SQLITE_ROW || rc == SQLITE_DONE) rc = SQLITE_OK;
  }
  const Status status =
      rc == SQLITE_OK ? Status::Ok()
                      : FromSqlite(db_, rc, "database " + path_ + ": " + sql);
  sqlite3_finalize(stmt);
  sqlite3_busy_timeout(db_, kBusyTimeoutMs);
  const int primary = rc & 0xFF;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) {
    // Another connection holds the database: the mode stays as it is.
    return mode.empty() ? Result<std::string>(status) : TryJournalMode("");
  }
  if (!status.ok()) return status;
  return now;
}

BulkWrite::BulkWrite(Db* db) : db_(db) {
  auto mode = db_->TryJournalMode("");
  if (!mode.ok() || *mode != "wal") return;
  mode = db_->TryJournalMode("TRUNCATE");
  active_ = mode.ok() && *mode == "truncate";
}

BulkWrite::~BulkWrite() {
  if (active_) (void)db_->Exec("PRAGMA journal_mode=WAL");
}

ForeignKeysAtCommit::ForeignKeysAtCommit(Db* db) : db_(db) {
  (void)db_->Exec("PRAGMA foreign_keys=OFF");
}

ForeignKeysAtCommit::~ForeignKeysAtCommit() {
  (void)db_->Exec("PRAGMA foreign_keys=ON");
}

Status ForeignKeysAtCommit::Check(const std::set<std::string>& written,
                                  const std::set<std::string>& deleted_from) {
  std::set<std::string> tables = written;
  if (!deleted_from.empty()) {
    // The ON DELETE actions did not run: the tables that refer to those
    // rows are checked too.
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement referring,
        db_->Prepare("SELECT DISTINCT m.name FROM sqlite_schema m, "
                     "pragma_foreign_key_list(m.name) f WHERE m.type = "
                     "'table' AND f.\"table\" = ?1"));
    for (const std::string& parent : deleted_from) {
      referring.Bind(1, parent);
      while (true) {
        COOPATLAS_ASSIGN_OR_RETURN(bool row, referring.Step());
        if (!row) break;
        tables.insert(referring.ColumnText(0));
      }
      referring.Reset();
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement check, db_->Prepare("SELECT \"table\", rowid, parent FROM "
                                    "pragma_foreign_key_check(?1)"));
  constexpr int kNamed = 3;  // violations named in the error
  std::int64_t violations = 0;
  std::string named;
  for (const std::string& table : tables) {
    check.Bind(1, table);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, check.Step());
      if (!row) break;
      if (violations++ >= kNamed) continue;
      named += named.empty() ? "" : "; ";
      named += check.ColumnText(0) + " row " +
               (check.ColumnIsNull(1) ? std::string("(no rowid)")
                                      : std::to_string(check.ColumnInt(1))) +
               " refers to a missing row of " + check.ColumnText(2);
    }
    check.Reset();
  }
  if (violations == 0) return Status::Ok();
  return Status::FailedPrecondition(
      "foreign keys: " + std::to_string(violations) +
      (violations == 1 ? " row refers" : " rows refer") +
      " to rows that do not exist (" + named +
      (violations > kNamed ? "; …" : "") + "); nothing written");
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Db* db) {
  COOPATLAS_RETURN_IF_ERROR(db->Exec("BEGIN IMMEDIATE"));
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) (void)db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  done_ = true;
  return db_->Exec("COMMIT");
}

}  // namespace coopatlas::store
