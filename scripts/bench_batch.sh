#!/usr/bin/env bash
# `raingan batch` on a province-sized corpus, in one run: documents/s and
# pages/s with --jobs 1 and --jobs 2, peak memory, and the same files read
# by a plain pdftotext/tesseract loop as the floor, with the ratios.
#
#   scripts/bench_batch.sh [BUILD_DIR]
#
# The corpus (scripts/bench_corpus.sh) repeats the samples under
# amphoe-NN/ directories: COPIES x (three text exports and three
# born-digital PDFs) + IMAGES scanned page images + SCANS scanned PDFs;
# the defaults (30, 20, 1) give 201 documents.
#
# Peak memory is measured two ways: the largest single process
# (/usr/bin/time's maximum RSS: the parent or one worker) and the largest
# sum over the whole process tree (parent + running workers), sampled
# every 0.2 s. The second is what "bounded by the jobs" is about.
#
# The floor does the least work that reads the same text: `cat` for text
# exports, `pdftotext -layout` for born PDFs, `tesseract -l tha+eng` for
# images, and `pdftoppm -r 300 -gray` + tesseract per page for scans, one
# file after the other (single-threaded Tesseract, OMP_THREAD_LIMIT=1). It
# neither finds tables nor writes JSON, so it is a floor, not a rival.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
raingan=$build/raingan
copies=${COPIES:-30}
images=${IMAGES:-20}
scans=${SCANS:-1}

die() {
  echo "bench_batch: $*" >&2
  exit 2
}
[[ -x $raingan ]] || die "no raingan binary at $raingan (build it first)"
for tool in pdftotext pdftoppm pdfinfo tesseract /usr/bin/time; do
  command -v "$tool" >/dev/null ||
    die "$tool is missing (apt-get install poppler-utils tesseract-ocr-tha time)"
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
corpus=$work/corpus

# --- the corpus ---------------------------------------------------------
# shellcheck source=scripts/bench_corpus.sh
source "$root/scripts/bench_corpus.sh"
make_bench_corpus "$root" "$corpus"

pages_of() { # FILE: pages of a PDF or image, 0 for a text export
  case $1 in
    *.pdf) pdfinfo "$1" | awk '/^Pages:/ {print $2}' ;;
    *.jpg | *.png | *.tif) echo 1 ;;
    *) echo 0 ;;
  esac
}
mapfile -t files < <(find -L "$corpus" -type f | LC_ALL=C sort)
docs=${#files[@]}
pages=0
for f in "${files[@]}"; do pages=$((pages + $(pages_of "$f"))); done
echo "corpus: $docs documents ($((copies * 6)) text exports and born PDFs," \
  "$images images, $scans scanned PDFs), $pages pages"

# --- measuring ----------------------------------------------------------
# tree_rss ROOT_PID: KiB resident in ROOT_PID and all its descendants.
tree_rss() {
  ps -eo pid=,ppid=,rss= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3 }
    END {
      for (p in parent) {
        q = p
        while (q != "" && q != root && q != 0 && q != 1) q = parent[q]
        if (q == root) total += rss[p]
      }
      print total + 0
    }'
}

# measure NAME COMMAND...: runs COMMAND; records wall seconds, the largest
# process's RSS (KiB), user and system CPU seconds (of the command and the
# children it waited for: the workers, the floor's tools) and the peak tree
# RSS (KiB) in $work/NAME.*
measure() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/$name.time" "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$! peak=0 now
  while kill -0 "$pid" 2>/dev/null; do
    now=$(tree_rss "$pid")
    ((now > peak)) && peak=$now
    sleep 0.2
  done
  wait "$pid" || true
  echo "$peak" >"$work/$name.tree"
}

floor_loop() {
  export OMP_THREAD_LIMIT=1
  local f tmp=$work/floor-pages
  for f in "$@"; do
    case $f in
      *.scan300.pdf)
        rm -rf "$tmp" && mkdir -p "$tmp"
        pdftoppm -r 300 -gray "$f" "$tmp/p"
        for p in "$tmp"/p*; do tesseract "$p" - -l tha+eng >/dev/null 2>&1; done
        ;;
      *.pdf) pdftotext -layout "$f" - >/dev/null ;;
      *.jpg | *.png | *.tif) tesseract "$f" - -l tha+eng >/dev/null 2>&1 ;;
      *) cat "$f" >/dev/null ;;
    esac
  done
}
export -f floor_loop
export work

run_batch() { # JOBS
  measure "jobs$1" "$raingan" batch "$corpus" --out "$work/out$1" --jobs "$1"
  local results=$work/out$1/results.jsonl ok
  if [[ ! -f $results ]]; then
    echo "bench_batch: raingan batch --jobs $1 did not finish:" >&2
    tail -5 "$work/jobs$1.err" >&2
    exit 1
  fi
  ok=$(grep -c '"status":"ok"' "$results" || true)
  if ((ok != docs)); then
    echo "bench_batch: --jobs $1: only $ok of $docs documents ok" >&2
    grep -v '"status":"ok"' "$results" | head -5 >&2 || true
  fi
}

echo "running raingan batch --jobs 1 ..."
run_batch 1
echo "running raingan batch --jobs 2 ..."
run_batch 2
echo "running the floor loop ..."
measure floor bash -c 'floor_loop "$@"' floor "${files[@]}"

# --- report -------------------------------------------------------------
row() { # LABEL NAME
  read -r wall rss user sys <"$work/$2.time"
  tree=$(cat "$work/$2.tree")
  awk -v l="$1" -v w="$wall" -v c="$user" -v s="$sys" -v d="$docs" -v p="$pages" \
    -v r="$rss" -v t="$tree" \
    'BEGIN { printf "%-28s %7.1f %7.1f %7.2f %8.1f %9.0f %10.0f\n",
             l, w, c + s, d / w, p / w, r / 1024, t / 1024 }'
}
cpu() { awk '{ print $3 + $4 }' "$work/$1.time"; }
echo
printf '%-28s %7s %7s %7s %8s %9s %10s\n' "" "wall s" "cpu s" "docs/s" \
  "pages/s" "max proc" "peak tree"
printf '%-28s %7s %7s %7s %8s %9s %10s\n' "" "" "" "" "" "MiB" "MiB"
row "raingan batch --jobs 1" jobs1
row "raingan batch --jobs 2" jobs2
row "floor (pdftotext/tesseract)" floor
w1=$(cut -d' ' -f1 "$work/jobs1.time")
w2=$(cut -d' ' -f1 "$work/jobs2.time")
wf=$(cut -d' ' -f1 "$work/floor.time")
awk -v a="$w1" -v b="$w2" -v f="$wf" -v ca="$(cpu jobs1)" \
  -v cb="$(cpu jobs2)" -v cf="$(cpu floor)" -v load="$(cut -d' ' -f1 /proc/loadavg)" 'BEGIN {
  printf "\nratios: --jobs 2 is %.2fx as fast as --jobs 1 (wall time)\n", a / b
  printf "        raingan takes %.2fx (--jobs 1) and %.2fx (--jobs 2) the floor'"'"'s wall time\n",
    a / f, b / f
  printf "        and %.2fx (--jobs 1) and %.2fx (--jobs 2) its CPU time\n",
    ca / cf, cb / cf
  printf "(load average at the end: %s on %d cores; wall times are only\n", load, '"$(nproc)"'
  printf " comparable on an otherwise idle machine, CPU times less sensitive)\n" }'
