// Import benchmarks: the Wikipedia twin-town list (26,114 lines) into a
// database holding only the reference data, beside two baselines on the
// same file in the same run: parsing alone, and inserting the raw rows into
// SQLite with no resolution, deduplication or audit.
//
//   build/release/bench/import_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "coopatlas/registry.h"
#include "core/file.h"
#include "ingest/twinnings.h"
#include "store/db.h"

namespace {

const std::string kSource = COOPATLAS_SOURCE_DIR;
const std::string kFile =
    kSource + "/third_party/twin-towns/wikipedia-twin-towns.csv";

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
}

// A database with the reference data, made once; each iteration copies it.
const std::string& ReferenceDb() {
  static const std::string path = [] {
    const std::string p = TempPath("coopatlas-bench-import-ref.db");
    RemoveDb(p);
    coopatlas::InitOptions options;
    options.db_path = p;
    options.reference_root = kSource;
    if (!coopatlas::Registry::Init(options).ok()) std::abort();
    return p;
  }();
  return path;
}

void BM_ImportWikipediaTwinnings(benchmark::State& state) {
  const std::string path = TempPath("coopatlas-bench-import.db");
  std::int64_t created = 0;
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    std::filesystem::copy_file(ReferenceDb(), path);
    auto registry = coopatlas::Registry::Open({path, false});
    if (!registry.ok()) std::abort();
    coopatlas::TwinningImportOptions options;
    options.file = kFile;
    // The resolver and places index are built on first use: outside the
    // timing, as in a long-running server.
    (void)(*registry)->Resolve("Paris");
    state.ResumeTiming();
    auto report = (*registry)->ImportTwinnings(options);
    if (!report.ok()) state.SkipWithError(report.status().ToString().c_str());
    created = report.ok() ? report->created : 0;
  }
  state.counters["partnerships"] = static_cast<double>(created);
  RemoveDb(path);
}
BENCHMARK(BM_ImportWikipediaTwinnings)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

void BM_Baseline_ParseOnly(benchmark::State& state) {
  for (auto _ : state) {
    auto bytes = coopatlas::core::ReadFile(kFile);
    auto file = coopatlas::ingest::ReadTwinnings(*bytes, kFile, {});
    if (!file.ok()) state.SkipWithError(file.status().ToString().c_str());
    benchmark::DoNotOptimize(file);
  }
}
BENCHMARK(BM_Baseline_ParseOnly)->Unit(benchmark::kMillisecond);

// The floor of storage: the same 26,114 rows inserted as they are, in one
// transaction, with one prepared statement.
void BM_Baseline_RawSqliteInsert(benchmark::State& state) {
  auto bytes = coopatlas::core::ReadFile(kFile);
  auto file = coopatlas::ingest::ReadTwinnings(*bytes, kFile, {});
  const std::string path = TempPath("coopatlas-bench-raw.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    auto db =
        coopatlas::store::Db::Open(path, coopatlas::store::OpenMode::kCreate);
    if (!db.ok() ||
        !(*db)
             ->Exec("CREATE TABLE t(city1 TEXT, country1 TEXT, city2 TEXT, "
                    "country2 TEXT)")
             .ok()) {
      std::abort();
    }
    state.ResumeTiming();
    (void)(*db)->Exec("BEGIN");
    auto insert = (*db)->Prepare("INSERT INTO t VALUES (?,?,?,?)");
    for (const auto& row : file->rows) {
      insert->Bind(1, row.city1).Bind(2, row.country1).Bind(3, row.city2);
      insert->Bind(4, row.country2);
      (void)insert->Run();
    }
    (void)(*db)->Exec("COMMIT");
  }
  RemoveDb(path);
}
BENCHMARK(BM_Baseline_RawSqliteInsert)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
