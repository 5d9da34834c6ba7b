# The benchmark corpus of scripts/bench_batch.sh and scripts/bench_db.sh
# (sourced, not run): the samples ($SAMPLES, else ../shared/samples, else samples/)
# repeated under amphoe-NN/ directories as symbolic links, so that every
# document is its own input (own path, own output):
# COPIES x (three text exports and three born-digital PDFs) + IMAGES
# scanned page images + SCANS scanned PDFs. Defaults (30, 20, 1) give 201
# documents; scans dominate the extraction time (about 3 s per page per
# core), so SCANS stays small by default.
#
#   source scripts/bench_corpus.sh
#   make_bench_corpus ROOT DIR    # ROOT: the repository; DIR: made here

bench_corpus_die() {
  echo "bench corpus: $*" >&2
  exit 2
}

make_bench_corpus() {
  local root=$1 corpus=$2
  local copies=${COPIES:-30} images=${IMAGES:-20} scans=${SCANS:-1}
  local samples=${SAMPLES:-$root/../shared/samples}
  [[ -d $samples ]] || samples=$root/samples
  local ids=(000_3cee52bff17396b4 002_f81f378ca2341cd5 004_4a7e64d5c0343923)
  local image=$samples/000_3cee52bff17396b4.p008.jpg
  local id ext c i dir
  for id in "${ids[@]}"; do
    for ext in txt born.pdf; do
      [[ -f $samples/$id.$ext ]] || bench_corpus_die "missing sample $samples/$id.$ext"
    done
  done
  ((images == 0)) || [[ -f $image ]] || bench_corpus_die "missing sample $image"
  link() { # SOURCE DIR
    mkdir -p "$2"
    ln -s "$1" "$2/$(basename "$1")"
  }
  for ((c = 1; c <= copies; c++)); do
    dir=$(printf '%s/amphoe-%02d' "$corpus" "$c")
    for id in "${ids[@]}"; do
      link "$samples/$id.txt" "$dir"
      link "$samples/$id.born.pdf" "$dir"
    done
  done
  for ((i = 1; i <= images; i++)); do
    link "$image" "$(printf '%s/images-%02d' "$corpus" "$i")"
  done
  local scan_files=("$samples"/*.scan300.pdf)
  for ((i = 0; i < scans && i < ${#scan_files[@]}; i++)); do
    link "${scan_files[$i]}" "$corpus/scans"
  done
}
