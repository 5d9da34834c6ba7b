#!/usr/bin/env bash
# Installs the Debian 12 packages raingan needs (only those missing), then
# configures and builds it in build/. Safe to run again: a no-op when
# everything is installed and built.
#
#   ./scripts/setup.sh            # as root, or with sudo available
#   BUILD_TYPE=Debug ./scripts/setup.sh
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake pkg-config
  libpoppler-cpp-dev libpoppler-private-dev poppler-utils
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-tha tesseract-ocr-eng
  libicu-dev libre2-dev nlohmann-json3-dev
  libsqlite3-dev libpq-dev
  # For the tests: a PostgreSQL server the database tests start themselves
  # (tests/db/), and the sqlite3 shell of scripts/bench_db.sh.
  postgresql-15 sqlite3
  libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev time
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
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

cmake -S . -B build -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" >/dev/null
cmake --build build -j"$(nproc)"
echo "setup: built build/raingan"
