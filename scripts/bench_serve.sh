#!/usr/bin/env bash
# Throughput of `raingan serve`: requests per second of POST /v1/extract
# on one text sample with 2 workers, loaded by wrk with 2 connections,
# against `raingan extract` on the same file in a loop, in one run, and
# their ratio.
#
#   scripts/bench_serve.sh [BUILD_DIR] [FILE]
#
# BUILD_DIR defaults to build/; FILE to samples/000_3cee52bff17396b4.txt.
# SECONDS_EACH (default 10) is how long each side runs. Both sides write
# the same JSON (--compact); the CLI loop pays process start-up and model
# loading per document, the server once.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
file=${2:-$root/samples/000_3cee52bff17396b4.txt}
seconds=${SECONDS_EACH:-10}
raingan=$build/raingan

if [[ ! -x $raingan ]]; then
  echo "bench_serve: no raingan binary at $raingan (build it first)" >&2
  exit 2
fi
if ! command -v wrk >/dev/null; then
  echo "bench_serve: wrk is missing (apt-get install wrk)" >&2
  exit 2
fi
file=$(cd "$(dirname "$file")" && pwd)/$(basename "$file")

work=$(mktemp -d)
server=""
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

"$raingan" serve --listen 127.0.0.1:0 --workers 2 >"$work/out" 2>"$work/err" &
server=$!
port=""
for _ in $(seq 1 300); do
  port=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$work/out" 2>/dev/null | grep -o '[0-9]*$' || true)
  [[ -n $port ]] && break
  sleep 0.1
done
[[ -n $port ]] || { echo "bench_serve: the server did not start"; cat "$work/err"; exit 1; }

# The request wrk sends: the file as the body.
cat >"$work/post.lua" <<LUA
local f = assert(io.open("$file", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/octet-stream"
done = function(summary, latency, requests)
  io.write(string.format("non-2xx %d\n", summary.errors.status))
end
LUA
url="http://127.0.0.1:$port/v1/extract?compact=1&name=$(basename "$file")"
wrk -t2 -c2 -d"${seconds}s" -s "$work/post.lua" "$url" >"$work/wrk.txt"
server_rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
non2xx=$(awk '/non-2xx/ {print $2}' "$work/wrk.txt")
latency=$(awk '/Latency/ {print $2; exit}' "$work/wrk.txt")

start=$(date +%s.%N)
n=0
while :; do
  "$raingan" extract "$file" --compact >/dev/null
  n=$((n + 1))
  now=$(date +%s.%N)
  if awk -v a="$start" -v b="$now" -v s="$seconds" 'BEGIN {exit !(b - a >= s)}'; then break; fi
done
cli_rps=$(awk -v n="$n" -v a="$start" -v b="$now" 'BEGIN {printf "%.2f", n / (b - a)}')

echo "file: $file"
echo "raingan serve (2 workers), wrk -t2 -c2 ${seconds}s: $server_rps requests/s, mean latency $latency, non-2xx $non2xx"
echo "raingan extract in a loop: $cli_rps documents/s ($n runs)"
awk -v s="$server_rps" -v c="$cli_rps" 'BEGIN {printf "ratio serve / CLI: %.2fx\n", s / c}'
