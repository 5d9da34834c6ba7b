// Extractor: the whole job for one input — read the bytes, identify the
// format, run the matching backend, then the pipeline's stages. The CLI's
// `extract` and every batch worker go through here.
//
// Create() makes the backends and the pipeline's stages once, each loading
// and validating its own models/ files (lexicon/model_store.h), before any
// document is read; its errors are configuration errors naming the file
// (and line). Extract() may then be called for any number of documents,
// from any thread.
//
// Extract() never throws. A Result error means the input could not be
// processed (empty, damaged, encrypted, not a document); its message is
// the reason (the caller adds the file name). Otherwise the Document's
// `status` says what was read (pipeline/document_status.h): ok, partial,
// or failed — nothing was read; the caller then writes no JSON for it and
// reports `status_reason`, as `extract` and `batch` both do.
#ifndef RAINGAN_PIPELINE_EXTRACTOR_H_
#define RAINGAN_PIPELINE_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "backends/backend.h"
#include "base/result.h"
#include "model/document.h"
#include "pipeline/pipeline.h"
#include "stages/review/field_review.h"

namespace raingan {

struct ExtractOptions {
  std::string pipeline = "default";  // name in pipelines/ or a .json path
  std::string models_dir;            // empty = DefaultModelsDir()
  std::string pipelines_dir;         // empty = DefaultPipelinesDir()
  BackendOptions backend;
  // Called as pages are read and OCRed (base/progress.h: from worker
  // threads, never concurrently with itself). Empty: no reports.
  ProgressCallback progress;
  // --review-below: a field whose confidence is below it is listed in
  // its record's `review` (stages/review/field_review.h).
  double review_below = kDefaultReviewBelow;
};

class Extractor {
 public:
  static Result<Extractor> Create(const ExtractOptions& options);

  // Reads `path` ("-" = standard input) and extracts it. A non-empty
  // `progress` replaces ExtractOptions::progress for this document (one
  // Extractor serving many jobs, each with its own listener).
  Result<Document> Extract(const std::string& path,
                           const ProgressCallback& progress = nullptr) const;
  // Extracts bytes already in memory; `path` is recorded as the source.
  Result<Document> ExtractBytes(
      const std::string& path, std::string_view bytes,
      const ProgressCallback& progress = nullptr) const;

  const Pipeline& pipeline() const { return pipeline_; }
  // The options with the directories resolved.
  const ExtractOptions& options() const { return options_; }

 private:
  Extractor(ExtractOptions options, Backends backends, Pipeline pipeline)
      : options_(std::move(options)),
        backends_(std::move(backends)),
        pipeline_(std::move(pipeline)) {}

  ExtractOptions options_;
  Backends backends_;
  Pipeline pipeline_;
};

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_EXTRACTOR_H_
