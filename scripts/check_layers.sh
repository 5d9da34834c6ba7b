#!/usr/bin/env bash
# The layering rule of src/, checked on the #include lines: a folder may
# include folders of its own layer or of any layer below it, never above,
# and no two folders (nor two sub-folders, e.g. stages/plan and
# stages/tables) may include each other, directly or through others.
#
#   scripts/check_layers.sh [SRC_DIR]     # exit 0: clean; 1: violations
#
# Run by ctest (test "LayeringCheck"), so CI fails on a new violation. A new
# top-level folder under src/ must be added to LAYERS below.
set -euo pipefail
src="${1:-$(cd "$(dirname "$0")/.." && pwd)/src}"

# Top to bottom; folders on one line form one layer.
LAYERS=(
  "cli"
  "batch serve"
  "pipeline output db"
  "stages"
  "backends"
  "ocr pdf image"
  "layout textnorm dates lexicon"
  "unicode regex http"
  "model base"
)

declare -A rank
for i in "${!LAYERS[@]}"; do
  for folder in ${LAYERS[$i]}; do rank[$folder]=$i; done
done

status=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

cd "$src"
while IFS= read -r file; do
  dir=$(dirname "$file")
  top=${file%%/*}
  if [[ -z "${rank[$top]+x}" ]]; then
    echo "check_layers: src/$top/ is in no layer; add it to LAYERS in $0"
    status=1
    rank[$top]=-1
  fi
  while IFS= read -r inc; do
    inc_top=${inc%%/*}
    [[ "$inc" == */* && -d "$inc_top" ]] || continue  # not one of ours
    inc_dir=$(dirname "$inc")
    [[ "$inc_dir" != "$dir" ]] && echo "$dir $inc_dir" >>"$edges"
    [[ "$inc_top" == "$top" ]] && continue
    if [[ -z "${rank[$inc_top]+x}" ]]; then
      continue  # reported once for its own files
    fi
    if ((rank[$inc_top] < rank[$top])); then
      echo "check_layers: src/$file includes \"$inc\": $top/ (layer" \
        "$((rank[$top] + 1))) may not include $inc_top/ (layer" \
        "$((rank[$inc_top] + 1)), above it)"
      status=1
    fi
  done < <(sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$file")
done < <(find . -name '*.h' -o -name '*.cc' | sed 's|^\./||' | sort)

# Cycles between folders and between sub-folders: tsort reports a loop.
for level in top dir; do
  if [[ $level == top ]]; then
    pairs=$(awk '{split($1,a,"/"); split($2,b,"/"); if (a[1] != b[1]) print a[1], b[1]}' "$edges" | sort -u)
  else
    pairs=$(sort -u "$edges")
  fi
  [[ -z "$pairs" ]] && continue
  # tsort prints each loop as "tsort: -: input contains a loop:" and then
  # one folder per line.
  loop=$(tsort <<<"$pairs" 2>&1 >/dev/null || true)
  if [[ -n "$loop" ]]; then
    echo "check_layers: include cycles ($level-level folders):"
    sed -e 's/^tsort: -: input contains a loop:/  a cycle:/' \
        -e 's/^tsort: /    /' <<<"$loop"
    status=1
  fi
done

if ((status == 0)); then
  echo "check_layers: no include from a lower layer to a higher one, no cycle"
  echo "  layers, top to bottom:"
  for l in "${LAYERS[@]}"; do echo "    $l"; done
fi
exit $status
