#!/usr/bin/env bash
# Installs the Debian 12 packages raingan needs (only those missing), then
# configures and builds it in build/. Safe to run again: a no-op when
# everything is installed and built.
#
#   ./scripts/setup.sh            # the tool: runtime and build packages,
#                                 # builds build/raingan and nothing else
#   ./scripts/setup.sh --tests    # also the test packages; builds the test
#                                 # suite and benchmarks (then run ctest)
#   BUILD_TYPE=Debug ./scripts/setup.sh
#
# Run as root, or with sudo available. The README's quickstart commands and
# CI (.ci/run) call this script; keep both working from a clean clone.
set -euo pipefail
cd "$(dirname "$0")/.."

with_tests=0
for arg in "$@"; do
  case "$arg" in
    --tests) with_tests=1 ;;
    -h | --help)
      sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "setup: unknown option $arg (see --help)" >&2
      exit 2
      ;;
  esac
done

# Runtime and build packages: what building and running build/raingan needs.
packages=(
  build-essential cmake pkg-config
  libpoppler-cpp-dev libpoppler-private-dev
  libtesseract-dev libleptonica-dev tesseract-ocr-tha tesseract-ocr-eng
  libicu-dev libre2-dev nlohmann-json3-dev
  libsqlite3-dev libpq-dev
  libcpp-httplib-dev                 # raingan serve's HTTP server (src/http/)
  libdatrie-dev libthai-data         # the review's Thai dictionary (src/lexicon/thai_dictionary.h)
  fonts-thai-tlwg                    # the Thai font serve's review page is set in
)

# Test packages: installed only with --tests. Everything the test suite,
# the benchmarks (scripts/bench_*.sh) and the fuzzers (scripts/fuzz.sh) need
# beyond the tool itself. A test that starts a real service (a database, a
# scheduler, a browser) appends its Debian packages here, one line each with
# what needs it; CI installs them through this list.
test_packages=(
  libgtest-dev libgmock-dev          # the test suite (build/tests/raingan_tests)
  libbenchmark-dev                   # tests/bench/*_bench
  clang libclang-rt-14-dev           # libFuzzer targets (scripts/fuzz.sh)
  poppler-utils tesseract-ocr time   # reference tools of scripts/bench_*.sh
  postgresql-15                      # the PostgreSQL server tests/db/ starts
  sqlite3                            # the sqlite3 shell of scripts/bench_db.sh
  slurm-wlm munge                    # the single-node Slurm tests/contrib/ starts
  chromium                           # the review page's browser test (tests/serve/browser/)
  nodejs npm                         # ... runs playwright-core (npm ci below) to drive it
  wrk                                # the HTTP load of scripts/bench_serve.sh
)

# Whether package $1 is installed, or provided by an installed package: a
# machine's own Node.js (NodeSource's nodejs) carries npm and conflicts with
# Debian's npm package, so asking apt for npm there would fail.
#
# The list is read once, whole, into a variable. A pipeline ending in
# `grep -q` would stop reading early, the writer would die of SIGPIPE, and
# under `set -o pipefail` the check would fail at random (it did, in CI).
installed_names=$(
  dpkg-query -W -f='${Status}|${Package},${Provides}\n' 2>/dev/null |
    sed -n 's/^install ok installed|//p' | tr ',' '\n' |
    sed 's/^ *//; s/ .*//' | sort -u
)
installed() {
  grep -qx -- "$1" <<<"$installed_names"
}

wanted=("${packages[@]}")
if ((with_tests)); then wanted+=("${test_packages[@]}"); fi

missing=()
for p in "${wanted[@]}"; do
  if ! installed "$p"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ((with_tests)); then
  # The browser test's npm packages, as package-lock.json pins them; again
  # only when the lock file changed.
  browser=tests/serve/browser
  lock_sum=$(sha256sum "$browser/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$browser/node_modules/.raingan-lock" 2>/dev/null)" != "$lock_sum" ]; then
    (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error)
    echo "$lock_sum" >"$browser/node_modules/.raingan-lock"
  fi
fi

configure=(cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}")
if ((with_tests)); then
  configure+=(-DRAINGAN_BUILD_TESTS=ON -DRAINGAN_BUILD_BENCHMARKS=ON)
elif [ ! -f build/CMakeCache.txt ]; then
  # A first build for using the tool: no test suite, no benchmarks. An
  # existing build directory keeps its settings (tests stay configured).
  configure+=(-DRAINGAN_BUILD_TESTS=OFF -DRAINGAN_BUILD_BENCHMARKS=OFF)
fi
"${configure[@]}" >/dev/null
if ((with_tests)); then
  cmake --build build -j"$(nproc)"
  echo "setup: built build/raingan, the tests and the benchmarks"
else
  cmake --build build -j"$(nproc)" --target raingan
  echo "setup: built build/raingan"
fi
