#!/usr/bin/env bash
# Accuracy of raingan on every sample and variant that has gold records,
# in one table, by the project's own checker (build/tests/raingan_accuracy,
# the same scoring rules as the shared evaluation scorer).
#
#   scripts/accuracy.sh [BUILD_DIR] [--scans]
#
# Inputs: samples/*.txt and *.born.pdf, tests/data/variants/{text,born}/*,
# and with --scans also the scanned PDFs (../shared/samples/*.scan300.pdf,
# about 15 s each). Outputs go to a temporary directory that is removed.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
scans=0
for arg in "$@"; do
  case "$arg" in
    --scans) scans=1 ;;
    *) build="$arg" ;;
  esac
done
raingan="$build/raingan"
checker="$build/tests/raingan_accuracy"
for tool in "$raingan" "$checker"; do
  [[ -x "$tool" ]] || { echo "accuracy.sh: $tool not built (run scripts/setup.sh --tests)" >&2; exit 2; }
done

inputs=(samples/*.txt samples/*.born.pdf tests/data/variants/text/* tests/data/variants/born/*)
if (( scans )); then
  for f in ../shared/samples/*.scan300.pdf samples/*.scan300.pdf; do
    [[ -f "$f" ]] && inputs+=("$f")
  done
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
printf '%-44s %7s %7s %9s %6s\n' input recall prec. field_acc doc
for f in "${inputs[@]}"; do
  [[ -f "$f" ]] || continue
  [[ "$(basename "$f")" == make_variants.py ]] && continue
  id=$(basename "$f" | cut -c1-3)
  gold=$(ls tests/data/gold/"$id"_*.json 2>/dev/null | head -1)
  [[ -n "$gold" ]] || continue
  json="$out/$(basename "$f").json"
  if ! "$raingan" extract "$f" -o "$json" 2>"$out/err"; then
    printf '%-44s failed: %s\n' "${f#tests/data/}" "$(head -1 "$out/err")"
    continue
  fi
  # raingan_accuracy prints "recall R precision P field_accuracy A doc D/N".
  "$checker" "$gold" "$json" --summary-line |
    awk -v name="${f#tests/data/}" '{printf "%-44s %7s %7s %9s %6s\n", name, $2, $4, $6, $8}'
done
