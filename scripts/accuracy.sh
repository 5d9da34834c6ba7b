#!/usr/bin/env bash
# Accuracy of raingan on every sample and variant that has gold records,
# in one table, by the project's own checker (build/tests/raingan_accuracy,
# the same scoring rules as the shared evaluation scorer).
#
#   scripts/accuracy.sh [BUILD_DIR] [--scans] [--forms SEED]
#
# Inputs: samples/*.txt and *.born.pdf, tests/data/variants/{text,born,
# unruled}/*, the table-form fixtures tests/data/forms/*.txt and
# forms/pdf/* (their own gold beside them, tests/data/forms/NNN_*.gold.json);
# with --scans also every scanned form of the shared samples
# (../shared/samples/*.{scan300,scan200,bilevel,rotated,photo,unruled300}.pdf,
# 15-60 s each); with --forms SEED the scanned forms made from our own
# born PDFs by tests/data/scans/make_scans.py with that seed (clean 300 dpi,
# noisy 200 dpi, bilevel, turned pages, phone photos of samples 000 and
# 002: reports of the same kind raingan has not seen; needs python3-pil and
# python3-numpy). Outputs go to a temporary directory that is removed.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build
scans=0
seed=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scans) scans=1 ;;
    --forms) seed="$2"; shift ;;
    *) build="$1" ;;
  esac
  shift
done
raingan="$build/raingan"
checker="$build/tests/raingan_accuracy"
for tool in "$raingan" "$checker"; do
  [[ -x "$tool" ]] || { echo "accuracy.sh: $tool not built (run scripts/setup.sh --tests)" >&2; exit 2; }
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
inputs=(samples/*.txt samples/*.born.pdf tests/data/variants/text/* tests/data/variants/born/*
        tests/data/variants/unruled/* tests/data/forms/*.txt tests/data/forms/pdf/*.pdf)
if (( scans )); then
  for form in scan300 scan200 bilevel rotated photo unruled300; do
    for f in ../shared/samples/*."$form".pdf; do
      [[ -f "$f" ]] && inputs+=("$f")
    done
  done
fi
if [[ -n "$seed" ]]; then
  for form in scan300 noisy200 bilevel rotated photo; do
    for born in samples/000_*.born.pdf samples/002_*.born.pdf; do
      made="$out/$(basename "$born" .born.pdf).$form-$seed.pdf"
      /usr/bin/python3 tests/data/scans/make_scans.py "$form" "$seed" "$born" "$made"
      inputs+=("$made")
    done
  done
fi

printf '%-44s %7s %7s %9s %6s\n' input recall prec. field_acc doc
for f in "${inputs[@]}"; do
  [[ -f "$f" ]] || continue
  [[ "$f" == *.py || "$f" == *.md ]] && continue
  id=$(basename "$f" | cut -c1-3)
  if [[ "$f" == tests/data/forms/* ]]; then
    gold=$(ls tests/data/forms/"$id"_*.gold.json 2>/dev/null | head -1)
  else
    gold=$(ls tests/data/gold/"$id"_*.json 2>/dev/null | head -1)
  fi
  [[ -n "$gold" ]] || continue
  json="$out/$(basename "$f").json"
  if ! "$raingan" extract "$f" -o "$json" 2>"$out/err"; then
    printf '%-44s failed: %s\n' "$(basename "$f")" "$(head -1 "$out/err")"
    continue
  fi
  # raingan_accuracy prints "recall R precision P field_accuracy A doc D/N".
  "$checker" "$gold" "$json" --summary-line |
    awk -v name="$(basename "$f")" '{printf "%-44s %7s %7s %9s %6s\n", name, $2, $4, $6, $8}'
done
