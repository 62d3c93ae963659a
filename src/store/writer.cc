#include "store/writer.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <string_view>

#include "core/strings.h"
#include "core/time.h"
#include "core/utf8.h"

namespace coopatlas::store {
namespace {

// Table and column names are spliced into SQL, so they must be plain
// identifiers. They come from code; this guards against a programming error.
bool IsIdentifier(const std::string& name) {
  if (name.empty()) return false;
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) {
      return false;
    }
  }
  return true;
}

// Text is bound without a copy: every caller runs or resets the statement
// while `value` lives.
void BindValue(Statement* stmt, int index, const Value& value) {
  if (std::holds_alternative<std::nullptr_t>(value)) {
    stmt->BindNull(index);
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    stmt->Bind(index, *i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    stmt->Bind(index, *d);
  } else {
    stmt->BindStatic(index, std::get<std::string>(value));
  }
}

// Text is scanned eight bytes at a time (an import's audit escapes all its
// text).
constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;

// Whether a byte of `x` is below `n` (n <= 128; bytes from 0x80 never are).
constexpr bool HasByteBelow(std::uint64_t x, std::uint64_t n) {
  return ((x - kOnes * n) & ~x & kHighBits) != 0;
}
constexpr bool HasZeroByte(std::uint64_t x) { return HasByteBelow(x, 1); }

// Whether one of the eight bytes at `p` needs an escape: a control
// character, a quote or a backslash.
bool NeedsEscape(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, sizeof x);
  return HasByteBelow(x, 0x20) || HasZeroByte(x ^ (kOnes * '"')) ||
         HasZeroByte(x ^ (kOnes * '\\'));
}

bool IsAscii(std::string_view text) {
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x = 0;
    std::memcpy(&x, text.data() + i, sizeof x);
    if ((x & kHighBits) != 0) return false;
  }
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0x80) != 0) return false;
  }
  return true;
}

// The audit's JSON objects, written directly (an import writes hundreds of
// thousands of them): the text nlohmann::json's dump() gives for the same
// members (strings escaped alike, numbers alike), except that members keep
// the columns' order where nlohmann::json sorts them. Text that is not
// valid UTF-8 goes through nlohmann::json, which refuses it as before.
void AppendJsonString(std::string_view text, std::string* out) {
  if (!IsAscii(text) && !core::IsValidUtf8(text)) {
    *out += nlohmann::json(std::string(text)).dump();
    return;
  }
  out->reserve(out->size() + text.size() + 2);
  out->push_back('"');
  // Runs of bytes that need no escape are appended whole.
  std::size_t run = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (i + 8 <= text.size() && !NeedsEscape(text.data() + i)) {
      i += 8;
      continue;
    }
    const char c = text[i++];
    if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') {
      continue;
    }
    out->append(text.data() + run, i - 1 - run);
    run = i;
    switch (c) {
      case '"':
        *out += "\\\"";
        break;
      case '\\':
        *out += "\\\\";
        break;
      case '\b':
        *out += "\\b";
        break;
      case '\f':
        *out += "\\f";
        break;
      case '\n':
        *out += "\\n";
        break;
      case '\r':
        *out += "\\r";
        break;
      case '\t':
        *out += "\\t";
        break;
      default: {
        static constexpr char kHex[] = "0123456789abcdef";
        *out += "\\u00";
        out->push_back(kHex[(c >> 4) & 0xf]);
        out->push_back(kHex[c & 0xf]);
      }
    }
  }
  out->append(text.data() + run, text.size() - run);
  out->push_back('"');
}

void AppendJsonValue(const Value& value, std::string* out) {
  if (std::holds_alternative<std::nullptr_t>(value)) {
    *out += "null";
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    *out += std::to_string(*i);
  } else if (const auto* d = std::get_if<double>(&value)) {
    *out += nlohmann::json(*d).dump();
  } else {
    AppendJsonString(std::get<std::string>(value), out);
  }
}

// A JSON object built member by member.
class JsonObject {
 public:
  void Add(std::string_view name, const Value& value) {
    text_.push_back(text_.empty() ? '{' : ',');
    AppendJsonString(name, &text_);
    text_.push_back(':');
    AppendJsonValue(value, &text_);
  }
  bool empty() const { return text_.empty(); }
  std::string Dump() const { return text_.empty() ? "{}" : text_ + "}"; }

 private:
  std::string text_;
};

Value ReadValue(const Statement& stmt, int column, const Value& like) {
  if (stmt.ColumnIsNull(column)) return nullptr;
  if (std::holds_alternative<std::int64_t>(like)) return stmt.ColumnInt(column);
  if (std::holds_alternative<double>(like)) return stmt.ColumnDouble(column);
  return stmt.ColumnText(column);
}

// Whether `row` has these columns, in this order.
bool SameColumns(const std::vector<std::string>& columns, const Row& row) {
  if (columns.size() != row.size()) return false;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (columns[i] != row[i].first) return false;
  }
  return true;
}

std::string KeyString(const Row& row, std::size_t key_columns) {
  std::string key;
  for (std::size_t i = 0; i < key_columns; ++i) {
    if (i > 0) key += '/';
    const Value& v = row[i].second;
    if (const auto* s = std::get_if<std::string>(&v))
      key += *s;
    else if (const auto* n = std::get_if<std::int64_t>(&v))
      key += std::to_string(*n);
  }
  return key;
}

}  // namespace

Result<std::unique_ptr<Writer>> Writer::Begin(Db* db, WriteContext context) {
  if (db->read_only()) {
    return Status::FailedPrecondition("database " + db->path() +
                                      " is open read-only");
  }
  if (context.actor.empty()) {
    return Status::InvalidArgument("a write needs an actor for the audit");
  }
  auto bulk = context.bulk ? std::make_unique<BulkWrite>(db) : nullptr;
  auto foreign_keys = context.foreign_keys_at_commit
                          ? std::make_unique<ForeignKeysAtCommit>(db)
                          : nullptr;
  COOPATLAS_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db));
  std::unique_ptr<Writer> writer(
      new Writer(db, std::move(context), std::move(bulk),
                 std::move(foreign_keys), std::move(txn)));
  writer->now_ = core::NowUtcIso();
  return writer;
}

Result<Statement*> Writer::Cached(const std::string& sql) {
  auto it = statements_.find(sql);
  if (it == statements_.end()) {
    COOPATLAS_ASSIGN_OR_RETURN(Statement stmt, db_->Prepare(sql));
    it = statements_.emplace(sql, std::move(stmt)).first;
  }
  it->second.Reset();
  return &it->second;
}

Status Writer::Audit(const std::string& action, const std::string& entity,
                     const std::string& entity_id, const std::string& old_json,
                     const std::string& new_json) {
  if (group_) {
    // {"action":...,"entity":...,"entity_id":...,"old_value":...,
    // "new_value":...}: the columns this entry would have had on its own.
    group_json_.push_back(group_entries_ == 0 ? '[' : ',');
    group_json_ += "{\"action\":";
    AppendJsonString(action, &group_json_);
    group_json_ += ",\"entity\":";
    AppendJsonString(entity, &group_json_);
    group_json_ += ",\"entity_id\":";
    AppendJsonString(entity_id, &group_json_);
    group_json_ += ",\"old_value\":";
    group_json_ += old_json.empty() ? "null" : old_json;
    group_json_ += ",\"new_value\":";
    group_json_ += new_json.empty() ? "null" : new_json;
    group_json_.push_back('}');
    if (group_entries_++ == 0) {
      group_single_ = {action, entity, entity_id, old_json, new_json};
    }
    return Status::Ok();
  }
  Wrote("audit");
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * stmt,
      Cached("INSERT INTO audit(at, actor, run_id, action, entity, "
             "entity_id, old_value, new_value) VALUES (?,?,?,?,?,?,?,?)"));
  stmt->Bind(1, now_).Bind(2, context_.actor).BindOptional(3, context_.run_id);
  stmt->Bind(4, action).Bind(5, entity).Bind(6, entity_id);
  stmt->BindTextOrNull(7, old_json).BindTextOrNull(8, new_json);
  return stmt->Run();
}

Result<PutOutcome> Writer::Put(const std::string& table, const Row& row,
                               std::size_t key_columns) {
  if (!IsIdentifier(table) || key_columns == 0 || key_columns > row.size()) {
    return Status::Internal("Writer::Put: bad table or key for '" + table +
                            "'");
  }
  std::vector<std::string> columns, where;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (!IsIdentifier(row[i].first)) {
      return Status::Internal("Writer::Put: bad column '" + row[i].first + "'");
    }
    columns.push_back(row[i].first);
    if (i < key_columns) where.push_back(row[i].first + " = ?");
  }
  Wrote(table);
  const std::string where_sql = core::Join(where, " AND ");
  COOPATLAS_ASSIGN_OR_RETURN(Statement * select_stmt,
                             Cached("SELECT " + core::Join(columns, ", ") +
                                    " FROM " + table + " WHERE " + where_sql));
  Statement& select = *select_stmt;
  for (std::size_t i = 0; i < key_columns; ++i) {
    BindValue(&select, static_cast<int>(i + 1), row[i].second);
  }
  COOPATLAS_ASSIGN_OR_RETURN(bool exists, select.Step());
  const std::string id = KeyString(row, key_columns);
  if (!exists) {
    select.Reset();
    std::vector<std::string> marks(row.size(), "?");
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement * insert,
        Cached("INSERT INTO " + table + "(" + core::Join(columns, ", ") +
               ") VALUES (" + core::Join(marks, ", ") + ")"));
    JsonObject new_value;
    for (std::size_t i = 0; i < row.size(); ++i) {
      BindValue(insert, static_cast<int>(i + 1), row[i].second);
      new_value.Add(row[i].first, row[i].second);
    }
    COOPATLAS_RETURN_IF_ERROR(insert->Run());
    COOPATLAS_RETURN_IF_ERROR(Audit("insert", table, id, "", new_value.Dump()));
    return PutOutcome::kCreated;
  }
  JsonObject old_value, new_value;
  std::vector<std::string> sets;
  std::vector<const Value*> set_values;
  for (std::size_t i = key_columns; i < row.size(); ++i) {
    const Value current = ReadValue(select, static_cast<int>(i), row[i].second);
    if (current == row[i].second) continue;
    old_value.Add(row[i].first, current);
    new_value.Add(row[i].first, row[i].second);
    sets.push_back(row[i].first + " = ?");
    set_values.push_back(&row[i].second);
  }
  select.Reset();
  if (sets.empty()) return PutOutcome::kUnchanged;
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * update,
      Cached("UPDATE " + table + " SET " + core::Join(sets, ", ") + " WHERE " +
             where_sql));
  int index = 1;
  for (const Value* v : set_values) BindValue(update, index++, *v);
  for (std::size_t i = 0; i < key_columns; ++i) {
    BindValue(update, index++, row[i].second);
  }
  COOPATLAS_RETURN_IF_ERROR(update->Run());
  COOPATLAS_RETURN_IF_ERROR(
      Audit("update", table, id, old_value.Dump(), new_value.Dump()));
  return PutOutcome::kUpdated;
}

Status Writer::Insert(const std::string& table, const Row& row,
                      std::size_t key_columns) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * insert,
      PrepareInsert("Writer::Insert", table, row, key_columns));
  return InsertRow(insert, table, row, KeyString(row, key_columns));
}

Result<Statement*> Writer::PrepareInsert(const char* caller,
                                         const std::string& table,
                                         const Row& row,
                                         std::size_t key_columns) {
  if (!IsIdentifier(table) || key_columns == 0 || key_columns > row.size()) {
    return Status::Internal(std::string(caller) + ": bad table or key for '" +
                            table + "'");
  }
  std::vector<KeptInsert>& known = inserts_[table];
  for (const KeptInsert& k : known) {
    if (SameColumns(k.columns, row)) {
      k.insert->Reset();
      return k.insert;
    }
  }
  // First sight of these columns: the statement's text.
  KeptInsert made;
  std::string sql = "INSERT INTO " + table + "(";
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (!IsIdentifier(row[i].first)) {
      return Status::Internal(std::string(caller) + ": bad column '" +
                              row[i].first + "'");
    }
    if (i > 0) sql += ", ";
    sql += row[i].first;
    made.columns.push_back(row[i].first);
  }
  sql += ") VALUES (?";
  for (std::size_t i = 1; i < row.size(); ++i) sql += ", ?";
  sql += ")";
  COOPATLAS_ASSIGN_OR_RETURN(made.insert, Cached(sql));
  known.push_back(std::move(made));
  return known.back().insert;
}

Status Writer::InsertRow(Statement* insert, const std::string& table,
                         const Row& row, const std::string& key) {
  Wrote(table);
  JsonObject new_value;
  for (std::size_t i = 0; i < row.size(); ++i) {
    BindValue(insert, static_cast<int>(i + 1), row[i].second);
    new_value.Add(row[i].first, row[i].second);
  }
  COOPATLAS_RETURN_IF_ERROR(insert->Run());
  return Audit("insert", table, key, "", new_value.Dump());
}

Result<Writer::EntityStatements*> Writer::EntityStatementsFor(
    const std::string& table, const Row& row, std::size_t key_columns) {
  std::deque<EntityStatements>& known = entity_statements_[table];
  for (EntityStatements& e : known) {
    if (e.key_columns == key_columns && SameColumns(e.columns, row)) return &e;
  }
  // First sight of these columns: the statements' text.
  EntityStatements made;
  made.key_columns = key_columns;
  std::string columns, where_sql;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (!IsIdentifier(row[i].first)) {
      return Status::Internal("Writer::PutEntity: bad column '" + row[i].first +
                              "'");
    }
    made.columns.push_back(row[i].first);
    if (i > 0) columns += ", ";
    columns += row[i].first;
    if (i < key_columns) {
      if (i > 0) where_sql += " AND ";
      where_sql += row[i].first + " = ?";
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      made.select, Cached("SELECT id, version, " + columns + " FROM " + table +
                          " WHERE " + where_sql));
  std::string insert = "INSERT INTO " + table + "(" + columns;
  for (const char* bookkeeping : {"created_at", "updated_at", "version"}) {
    const bool given = std::find(made.columns.begin(), made.columns.end(),
                                 bookkeeping) != made.columns.end();
    if (!given) {
      insert.append(", ").append(bookkeeping);
      made.bookkeeping.push_back(bookkeeping);
    }
  }
  insert += ") VALUES (?";
  const std::size_t values = row.size() + made.bookkeeping.size();
  for (std::size_t i = 1; i < values; ++i) insert += ", ?";
  insert += ")";
  COOPATLAS_ASSIGN_OR_RETURN(made.insert, Cached(insert));
  COOPATLAS_ASSIGN_OR_RETURN(made.insert_new,
                             Cached(insert + " ON CONFLICT DO NOTHING"));
  known.push_back(std::move(made));
  return &known.back();
}

Result<std::optional<std::int64_t>> Writer::InsertEntity(
    const EntityStatements& statements, Statement* insert,
    const std::string& table, const Row& row) {
  // The row, then the bookkeeping it does not give.
  Row extra;
  for (const char* bookkeeping : statements.bookkeeping) {
    const std::string_view name = bookkeeping;
    extra.emplace_back(
        name, name == "version" ? Value(std::int64_t{1}) : Value(now_));
  }
  insert->Reset();
  int index = 1;
  for (const Row* part : {&row, static_cast<const Row*>(&extra)}) {
    for (const auto& [name, value] : *part) BindValue(insert, index++, value);
  }
  COOPATLAS_RETURN_IF_ERROR(insert->Run());
  if (db_->Changes() == 0) return std::optional<std::int64_t>();
  const std::int64_t id = db_->LastInsertRowId();
  JsonObject new_value;
  for (const Row* part : {&row, static_cast<const Row*>(&extra)}) {
    for (const auto& [name, value] : *part) new_value.Add(name, value);
  }
  COOPATLAS_RETURN_IF_ERROR(
      Audit("insert", table, std::to_string(id), "", new_value.Dump()));
  return std::optional<std::int64_t>(id);
}

Result<Writer::EntityResult> Writer::PutEntity(
    const std::string& table, const Row& row, std::size_t key_columns,
    std::optional<std::int64_t> expected_version) {
  if (!IsIdentifier(table) || key_columns == 0 || key_columns > row.size()) {
    return Status::Internal("Writer::PutEntity: bad table or key for '" +
                            table + "'");
  }
  const auto given = [&row](const char* column) -> const Value* {
    for (const auto& [name, value] : row) {
      if (name == column) return &value;
    }
    return nullptr;
  };
  COOPATLAS_ASSIGN_OR_RETURN(EntityStatements * statements,
                             EntityStatementsFor(table, row, key_columns));
  Wrote(table);
  if (statements->created_last && !expected_version) {
    COOPATLAS_ASSIGN_OR_RETURN(
        std::optional<std::int64_t> created,
        InsertEntity(*statements, statements->insert_new, table, row));
    if (created) return EntityResult{PutOutcome::kCreated, *created};
  }
  Statement* select = statements->select;
  select->Reset();
  for (std::size_t i = 0; i < key_columns; ++i) {
    BindValue(select, static_cast<int>(i + 1), row[i].second);
  }
  COOPATLAS_ASSIGN_OR_RETURN(bool exists, select->Step());
  statements->created_last = !exists;
  if (!exists) {
    select->Reset();
    // Also when insert_new met a conflict on another unique key than this
    // one: the plain insert then says which.
    COOPATLAS_ASSIGN_OR_RETURN(
        std::optional<std::int64_t> created,
        InsertEntity(*statements, statements->insert, table, row));
    return EntityResult{PutOutcome::kCreated, created.value_or(0)};
  }
  const std::int64_t id = select->ColumnInt(0);
  const std::int64_t version = select->ColumnInt(1);
  if (expected_version && *expected_version != version) {
    select->Reset();
    return Status::Conflict(table + " " + std::to_string(id) +
                            " was changed by someone else (version " +
                            std::to_string(version) + ", expected " +
                            std::to_string(*expected_version) +
                            "): reload and try again");
  }
  JsonObject old_value, new_value;
  std::vector<std::string> sets;
  std::vector<Value> set_values;
  for (std::size_t i = key_columns; i < row.size(); ++i) {
    const std::string& name = row[i].first;
    if (name == "created_at" || name == "updated_at" || name == "version" ||
        name == "source" || name == "run_id" || name == "demo" ||
        name == "id") {
      // Bookkeeping: provenance is the first source's; timestamps and
      // version follow data changes only.
      continue;
    }
    const Value current =
        ReadValue(*select, static_cast<int>(i + 2), row[i].second);
    if (current == row[i].second) continue;
    old_value.Add(name, current);
    new_value.Add(name, row[i].second);
    sets.push_back(name + " = ?");
    set_values.push_back(row[i].second);
  }
  select->Reset();
  if (sets.empty()) return EntityResult{PutOutcome::kUnchanged, id};
  const Value* updated_at = given("updated_at");
  sets.push_back("updated_at = ?");
  set_values.push_back(updated_at != nullptr ? *updated_at : Value(now_));
  const Value* new_version = given("version");
  sets.push_back("version = ?");
  set_values.push_back(new_version != nullptr ? *new_version
                                              : Value(version + 1));
  COOPATLAS_ASSIGN_OR_RETURN(Statement * update,
                             Cached("UPDATE " + table + " SET " +
                                    core::Join(sets, ", ") + " WHERE id = ?"));
  int index = 1;
  for (const Value& v : set_values) BindValue(update, index++, v);
  update->Bind(index, id);
  COOPATLAS_RETURN_IF_ERROR(update->Run());
  COOPATLAS_RETURN_IF_ERROR(Audit("update", table, std::to_string(id),
                                  old_value.Dump(), new_value.Dump()));
  return EntityResult{PutOutcome::kUpdated, id};
}

Result<bool> Writer::ReplaceChildren(
    const std::string& table, const std::pair<std::string, Value>& parent,
    const std::vector<Row>& rows, std::size_t key_columns) {
  if (!IsIdentifier(table) || !IsIdentifier(parent.first) || key_columns == 0) {
    return Status::Internal("Writer::ReplaceChildren: bad table or key");
  }
  bool changed = false;
  std::set<std::string> wanted;
  for (const Row& row : rows) {
    if (row.size() < key_columns || row[0].first != parent.first ||
        !(row[0].second == parent.second)) {
      return Status::Internal("Writer::ReplaceChildren: row of another parent");
    }
    wanted.insert(KeyString(row, key_columns));
    COOPATLAS_ASSIGN_OR_RETURN(PutOutcome outcome,
                               Put(table, row, key_columns));
    changed = changed || outcome != PutOutcome::kUnchanged;
  }
  // Existing children not wanted any more.
  std::vector<std::string> key_names;
  for (std::size_t i = 0; i < key_columns && !rows.empty(); ++i) {
    key_names.push_back(rows[0][i].first);
  }
  if (rows.empty()) {
    // Without a row to learn the key columns from, read them from the
    // table's primary key.
    COOPATLAS_ASSIGN_OR_RETURN(
        Statement * pk,
        Cached(
            "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk"));
    pk->Bind(1, table);
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool more, pk->Step());
      if (!more) break;
      key_names.push_back(pk->ColumnText(0));
    }
    pk->Reset();
  }
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * existing,
      Cached("SELECT " + core::Join(key_names, ", ") + " FROM " + table +
             " WHERE " + parent.first + " = ?"));
  BindValue(existing, 1, parent.second);
  std::vector<Row> stale;
  while (true) {
    COOPATLAS_ASSIGN_OR_RETURN(bool more, existing->Step());
    if (!more) break;
    Row key;
    for (std::size_t i = 0; i < key_names.size(); ++i) {
      const int column = static_cast<int>(i);
      Value v;
      if (i == 0) {
        v = parent.second;
      } else if (existing->ColumnIsNull(column)) {
        v = nullptr;
      } else {
        // Text is fine for integer columns too: SQLite compares with the
        // column's affinity.
        v = existing->ColumnText(column);
      }
      key.emplace_back(key_names[i], v);
    }
    if (wanted.count(KeyString(key, key.size())) == 0) {
      stale.push_back(std::move(key));
    }
  }
  existing->Reset();
  for (const Row& key : stale) {
    COOPATLAS_RETURN_IF_ERROR(Delete(table, key));
    changed = true;
  }
  return changed;
}

Result<bool> Writer::InsertChildren(const std::string& table,
                                    const std::pair<std::string, Value>& parent,
                                    const std::vector<Row>& rows,
                                    std::size_t key_columns) {
  if (rows.empty()) return false;
  // One statement for the rows, which have the first one's columns (an
  // import inserts hundreds of thousands of them).
  const Row& first = rows.front();
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * insert,
      PrepareInsert("Writer::InsertChildren", table, first, key_columns));
  // Every row is checked before any is written.
  for (const Row& row : rows) {
    if (row.size() < key_columns || row[0].first != parent.first ||
        !(row[0].second == parent.second)) {
      return Status::Internal("Writer::InsertChildren: row of another parent");
    }
    bool same_columns = row.size() == first.size();
    for (std::size_t i = 0; same_columns && i < row.size(); ++i) {
      same_columns = row[i].first == first[i].first;
    }
    if (!same_columns) {
      return Status::Internal("Writer::InsertChildren: rows of " + table +
                              " with other columns than the first");
    }
  }
  std::vector<std::string> keys;  // a few per parent
  for (const Row& row : rows) {
    std::string key = KeyString(row, key_columns);
    if (std::find(keys.begin(), keys.end(), key) == keys.end()) {
      COOPATLAS_RETURN_IF_ERROR(InsertRow(insert, table, row, key));
      keys.push_back(std::move(key));
    } else {
      COOPATLAS_RETURN_IF_ERROR(Put(table, row, key_columns).status());
    }
  }
  return true;
}

Status Writer::Delete(const std::string& table, const Row& key) {
  if (!IsIdentifier(table) || key.empty()) {
    return Status::Internal("Writer::Delete: bad table or key");
  }
  std::vector<std::string> where;
  for (const auto& [column, value] : key) {
    if (!IsIdentifier(column)) {
      return Status::Internal("Writer::Delete: bad column '" + column + "'");
    }
    where.push_back(column + " = ?");
  }
  const std::string where_sql = core::Join(where, " AND ");
  // The old row, as JSON, for the audit.
  std::string& json_columns = json_columns_[table];
  if (json_columns.empty()) {
    COOPATLAS_ASSIGN_OR_RETURN(Statement * columns_stmt,
                               Cached("SELECT name FROM pragma_table_info(?)"));
    columns_stmt->Bind(1, table);
    std::vector<std::string> pairs;
    while (true) {
      COOPATLAS_ASSIGN_OR_RETURN(bool row, columns_stmt->Step());
      if (!row) break;
      const std::string name = columns_stmt->ColumnText(0);
      pairs.push_back("'" + name + "', " + name);
    }
    columns_stmt->Reset();
    json_columns = core::Join(pairs, ", ");
  }
  COOPATLAS_ASSIGN_OR_RETURN(Statement * old_row,
                             Cached("SELECT json_object(" + json_columns +
                                    ") FROM " + table + " WHERE " + where_sql));
  for (std::size_t i = 0; i < key.size(); ++i) {
    BindValue(old_row, static_cast<int>(i + 1), key[i].second);
  }
  COOPATLAS_ASSIGN_OR_RETURN(bool found, old_row->Step());
  if (!found) {
    old_row->Reset();
    return Status::NotFound("no row " + KeyString(key, key.size()) + " in " +
                            table);
  }
  const std::string old_json = old_row->ColumnText(0);
  old_row->Reset();
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement * del, Cached("DELETE FROM " + table + " WHERE " + where_sql));
  for (std::size_t i = 0; i < key.size(); ++i) {
    BindValue(del, static_cast<int>(i + 1), key[i].second);
  }
  COOPATLAS_RETURN_IF_ERROR(del->Run());
  DeletedFrom(table);
  return Audit("delete", table, KeyString(key, key.size()), old_json, "");
}

void Writer::BeginAuditGroup() {
  group_ = true;
  group_entries_ = 0;
  group_json_.clear();
}

Status Writer::EndAuditGroup(const std::string& entity,
                             const std::string& entity_id) {
  if (!group_) return Status::Internal("Writer: no audit group to end");
  group_ = false;
  if (group_entries_ == 0) return Status::Ok();
  if (group_entries_ == 1) {
    // One change: the row it would have had without the group.
    const auto& [action, e, id, old_json, new_json] = group_single_;
    return Audit(action, e, id, old_json, new_json);
  }
  group_json_.push_back(']');
  return Audit("group", entity, entity_id, "", group_json_);
}

Status Writer::AuditReplace(const std::string& entity,
                            const std::string& summary) {
  return Audit("replace", entity, "*", "", summary);
}

Result<std::int64_t> Writer::StartRun(const std::string& kind,
                                      const std::string& source) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement stmt,
      db_->Prepare("INSERT INTO import_run(kind, source, actor, started_at) "
                   "VALUES (?,?,?,?)"));
  stmt.Bind(1, kind).Bind(2, source).Bind(3, context_.actor).Bind(4, now_);
  COOPATLAS_RETURN_IF_ERROR(stmt.Run());
  Wrote("import_run");
  const std::int64_t id = db_->LastInsertRowId();
  context_.run_id = id;
  nlohmann::json v = {{"kind", kind}, {"source", source}};
  COOPATLAS_RETURN_IF_ERROR(
      Audit("insert", "import_run", std::to_string(id), "", v.dump()));
  return id;
}

Status Writer::FinishRun(std::int64_t run_id, const std::string& summary_json) {
  COOPATLAS_ASSIGN_OR_RETURN(
      Statement stmt, db_->Prepare("UPDATE import_run SET finished_at = ?, "
                                   "summary = ? WHERE id = ?"));
  stmt.Bind(1, core::NowUtcIso()).Bind(2, summary_json).Bind(3, run_id);
  COOPATLAS_RETURN_IF_ERROR(stmt.Run());
  return Audit("update", "import_run", std::to_string(run_id), "",
               summary_json);
}

Status Writer::CheckForeignKeys() {
  if (!foreign_keys_) return Status::Ok();
  COOPATLAS_RETURN_IF_ERROR(foreign_keys_->Check(written_, deleted_from_));
  written_.clear();
  deleted_from_.clear();
  return Status::Ok();
}

Status Writer::Commit() {
  COOPATLAS_RETURN_IF_ERROR(CheckForeignKeys());
  return txn_->Commit();
}

}  // namespace coopatlas::store
