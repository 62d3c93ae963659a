#include "coopatlas/registry.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>

#include "core/utf8.h"
#include "reference/loader.h"
#include "registry/registry_impl.h"
#include "resolve/resolver.h"
#include "store/db.h"
#include "store/migrations.h"
#include "store/records.h"
#include "store/reference_tables.h"
#include "store/search_index.h"
#include "store/writer.h"

#ifndef COOPATLAS_SOURCE_DIR
#define COOPATLAS_SOURCE_DIR "."
#endif

namespace coopatlas {

std::string_view ResolutionName(Resolution r) {
  switch (r) {
    case Resolution::kUnique:
      return "unique";
    case Resolution::kAmbiguous:
      return "ambiguous";
    case Resolution::kNotFound:
      return "not_found";
  }
  return "not_found";
}

std::string DefaultDatabasePath() {
  const char* env = std::getenv("COOPATLAS_DB");
  if (env != nullptr && *env != '\0') return env;
  return "coopatlas.db";
}

std::string DefaultReferenceRoot() {
  const char* env = std::getenv("COOPATLAS_HOME");
  if (env != nullptr && *env != '\0') return env;
  return COOPATLAS_SOURCE_DIR;
}

Status OpenOptions::Validate() const {
  if (db_path.empty()) return Status::InvalidArgument("no database path given");
  return Status::Ok();
}

Status InitOptions::Validate() const {
  if (db_path.empty()) return Status::InvalidArgument("no database path given");
  if (reference_root.empty()) {
    return Status::InvalidArgument("no reference data directory given");
  }
  if (actor.empty()) return Status::InvalidArgument("no actor given");
  return Status::Ok();
}

namespace {

constexpr std::size_t kMaxNameBytes = 1000;

Status CheckName(std::string_view name) {
  if (auto bad = core::FindInvalidUtf8(name)) {
    return Status::InvalidArgument("invalid UTF-8 at byte " +
                                   std::to_string(bad->offset) +
                                   " of the name");
  }
  if (name.size() > kMaxNameBytes) {
    return Status::InvalidArgument("name longer than " +
                                   std::to_string(kMaxNameBytes) + " bytes");
  }
  return Status::Ok();
}

Result<std::string> ReadMeta(store::Db* db, const std::string& key) {
  COOPATLAS_ASSIGN_OR_RETURN(
      store::Statement stmt,
      db->Prepare("SELECT value FROM meta WHERE key = ?"));
  stmt.Bind(1, key);
  COOPATLAS_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.ColumnText(0) : std::string();
}

Result<DatabaseInfo> ReadInfo(store::Db* db) {
  DatabaseInfo info;
  info.path = db->path();
  COOPATLAS_ASSIGN_OR_RETURN(info.schema_version, db->UserVersion());
  COOPATLAS_ASSIGN_OR_RETURN(info.reference_fingerprint,
                             ReadMeta(db, "reference_fingerprint"));
  COOPATLAS_ASSIGN_OR_RETURN(info.records, store::CountRecords(db));
  COOPATLAS_ASSIGN_OR_RETURN(auto sources, store::ReadSources(db));
  for (auto& s : sources) {
    info.sources.push_back({s.name, s.version, s.licence, s.counts});
  }
  return info;
}

void RemoveDatabaseFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
    std::filesystem::remove(path + suffix, ec);
  }
}

Result<InitReport> InitInto(const InitOptions& options, bool existed,
                            const ProgressFn& progress) {
  const auto start = std::chrono::steady_clock::now();
  InitReport report;
  report.created = !existed;
  COOPATLAS_ASSIGN_OR_RETURN(
      auto db, store::Db::Open(options.db_path, store::OpenMode::kCreate));
  COOPATLAS_RETURN_IF_ERROR(store::Migrate(db.get()));
  const reference::ReferencePaths paths{options.reference_root};
  if (progress) progress("checking reference packages", 0, 0);
  COOPATLAS_ASSIGN_OR_RETURN(std::string fingerprint,
                             reference::Fingerprint(paths));
  COOPATLAS_ASSIGN_OR_RETURN(std::string loaded,
                             ReadMeta(db.get(), "reference_fingerprint"));
  if (loaded != fingerprint || options.force) {
    if (progress) progress("reading reference packages", 0, 0);
    COOPATLAS_ASSIGN_OR_RETURN(reference::ReferenceData data,
                               reference::Load(paths));
    if (progress) progress("writing reference tables", 0, 0);
    COOPATLAS_ASSIGN_OR_RETURN(
        auto writer,
        store::Writer::Begin(db.get(), {options.actor, {}, /*bulk=*/true}));
    COOPATLAS_ASSIGN_OR_RETURN(std::int64_t run,
                               writer->StartRun("reference", paths.root));
    COOPATLAS_RETURN_IF_ERROR(writer->ReplaceReference(data, fingerprint));
    COOPATLAS_RETURN_IF_ERROR(
        writer->FinishRun(run, "{\"fingerprint\":\"" + fingerprint + "\"}"));
    COOPATLAS_RETURN_IF_ERROR(writer->Commit());
    report.reloaded = true;
  }
  // A database upgraded to a schema with the search index gets its index
  // built from its records once.
  {
    COOPATLAS_ASSIGN_OR_RETURN(
        store::Statement docs,
        db->Prepare(
            "SELECT (SELECT count(*) FROM search_doc), (SELECT "
            "count(*) FROM partnership) + (SELECT count(*) FROM project)"));
    COOPATLAS_ASSIGN_OR_RETURN(bool row, docs.Step());
    const bool stale = row && docs.ColumnInt(0) == 0 && docs.ColumnInt(1) > 0;
    docs.Reset();
    if (stale) {
      if (progress) progress("building the search index", 0, 0);
      COOPATLAS_ASSIGN_OR_RETURN(
          auto writer, store::Writer::Begin(db.get(), {options.actor, {}}));
      COOPATLAS_RETURN_IF_ERROR(
          store::RebuildSearchIndex(writer.get()).status());
      COOPATLAS_RETURN_IF_ERROR(writer->Commit());
    }
  }
  COOPATLAS_ASSIGN_OR_RETURN(report.info, ReadInfo(db.get()));
  report.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  return report;
}

}  // namespace

Registry::Registry(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Registry::~Registry() = default;

Result<InitReport> Registry::Init(const InitOptions& options,
                                  const ProgressFn& progress) {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  std::error_code ec;
  const bool existed = std::filesystem::exists(options.db_path, ec);
  auto report = InitInto(options, existed, progress);
  if (!report.ok() && !existed) RemoveDatabaseFiles(options.db_path);
  return report;
}

Result<std::unique_ptr<Registry>> Registry::Open(const OpenOptions& options) {
  COOPATLAS_RETURN_IF_ERROR(options.Validate());
  auto impl = std::make_unique<Impl>();
  COOPATLAS_ASSIGN_OR_RETURN(
      impl->db,
      store::Db::Open(options.db_path, options.read_only
                                           ? store::OpenMode::kReadOnly
                                           : store::OpenMode::kReadWrite));
  COOPATLAS_ASSIGN_OR_RETURN(int version, impl->db->UserVersion());
  if (version == 0) {
    return Status::FailedPrecondition(
        "database " + options.db_path +
        " is not initialised: run `coopatlas init --db " + options.db_path +
        "`");
  }
  if (version != store::LatestSchemaVersion()) {
    if (options.read_only) {
      return Status::FailedPrecondition(
          "database " + options.db_path + " has schema version " +
          std::to_string(version) + ", this coopatlas needs " +
          std::to_string(store::LatestSchemaVersion()) +
          ": run `coopatlas init`");
    }
    COOPATLAS_RETURN_IF_ERROR(store::Migrate(impl->db.get()));
  }
  return std::unique_ptr<Registry>(new Registry(std::move(impl)));
}

Result<ResolveResult> Registry::Resolve(std::string_view name,
                                        const ResolveHints& hints) const {
  COOPATLAS_RETURN_IF_ERROR(CheckName(name));
  COOPATLAS_RETURN_IF_ERROR(CheckName(hints.departement));
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  if (!hints.kind.empty()) {
    const auto& kinds = resolve::Resolver::Kinds();
    if (std::find(kinds.begin(), kinds.end(), hints.kind) == kinds.end()) {
      std::string list;
      for (const auto& k : kinds) list += (list.empty() ? "" : ", ") + k;
      return Status::InvalidArgument("unknown kind '" + hints.kind +
                                     "' (one of: " + list + ")");
    }
  }
  if (!hints.departement.empty() &&
      resolver->DepartementCode(hints.departement).empty()) {
    return Status::InvalidArgument("unknown département '" + hints.departement +
                                   "'");
  }
  if (!hints.postcode.empty()) {
    const bool digits =
        hints.postcode.size() == 5 &&
        hints.postcode.find_first_not_of("0123456789") == std::string::npos;
    if (!digits) {
      return Status::InvalidArgument("postcode '" + hints.postcode +
                                     "' is not five digits");
    }
  }
  return resolver->Resolve(name, hints);
}

Result<ResolveResult> Registry::ResolveCountry(std::string_view name) const {
  COOPATLAS_RETURN_IF_ERROR(CheckName(name));
  COOPATLAS_ASSIGN_OR_RETURN(const resolve::Resolver* resolver,
                             impl_->GetResolver());
  return resolver->ResolveCountry(name);
}

Result<DatabaseInfo> Registry::Info() const {
  std::lock_guard<std::mutex> lock(impl_->db_mutex);
  return ReadInfo(impl_->db.get());
}

}  // namespace coopatlas
