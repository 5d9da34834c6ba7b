#!/usr/bin/env bash
# Builds raingan's libFuzzer targets (tests/fuzz/*_fuzz.cc) with clang,
# AddressSanitizer and coverage instrumentation in build-fuzz/, then runs each
# for $FUZZ_SECONDS seconds (default 60) from a seed corpus made of
# tests/data. Exits non-zero if any target crashes, leaks or times out; the
# crashing input is left in build-fuzz/fuzz-artifacts/.
#
#   scripts/fuzz.sh                      # every target, 60 s each
#   FUZZ_SECONDS=10 scripts/fuzz.sh period_fuzz html_fuzz
#
# Environment: FUZZ_SECONDS, FUZZ_BUILD_DIR (default <repo>/build-fuzz),
# FUZZ_JOBS (parallel compile jobs, default 2), CXX (default clang++).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${FUZZ_BUILD_DIR:-$root/build-fuzz}"
seconds="${FUZZ_SECONDS:-60}"
jobs="${FUZZ_JOBS:-2}"
cxx="${CXX:-clang++}"

if ! command -v "$cxx" >/dev/null; then
  echo "fuzz.sh: $cxx not found (Debian: apt-get install clang libclang-rt-14-dev)" >&2
  exit 2
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/tests/fuzz/*_fuzz.cc; do
    targets+=("$(basename "$f" .cc)")
  done
fi

cmake -S "$root" -B "$build" -DCMAKE_CXX_COMPILER="$cxx" \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAINGAN_BUILD_FUZZERS=ON \
  -DRAINGAN_BUILD_BENCHMARKS=OFF >/dev/null
cmake --build "$build" -j"$jobs" --target "${targets[@]}"

# Seed corpus: small pieces of the real text under tests/data (whole files
# are too large to mutate usefully) plus every line of the TSV tables.
seeds="$build/fuzz-seeds"
rm -rf "$seeds"
mkdir -p "$seeds"
n=0
while IFS= read -r -d '' file; do
  n=$((n + 1))
  case "$file" in
    *.tsv) tr '\t' '\n' <"$file" | { grep -v '^#' || true; } | split -l 1 - "$seeds/tsv$n-" ;;
    *) head -c 262144 "$file" | split -C 1024 - "$seeds/txt$n-" ;;
  esac
done < <(find "$root/tests/data" -type f \( -name '*.txt' -o -name '*.tsv' \) -print0)

mkdir -p "$build/fuzz-artifacts"
failed=()
for t in "${targets[@]}"; do
  corpus="$build/fuzz-corpus/$t"
  mkdir -p "$corpus"
  echo "== $t: ${seconds}s"
  if ! "$build/tests/fuzz/$t" -max_total_time="$seconds" -max_len=4096 \
      -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$build/fuzz-artifacts/$t-" "$corpus" "$seeds" \
      2>"$build/fuzz-artifacts/$t.log"; then
    failed+=("$t")
    tail -n 40 "$build/fuzz-artifacts/$t.log" >&2
  fi
  grep -E '^stat::(number_of_executed_units|new_units_added|peak_rss_mb)' \
    "$build/fuzz-artifacts/$t.log" || true
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: FAILED: ${failed[*]} (inputs in $build/fuzz-artifacts/)" >&2
  exit 1
fi
echo "fuzz.sh: all ${#targets[@]} targets ran ${seconds}s without a crash"
