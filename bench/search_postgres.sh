#!/usr/bin/env bash
# Baseline for the search benchmark: PostgreSQL 15 full-text search on the
# same documents and facets as a coopatlas database. A throw-away cluster
# (initdb in a temporary directory, Unix socket only), the documents loaded
# from the database's `search_plain` copy (made by
# `search_latency DB --make-baseline-table`) and its `search_facet` table,
# a tsvector column with the 'french' configuration and a GIN index. Each
# search is one statement answering what coopatlas answers: the number of
# matches, the top 20 by ts_rank and the counts of every facet value over
# the matches (GROUP BY). Prints p50 and p99 per query (psql's \timing).
#   bench/search_postgres.sh DB [repetitions]
# Needs Debian's postgresql-15 (bench/setup-bench.sh installs it).
set -euo pipefail
db="$(realpath "$1")"
reps="${2:-20}"
bin=/usr/lib/postgresql/15/bin
queries=("eau" "eau potable" "santé" "jeunesse" "coopération" "Dakar"
         "assainissement" "culture" "énergie" "formation")
if [ ! -x "$bin/postgres" ]; then
  echo "search_postgres: PostgreSQL 15 is not installed (bench/setup-bench.sh)" >&2
  exit 1
fi
if ! sqlite3 "$db" "SELECT 1 FROM search_plain LIMIT 1" >/dev/null 2>&1; then
  "$(dirname "$0")/../build/release/bench/search_latency" "$db" --make-baseline-table
fi
work="$(mktemp -d /tmp/coopatlas-pg.XXXXXX)"
as_pg=()
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$work"
  as_pg=(runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
"${as_pg[@]}" "$bin/initdb" -D "$work/data" -E UTF8 --locale=C.UTF-8 >/dev/null
# Memory settings for a machine this size; JIT off (it only adds compile
# time to these queries).
"${as_pg[@]}" "$bin/pg_ctl" -D "$work/data" -l "$work/log" -w start -o \
  "-k $work -c listen_addresses='' -c shared_buffers=2GB -c work_mem=256MB -c effective_cache_size=8GB -c jit=off -c fsync=off" >/dev/null
psql=("${as_pg[@]}" psql -h "$work" -d postgres -q -v ON_ERROR_STOP=1)

start=$(date +%s)
sqlite3 -csv "$db" "SELECT rowid, title, body FROM search_plain" > "$work/docs.csv"
sqlite3 -csv "$db" "SELECT doc, facet, value FROM search_facet" > "$work/facets.csv"
chmod a+r "$work"/*.csv
"${psql[@]}" <<SQL
CREATE TABLE docs (id integer PRIMARY KEY, title text, body text);
CREATE TABLE facets (doc integer, facet text, value text);
COPY docs FROM '$work/docs.csv' CSV;
COPY facets FROM '$work/facets.csv' CSV;
ALTER TABLE docs ADD COLUMN tsv tsvector GENERATED ALWAYS AS
  (to_tsvector('french', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED;
CREATE INDEX docs_tsv ON docs USING gin (tsv);
CREATE INDEX facets_doc ON facets (doc);
VACUUM ANALYZE;
SQL
echo "postgres: loaded and indexed $(wc -l < "$work/docs.csv") documents in $(( $(date +%s) - start )) s" >&2

printf "%-16s %8s %9s %9s\n" query total "p50 ms" "p99 ms"
for q in "${queries[@]}"; do
  sql="$work/q.sql"
  qq="${q//\'/\'\'}"
  {
    echo "\\timing on"
    for _ in $(seq $((reps + 1))); do
      cat <<SQL
WITH m AS (SELECT id, ts_rank(tsv, q) AS r FROM docs, plainto_tsquery('french', '$qq') q WHERE tsv @@ q)
SELECT (SELECT count(*) FROM m) AS total,
       (SELECT array_agg(id) FROM (SELECT id FROM m ORDER BY r DESC, id LIMIT 20) t) AS top,
       (SELECT count(*) FROM (SELECT f.facet, f.value, count(*) FROM facets f JOIN m ON f.doc = m.id GROUP BY f.facet, f.value) g) AS facet_values;
SQL
    done
  } > "$sql"
  chmod a+r "$sql"
  out="$("${psql[@]}" -At -f "$sql")"
  total="$(echo "$out" | grep -v '^Time' | head -1 | cut -d'|' -f1)"
  # The first run warms the cache; the others are timed.
  echo "$out" | awk '/^Time:/ {print $2}' | tail -n "$reps" | sort -n | awk -v q="$q" -v t="$total" '{a[NR] = $1} END {
      p50 = a[int((NR - 1) * 0.5) + 1]; p99 = a[int((NR - 1) * 0.99) + 1];
      printf "%-16s %8s %9.1f %9.1f\n", q, t, p50, p99}'
done
