// The single write path (ARCHITECTURE.md §3): every change to a coopatlas
// database goes through a Writer, which records an audit entry (who, when,
// what changed, old and new values) in the same transaction as the change.
//
// A Writer is a transaction: nothing is visible to readers, and nothing is
// kept, until Commit(). Destroying it without Commit() rolls everything back.
// Not thread-safe; one Writer per Db at a time.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "coopatlas/status.h"
#include "reference/reference_data.h"
#include "store/db.h"

namespace coopatlas::store {

// A column value.
using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
// Column name -> value, in column order.
using Row = std::vector<std::pair<std::string, Value>>;

enum class PutOutcome { kCreated, kUpdated, kUnchanged };

struct WriteContext {
  std::string actor;                   // "system:init", a user name, ...
  std::optional<std::int64_t> run_id;  // the import run, if any
  // A large write (an import, a reindex): the writer journals as
  // store::BulkWrite says from before its transaction to after it.
  bool bulk = false;
  // Foreign keys are checked once, when Commit() is called, on the tables
  // written through this writer's methods, instead of row by row
  // (store::ForeignKeysAtCommit). Tables a caller fills with SQL of its own
  // are not checked: the search index, made by INSERT ... SELECT from the
  // records, is not. ON DELETE actions do not run, so a delete of rows
  // others refer to fails the commit. For bulk writes that delete no such
  // rows (the IATI import).
  bool foreign_keys_at_commit = false;
};

class Writer {
 public:
  // Starts a write transaction. Errors: kFailedPrecondition if the database
  // is read-only or locked by another writer past the busy timeout.
  static Result<std::unique_ptr<Writer>> Begin(Db* db, WriteContext context);

  // Inserts or updates the row of `table` whose key columns (the first
  // `key_columns` entries of `row`) match; records the old and new values
  // of the changed columns. Unchanged rows are not touched or audited.
  // `table` and column names come from code, never from users.
  Result<PutOutcome> Put(const std::string& table, const Row& row,
                         std::size_t key_columns = 1);

  // Like Put, for a record table (an INTEGER PRIMARY KEY `id` and the
  // columns created_at, updated_at, version): the key columns are a unique
  // natural key. On insert, created_at/updated_at are set to now and version
  // to 1 unless `row` gives them; on update, updated_at is set to now and
  // version incremented unless `row` gives them. Provenance columns (source,
  // run_id, demo) are written on insert only. If `expected_version` is
  // set and differs from the stored one: kConflict. Returns the outcome and
  // the record's id.
  struct EntityResult {
    PutOutcome outcome;
    std::int64_t id;
  };
  Result<EntityResult> PutEntity(
      const std::string& table, const Row& row, std::size_t key_columns,
      std::optional<std::int64_t> expected_version = std::nullopt);

  // Replaces the child rows of a parent (e.g. a project's themes): rows
  // whose key is absent from `rows` are deleted, others Put. `parent` is the
  // first key column and its value; each row's first `key_columns` columns
  // are its key (the parent column first). Returns whether anything changed.
  Result<bool> ReplaceChildren(const std::string& table,
                               const std::pair<std::string, Value>& parent,
                               const std::vector<Row>& rows,
                               std::size_t key_columns);

  // Inserts a row the caller knows to be new, such as a child of a record
  // this writer has just created, without looking for it first; audited as
  // Put's insert. A row with the same key already there is an error (the
  // table's key constraint), never an overwrite. `key_columns` as in Put.
  Status Insert(const std::string& table, const Row& row,
                std::size_t key_columns);

  // ReplaceChildren for a parent this writer has just created, which has no
  // children yet: rows are inserted without looking for old ones (a row
  // repeating an earlier row's key updates it, as Put would). Returns
  // whether anything was written.
  Result<bool> InsertChildren(const std::string& table,
                              const std::pair<std::string, Value>& parent,
                              const std::vector<Row>& rows,
                              std::size_t key_columns);

  // Deletes the row with this key (first entries of `key`), auditing its
  // old values. Errors: kNotFound if there is no such row.
  Status Delete(const std::string& table, const Row& key);

  // Replaces all reference tables with `data` (bulk: one audit entry per
  // table with the row counts before and after and the sources).
  Status ReplaceReference(const reference::ReferenceData& data,
                          const std::string& fingerprint);

  // Audit groups, for bulk writes such as an import: between
  // BeginAuditGroup() and EndAuditGroup(), the audit entries of the writes
  // are gathered into one audit row: action "group", the given entity and
  // entity_id (the record the group is about, e.g. the imported project),
  // old_value NULL and new_value a JSON array of the entries, each an
  // object with the columns it would have had on its own row (action,
  // entity, entity_id, old_value, new_value: the same values). A group of
  // one entry is written as that entry's own row; an empty group writes
  // nothing. The changes and what they record are the same; only their
  // packing differs.
  void BeginAuditGroup();
  Status EndAuditGroup(const std::string& entity, const std::string& entity_id);

  // Records that a derived table (such as the search index) was rebuilt
  // whole: one audit entry with a JSON summary.
  Status AuditReplace(const std::string& entity, const std::string& summary);

  // Starts an import run and returns its id (audited).
  Result<std::int64_t> StartRun(const std::string& kind,
                                const std::string& source);
  Status FinishRun(std::int64_t run_id, const std::string& summary_json);

  // With WriteContext::foreign_keys_at_commit, checks the foreign keys of
  // the rows written so far now rather than at Commit(), which then checks
  // only the tables written after (the search rebuild calls it while its
  // other thread finishes the index). Otherwise nothing.
  Status CheckForeignKeys();
  Status Commit();
  Db* db() { return db_; }

  // A statement prepared once for this writer's life and reset for use
  // (reads of the records around a write; writes still go through the
  // methods above). Valid until the next Cached() of the same SQL.
  Result<Statement*> Cached(const std::string& sql);

 private:
  Writer(Db* db, WriteContext context, std::unique_ptr<BulkWrite> bulk,
         std::unique_ptr<ForeignKeysAtCommit> foreign_keys,
         std::unique_ptr<Transaction> txn)
      : db_(db),
        context_(std::move(context)),
        bulk_(std::move(bulk)),
        foreign_keys_(std::move(foreign_keys)),
        txn_(std::move(txn)) {}
  // Notes that rows of `table` were written, or deleted, for the check of
  // foreign keys before the commit (WriteContext::foreign_keys_at_commit).
  void Wrote(const std::string& table) {
    if (foreign_keys_) written_.insert(table);
  }
  void DeletedFrom(const std::string& table) {
    if (foreign_keys_) deleted_from_.insert(table);
  }
  // The INSERT of `row`'s columns into `table`, prepared once per list of
  // columns (inserts_); `caller` names the method in errors.
  Result<Statement*> PrepareInsert(const char* caller, const std::string& table,
                                   const Row& row, std::size_t key_columns);
  // Inserts `row` with `insert` (PrepareInsert) and audits it under `key`.
  Status InsertRow(Statement* insert, const std::string& table, const Row& row,
                   const std::string& key);
  // PutEntity's statements for one list of columns of a table (an import
  // puts hundreds of thousands of records of a few shapes).
  struct EntityStatements {
    std::vector<std::string> columns;
    std::size_t key_columns = 0;
    Statement* select = nullptr;  // id, version and the columns, by key
    Statement* insert = nullptr;  // the columns and the bookkeeping not given
    Statement* insert_new = nullptr;  // the same, doing nothing on a conflict
    // That bookkeeping, in the INSERT's order: created_at, updated_at and
    // version, those the columns do not give.
    std::vector<const char*> bookkeeping;
    // Whether the last put of these columns created its record: the next
    // one tries insert_new before looking its key up (an import into an
    // empty table then looks nothing up; a repeated import, whose records
    // are there, looks them up first).
    bool created_last = true;
  };
  Result<EntityStatements*> EntityStatementsFor(const std::string& table,
                                                const Row& row,
                                                std::size_t key_columns);
  // Inserts `row` and the bookkeeping it does not give with `insert`, and
  // audits it; nullopt when insert_new did nothing (a conflict).
  Result<std::optional<std::int64_t>> InsertEntity(
      const EntityStatements& statements, Statement* insert,
      const std::string& table, const Row& row);
  Status Audit(const std::string& action, const std::string& entity,
               const std::string& entity_id, const std::string& old_json,
               const std::string& new_json);

  Db* db_;
  WriteContext context_;
  // Both outlive txn_ (members end in reverse order).
  std::unique_ptr<BulkWrite> bulk_;
  std::unique_ptr<ForeignKeysAtCommit> foreign_keys_;
  std::unique_ptr<Transaction> txn_;
  // The tables written and deleted from, when foreign_keys_ is set.
  std::set<std::string> written_, deleted_from_;
  std::string now_;
  // Prepared once per writer, by SQL text (node-based: pointers stay valid).
  std::unordered_map<std::string, Statement> statements_;
  // Per table, by list of columns (a deque: entries stay where they are).
  std::unordered_map<std::string, std::deque<EntityStatements>>
      entity_statements_;
  // PrepareInsert's statements, per table, one per list of columns.
  struct KeptInsert {
    std::vector<std::string> columns;
    Statement* insert = nullptr;
  };
  std::unordered_map<std::string, std::vector<KeptInsert>> inserts_;
  // Per table: the json_object() arguments of all its columns (Delete).
  std::map<std::string, std::string> json_columns_;
  // The audit group being gathered (BeginAuditGroup), and its last entry.
  bool group_ = false;
  std::size_t group_entries_ = 0;
  std::string group_json_;
  std::tuple<std::string, std::string, std::string, std::string, std::string>
      group_single_;
};

}  // namespace coopatlas::store
