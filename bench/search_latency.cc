// Search latency with facets, in process: each query of a fixed set run R
// times through Registry::Search (matches and bm25 from the postings in
// memory, facets counted in memory, the page with FTS5 snippets); prints
// the index's load time and the process' memory, then p50 and p99 per query
// and over all runs.
//
//   build/release/bench/search_latency DB [repetitions]
//   build/release/bench/search_latency DB --make-baseline-table
// The second form copies the documents into `search_plain`, a plain FTS5
// table (unicode61 tokenizer) that bench/search_baseline.sh queries through
// the sqlite3 shell, which cannot load the French tokenizer.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "coopatlas/registry.h"
#include "store/db.h"

namespace {

// The query set, shared with bench/search_baseline.sh.
const std::vector<std::string> kQueries = {
    "eau",   "eau potable",    "santé",   "jeunesse", "coopération",
    "Dakar", "assainissement", "culture", "énergie",  "formation"};

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const auto i =
      static_cast<std::size_t>(p * static_cast<double>(v.size() - 1));
  return v[i];
}

// VmRSS and VmHWM (peak) of this process, from /proc/self/status.
std::string Memory() {
  std::ifstream status("/proc/self/status");
  std::string line, rss, peak;
  while (std::getline(status, line)) {
    auto value = [&] {
      const auto at = line.find_first_not_of(" \t", line.find(':') + 1);
      return line.substr(at);
    };
    if (line.rfind("VmRSS:", 0) == 0) rss = value();
    if (line.rfind("VmHWM:", 0) == 0) peak = value();
  }
  return rss + " (peak " + peak + ")";
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: search_latency DB [repetitions]\n");
    return 2;
  }
  if (argc > 2 && std::string(argv[2]) == "--make-baseline-table") {
    auto db = coopatlas::store::Db::Open(
        argv[1], coopatlas::store::OpenMode::kReadWrite);
    if (!db.ok()) {
      std::fprintf(stderr, "%s\n", db.status().ToString().c_str());
      return 1;
    }
    const coopatlas::Status s = (*db)->Exec(
        "DROP TABLE IF EXISTS search_plain;"
        "CREATE VIRTUAL TABLE search_plain USING fts5(title, body, tokenize = "
        "'unicode61 remove_diacritics 2');"
        "INSERT INTO search_plain(rowid, title, body) SELECT rowid, title, "
        "body "
        "FROM search_fts;");
    if (!s.ok()) {
      std::fprintf(stderr, "%s\n", s.ToString().c_str());
      return 1;
    }
    return 0;
  }
  const int repetitions = argc > 2 ? std::atoi(argv[2]) : 50;
  auto registry = coopatlas::Registry::Open({argv[1], true});
  if (!registry.ok()) {
    std::fprintf(stderr, "%s\n", registry.status().ToString().c_str());
    return 1;
  }
  // Warm up: the first search loads the index in memory.
  const auto load_start = std::chrono::steady_clock::now();
  {
    coopatlas::SearchOptions o;
    o.q = kQueries[0];
    (void)(*registry)->Search(o);
  }
  std::printf("index loaded in %.1f s; resident memory %s\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            load_start)
                  .count(),
              Memory().c_str());
  for (const auto& q : kQueries) {
    coopatlas::SearchOptions o;
    o.q = q;
    (void)(*registry)->Search(o);
  }
  std::vector<double> all;
  std::printf("%-16s %8s %9s %9s\n", "query", "total", "p50 ms", "p99 ms");
  for (const auto& q : kQueries) {
    std::vector<double> times;
    std::int64_t total = 0;
    for (int r = 0; r < repetitions; ++r) {
      coopatlas::SearchOptions o;
      o.q = q;
      const auto start = std::chrono::steady_clock::now();
      auto page = (*registry)->Search(o);
      const double ms = std::chrono::duration<double, std::milli>(
                            std::chrono::steady_clock::now() - start)
                            .count();
      if (!page.ok()) {
        std::fprintf(stderr, "%s\n", page.status().ToString().c_str());
        return 1;
      }
      total = page->total;
      times.push_back(ms);
      all.push_back(ms);
    }
    std::printf("%-16s %8lld %9.1f %9.1f\n", q.c_str(),
                static_cast<long long>(total), Percentile(times, 0.5),
                Percentile(times, 0.99));
  }
  std::printf("%-16s %8s %9.1f %9.1f\n", "ALL", "", Percentile(all, 0.5),
              Percentile(all, 0.99));
  std::printf("resident memory %s\n", Memory().c_str());
  return 0;
}
