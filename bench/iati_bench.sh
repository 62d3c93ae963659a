#!/usr/bin/env bash
# IATI benchmark (docs/benchmarks.md, docs/iati.md): on a database of
# 100,000 synthetic projects (`coopatlas synth`), times
#   - the IATI export (writing + its own XSD and rule checks),
#   - `coopatlas validate iati` beside `xmllint --stream --noout --schema`
#     on the same file, alternately, 3 runs each,
#   - `coopatlas import iati` of that file into an empty database, 3 runs
#     and their median.
# Usage: bench/iati_bench.sh [path/to/coopatlas] [projects]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-build/release/coopatlas}
projects=${2:-100000}
schema=third_party/iati-schemas-2.03/iati-activities-schema.xsd
work=$(mktemp -d /tmp/iati-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$bin" init --db "$work/synth.db" >/dev/null
"$bin" synth --projects "$projects" --db "$work/synth.db" >/dev/null

# "wall user sys maxrss_kb" of a command.
run() { /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>&1 || true; cat "$work/time"; }
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { printf "%.1f", b / 1e6 / s }'; }

read -r wall user sys rss < <(run "$bin" export --db "$work/synth.db" \
  --format iati --publisher FR-INSEE-200053767 --publisher-name Synth \
  --out "$work/synth.xml" -q)
bytes=$(stat -c %s "$work/synth.xml")
echo "export: $projects activities, $bytes bytes: ${wall} s wall (${user} s user, ${sys} s sys, ${rss} KB peak)"

for i in 1 2 3; do
  read -r wall user sys rss < <(run xmllint --stream --noout --schema "$schema" "$work/synth.xml")
  echo "xmllint --stream --schema run $i: ${wall} s wall, $(mbps "$bytes" "$wall") MB/s (${user} s user, ${rss} KB peak)"
  read -r wall user sys rss < <(run "$bin" validate iati --db "$work/synth.db" -q "$work/synth.xml")
  echo "coopatlas validate iati   run $i: ${wall} s wall, $(mbps "$bytes" "$wall") MB/s (${user} s user, ${rss} KB peak)"
done

# Three imports, each into a new empty database (the machine's speed varies
# from run to run: the median is the figure).
walls=()
for i in 1 2 3; do
  rm -f "$work"/empty.db*
  "$bin" init --db "$work/empty.db" >/dev/null
  sync
  read -r wall user sys rss < <(run "$bin" import iati --db "$work/empty.db" -q "$work/synth.xml")
  echo "coopatlas import iati run $i: ${wall} s wall, $(mbps "$bytes" "$wall") MB/s (${user} s user, ${sys} s sys, ${rss} KB peak)"
  walls+=("$wall")
done
median=$(printf '%s\n' "${walls[@]}" | sort -n | sed -n 2p)
echo "coopatlas import iati median: ${median} s wall, $(mbps "$bytes" "$median") MB/s"
