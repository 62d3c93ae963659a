#!/usr/bin/env bash
# Runs the benchmarks on the release build; results (JSON) under
# build/release/bench/. Numbers go to docs/benchmarks.md with this command.
#   make bench        (builds first)
#   bench/run.sh [extra Google Benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/release/bench
for b in foundation_bench import_bench; do
  if [ ! -x "$dir/$b" ]; then
    echo "bench: build first with: make build" >&2
    exit 1
  fi
  "$dir/$b" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
    --benchmark_out="$dir/$b.json" --benchmark_out_format=json "$@"
done
echo "bench: results in $dir/*.json"
