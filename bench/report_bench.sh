#!/usr/bin/env bash
# National report benchmark (docs/benchmarks.md "Finance and reports", issue
# 5): on a database of synthetic projects (`coopatlas synth`, opened read
# only), times `coopatlas report --national` in HTML and PDF, and
# `coopatlas finance --national`, beside a baseline in the same run: the
# sqlite3 shell summing the funding lines by nature and mechanism and
# counting the projects by theme (the two largest GROUP BY scans the report
# makes). 3 runs each, interleaved; median; wall time and peak memory from
# /usr/bin/time.
# Usage: bench/report_bench.sh [path/to/coopatlas] [db]
#   (db defaults to /tmp/b1m.db, made by
#    coopatlas init --db /tmp/b1m.db && coopatlas synth --projects 1000000 --db /tmp/b1m.db)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/ci/coopatlas}
db=${2:-/tmp/b1m.db}
work=$(mktemp -d /tmp/report-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

echo "database: $db ($(sqlite3 -readonly "$db" 'SELECT count(*) FROM project') projects," \
  "$(sqlite3 -readonly "$db" 'SELECT count(*) FROM funding_line') funding lines," \
  "$(sqlite3 -readonly "$db" 'SELECT count(*) FROM partnership') partnerships)"

# "wall maxrss_kb" of a command; fails the script if the command fails.
run() { /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null; cat "$work/time"; }

declare -A runs
record() {  # name wall rss
  runs[$1]="${runs[$1]:-} $2"
  printf '%-28s run %s: %6.2f s wall, %7.0f MB peak\n' "$1" "$i" "$2" "$(awk -v k="$3" 'BEGIN { print k / 1024 }')"
}
baseline_sql="SELECT nature, mechanism, count(*), sum(amount_cents) FROM funding_line GROUP BY 1, 2;
SELECT theme, count(*) FROM project_theme GROUP BY 1;"

for i in 1 2 3; do
  read -r wall rss < <(run sqlite3 -readonly "$db" "$baseline_sql")
  record "baseline sqlite3 GROUP BY" "$wall" "$rss"
  read -r wall rss < <(run "$bin" report --national --format html --db "$db" --out "$work/national.html")
  record "report --national html" "$wall" "$rss"
  read -r wall rss < <(run "$bin" report --national --format pdf --db "$db" --out "$work/national.pdf")
  record "report --national pdf" "$wall" "$rss"
  read -r wall rss < <(run "$bin" finance --national --db "$db")
  record "finance --national" "$wall" "$rss"
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -g | sed -n 2p; }
echo
for name in "baseline sqlite3 GROUP BY" "report --national html" "report --national pdf" "finance --national"; do
  printf '%-28s median of 3: %s s\n' "$name" "$(median "${runs[$name]}")"
done
# Peak RSS counts the pages of the database file the report maps read only
# (PRAGMA mmap_size): split it into anonymous memory and file pages by
# sampling /proc/PID/status every 50 ms during one more HTML run.
"$bin" report --national --format html --db "$db" --out "$work/m.html" 2>/dev/null &
pid=$!
anon=0 file=0
while kill -0 "$pid" 2>/dev/null; do
  a=$(awk '/RssAnon/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  f=$(awk '/RssFile/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true)
  if [ -n "$a" ] && [ "$a" -gt "$anon" ]; then anon=$a; fi
  if [ -n "$f" ] && [ "$f" -gt "$file" ]; then file=$f; fi
  sleep 0.05
done
wait "$pid"
echo "report --national html: largest RssAnon $((anon / 1024)) MB, largest RssFile $((file / 1024)) MB"
echo "html: $(stat -c %s "$work/national.html") bytes; pdf: $(stat -c %s "$work/national.pdf") bytes"
