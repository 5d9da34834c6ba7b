#!/usr/bin/env bash
# The database load on the benchmark corpus (scripts/bench_corpus.sh, 201
# documents by default), into SQLite and into PostgreSQL:
#   - rows in every table against what the batch's files hold
#     (results.jsonl: one document row per input; measures.jsonl: the
#     measures and their lists; documents/*.json: plan tables, warnings);
#   - a second load of the same directory adds 0 rows;
#   - load time per 1,000 measures, first load (empty database) and
#     second (nothing to write), and `raingan batch --db` on the finished
#     batch (each document loaded through the batch, as it resumes).
#
#   scripts/bench_db.sh [BUILD_DIR]
#
# PostgreSQL: a throw-away server (Debian's postgresql-15: initdb, pg_ctl)
# with default settings (fsync on) on a free localhost port, run as the
# postgres user when this runs as root, stopped at the end. Needs python3
# (expected counts), sqlite3 and psql (counts).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
raingan=$build/raingan

die() {
  echo "bench_db: $*" >&2
  exit 2
}
[[ -x $raingan ]] || die "no raingan binary at $raingan (build it first)"
for tool in python3 sqlite3 psql; do
  command -v "$tool" >/dev/null || die "$tool is missing"
done
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[[ -x $pgbin/initdb ]] || die "no PostgreSQL server (apt-get install postgresql-15)"

work=$(mktemp -d /tmp/raingan_bench_db_XXXXXX)
chmod 755 "$work"
pgdata=$work/pg
pgpid=""
cleanup() {
  if [[ -n $pgpid ]]; then as_pg "$pgbin/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
as_pg() {
  if [[ $(id -u) == 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# --- the batch ------------------------------------------------------------
# shellcheck source=scripts/bench_corpus.sh
source "$root/scripts/bench_corpus.sh"
make_bench_corpus "$root" "$work/corpus"
out=$work/out
echo "running raingan batch on the corpus (once) ..."
"$raingan" batch "$work/corpus" --out "$out" --jobs 2 --quiet >/dev/null || true
[[ -f $out/results.jsonl ]] || die "the batch did not finish"
docs=$(wc -l <"$out/results.jsonl")
measures=$(wc -l <"$out/measures.jsonl")
echo "batch: $docs documents, $measures measures"

tables=(documents document_issues document_warnings measures measure_items
  measure_field_confidence measure_review measure_warnings measure_fiscal_years
  measure_period_runs budget_lines budget_line_amounts budget_totals
  budget_total_amounts risks risk_items ita_scores)

# expected TABLE... : "table count" lines from the batch's files.
python3 - "$out" "${tables[@]}" >"$work/expected" <<'PY'
import json, sys
out, tables = sys.argv[1], sys.argv[2:]
n = {t: 0 for t in tables}
for line in open(out + "/results.jsonl", encoding="utf-8"):
    r = json.loads(line)
    n["documents"] += 1
    if r["status"] == "failed":
        continue
    doc = json.load(open(out + "/" + r["output"], encoding="utf-8"))
    n["document_warnings"] += len(doc["warnings"])
    n["document_issues"] += len(doc.get("issues", []))
    n["ita_scores"] += len(doc.get("scores", []))
    plan = doc.get("plan")
    if plan:
        n["budget_lines"] += len(plan["budget_lines"])
        n["budget_line_amounts"] += sum(len(b["by_year"]) for b in plan["budget_lines"])
        n["budget_totals"] += len(plan["budget_totals"])
        n["budget_total_amounts"] += sum(
            len(set(t["stated"]) | set(t["computed"])) for t in plan["budget_totals"])
        n["risks"] += len(plan["risks"])
        n["risk_items"] += sum(len(k["risks"]) + len(k["controls"]) for k in plan["risks"])
for line in open(out + "/measures.jsonl", encoding="utf-8"):
    m = json.loads(line)["measure"]
    n["measures"] += 1
    for f in ("method", "owner", "output", "outcome", "recommendation"):
        n["measure_items"] += len(m.get(f, []))
    n["measure_items"] += sum(len(v) for v in m.get("extra", {}).values())
    n["measure_field_confidence"] += len(m.get("field_confidence", {}))
    n["measure_review"] += len(m.get("review", []))
    n["measure_warnings"] += len(m["warnings"])
    n["measure_fiscal_years"] += len(m["period"]["fiscal_years"])
    n["measure_period_runs"] += len(m["period"].get("runs", []))
for t in tables:
    print(t, n[t])
PY

count_sqlite() { # FILE -> "table count" lines
  local t
  for t in "${tables[@]}"; do echo "$t $(sqlite3 "$1" "SELECT COUNT(*) FROM $t")"; done
}
count_pg() { # URL
  local t
  for t in "${tables[@]}"; do echo "$t $(psql -XAtq "$1" -c "SELECT COUNT(*) FROM $t")"; done
}
# timed NAME COMMAND...: wall seconds into $work/NAME.s, output in NAME.out
timed() {
  local name=$1 start end
  shift
  start=$(date +%s.%N)
  "$@" >"$work/$name.out" 2>&1 || { cat "$work/$name.out" >&2; die "$name failed"; }
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f\n", b - a }' >"$work/$name.s"
}

# --- SQLite ---------------------------------------------------------------
sqlite=$work/raingan.sqlite
echo "loading into SQLite ..."
timed sqlite1 "$raingan" load "$out" --db "sqlite:$sqlite"
count_sqlite "$sqlite" >"$work/sqlite.rows1"
timed sqlite2 "$raingan" load "$out" --db "sqlite:$sqlite"
count_sqlite "$sqlite" >"$work/sqlite.rows2"
timed sqlite_batch "$raingan" batch "$work/corpus" --out "$out" --jobs 2 \
  --quiet --db "sqlite:$work/batch.sqlite"
count_sqlite "$work/batch.sqlite" >"$work/sqlite.rows3"

# --- PostgreSQL -----------------------------------------------------------
echo "starting a PostgreSQL server ..."
mkdir -p "$pgdata"
[[ $(id -u) == 0 ]] && chown postgres "$work" "$pgdata"
as_pg "$pgbin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --no-locale >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; die "initdb failed"; }
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$pgbin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w \
  -o "-p $port -k $pgdata -c listen_addresses=127.0.0.1" start >/dev/null
pgpid=started
pg=postgresql://postgres@127.0.0.1:$port
psql -XAtq "$pg/postgres" -c "CREATE DATABASE bench" -c "CREATE DATABASE bench_batch"
echo "loading into PostgreSQL ..."
timed pg1 "$raingan" load "$out" --db "$pg/bench"
count_pg "$pg/bench" >"$work/pg.rows1"
timed pg2 "$raingan" load "$out" --db "$pg/bench"
count_pg "$pg/bench" >"$work/pg.rows2"
timed pg_batch "$raingan" batch "$work/corpus" --out "$out" --jobs 2 \
  --quiet --db "$pg/bench_batch"
count_pg "$pg/bench_batch" >"$work/pg.rows3"

# --- report ---------------------------------------------------------------
echo
printf '%-26s %9s %9s %9s %9s %9s %9s %9s\n' table "files" "sqlite" "+2nd" "batch" \
  "postgres" "+2nd" "batch"
status=0
while read -r t want; do
  s1=$(awk -v t="$t" '$1 == t {print $2}' "$work/sqlite.rows1")
  s2=$(awk -v t="$t" '$1 == t {print $2}' "$work/sqlite.rows2")
  s3=$(awk -v t="$t" '$1 == t {print $2}' "$work/sqlite.rows3")
  p1=$(awk -v t="$t" '$1 == t {print $2}' "$work/pg.rows1")
  p2=$(awk -v t="$t" '$1 == t {print $2}' "$work/pg.rows2")
  p3=$(awk -v t="$t" '$1 == t {print $2}' "$work/pg.rows3")
  mark=""
  for got in "$s1" "$s3" "$p1" "$p3"; do [[ $got == "$want" ]] || mark="  MISMATCH"; done
  printf '%-26s %9s %9s %9s %9s %9s %9s %9s%s\n' "$t" "$want" "$s1" \
    "$((s2 - s1))" "$s3" "$p1" "$((p2 - p1))" "$p3" "$mark"
  [[ -z $mark && $s2 == "$s1" && $p2 == "$p1" ]] || status=1
done <"$work/expected"
echo "(+2nd: rows a second load of the same directory added)"
echo
per1000() { awk -v s="$(cat "$work/$1.s")" -v m="$measures" 'BEGIN { printf "%.3f", s * 1000 / m }'; }
row() { # LABEL NAME
  printf '%-44s %7.2f s  %7.3f s per 1,000 measures\n' "$1" "$(cat "$work/$2.s")" "$(per1000 "$2")"
}
echo "load times ($measures measures, $docs documents; wall clock, process start included):"
row "SQLite: raingan load, empty database" sqlite1
row "SQLite: raingan load again (nothing to write)" sqlite2
row "SQLite: raingan batch --db (resumed batch)" sqlite_batch
row "PostgreSQL: raingan load, empty database" pg1
row "PostgreSQL: raingan load again" pg2
row "PostgreSQL: raingan batch --db (resumed batch)" pg_batch
echo "(load average at the end: $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores)"
exit $status
