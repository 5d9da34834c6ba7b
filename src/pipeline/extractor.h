// Extractor: the whole job for one input — read the bytes, identify the
// format, run the matching backend, then the pipeline's stages. The CLI's
// `extract` and every batch worker go through here.
//
// Create() loads models and the pipeline once; Extract() may then be called
// for any number of documents. Extract() never throws; a Result error
// carries the reason (the caller adds the file name).
#ifndef RAINGAN_PIPELINE_EXTRACTOR_H_
#define RAINGAN_PIPELINE_EXTRACTOR_H_

#include <memory>
#include <string>
#include <string_view>

#include "backends/backend.h"
#include "base/result.h"
#include "model/document.h"
#include "pipeline/models.h"
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

 private:
  Extractor(ExtractOptions options, std::shared_ptr<const Models> models,
            Pipeline pipeline)
      : options_(std::move(options)),
        models_(std::move(models)),
        pipeline_(std::move(pipeline)) {}

  ExtractOptions options_;
  std::shared_ptr<const Models> models_;
  Pipeline pipeline_;
};

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_EXTRACTOR_H_
