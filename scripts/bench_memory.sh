#!/usr/bin/env bash
# Peak memory of `raingan extract` on the largest legitimate page forms,
# beside each input's size, against the bound the README documents for it
# (issue 20: memory per page bounded and measured):
#
#   A3 scanned at 600 dpi (7016 x 9921 px, 70 Mpx): RGB JPEG, CMYK JPEG,
#     16-bit gray PNG, CMYK TIFF (Deflate), and the RGB JPEG as a PDF page
#   the longest born-digital PDFs: 004 (216 pages) and its 184-page
#     LibreOffice variant
#   a 40-page scan: the 21 + 18 + 1 pages of samples 000, 002 and 004
#     rendered at 300 dpi gray, JPEG quality 40, one PDF
#
#   scripts/bench_memory.sh [BUILD_DIR]
#
# Inputs are made from the repository's samples in a temporary directory
# (pdftoppm, python3). Peak RSS is /usr/bin/time's maximum resident set
# size of the raingan process (it runs OCR in threads, so that is all of
# it), with --jobs 2. Exits 1 if any form is over its bound.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
raingan=$build/raingan
if [[ ! -x $raingan ]]; then
  echo "bench_memory: no raingan binary at $raingan (build it first)" >&2
  exit 2
fi
for tool in pdftoppm pdfinfo python3 /usr/bin/time; do
  command -v "$tool" >/dev/null || {
    echo "bench_memory: $tool is missing (apt-get install poppler-utils python3 time)" >&2
    exit 2
  }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
samples=$root/samples
page8="$samples/000_3cee52bff17396b4.born.pdf"

echo "bench_memory: making the inputs in $tmp" >&2
# A3 at 600 dpi: page 8 of sample 000 (a measure table) drawn at A3 size.
a3=(-f 8 -l 8 -r 600 -scale-to-x 7016 -scale-to-y 9921 -singlefile)
pdftoppm "${a3[@]}" -jpeg -jpegopt quality=85 "$page8" "$tmp/a3_rgb"
pdftoppm "${a3[@]}" -jpegcmyk "$page8" "$tmp/a3_cmyk"
pdftoppm "${a3[@]}" -gray "$page8" "$tmp/a3_gray"
pdftoppm "${a3[@]}" "$page8" "$tmp/a3_rgb"
pdftoppm "${a3[@]}" -png "$page8" "$tmp/a3_rgb"
python3 - "$root" "$tmp" <<'PY'
import sys, zlib
sys.path.insert(0, sys.argv[1] + '/tests/data/limits')
from make_limits_fixtures import read_pnm, write_png, write_tiff
tmp = sys.argv[2]
w, h, gray = read_pnm(tmp + '/a3_gray.pgm')
rows = bytearray((2 * w + 1) * h)
for y in range(h):
    line = gray[y * w:(y + 1) * w]
    at = y * (2 * w + 1) + 1
    rows[at:at + 2 * w:2] = line
    rows[at + 1:at + 2 * w:2] = line
write_png(tmp + '/a3_gray16.png', w, h, 16, 0, zlib.compress(bytes(rows), 6), 600)
w, h, rgb = read_pnm(tmp + '/a3_rgb.ppm')
invert = bytes(range(255, -1, -1))
cmyk = bytearray(4 * w * h)
for c in range(3):
    cmyk[c::4] = rgb[c::3].translate(invert)
rows = 16  # strips of 16 rows (450 KB raw), as scanners write them
stride = 4 * w * rows
strips = [zlib.compress(bytes(cmyk[i:i + stride]), 6)
          for i in range(0, len(cmyk), stride)]
write_tiff(tmp + '/a3_cmyk.tif', w, h, 8, 4, 5, strips, 8, 600, inkset=1,
           rows_per_strip=rows)
PY
rm -f "$tmp"/a3_gray.pgm "$tmp"/a3_rgb.ppm
python3 "$root/tests/data/ocr/make_scan_pdf.py" 600 "$tmp/a3_rgb.pdf" "$tmp/a3_rgb.jpg"

# 40 scanned pages.
mkdir "$tmp/scan"
pdftoppm -r 300 -gray -jpeg -jpegopt quality=40 "$samples/000_3cee52bff17396b4.born.pdf" "$tmp/scan/a"
pdftoppm -r 300 -gray -jpeg -jpegopt quality=40 "$samples/002_f81f378ca2341cd5.born.pdf" "$tmp/scan/b"
pdftoppm -r 300 -gray -jpeg -jpegopt quality=40 -f 1 -l 1 "$samples/004_4a7e64d5c0343923.born.pdf" "$tmp/scan/c"
python3 "$root/tests/data/ocr/make_scan_pdf.py" 300 "$tmp/scan40.pdf" "$tmp"/scan/*.jpg

# form | file | bound (MiB): the bounds the README documents.
forms=(
  "A3 600 dpi RGB JPEG|$tmp/a3_rgb.jpg|BOUND_JPEG"
  "A3 600 dpi CMYK JPEG|$tmp/a3_cmyk.jpg|BOUND_JPEG"
  "A3 600 dpi 16-bit gray PNG|$tmp/a3_gray16.png|BOUND_GRAY_PNG"
  "A3 600 dpi RGB PNG|$tmp/a3_rgb.png|BOUND_FULL"
  "A3 600 dpi CMYK TIFF|$tmp/a3_cmyk.tif|BOUND_FULL"
  "A3 600 dpi RGB JPEG in a PDF|$tmp/a3_rgb.pdf|BOUND_PDF_SCAN"
  "born PDF, 216 pages (004)|$samples/004_4a7e64d5c0343923.born.pdf|BOUND_BORN"
  "born PDF, 184 pages (004 Norasi)|$root/tests/data/variants/born/004_norasi16.pdf|BOUND_BORN"
  "scan, 40 pages at 300 dpi|$tmp/scan40.pdf|BOUND_SCAN40"
)
bound() {
  case "$1" in
    BOUND_JPEG) echo 200 ;;
    BOUND_GRAY_PNG) echo 250 ;;
    BOUND_FULL) echo 800 ;;
    BOUND_PDF_SCAN) echo 200 ;;
    BOUND_BORN) echo 150 ;;
    BOUND_SCAN40) echo 350 ;;
  esac
}

printf '%-34s %10s %6s %11s %8s %8s\n' "input" "size" "pages" "peak RSS" "bound" "wall"
over=0
for form in "${forms[@]}"; do
  IFS='|' read -r name file key <<<"$form"
  limit=$(bound "$key")
  size=$(stat -c %s "$file")
  /usr/bin/time -f '%M %e' -o "$tmp/time" \
    "$raingan" extract "$file" --jobs 2 --quiet -o "$tmp/out.json" 2>"$tmp/err" ||
    { echo "bench_memory: $name failed: $(cat "$tmp/err")" >&2; over=1; continue; }
  read -r rss_kb wall <"$tmp/time"
  pages=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["source"]["pages"])' "$tmp/out.json")
  rss=$((rss_kb / 1024))
  flag=""
  if ((rss > limit)); then flag="  OVER"; over=1; fi
  printf '%-34s %8.1f MB %6s %7d MiB %4d MiB %7ss%s\n' "$name" \
    "$(echo "$size / 1000000" | bc -l)" "$pages" "$rss" "$limit" "$wall" "$flag"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$over"
