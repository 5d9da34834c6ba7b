// Reading many scanned pages in parallel: the entry point the PDF and
// image backends use.
//
// The caller says how to get each page's raster (render a PDF page,
// decode a TIFF frame); ReadScannedPages() runs that and
// ReadScannedPage() on a pool of workers (worker_pool.h), one Tesseract
// Engine each, and returns the pages in order. A page that cannot be
// rasterized or read gets issues and no blocks; the others are read.
#ifndef RAINGAN_OCR_SCAN_READER_H_
#define RAINGAN_OCR_SCAN_READER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "base/core_budget.h"
#include "base/progress.h"
#include "base/result.h"
#include "dates/lexicon.h"
#include "image/image.h"
#include "ocr/engine.h"
#include "ocr/page_reader.h"

namespace raingan::ocr {

// What OCR reads from models/, each only when its file exists:
// Tesseract's word and pattern lists (ocr_words.txt, ocr_patterns.txt),
// the lexicon corrector built on ocr_words.txt, the digit shapes
// (ocr_digit_shapes.tsv) and the month names (months.tsv,
// period_words.tsv). Loaded once per run (lexicon/model_store.h); errors
// in those files fail with the file and line.
struct ScanModels {
  std::string user_words_file;     // EngineOptions::user_words_file
  std::string user_patterns_file;  // EngineOptions::user_patterns_file
  std::shared_ptr<const DigitShapes> digits;
  std::shared_ptr<const dates::PeriodLexicon> months;
  std::shared_ptr<const WordCorrector> words;

  static Result<ScanModels> Load(const std::string& models_dir);
};

struct ScanOptions {
  int jobs = 1;  // worker threads (each with its own Engine)
  std::shared_ptr<CoreBudget> cores;  // may be null: see worker_pool.h
  EngineOptions engine;
  PageReadOptions page;
  std::shared_ptr<const DigitShapes> digits;           // null: no digit repair
  std::shared_ptr<const dates::PeriodLexicon> months;  // may be null
  std::shared_ptr<const WordCorrector> words;          // may be null
  // Header wording for tables without rulings; unset: ruled tables only.
  layout::HeaderVocabulary vocabulary;
  // Told the number of pages to read, then each page read or given up on.
  // Per document: a backend copies its run's ScanOptions and sets it.
  ProgressTracker progress;

  // Uses `models`: its lists for the engine, its models for the pages.
  void UseModels(const ScanModels& models);
};

// Produces the raster of page `index`. Called concurrently from different
// workers, never concurrently with the same `worker` value, so per-worker
// state (an open PDF document) needs no lock.
using PageSource = std::function<Result<image::Image>(int worker, int index)>;

// Reads pages 0..numbers.size()-1; page i is numbered numbers[i] in the
// document. A page whose raster cannot be made (over a size limit, say)
// comes back with page.ocr false and the reason in page.quality.reason. Fails
// only when no OCR engine can be created (missing language data), with a
// message saying what to install.
Result<std::vector<ReadPage>> ReadScannedPages(const std::vector<int>& numbers,
                                               const PageSource& source,
                                               const ScanOptions& options);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_SCAN_READER_H_
