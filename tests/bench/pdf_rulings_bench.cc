// Which way of finding a page's table rulings is cheaper: the PDF's own
// vector paths (collected in the same pass that reads the glyphs) or a
// low-resolution render analysed with Leptonica morphology (the route a
// scanned page has to take)? Both end in the same grid builder.
//
//   build-b/tests/bench/pdf_rulings_bench
//
// Inputs: page 8 of sample 000 (one six-column table) from the fixtures.
#include <benchmark/benchmark.h>

#include <string>

#include "base/file.h"
#include "image/lines.h"
#include "layout/grid.h"
#include "pdf/pdf_document.h"

namespace raingan {
namespace {

constexpr int kTablePage = 2;  // of 000_p7-9.pdf

const pdf::PdfDocument& Document() {
  static const pdf::PdfDocument* doc = [] {
    Result<std::string> bytes =
        ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/000_p7-9.pdf");
    if (!bytes.ok()) std::abort();
    Result<pdf::PdfDocument> d = pdf::PdfDocument::Open(*bytes);
    if (!d.ok()) std::abort();
    return new pdf::PdfDocument(std::move(d).value());
  }();
  return *doc;
}

// The whole page pass (glyphs, paths, images) plus the grid: what the
// backend pays for rulings when they come from vector paths.
void BM_VectorRulings(benchmark::State& state) {
  const pdf::PdfDocument& doc = Document();
  for (auto _ : state) {
    Result<pdf::PageContent> page = doc.ReadPage(kTablePage);
    std::vector<layout::TableGrid> grids =
        layout::BuildGrids(layout::NormalizeSegments(page->rulings, {}));
    benchmark::DoNotOptimize(grids);
  }
  state.SetLabel("pages/s = items/s");
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_VectorRulings)->Unit(benchmark::kMillisecond);

// Render at state.range(0) dpi, then morphology, then the same grid.
// Note this is on top of the page pass, which is needed for the glyphs.
void BM_RasterRulings(benchmark::State& state) {
  const pdf::PdfDocument& doc = Document();
  const int dpi = static_cast<int>(state.range(0));
  for (auto _ : state) {
    Result<image::Image> img = doc.Render(kTablePage, dpi);
    Result<std::vector<layout::Segment>> raw = image::DetectRulings(*img);
    std::vector<layout::TableGrid> grids =
        layout::BuildGrids(layout::NormalizeSegments(*raw, {}));
    benchmark::DoNotOptimize(grids);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_RasterRulings)->Arg(50)->Arg(72)->Arg(100)->Unit(
    benchmark::kMillisecond);

// The morphology alone, on a page already rendered (what a scanned page
// costs on top of the render the OCR needs anyway).
void BM_MorphologyOnly(benchmark::State& state) {
  const int dpi = static_cast<int>(state.range(0));
  Result<image::Image> img = Document().Render(kTablePage, dpi);
  for (auto _ : state) {
    Result<std::vector<layout::Segment>> raw = image::DetectRulings(*img);
    benchmark::DoNotOptimize(raw);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_MorphologyOnly)->Arg(72)->Arg(300)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace raingan
