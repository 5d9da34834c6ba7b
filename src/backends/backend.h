// Backends: one per input format, each turning raw bytes into the
// Document model (source + pages). They do not recognize measures; the
// stages in src/stages/ do that identically for every format.
//
// A backend is made once per run by its factory, which loads and validates
// what it needs from models/ (the PDF and image backends: OCR's word lists,
// digit shapes and month names, through the run's ModelStore) before any
// document is read, so a bad model file stops the run at the start with
// "file:line: reason". It is const afterwards and serves every document.
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
#include "lexicon/model_store.h"
#include "model/document.h"

namespace raingan {

enum class InputFormat { kUnknown, kText, kPdf, kImage };

// Guesses the format from the first bytes (magic numbers), falling back to
// the file extension. Text means: decodes as UTF-8/UTF-16 or a legacy Thai
// code page (decided by the text backend).
InputFormat SniffFormat(std::string_view bytes, std::string_view path);

struct BackendOptions {
  int jobs = 1;            // worker threads a backend may use (OCR pages)
  // When set, `jobs` is the most threads and the budget says how many run
  // at a time: shared with the other documents of a batch (see
  // base/core_budget.h). Null: `jobs` threads.
  std::shared_ptr<CoreBudget> core_budget;
  int ocr_dpi = 300;       // render resolution for pages that need OCR
  bool force_ocr = false;  // OCR every PDF page, ignoring its text layer
  bool allow_ocr = true;   // false: never run Tesseract (report instead)
  // Pixel and page limits checked on headers before decoding (image/
  // limits.h): over them, an image file or PDF fails, a page of a longer
  // document is skipped with a warning. `serve` passes the same values.
  image::SizeLimits limits;
};

class Backend {
 public:
  virtual ~Backend() = default;
  // "text", "pdf" or "image".
  virtual std::string_view name() const = 0;
  // Fills doc->source.format/pages and doc->pages, reporting pages read
  // and OCRed to `progress` (base/progress.h; per document, so it is not an
  // option of the run). The caller has already set doc->source.path and
  // doc->source.sha256.
  virtual Status Read(std::string_view bytes, const ProgressTracker& progress,
                      Document* doc) const = 0;
};

using BackendFactory = Result<std::unique_ptr<Backend>> (*)(
    const BackendOptions& options, ModelStore* models);

Result<std::unique_ptr<Backend>> NewTextBackend(const BackendOptions& options,
                                                ModelStore* models);
// These two load the header lexicon (models/header_roles.tsv: the wording
// that finds tables drawn without rulings) and, with options.allow_ocr,
// OCR's models.
Result<std::unique_ptr<Backend>> NewPdfBackend(const BackendOptions& options,
                                               ModelStore* models);
Result<std::unique_ptr<Backend>> NewImageBackend(const BackendOptions& options,
                                                 ModelStore* models);

// The text backend needs no models; it is also a plain function.
Status ReadTextExport(std::string_view bytes, const BackendOptions& options,
                      Document* doc);

// One backend per format, made once per run: what the Extractor reads
// every input with.
class Backends {
 public:
  static Result<Backends> Create(const BackendOptions& options,
                                 ModelStore* models);

  // Reads `bytes` with the backend of their format (SniffFormat; unknown
  // formats are tried as text).
  Status Read(std::string_view path, std::string_view bytes,
              const ProgressTracker& progress, Document* doc) const;

 private:
  std::unique_ptr<Backend> text_, pdf_, image_;
};

}  // namespace raingan

#endif  // RAINGAN_BACKENDS_BACKEND_H_
