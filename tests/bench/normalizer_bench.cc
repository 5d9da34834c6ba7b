// Normalizer throughput on the concatenated samples: the text exports
// (samples/*.txt), the pdftotext dumps and the OCR pages
// (tests/data/textnorm/*.txt). Goal: >= 20 MB/s per core.
//
//   build/tests/bench/normalizer_bench
//
// bytes_per_second in the output is the throughput (input bytes).
#include <benchmark/benchmark.h>
#include <dirent.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/file.h"
#include "textnorm/normalizer.h"

namespace raingan::textnorm {
namespace {

void AppendFiles(const std::string& dir, std::string* out) {
  std::vector<std::string> names;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) {
        names.push_back(name);
      }
    }
    closedir(d);
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    Result<std::string> text = ReadFile(dir + "/" + name);
    if (text.ok()) *out += *text;
  }
}

const std::string& Corpus() {
  static const std::string* corpus = [] {
    auto* s = new std::string;
    AppendFiles(std::string(RAINGAN_SOURCE_DIR) + "/samples", s);
    AppendFiles(std::string(RAINGAN_TEST_DATA_DIR) + "/textnorm", s);
    return s;
  }();
  return *corpus;
}

const Normalizer& Norm() {
  static const Normalizer* n = [] {
    Result<Normalizer> r = Normalizer::Load(RAINGAN_SOURCE_MODELS_DIR);
    if (!r.ok()) {
      std::fprintf(stderr, "%s\n", r.status().ToString().c_str());
      std::exit(1);
    }
    return new Normalizer(std::move(r).value());
  }();
  return *n;
}

// The whole corpus as one string.
void BM_NormalizeCorpus(benchmark::State& state) {
  const std::string& corpus = Corpus();
  for (auto _ : state) {
    benchmark::DoNotOptimize(Norm().Normalize(corpus));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.size()));
}
BENCHMARK(BM_NormalizeCorpus)->Unit(benchmark::kMillisecond);

void BM_NormalizeKeepLinesCorpus(benchmark::State& state) {
  const std::string& corpus = Corpus();
  for (auto _ : state) {
    benchmark::DoNotOptimize(Norm().NormalizeKeepLines(corpus));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(corpus.size()));
}
BENCHMARK(BM_NormalizeKeepLinesCorpus)->Unit(benchmark::kMillisecond);

// Line by line, as stages call it (one paragraph or cell at a time).
void BM_NormalizeLines(benchmark::State& state) {
  static const std::vector<std::string>* lines = [] {
    auto* v = new std::vector<std::string>;
    const std::string& corpus = Corpus();
    size_t pos = 0;
    while (pos < corpus.size()) {
      size_t nl = corpus.find('\n', pos);
      if (nl == std::string::npos) nl = corpus.size();
      v->push_back(corpus.substr(pos, nl - pos));
      pos = nl + 1;
    }
    return v;
  }();
  for (auto _ : state) {
    for (const std::string& line : *lines) {
      benchmark::DoNotOptimize(Norm().Normalize(line));
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(Corpus().size()));
}
BENCHMARK(BM_NormalizeLines)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace raingan::textnorm
