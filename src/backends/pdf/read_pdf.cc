// ReadPdf (backends/backend.h): born-digital PDFs through their text layer.
// Pages whose text layer is missing or unusable are still emitted, with
// quality.needs_ocr and a reason, for the OCR backend to re-read.
#include <string>

#include "backends/backend.h"
#include "backends/pdf/page_builder.h"
#include "pdf/pdf_document.h"

namespace raingan {

Status ReadPdf(const std::string& /*path*/, std::string_view bytes,
               const BackendOptions& options, Document* doc) {
  RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument pdf, pdf::PdfDocument::Open(bytes));
  doc->source.format = SourceFormat::kPdf;
  doc->source.pages = pdf.page_count();
  for (const std::string& w : pdf.warnings()) doc->warnings.push_back(w);

  pdf_backend::PageBuildOptions build;
  for (int n = 1; n <= pdf.page_count(); ++n) {
    const std::string where = "page " + std::to_string(n) + ": ";
    Result<pdf::PageContent> content = pdf.ReadPage(n);
    if (!content.ok()) {
      // One unreadable page does not lose the others.
      Page page;
      page.number = n;
      page.quality.needs_ocr = true;
      page.quality.reason = content.status().message();
      doc->warnings.push_back(where + content.status().message());
      doc->pages.push_back(std::move(page));
      continue;
    }
    for (const std::string& w : content->warnings) {
      doc->warnings.push_back(where + w);
    }
    if (content->skipped_rotated_glyphs > 0) {
      doc->warnings.push_back(
          where + std::to_string(content->skipped_rotated_glyphs) +
          " rotated characters (vertical text) were not read");
    }
    Page page = pdf_backend::BuildPage(*content, build);
    if (options.force_ocr && !page.quality.needs_ocr) {
      page.quality.needs_ocr = true;
      page.quality.reason = "OCR requested for every page";
    }
    doc->pages.push_back(std::move(page));
  }
  return Status::Ok();
}

}  // namespace raingan
