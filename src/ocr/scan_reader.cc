#include "ocr/scan_reader.h"

#include <algorithm>

#include "base/file.h"
#include "lexicon/tsv.h"
#include "ocr/worker_pool.h"

namespace raingan::ocr {

Result<ScanModels> ScanModels::Load(const std::string& models_dir) {
  ScanModels out;
  std::string words = ModelPath(models_dir, "ocr_words.txt");
  std::string patterns = ModelPath(models_dir, "ocr_patterns.txt");
  if (PathExists(words)) {
    out.user_words_file = words;
    RAINGAN_ASSIGN_OR_RETURN(WordCorrector corrector,
                             WordCorrector::Load(models_dir));
    out.words = std::make_shared<const WordCorrector>(std::move(corrector));
  }
  if (PathExists(patterns)) out.user_patterns_file = patterns;
  std::string digits = ModelPath(models_dir, "ocr_digit_shapes.tsv");
  if (PathExists(digits)) {
    RAINGAN_ASSIGN_OR_RETURN(DigitShapes shapes, DigitShapes::Load(digits));
    out.digits = std::make_shared<const DigitShapes>(std::move(shapes));
  }
  if (PathExists(ModelPath(models_dir, "months.tsv"))) {
    RAINGAN_ASSIGN_OR_RETURN(dates::PeriodLexicon months,
                             dates::PeriodLexicon::Load(models_dir));
    out.months =
        std::make_shared<const dates::PeriodLexicon>(std::move(months));
  }
  return out;
}

void ScanOptions::UseModels(const ScanModels& models) {
  engine.user_words_file = models.user_words_file;
  engine.user_patterns_file = models.user_patterns_file;
  digits = models.digits;
  months = models.months;
  words = models.words;
}

Result<std::vector<ReadPage>> ReadScannedPages(const std::vector<int>& numbers,
                                               const PageSource& source,
                                               const ScanOptions& options) {
  const int count = static_cast<int>(numbers.size());
  std::vector<ReadPage> pages(count);
  for (int i = 0; i < count; ++i) {
    pages[i].page.number = numbers[i];
    pages[i].page.ocr = true;
  }
  auto read_page = [&](Engine* engine, int worker, int index) {
    ReadPage& out = pages[index];
    const std::string where = "page " + std::to_string(numbers[index]) + ": ";
    Result<image::Image> raster = source(worker, index);
    if (!raster.ok()) {
      // Not read at all (unlike a blank page): the reason goes with the
      // page, so a batch reports it, not "no text".
      out.page.ocr = false;
      out.page.quality.reason =
          "cannot rasterize the page: " + raster.status().message();
      out.AddIssue("page_not_rendered", where + out.page.quality.reason);
      return;
    }
    OcrModels models;
    models.digits = options.digits.get();
    models.months = options.months.get();
    models.words = options.words.get();
    Result<ReadPage> read = RecognizeScannedPage(
        engine, *raster, numbers[index], models, options.page);
    if (!read.ok()) {
      out.AddIssue("ocr_failed",
                   where + "OCR failed: " + read.status().message());
      return;
    }
    out = std::move(read).value();
  };
  auto task = [&](Engine* engine, int worker, int index) {
    read_page(engine, worker, index);
    options.progress.OcrDone();
  };
  options.progress.SetOcrTotal(count);
  RAINGAN_RETURN_IF_ERROR(RunOnWorkers(count, options.jobs, options.engine,
                                       task, options.cores.get()));
  LayOutScannedPages(&options.vocabulary, options.page, &pages);
  return pages;
}

}  // namespace raingan::ocr
