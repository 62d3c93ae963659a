#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints medians.
#   make bench        (builds first)
#   bench/run.sh [extra Google Benchmark flags]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/bench/foundation_bench
if [ ! -x "$bin" ]; then
  echo "bench: build first with: make build" >&2
  exit 1
fi
out=build/release/bench/foundation.json
"$bin" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
  --benchmark_out="$out" --benchmark_out_format=json "$@"
echo "bench: results in $out"
