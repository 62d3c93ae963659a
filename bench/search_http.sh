#!/usr/bin/env bash
# Search over HTTP: `coopatlas serve` on a database, then wrk with the query
# set of bench/wrk_search.lua (the same ten queries as search_latency), and,
# as the floor of the HTTP stack, wrk on a small static file of the same
# server. Prints wrk's latency distributions and the server's memory
# (resident now and peak) after the runs.
#   bench/search_http.sh DB [seconds] [connections]
# Needs wrk (bench/setup via `make bench`).
set -euo pipefail
db="$1"
seconds="${2:-20}"
connections="${3:-4}"
root="$(cd "$(dirname "$0")/.." && pwd)"
port=8137
threads=$(( connections < 2 ? connections : 2 ))
"$root/build/release/coopatlas" serve --db "$db" --port "$port" >/tmp/coopatlas-bench-serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf "http://127.0.0.1:$port/api/v1/stats" >/dev/null 2>&1 && break
  sleep 0.2
done
# The first search loads the index.
start=$(date +%s.%N)
curl -sf "http://127.0.0.1:$port/api/v1/search?q=eau" >/dev/null
echo "first search (loads the index): $(echo "$(date +%s.%N) - $start" | bc) s"
echo "== search, $connections connections, ${seconds}s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency -s "$root/bench/wrk_search.lua" \
  "http://127.0.0.1:$port"
echo "== floor: a static file (/i18n.js), $connections connections, ${seconds}s"
wrk -t"$threads" -c"$connections" -d"${seconds}s" --latency "http://127.0.0.1:$port/i18n.js"
grep -E "VmRSS|VmHWM" "/proc/$server/status"
