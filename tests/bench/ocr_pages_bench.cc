// OCR of real 300-dpi scan pages (tests/data/ocr/000_p8-9.scan.pdf):
//   BM_ReadScannedPage         one page, one Engine (CPU per page);
//   BM_ReadScannedPages/jobs   four pages on 1 or 2 workers, Engine
//                              start-up included (wall time: the speed-up).
// The whole-document comparison with the tesseract CLI is
// scripts/bench_ocr.sh.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "base/file.h"
#include "ocr/page_reader.h"
#include "ocr/scan_reader.h"
#include "pdf/pdf_document.h"

namespace raingan::ocr {
namespace {

const std::string& ScanBytes() {
  static const std::string bytes = [] {
    Result<std::string> b =
        ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/ocr/000_p8-9.scan.pdf");
    return b.ok() ? *b : std::string();
  }();
  return bytes;
}

ScanOptions Options(int jobs) {
  ScanOptions options;
  options.jobs = jobs;
  Result<ScanModels> models =
      ScanModels::Load(std::string(RAINGAN_SOURCE_DIR) + "/models");
  if (models.ok()) options.UseModels(*models);
  return options;
}

void BM_ReadScannedPage(benchmark::State& state) {
  Result<pdf::PdfDocument> pdf = pdf::PdfDocument::Open(ScanBytes());
  Result<Engine> engine = Engine::Create({});
  if (!pdf.ok() || !engine.ok()) {
    state.SkipWithError("cannot open the scan or start Tesseract");
    return;
  }
  Result<image::Image> page = pdf->Render(1, 300);
  ScanOptions options = Options(1);
  OcrModels models;
  models.digits = options.digits.get();
  models.months = options.months.get();
  models.words = options.words.get();
  for (auto _ : state) {
    Result<ReadPage> read = ReadScannedPage(&*engine, *page, 8, models);
    benchmark::DoNotOptimize(read);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ReadScannedPage)->Unit(benchmark::kMillisecond);

void BM_ReadScannedPages(benchmark::State& state) {
  const int jobs = static_cast<int>(state.range(0));
  ScanOptions options = Options(jobs);
  const std::vector<int> numbers = {1, 2, 1, 2};
  for (auto _ : state) {
    // Each worker renders from its own PdfDocument, as the backend does.
    std::vector<std::unique_ptr<pdf::PdfDocument>> docs(jobs);
    auto render = [&](int worker, int index) -> Result<image::Image> {
      if (!docs[worker]) {
        RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument d,
                                 pdf::PdfDocument::Open(ScanBytes()));
        docs[worker] = std::make_unique<pdf::PdfDocument>(std::move(d));
      }
      return docs[worker]->Render(numbers[index], 300);
    };
    Result<std::vector<ReadPage>> pages =
        ReadScannedPages(numbers, render, options);
    benchmark::DoNotOptimize(pages);
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<int64_t>(numbers.size()));
}
BENCHMARK(BM_ReadScannedPages)
    ->Arg(1)
    ->Arg(2)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace raingan::ocr
