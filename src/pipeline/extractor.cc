#include "pipeline/extractor.h"

#include "base/file.h"
#include "base/sha256.h"

namespace raingan {

Result<Extractor> Extractor::Create(const ExtractOptions& options) {
  ExtractOptions opts = options;
  if (opts.models_dir.empty()) opts.models_dir = DefaultModelsDir();
  if (opts.pipelines_dir.empty()) opts.pipelines_dir = DefaultPipelinesDir();
  opts.backend.models_dir = opts.models_dir;
  Result<std::shared_ptr<const Models>> models = Models::Load(opts.models_dir);
  if (!models.ok()) return models.status();
  opts.backend.headers = std::shared_ptr<const HeaderLexicon>(
      *models, &(*models)->headers);
  Result<Pipeline> pipeline = Pipeline::Load(opts.pipeline, opts.pipelines_dir);
  if (!pipeline.ok()) return pipeline.status();
  return Extractor(std::move(opts), std::move(models).value(),
                   std::move(pipeline).value());
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

  BackendOptions backend = options_.backend;
  backend.progress = ProgressTracker(progress ? progress : options_.progress);
  Status read;
  switch (SniffFormat(bytes, path)) {
    case InputFormat::kPdf:
      read = ReadPdf(path, bytes, backend, &doc);
      break;
    case InputFormat::kImage:
      read = ReadImage(path, bytes, backend, &doc);
      break;
    case InputFormat::kText:
    case InputFormat::kUnknown:
      read = ReadTextExport(bytes, backend, &doc);
      break;
  }
  if (!read.ok()) return read;

  StageContext ctx{*models_, options_.review_below};
  Status run = pipeline_.Run(ctx, &doc);
  if (!run.ok()) return run;
  return doc;
}

}  // namespace raingan
