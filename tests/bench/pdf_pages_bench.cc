// Born-digital PDF pages through the PDF backend (glyphs, rulings,
// grids, lines, blocks), pages per second.
//
//   build-b/tests/bench/pdf_pages_bench
//
// For the end-to-end comparison with `pdftotext -layout` over all born
// samples see scripts/bench_pdf.sh.
#include <benchmark/benchmark.h>

#include <string>

#include "backends/backend.h"
#include "base/file.h"

namespace raingan {
namespace {

void BM_ReadPdf(benchmark::State& state, const char* name) {
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/" + name);
  if (!bytes.ok()) {
    state.SkipWithError(bytes.status().ToString().c_str());
    return;
  }
  ModelStore models(std::string(RAINGAN_SOURCE_DIR) + "/models");
  Result<std::unique_ptr<Backend>> pdf =
      NewPdfBackend(BackendOptions{}, &models);
  if (!pdf.ok()) {
    state.SkipWithError(pdf.status().ToString().c_str());
    return;
  }
  int pages = 0;
  for (auto _ : state) {
    Document doc;
    Status s = (*pdf)->Read(*bytes, ProgressTracker(), &doc);
    if (!s.ok()) {
      state.SkipWithError(s.ToString().c_str());
      return;
    }
    pages += static_cast<int>(doc.pages.size());
  }
  state.SetItemsProcessed(pages);  // items/s = pages/s
}
BENCHMARK_CAPTURE(BM_ReadPdf, tables_000, "000_p7-9.pdf")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadPdf, tables_002, "002_p1-3.pdf")
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ReadPdf, memo_text, "memo_no_tables.pdf")
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace raingan
