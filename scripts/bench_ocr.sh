#!/usr/bin/env bash
# OCR cost and parallel speed-up, in one run:
#   1. CPU seconds per page of `raingan extract --jobs 1` on scanned PDFs
#      against plain `tesseract PAGE.png - -l tha --psm 6` on the same
#      pages rendered at 300 dpi (goal: ratio <= 1.0, table-aware OCR
#      costs no more than blind full-page OCR);
#   2. wall-time speed-up of `--jobs 2` over `--jobs 1` (goal >= 1.8).
#
#   scripts/bench_ocr.sh [BUILD_DIR] [FILE.scan.pdf ...]
#
# BUILD_DIR defaults to build/ (it must hold the raingan binary); the files
# default to every *.scan300.pdf in ../shared/samples/. CPU = user + system
# seconds as /usr/bin/time reports them, process start-up and model
# loading included for both tools. raingan renders the PDF pages itself
# (that is in its time); tesseract gets PNGs rendered beforehand (not in
# its time), with OMP_THREAD_LIMIT=1, its cheapest setting in CPU seconds.
# The speed-up needs two idle cores: the load average is printed with it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[[ $# -gt 0 ]] && shift
raingan=$build/raingan

if [[ ! -x $raingan ]]; then
  echo "bench_ocr: no raingan binary at $raingan (build it first)" >&2
  exit 2
fi
for tool in tesseract pdftoppm pdfinfo /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench_ocr: $tool is missing" \
      "(apt-get install tesseract-ocr tesseract-ocr-tha poppler-utils time)" >&2
    exit 2
  fi
done

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  shopt -s nullglob
  files=("$root"/../shared/samples/*.scan300.pdf)
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "bench_ocr: no scanned PDF given or found" >&2
  exit 2
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  pages=$((pages + n))
  printf '%-50s %4d pages\n' "$(basename "$f")" "$n"
  pdftoppm -r 300 -gray -png "$f" "$tmp/$(basename "$f" .pdf)"
done

# seconds FIELD NAME COMMAND...: runs COMMAND, prints user+system (FIELD=cpu)
# or elapsed (FIELD=wall) seconds.
seconds() {
  local field=$1 name=$2
  shift 2
  /usr/bin/time -f '%U %S %e' -o "$tmp/$name.time" "$@" >/dev/null \
    2>>"$tmp/stderr" || {
    echo "bench_ocr: failed: $*" >&2
    cat "$tmp/stderr" >&2
    exit 1
  }
  if [[ $field == cpu ]]; then
    awk '{printf "%.2f", $1 + $2}' "$tmp/$name.time"
  else
    awk '{printf "%.2f", $3}' "$tmp/$name.time"
  fi
}

run_raingan() {  # JOBS: every file, one process each
  local jobs=$1
  for f in "${files[@]}"; do
    "$raingan" extract "$f" --jobs "$jobs" -o /dev/null
  done
}
run_tesseract() {
  for png in "$tmp"/*.png; do
    OMP_THREAD_LIMIT=1 tesseract "$png" - -l tha --psm 6
  done
}
export -f run_raingan run_tesseract
export raingan tmp
files_list=$(printf '%q ' "${files[@]}")

cpu_raingan=$(seconds cpu raingan bash -c "files=($files_list); run_raingan 1")
cpu_tess=$(seconds cpu tesseract bash -c run_tesseract)
wall_1=$(seconds wall jobs1 bash -c "files=($files_list); run_raingan 1")
wall_2=$(seconds wall jobs2 bash -c "files=($files_list); run_raingan 2")
load=$(cut -d' ' -f1-3 /proc/loadavg)

awk -v r="$cpu_raingan" -v t="$cpu_tess" -v n="$pages" -v w1="$wall_1" \
  -v w2="$wall_2" -v load="$load" -v cores="$(nproc)" '
  BEGIN {
    printf "\n%-34s %9s %7s %10s\n", "", "CPU s", "pages", "CPU s/page"
    printf "%-34s %9.2f %7d %10.2f\n", "raingan extract --jobs 1", r, n, r / n
    printf "%-34s %9.2f %7d %10.2f\n", "tesseract -l tha --psm 6", t, n, t / n
    printf "\nCPU ratio raingan / tesseract = %.2f (goal <= 1.0)\n", (t > 0 ? r / t : 0)
    printf "\n%-34s %9s\n", "", "wall s"
    printf "%-34s %9.2f\n", "raingan extract --jobs 1", w1
    printf "%-34s %9.2f\n", "raingan extract --jobs 2", w2
    printf "\nspeed-up jobs 2 / jobs 1 = %.2f (goal >= 1.8; %d cores, load average %s)\n",
      (w2 > 0 ? w1 / w2 : 0), cores, load
  }'
