#include "pipeline/extractor.h"

#include "base/file.h"
#include "base/sha256.h"
#include "lexicon/model_store.h"
#include "pipeline/data_dirs.h"
#include "pipeline/document_status.h"

namespace raingan {

Result<Extractor> Extractor::Create(const ExtractOptions& options) {
  ExtractOptions opts = options;
  if (opts.models_dir.empty()) opts.models_dir = DefaultModelsDir();
  if (opts.pipelines_dir.empty()) opts.pipelines_dir = DefaultPipelinesDir();
  if (!PathExists(opts.models_dir)) {
    return Status::NotFound("models directory not found: " + opts.models_dir +
                            " (set --models or RAINGAN_MODELS)");
  }
  // Every backend and stage loads its models from here; a model two of
  // them use is loaded once. The store is only needed while creating.
  ModelStore models(opts.models_dir);
  RAINGAN_ASSIGN_OR_RETURN(Backends backends,
                           Backends::Create(opts.backend, &models));
  RAINGAN_ASSIGN_OR_RETURN(
      Pipeline pipeline,
      Pipeline::Load(opts.pipeline, opts.pipelines_dir, &models));
  return Extractor(std::move(opts), std::move(backends), std::move(pipeline));
}

Result<Document> Extractor::Extract(const std::string& path,
                                    const ProgressCallback& progress) const {
  Result<std::string> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return ExtractBytes(path, *bytes, progress);
}

Result<Document> Extractor::ExtractBytes(
    const std::string& path, std::string_view bytes,
    const ProgressCallback& progress) const {
  Document doc;
  doc.source.path = path;
  doc.source.sha256 = Sha256Hex(bytes);
  if (bytes.empty()) return Status::BadInput("the file is empty (0 bytes)");
  const ProgressTracker tracker(progress ? progress : options_.progress);
  RAINGAN_RETURN_IF_ERROR(backends_.Read(path, bytes, tracker, &doc));
  doc.review_below = options_.review_below;
  RAINGAN_RETURN_IF_ERROR(pipeline_.Run(&doc));
  Classification outcome = Classify(doc, options_.backend.allow_ocr);
  doc.status = outcome.status;
  doc.status_reason = std::move(outcome.reason);
  return doc;
}

}  // namespace raingan
