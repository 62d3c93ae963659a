#!/usr/bin/env bash
# Baseline for the search benchmark: the bare FTS5 query through the sqlite3
# shell, on the same documents, with FTS5's own unicode61 tokenizer (the
# shell cannot load coopatlas' French tokenizer): the top 20 by rank and the
# match count, no facets, no snippets. Prints p50 and p99 per query.
#   bench/search_baseline.sh DB [repetitions]
set -euo pipefail
db="$1"
reps="${2:-50}"
queries=("eau" "eau potable" "santé" "jeunesse" "coopération" "Dakar"
         "assainissement" "culture" "énergie" "formation")
# A plain FTS5 copy of the documents (once), made by search_latency (it has
# the French tokenizer to read search_fts).
if ! sqlite3 "$db" "SELECT 1 FROM search_plain LIMIT 1" >/dev/null 2>&1; then
  "$(dirname "$0")/../build/release/bench/search_latency" "$db" --make-baseline-table
fi
printf "%-16s %9s %9s\n" query "p50 ms" "p99 ms"
for q in "${queries[@]}"; do
  sql=$(mktemp)
  echo ".timer on" > "$sql"
  for _ in $(seq "$reps"); do
    echo "SELECT count(*) FROM search_plain WHERE search_plain MATCH '\"$q\"';" >> "$sql"
    echo "SELECT rowid FROM search_plain WHERE search_plain MATCH '\"$q\"' ORDER BY rank LIMIT 20;" >> "$sql"
  done
  # Each pair of statements is one search; sum their real times.
  sqlite3 "$db" < "$sql" | awk '/^Run Time/ {t += $4 * 1000; n++; if (n % 2 == 0) {print t; t = 0}}' \
    | sort -n | awk -v q="$q" '{a[NR] = $1} END {
        p50 = a[int((NR - 1) * 0.5) + 1]; p99 = a[int((NR - 1) * 0.99) + 1];
        printf "%-16s %9.1f %9.1f\n", q, p50, p99}'
  rm -f "$sql"
done
