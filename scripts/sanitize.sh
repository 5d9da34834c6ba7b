#!/usr/bin/env bash
# Builds raingan and its test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer in build-sanitize/ (-DRAINGAN_SANITIZE=ON) and
# runs every unit test under them. Exits non-zero on a failing test or any
# sanitizer report (ASan aborts, UBSan does not recover, leaks count).
#
#   scripts/sanitize.sh                 # build + the whole suite
#   scripts/sanitize.sh -R 'Pipeline'   # extra arguments go to ctest
#
# Environment: SANITIZE_BUILD_DIR (default <repo>/build-sanitize),
# SANITIZE_JOBS (compile and test jobs, default 2).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${SANITIZE_BUILD_DIR:-$root/build-sanitize}"
jobs="${SANITIZE_JOBS:-2}"

launcher=()
if command -v ccache >/dev/null; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRAINGAN_SANITIZE=ON -DRAINGAN_BUILD_BENCHMARKS=OFF "${launcher[@]}" \
  >/dev/null
nice cmake --build "$build" -j"$jobs"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
ctest --test-dir "$build" --output-on-failure -j"$jobs" "$@"
echo "sanitize.sh: every test passed under ASan + UBSan"
