#!/usr/bin/env bash
# ctest driver of the review page's browser test (review.test.mjs): makes a
# small batch (the committed 2-page scan and a text export), starts
# `raingan serve` on a free localhost port over it, runs the test in
# headless Chromium, and stops the server. The screenshot is kept in
# BUILD/test-artifacts/.
#
#   run_review_test.sh BUILD_DIR SOURCE_DIR
#
# Exit 77 (ctest: skipped) when Chromium, Node.js or playwright-core is
# not installed — except under CI (the CI variable set), where a missing
# browser is a failure (exit 1): `scripts/setup.sh --tests` installs them.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
here="$src/tests/serve/browser"

# CHROMIUM: another browser binary (default Debian's).
export CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
missing=""
[ -x "$CHROMIUM" ] || missing+=" chromium ($CHROMIUM)"
if command -v node >/dev/null; then
  # Debian 12's own nodejs is 18; the pinned playwright-core runs on it.
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 18 ] || missing+=" nodejs>=18 (playwright-core needs it; this is $(node --version))"
else
  missing+=" nodejs"
fi
[ -d "$here/node_modules/playwright-core" ] || missing+=" playwright-core (npm ci in $here)"
if [ -n "$missing" ]; then
  echo "review browser test: missing:$missing; scripts/setup.sh --tests installs them"
  if [ -n "${CI:-}" ]; then exit 1; fi
  exit 77
fi

work=$(mktemp -d)
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# --review-below 0.97 (both commands): the committed scan is clean (OCR
# confidence 0.65-0.97 per field, nothing wrong a check would flag), so a
# high threshold puts its records in the batch's review and the queue.
"$build/raingan" batch "$src/tests/data/ocr/000_p8-9.scan.pdf" \
  "$src/tests/data/serve/review_sample.txt" --out "$work/out" --jobs 2 --quiet \
  --review-below 0.97

"$build/raingan" serve --listen 127.0.0.1:0 --data "$work/out" \
  --review-below 0.97 >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
port=""
for _ in $(seq 1 300); do
  port=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/serve.out" 2>/dev/null | grep -o '[0-9]*$' || true)
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.err"; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start"; cat "$work/serve.err"; exit 1; }

mkdir -p "$build/test-artifacts"
# Screenshots of an earlier run would pass for this one's.
rm -f "$build/test-artifacts"/review-*.png
RAINGAN_URL="http://127.0.0.1:$port" RAINGAN_DATA="$work/out" \
  RAINGAN_ARTIFACTS="$build/test-artifacts" node "$here/review.test.mjs" || {
  echo "--- server stderr"; cat "$work/serve.err"; exit 1; }
