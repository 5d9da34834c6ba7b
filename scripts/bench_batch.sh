#!/usr/bin/env bash
# `raingan batch` on two corpora, in one run, with --jobs 1 and --jobs 2:
# wall time, CPU time, core utilization (CPU / (wall x cores)), documents/s,
# pages/s and peak memory; then the same mixed files read by a plain
# pdftotext/tesseract loop as the floor, and CPU seconds per page by input
# form (the figures the README's cluster extrapolation uses).
#
#   scripts/bench_batch.sh [BUILD_DIR]
#   SAMPLES=/path/to/shared/samples scripts/bench_batch.sh   (from a worktree)
#
# The mixed corpus ("a province", scripts/bench_corpus.sh) repeats the
# samples under amphoe-NN/ directories: COPIES x (three text exports and
# three born-digital PDFs) + IMAGES scanned page images + SCANS scanned
# PDFs. Defaults (30, 20, 1) give 201 documents; its one
# 21-page scan comes last, which is what made --jobs 2 slow before the
# workers shared their cores.
#
# The scan-heavy corpus: 10 scanned reports of 1 to 10 pages cut from the
# samples' 300-dpi scans (clean) and 200-dpi scan (noisy) with pdfseparate
# and pdfunite, plus 21 text exports.
#
# Goals printed at the end: at --jobs 2, utilization >= 0.9 on both
# corpora; --jobs 2 never slower than --jobs 1, and >= 1.5x faster on the
# mixed corpus.
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
# FLOOR=0 skips it.
#
# Per input form: `raingan batch --jobs 1 --cores 1` over a few documents
# of one form; CPU seconds (user + system, start-up included) divided by
# pages. A text export has no pages: it counts the pages of the same
# report as a PDF.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
raingan=$build/raingan
copies=${COPIES:-30}
images=${IMAGES:-20}
scans=${SCANS:-1}
floor=${FLOOR:-1}
cores=$(nproc)

die() {
  echo "bench_batch: $*" >&2
  exit 2
}
[[ -x $raingan ]] || die "no raingan binary at $raingan (build it first)"
for tool in pdftotext pdftoppm pdfinfo pdfseparate pdfunite tesseract /usr/bin/time; do
  command -v "$tool" >/dev/null ||
    die "$tool is missing (apt-get install poppler-utils tesseract-ocr-tha time)"
done

samples=${SAMPLES:-$root/../shared/samples}
[[ -d $samples ]] || samples=$root/samples
ids=(000_3cee52bff17396b4 002_f81f378ca2341cd5 004_4a7e64d5c0343923)
image=$samples/000_3cee52bff17396b4.p008.jpg
for id in "${ids[@]}"; do
  for ext in txt born.pdf; do
    [[ -f $samples/$id.$ext ]] || die "missing sample $samples/$id.$ext"
  done
done
[[ -f $image ]] || die "missing sample $image"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# --- the corpora --------------------------------------------------------
# The mixed corpus is the one scripts/bench_db.sh uses too.
# shellcheck source=scripts/bench_corpus.sh
source "$root/scripts/bench_corpus.sh"
corpus=$work/mixed
make_bench_corpus "$root" "$corpus"
link() { # SOURCE DIR
  mkdir -p "$2"
  ln -s "$1" "$2/$(basename "$1")"
}

# cut SOURCE FIRST LAST OUT: pages FIRST..LAST of SOURCE as a new PDF.
cut_pages() {
  local tmp=$work/cut
  rm -rf "$tmp" && mkdir -p "$tmp"
  pdfseparate -f "$2" -l "$3" "$1" "$tmp/p%03d.pdf"
  if (($2 == $3)); then cp "$tmp"/p*.pdf "$4"; else pdfunite "$tmp"/p*.pdf "$4"; fi
}
clean000=$samples/000_3cee52bff17396b4.scan300.pdf
clean002=$samples/002_f81f378ca2341cd5.scan300.pdf
noisy002=$samples/002_f81f378ca2341cd5.scan200.pdf
for f in "$clean000" "$clean002" "$noisy002"; do
  [[ -f $f ]] || die "missing sample $f (the scans are in ../shared/samples)"
done
scanned=$work/scans
mkdir -p "$scanned/reports" "$scanned/text"
# Ten reports, 1 to 10 pages, 39 pages in all: clean and noisy.
cut_pages "$clean000" 8 17 "$scanned/reports/r01-000-10p.pdf"
cut_pages "$clean002" 1 6 "$scanned/reports/r02-002-6p.pdf"
cut_pages "$noisy002" 7 11 "$scanned/reports/r03-002n-5p.pdf"
cut_pages "$clean000" 1 4 "$scanned/reports/r04-000-4p.pdf"
cut_pages "$noisy002" 1 3 "$scanned/reports/r05-002n-3p.pdf"
cut_pages "$clean002" 12 14 "$scanned/reports/r06-002-3p.pdf"
cut_pages "$clean000" 18 20 "$scanned/reports/r07-000-3p.pdf"
cut_pages "$noisy002" 15 16 "$scanned/reports/r08-002n-2p.pdf"
cut_pages "$clean002" 17 18 "$scanned/reports/r09-002-2p.pdf"
cut_pages "$clean000" 21 21 "$scanned/reports/r10-000-1p.pdf"
for ((c = 1; c <= 7; c++)); do
  for id in "${ids[@]}"; do
    link "$samples/$id.txt" "$(printf '%s/text/t%02d' "$scanned" "$c")"
  done
done

pages_of() { # FILE: pages of a PDF or image, 0 for a text export
  case $1 in
    *.pdf) pdfinfo "$1" | awk '/^Pages:/ {print $2}' ;;
    *.jpg | *.png | *.tif) echo 1 ;;
    *) echo 0 ;;
  esac
}
count_corpus() { # DIR: sets docs, pages and the files array
  mapfile -t files < <(find -L "$1" -type f | LC_ALL=C sort)
  docs=${#files[@]}
  pages=0
  local f
  for f in "${files[@]}"; do pages=$((pages + $(pages_of "$f"))); done
}
count_corpus "$corpus"
mixed_docs=$docs mixed_pages=$pages
mixed_files=("${files[@]}")
echo "mixed corpus: $docs documents ($((copies * 6)) text exports and born PDFs," \
  "$images images, $scans scanned PDFs), $pages pages"
count_corpus "$scanned"
scan_docs=$docs scan_pages=$pages
echo "scan-heavy corpus: $docs documents (10 scanned reports, 1-10 pages, clean and" \
  "noisy; $((docs - 10)) text exports), $pages pages"
echo "cores: $cores"

# --- measuring ----------------------------------------------------------
# sample ROOT_PID: "KiB threads" -- the resident memory of ROOT_PID and all
# its descendants, and how many of their threads are running or ready to
# run (state R).
sample() {
  ps -eLo pid=,ppid=,rss=,stat= | awk -v root="$1" '
    { parent[$1] = $2; rss[$1] = $3; if ($4 ~ /^R/) running[$1]++ }
    END {
      for (p in parent) {
        q = p
        while (q != "" && q != root && q != 0 && q != 1) q = parent[q]
        if (q == root) { total += rss[p]; threads += running[p] }
      }
      print total + 0, threads + 0
    }'
}

# measure NAME COMMAND...: runs COMMAND; records wall seconds, the largest
# process's RSS (KiB), user and system CPU seconds (of the command and the
# children it waited for: the workers, the floor's tools) in NAME.time; the
# peak tree RSS (KiB) in NAME.tree; and in NAME.busy the mean over the
# samples of min(running threads, cores) / cores: how much of the machine
# the command kept busy or ready to run. Unlike CPU / (wall x cores), that
# does not drop when other programs take the cores (a shared machine).
measure() {
  local name=$1
  shift
  /usr/bin/time -f '%e %M %U %S' -o "$work/$name.time" "$@" \
    >"$work/$name.out" 2>"$work/$name.err" &
  local pid=$! peak=0 rss threads busy=0 samples=0
  while kill -0 "$pid" 2>/dev/null; do
    read -r rss threads < <(sample "$pid")
    ((rss > peak)) && peak=$rss
    busy=$((busy + (threads < cores ? threads : cores)))
    samples=$((samples + 1))
    sleep 0.2
  done
  wait "$pid" || true
  echo "$peak" >"$work/$name.tree"
  awk -v b="$busy" -v s="$samples" -v n="$cores" \
    'BEGIN { printf "%.2f\n", (s > 0 ? b / (s * n) : 0) }' >"$work/$name.busy"
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

run_batch() { # NAME CORPUS DOCS JOBS [OPTIONS...]
  local name=$1 input=$2 want=$3 jobs=$4
  shift 4
  measure "$name" "$raingan" batch "$input" --out "$work/out-$name" --jobs "$jobs" "$@"
  local results=$work/out-$name/results.jsonl ok
  if [[ ! -f $results ]]; then
    echo "bench_batch: $name did not finish:" >&2
    tail -5 "$work/$name.err" >&2
    exit 1
  fi
  ok=$(grep -c '"status":"ok"' "$results" || true)
  if ((ok != want)); then
    echo "bench_batch: $name: only $ok of $want documents ok" >&2
    grep -v '"status":"ok"' "$results" | head -5 >&2 || true
  fi
}

echo "running raingan batch --jobs 1 on the mixed corpus ..."
run_batch mixed1 "$corpus" "$mixed_docs" 1
echo "running raingan batch --jobs 2 on the mixed corpus ..."
run_batch mixed2 "$corpus" "$mixed_docs" 2
echo "running raingan batch --jobs 1 on the scan-heavy corpus ..."
run_batch scans1 "$scanned" "$scan_docs" 1
echo "running raingan batch --jobs 2 on the scan-heavy corpus ..."
run_batch scans2 "$scanned" "$scan_docs" 2
if ((floor)); then
  echo "running the floor loop on the mixed corpus ..."
  measure floor bash -c 'floor_loop "$@"' floor "${mixed_files[@]}"
fi

# Per input form: a few documents of one form, one at a time on one core.
forms=$work/forms
for id in "${ids[@]}"; do
  link "$samples/$id.txt" "$forms/text"
  link "$samples/$id.born.pdf" "$forms/born"
done
for r in r04-000-4p r06-002-3p r10-000-1p; do
  link "$scanned/reports/$r.pdf" "$forms/clean"
done
for r in r03-002n-5p r08-002n-2p; do
  link "$scanned/reports/$r.pdf" "$forms/noisy"
done
born_pages=0
for id in "${ids[@]}"; do born_pages=$((born_pages + $(pages_of "$samples/$id.born.pdf"))); done
for form in text born clean noisy; do
  echo "running raingan batch --jobs 1 --cores 1 on $form ..."
  count_corpus "$forms/$form"
  ((pages > 0)) || pages=$born_pages
  echo "$pages" >"$work/form-$form.pages"
  run_batch "form-$form" "$forms/$form" "$docs" 1 --cores 1
done

# --- report -------------------------------------------------------------
row() { # LABEL NAME DOCS PAGES
  read -r wall rss user sys <"$work/$2.time"
  tree=$(cat "$work/$2.tree")
  awk -v l="$1" -v w="$wall" -v c="$user" -v s="$sys" -v d="$3" -v p="$4" \
    -v r="$rss" -v t="$tree" -v n="$cores" -v b="$(cat "$work/$2.busy")" \
    'BEGIN { printf "%-30s %7.1f %7.1f %6.2f %6.2f %7.2f %8.1f %9.0f %10.0f\n",
             l, w, c + s, (c + s) / (w * n), b, d / w, p / w, r / 1024, t / 1024 }'
}
wall() { cut -d' ' -f1 "$work/$1.time"; }
cpu() { awk '{ print $3 + $4 }' "$work/$1.time"; }
echo
printf '%-30s %7s %7s %6s %6s %7s %8s %9s %10s\n' "" "wall s" "cpu s" "util" \
  "busy" "docs/s" "pages/s" "max proc" "peak tree"
printf '%-30s %7s %7s %6s %6s %7s %8s %9s %10s\n' "" "" "" "" "" "" "" "MiB" "MiB"
row "mixed, --jobs 1" mixed1 "$mixed_docs" "$mixed_pages"
row "mixed, --jobs 2" mixed2 "$mixed_docs" "$mixed_pages"
row "scan-heavy, --jobs 1" scans1 "$scan_docs" "$scan_pages"
row "scan-heavy, --jobs 2" scans2 "$scan_docs" "$scan_pages"
if ((floor)); then row "floor (pdftotext/tesseract)" floor "$mixed_docs" "$mixed_pages"; fi
echo "(util = CPU / (wall x cores); busy = threads running or ready, of the cores:"
echo " the two agree on an idle machine, busy stays true on a shared one)"
echo
echo "CPU seconds per page by input form (--jobs 1 --cores 1, start-up included):"
for form in text born clean noisy; do
  awk -v f="$form" -v c="$(cpu "form-$form")" -v p="$(cat "$work/form-$form.pages")" \
    'BEGIN { printf "  %-6s %8.4f s/page  (%.1f s over %d pages)\n", f, c / p, c, p }'
done

awk -v m1="$(wall mixed1)" -v m2="$(wall mixed2)" -v s1="$(wall scans1)" \
  -v s2="$(wall scans2)" -v cm="$(cpu mixed2)" -v cs="$(cpu scans2)" -v n="$cores" \
  -v bm="$(cat "$work/mixed2.busy")" -v bs="$(cat "$work/scans2.busy")" \
  -v load="$(cut -d' ' -f1 /proc/loadavg)" '
  function met(ok) { return ok ? "(met)" : "(NOT met)" }
  BEGIN {
  um = cm / (m2 * n); us = cs / (s2 * n)
  printf "\ngoals at --jobs 2:\n"
  printf "  utilization >= 0.9: mixed %.2f %s, scan-heavy %.2f %s\n",
    um, met(um >= 0.9), us, met(us >= 0.9)
  printf "  (busy: mixed %.2f, scan-heavy %.2f)\n", bm, bs
  printf "  >= 1.5x as fast as --jobs 1 on the mixed corpus: %.2fx %s\n",
    m1 / m2, met(m1 / m2 >= 1.5)
  printf "  never slower than --jobs 1: mixed %.2fx, scan-heavy %.2fx %s\n",
    m1 / m2, s1 / s2, met(m1 / m2 >= 1.0 && s1 / s2 >= 1.0)
  printf "(load average at the end: %s on %d cores; wall times are only\n", load, n
  printf " comparable on an otherwise idle machine, CPU times less sensitive)\n" }'
if ((floor)); then
  awk -v a="$(wall mixed1)" -v b="$(wall mixed2)" -v f="$(wall floor)" -v ca="$(cpu mixed1)" \
    -v cb="$(cpu mixed2)" -v cf="$(cpu floor)" 'BEGIN {
    printf "floor: raingan takes %.2fx (--jobs 1) and %.2fx (--jobs 2) the floor'"'"'s wall time\n",
      a / f, b / f
    printf "       and %.2fx (--jobs 1) and %.2fx (--jobs 2) its CPU time\n", ca / cf, cb / cf }'
fi
