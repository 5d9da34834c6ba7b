// Backends: one per input format, each turning raw bytes into the
// Document model (source + pages). They do not recognize measures; the
// stages in src/stages/ do that identically for every format.
//
// A backend never throws and never aborts the process on bad input: it
// returns a Status whose message names the reason (the caller adds the
// file name).
#ifndef RAINGAN_BACKENDS_BACKEND_H_
#define RAINGAN_BACKENDS_BACKEND_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/core_budget.h"
#include "base/progress.h"
#include "base/result.h"
#include "image/limits.h"
#include "lexicon/header_roles.h"
#include "model/document.h"

namespace raingan {

enum class InputFormat { kUnknown, kText, kPdf, kImage };

// Guesses the format from the first bytes (magic numbers), falling back to
// the file extension. Text means: decodes as UTF-8/UTF-16 or a legacy Thai
// code page (decided by the text backend).
InputFormat SniffFormat(std::string_view bytes, std::string_view path);

struct BackendOptions {
  std::string models_dir;  // where models/*.tsv live
  int jobs = 1;            // worker threads a backend may use (OCR pages)
  // When set, `jobs` is the most threads and the budget says how many run
  // at a time: shared with the other documents of a batch (see
  // base/core_budget.h). Null: `jobs` threads.
  std::shared_ptr<CoreBudget> core_budget;
  int ocr_dpi = 300;       // render resolution for pages that need OCR
  bool force_ocr = false;  // OCR every PDF page, ignoring its text layer
  bool allow_ocr = true;   // false: never run Tesseract (report instead)
  // Header wording, to find tables drawn without ruling lines; null: only
  // ruled tables are found.
  std::shared_ptr<const HeaderLexicon> headers;
  // Pixel and page limits checked on headers before decoding (image/
  // limits.h): over them, an image file or PDF fails, a page of a longer
  // document is skipped with a warning. `serve` passes the same values.
  image::SizeLimits limits;
  // Where the backend reports pages read and OCRed (base/progress.h); the
  // Extractor sets it per document from ExtractOptions::progress.
  ProgressTracker progress;
};

// Each backend fills doc->source.format/pages and doc->pages. The caller has
// already set doc->source.path and doc->source.sha256.
Status ReadTextExport(std::string_view bytes, const BackendOptions& options,
                      Document* doc);
Status ReadPdf(const std::string& path, std::string_view bytes,
               const BackendOptions& options, Document* doc);
Status ReadImage(const std::string& path, std::string_view bytes,
                 const BackendOptions& options, Document* doc);

}  // namespace raingan

#endif  // RAINGAN_BACKENDS_BACKEND_H_
