// The registry's state, shared by its implementation files (not public).
#pragma once

#include <memory>
#include <mutex>

#include "coopatlas/registry.h"
#include "registry/labels.h"
#include "registry/places.h"
#include "resolve/resolver.h"
#include "store/db.h"
#include "store/facet_index.h"
#include "store/reference_tables.h"

namespace coopatlas {
namespace iati {
class Codelists;
}  // namespace iati

struct Registry::Impl {
  std::unique_ptr<store::Db> db;
  mutable std::mutex db_mutex;  // one connection, used by one thread at once
  mutable std::once_flag resolver_once;
  mutable std::unique_ptr<resolve::Resolver> resolver;
  mutable Status resolver_status;

  // Builds the resolver on first use (reading the gazetteer takes a moment
  // that commands which do not resolve should not pay).
  Result<const resolve::Resolver*> GetResolver() const {
    std::call_once(resolver_once, [this] {
      std::lock_guard<std::mutex> lock(db_mutex);
      auto data = store::ReadReference(db.get(), {});
      if (!data.ok()) {
        resolver_status = data.status();
        return;
      }
      resolver = std::make_unique<resolve::Resolver>(*data);
    });
    if (!resolver_status.ok()) return resolver_status;
    return static_cast<const resolve::Resolver*>(resolver.get());
  }

  // The places index, built on first use. The caller holds db_mutex.
  Result<const Places*> GetPlaces() const {
    if (!places) {
      COOPATLAS_ASSIGN_OR_RETURN(
          reference::ReferenceData data,
          store::ReadReference(db.get(), {false, false, true}));
      places = std::make_unique<Places>(std::move(data));
    }
    return static_cast<const Places*>(places.get());
  }
  mutable std::unique_ptr<Places> places;

  // Labels of facet values, loaded on first use. The caller holds db_mutex.
  Result<const Labels*> GetLabels() const {
    if (!labels) {
      COOPATLAS_ASSIGN_OR_RETURN(Labels l, Labels::Load(db.get()));
      labels = std::make_unique<Labels>(std::move(l));
    }
    return static_cast<const Labels*>(labels.get());
  }
  mutable std::unique_ptr<Labels> labels;

  // The search index's facets in memory, reloaded when the database changed
  // (a write through this registry, or a commit by another connection,
  // which PRAGMA data_version tells). The caller holds db_mutex.
  Result<std::shared_ptr<const store::FacetIndex>> GetFacets() const {
    COOPATLAS_ASSIGN_OR_RETURN(const std::int64_t data_version, DataVersion());
    if (!facets || facets_generation != generation ||
        facets_data_version != data_version) {
      COOPATLAS_ASSIGN_OR_RETURN(store::FacetIndex f,
                                 store::FacetIndex::Load(db.get()));
      facets = std::make_shared<const store::FacetIndex>(std::move(f));
      facets_generation = generation;
      facets_data_version = data_version;
    }
    return facets;
  }
  // Shared: a search in progress keeps the index it started with.
  mutable std::shared_ptr<const store::FacetIndex> facets;
  mutable std::int64_t facets_generation = -1;
  mutable std::int64_t facets_data_version = -1;
  // Incremented by every write through this registry.
  std::int64_t generation = 0;

  // Changes when another connection commits (PRAGMA data_version). The
  // caller holds db_mutex.
  Result<std::int64_t> DataVersion() const {
    COOPATLAS_ASSIGN_OR_RETURN(store::Statement version,
                               db->Prepare("PRAGMA data_version"));
    COOPATLAS_ASSIGN_OR_RETURN(bool row, version.Step());
    return row ? version.ColumnInt(0) : 0;
  }

  // The statistics, kept until the database changes (they count every
  // record: seconds on a million projects). The caller holds db_mutex.
  mutable std::shared_ptr<const AtlasStats> stats;
  mutable std::int64_t stats_generation = -1;
  mutable std::int64_t stats_data_version = -1;

  // Read-only connections for searches, so that concurrent requests read
  // side by side (WAL) instead of queueing on `db`. Opened on demand, kept
  // for the next search.
  class Reader {
   public:
    Reader(const Impl* impl, std::unique_ptr<store::Db> db)
        : impl_(impl), db_(std::move(db)) {}
    Reader(Reader&&) = default;
    Reader& operator=(Reader&&) = delete;
    Reader(const Reader&) = delete;
    Reader& operator=(const Reader&) = delete;
    ~Reader() {
      if (db_) {
        std::lock_guard<std::mutex> lock(impl_->readers_mutex);
        impl_->readers.push_back(std::move(db_));
      }
    }
    store::Db* Get() const { return db_.get(); }

   private:
    const Impl* impl_;
    std::unique_ptr<store::Db> db_;
  };
  Result<Reader> GetReader() const {
    {
      std::lock_guard<std::mutex> lock(readers_mutex);
      if (!readers.empty()) {
        std::unique_ptr<store::Db> db_reader = std::move(readers.back());
        readers.pop_back();
        return Reader(this, std::move(db_reader));
      }
    }
    COOPATLAS_ASSIGN_OR_RETURN(
        std::unique_ptr<store::Db> opened,
        store::Db::Open(db->path(), store::OpenMode::kReadOnly));
    return Reader(this, std::move(opened));
  }
  mutable std::mutex readers_mutex;
  mutable std::vector<std::unique_ptr<store::Db>> readers;
};

// The French authority whose code is `code` (an exact code, not a name).
// Errors: kNotFound, suggesting the best candidate.
Result<Candidate> FrenchIdentity(const resolve::Resolver& resolver,
                                 const std::string& code);

// The IATI codelists of the reference data (table ref_codelist), empty when
// none were loaded (registry/iati.cc; the export, validation and import).
Result<iati::Codelists> ReadIatiCodelists(store::Db* db);

// The peers of authority `id`, best first (registry/peers.cc). The caller
// holds the database lock.
Result<std::vector<Peer>> RankPeers(store::Db* db, const Labels& labels,
                                    std::int64_t id, int limit);

}  // namespace coopatlas
