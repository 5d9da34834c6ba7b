#!/usr/bin/env bash
# CPU time per page of `raingan extract` against `pdftotext -layout` on the
# born-digital PDFs, in one run, and their ratio (the goal is <= 3x).
#
#   scripts/bench_pdf.sh [BUILD_DIR] [FILE.pdf ...]
#
# BUILD_DIR defaults to build/ (it must hold the raingan binary); the files
# default to every *.born.pdf in samples/ and ../shared/samples/. Each file
# is processed REPEAT times (default 5) so the totals are well above the
# timer's resolution. CPU = user + system seconds of the processes, as
# /usr/bin/time reports them; process start-up is included for both tools.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
[[ $# -gt 0 ]] && shift
raingan=$build/raingan
repeat=${REPEAT:-5}

if [[ ! -x $raingan ]]; then
  echo "bench_pdf: no raingan binary at $raingan (build it first)" >&2
  exit 2
fi
for tool in pdftotext pdfinfo /usr/bin/time; do
  if ! command -v "$tool" >/dev/null; then
    echo "bench_pdf: $tool is missing (apt-get install poppler-utils time)" >&2
    exit 2
  fi
done

files=("$@")
if [[ ${#files[@]} -eq 0 ]]; then
  shopt -s nullglob
  # The same sample may be in both places: count it once.
  declare -A seen=()
  for f in "$root"/samples/*.born.pdf "$root"/../shared/samples/*.born.pdf; do
    name=$(basename "$f")
    [[ -n ${seen[$name]:-} ]] && continue
    seen[$name]=1
    files+=("$f")
  done
fi
if [[ ${#files[@]} -eq 0 ]]; then
  echo "bench_pdf: no PDF files given or found" >&2
  exit 2
fi

pages=0
for f in "${files[@]}"; do
  n=$(pdfinfo "$f" | awk '/^Pages:/ {print $2}')
  pages=$((pages + n))
  printf '%-60s %4d pages\n' "$(basename "$f")" "$n"
done
total_pages=$((pages * repeat))

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# cpu_seconds NAME COMMAND... : runs COMMAND on every file REPEAT times
# ("{}" stands for the file) and prints the user+system seconds.
cpu_seconds() {
  local name=$1
  shift
  /usr/bin/time -f '%U %S' -o "$tmp/$name.time" bash -c '
    repeat=$1 ncmd=$2 errors=$3
    shift 3
    cmd=("${@:1:ncmd}")
    files=("${@:ncmd+1}")
    for ((i = 0; i < repeat; i++)); do
      for f in "${files[@]}"; do
        run=("${cmd[@]//\{\}/$f}")
        if ! "${run[@]}" >/dev/null 2>>"$errors"; then
          echo "bench_pdf: failed: ${run[*]}" >&2
          exit 1
        fi
      done
    done' _ "$repeat" "$#" "$tmp/stderr" "$@" "${files[@]}"
  awk '{printf "%.3f", $1 + $2}' "$tmp/$name.time"
}

raingan_cpu=$(cpu_seconds raingan "$raingan" extract {})
pdftotext_cpu=$(cpu_seconds pdftotext pdftotext -layout {} -)

awk -v r="$raingan_cpu" -v p="$pdftotext_cpu" -v n="$total_pages" '
  BEGIN {
    printf "\n%-22s %10s %8s %12s %10s\n", "", "CPU s", "pages", "ms/page", "pages/s"
    printf "%-22s %10.3f %8d %12.3f %10.0f\n", "raingan extract", r, n, 1000*r/n, (r > 0 ? n/r : 0)
    printf "%-22s %10.3f %8d %12.3f %10.0f\n", "pdftotext -layout", p, n, 1000*p/n, (p > 0 ? n/p : 0)
    printf "\nratio raingan / pdftotext = %.2f (goal <= 3)\n", (p > 0 ? r/p : 0)
  }'
