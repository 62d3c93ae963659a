// Helpers for tests that write records: a private copy of the reference
// database, and a digest of everything an import could change.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include "coopatlas/registry.h"
#include "integration/environment.h"
#include "store/db.h"
#include "store/test_util.h"

namespace coopatlas::testing {

// A writable copy of the shared reference database in its own directory.
class ScratchDb {
 public:
  ScratchDb() : path_(dir_.File("scratch.db")) {
    std::filesystem::copy_file(ReferenceDbPath(), path_);
  }
  const std::string& path() const { return path_; }
  std::string File(const std::string& name) const { return dir_.File(name); }
  std::string Write(const std::string& name, const std::string& content) const {
    const std::string p = dir_.File(name);
    std::ofstream(p, std::ios::binary) << content;
    return p;
  }
  std::unique_ptr<Registry> Open() const {
    auto r = Registry::Open({path_, false});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(*r) : nullptr;
  }

 private:
  TempDir dir_;
  std::string path_;
};

// Row counts and version sums of every record table, the audit and the
// import runs: equal digests mean nothing was written.
inline std::string Digest(const std::string& db_path) {
  auto db = store::Db::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  std::string out;
  for (const char* sql :
       {"SELECT count(*) || '/' || coalesce(sum(version), 0) FROM authority",
        "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM actor",
        "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM partnership",
        "SELECT count(*) FROM partnership_party",
        "SELECT count(*) || '/' || coalesce(sum(version), 0) FROM project",
        "SELECT count(*) || '/' || coalesce(sum(amount_cents), 0) FROM "
        "funding_line",
        "SELECT count(*) FROM project_theme", "SELECT count(*) FROM audit",
        "SELECT count(*) FROM import_run"}) {
    auto stmt = (*db)->Prepare(sql);
    EXPECT_TRUE(stmt.ok()) << sql;
    EXPECT_TRUE(*stmt->Step());
    out += stmt->ColumnText(0) + ";";
  }
  return out;
}

inline std::int64_t CountRows(const std::string& db_path,
                              const std::string& sql) {
  auto db = store::Db::Open(db_path, store::OpenMode::kReadOnly);
  EXPECT_TRUE(db.ok());
  auto stmt = (*db)->Prepare(sql);
  EXPECT_TRUE(stmt.ok()) << sql;
  EXPECT_TRUE(*stmt->Step());
  return stmt->ColumnInt(0);
}

inline std::string WikipediaFile() {
  return SourceDir() + "/third_party/twin-towns/wikipedia-twin-towns.csv";
}

}  // namespace coopatlas::testing
