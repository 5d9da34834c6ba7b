// Backends::Create and the dispatch by format (backends/backend.h).
#include "backends/backend.h"

namespace raingan {

Result<Backends> Backends::Create(const BackendOptions& options,
                                  ModelStore* models) {
  Backends b;
  RAINGAN_ASSIGN_OR_RETURN(b.text_, NewTextBackend(options, models));
  RAINGAN_ASSIGN_OR_RETURN(b.pdf_, NewPdfBackend(options, models));
  RAINGAN_ASSIGN_OR_RETURN(b.image_, NewImageBackend(options, models));
  return b;
}

Status Backends::Read(std::string_view path, std::string_view bytes,
                      const ProgressTracker& progress, Document* doc) const {
  switch (SniffFormat(bytes, path)) {
    case InputFormat::kPdf:
      return pdf_->Read(bytes, progress, doc);
    case InputFormat::kImage:
      return image_->Read(bytes, progress, doc);
    case InputFormat::kText:
    case InputFormat::kUnknown:
      break;
  }
  return text_->Read(bytes, progress, doc);
}

}  // namespace raingan
