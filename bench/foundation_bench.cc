// Foundation benchmarks: `init` (reference load into a new database) and
// resolver throughput on the 52,228 names of the Wikipedia twin-town file,
// each beside a baseline run in the same process on the same data.
//
//   build/release/bench/foundation_bench --benchmark_repetitions=5
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

#include "coopatlas/registry.h"
#include "core/csv.h"
#include "core/file.h"
#include "reference/loader.h"
#include "text/fold.h"

namespace {

const std::string kSource = COOPATLAS_SOURCE_DIR;

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

void RemoveDb(const std::string& path) {
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::filesystem::remove(path + suffix);
  }
}

// Every name of both columns, in file order (52,228).
const std::vector<std::string>& TwinTownNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    auto text = coopatlas::core::ReadFile(
        kSource + "/third_party/twin-towns/wikipedia-twin-towns.csv");
    if (!text.ok()) std::abort();
    auto table = coopatlas::core::ParseCsvTable(*text, "twin towns");
    if (!table.ok()) std::abort();
    for (const auto& row : table->rows) {
      out.push_back(row.fields[0]);
      out.push_back(row.fields[2]);
    }
    return out;
  }();
  return names;
}

const coopatlas::Registry& SharedRegistry() {
  static std::unique_ptr<coopatlas::Registry> registry = [] {
    const std::string path = TempPath("coopatlas-bench-resolve.db");
    RemoveDb(path);
    coopatlas::InitOptions options;
    options.db_path = path;
    options.reference_root = kSource;
    if (!coopatlas::Registry::Init(options).ok()) std::abort();
    auto r = coopatlas::Registry::Open({path, true});
    if (!r.ok()) std::abort();
    // Build the resolver index outside the timed loop.
    (void)(*r)->Resolve("Paris");
    return std::move(*r);
  }();
  return *registry;
}

// init: packages -> new database, everything (what `coopatlas init` does).
void BM_Init(benchmark::State& state) {
  const std::string path = TempPath("coopatlas-bench-init.db");
  for (auto _ : state) {
    state.PauseTiming();
    RemoveDb(path);
    state.ResumeTiming();
    coopatlas::InitOptions options;
    options.db_path = path;
    options.reference_root = kSource;
    auto report = coopatlas::Registry::Init(options);
    if (!report.ok()) state.SkipWithError(report.status().ToString().c_str());
  }
  RemoveDb(path);
}
BENCHMARK(BM_Init)->Unit(benchmark::kMillisecond)->Iterations(1);

// Baseline for init: only reading and parsing the package files, no
// database at all.
void BM_Baseline_ParsePackages(benchmark::State& state) {
  for (auto _ : state) {
    auto data = coopatlas::reference::Load({kSource});
    if (!data.ok()) state.SkipWithError(data.status().ToString().c_str());
    benchmark::DoNotOptimize(data);
  }
}
BENCHMARK(BM_Baseline_ParsePackages)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);

// The resolver on all 52,228 names (one iteration = all names).
void BM_ResolveTwinTownNames(benchmark::State& state) {
  const auto& names = TwinTownNames();
  const auto& registry = SharedRegistry();
  for (auto _ : state) {
    for (const auto& name : names) {
      auto r = registry.Resolve(name);
      benchmark::DoNotOptimize(r);
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_ResolveTwinTownNames)->Unit(benchmark::kMillisecond);

// Baseline: folding alone (ICU), the floor of any accent-insensitive lookup.
void BM_Baseline_FoldOnly(benchmark::State& state) {
  const auto& names = TwinTownNames();
  for (auto _ : state) {
    for (const auto& name : names) {
      auto folded = coopatlas::text::Fold(name);
      benchmark::DoNotOptimize(folded);
    }
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_Baseline_FoldOnly)->Unit(benchmark::kMillisecond);

// Baseline: exact, accent-sensitive hash lookup of the raw names in a map of
// the raw official names: what a naive join would cost.
void BM_Baseline_ExactHashLookup(benchmark::State& state) {
  const auto& names = TwinTownNames();
  std::unordered_map<std::string, int> official;
  for (std::size_t i = 0; i < names.size(); i += 2) official[names[i]] = 1;
  for (auto _ : state) {
    std::size_t hits = 0;
    for (const auto& name : names) hits += official.count(name);
    benchmark::DoNotOptimize(hits);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(names.size()));
}
BENCHMARK(BM_Baseline_ExactHashLookup)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
