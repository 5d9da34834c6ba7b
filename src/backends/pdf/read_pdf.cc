// ReadPdf (backends/backend.h): born-digital PDFs through their text layer.
// Pages whose text layer is missing or unusable are still emitted, with
// quality.needs_ocr and a reason, and then re-read by OCR (src/ocr/).
// A PDF of more pages than options.limits.max_pages is refused before any
// page is read.
#include <string>
#include <vector>

#include "backends/backend.h"
#include "backends/pdf/page_builder.h"
#include "backends/table_vocabulary.h"
#include "ocr/pdf_pages.h"
#include "pdf/pdf_document.h"

namespace raingan {

Status ReadPdf(const std::string& /*path*/, std::string_view bytes,
               const BackendOptions& options, Document* doc) {
  RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument pdf, pdf::PdfDocument::Open(bytes));
  RAINGAN_RETURN_IF_ERROR(
      image::CheckPages("the PDF", pdf.page_count(), options.limits.max_pages));
  doc->source.format = SourceFormat::kPdf;
  doc->source.pages = pdf.page_count();
  for (const std::string& w : pdf.warnings()) doc->warnings.push_back(w);

  pdf_backend::PageBuildOptions build;
  build.vocabulary = TableVocabulary(options);
  std::vector<pdf_backend::AnalysedPage> pages;
  pages.reserve(pdf.page_count());
  options.progress.SetPagesTotal(pdf.page_count());
  for (int n = 1; n <= pdf.page_count(); ++n) {
    const std::string where = "page " + std::to_string(n) + ": ";
    Result<pdf::PageContent> content = pdf.ReadPage(n);
    if (!content.ok()) {
      // One unreadable page does not lose the others.
      pdf_backend::AnalysedPage failed;
      failed.page.number = n;
      failed.page.quality.needs_ocr = true;
      failed.page.quality.reason = content.status().message();
      doc->warnings.push_back(where + content.status().message());
      pages.push_back(std::move(failed));
      options.progress.PagesDone();
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
    pages.push_back(pdf_backend::AnalysePage(*content, build));
    options.progress.PagesDone();
  }

  pdf_backend::AssemblePages(build, &pages);
  const layout::TextColumn column = pdf_backend::DocumentColumn(pages);
  for (pdf_backend::AnalysedPage& p : pages) {
    pdf_backend::LayoutAnalysedPage(column, build, &p);
    if (options.force_ocr && !p.page.quality.needs_ocr) {
      p.page.quality.needs_ocr = true;
      p.page.quality.reason = "OCR requested for every page";
    }
    doc->pages.push_back(std::move(p.page));
  }
  return ocr::ReadPdfPagesNeedingOcr(bytes, options, doc);
}

}  // namespace raingan
