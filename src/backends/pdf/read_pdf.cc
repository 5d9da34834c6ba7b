// The PDF backend (backends/backend.h): born-digital PDFs through their
// text layer. Pages whose text layer is missing or unusable are still
// emitted, with quality.needs_ocr and a reason, and then re-read by OCR
// (ocr_fallback.h). A PDF of more pages than options_.limits.max_pages is
// refused before any page is read.
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "backends/backend.h"
#include "backends/ocr_setup.h"
#include "backends/pdf/ocr_fallback.h"
#include "backends/pdf/page_builder.h"
#include "backends/table_vocabulary.h"
#include "lexicon/header_roles.h"
#include "pdf/pdf_document.h"

namespace raingan {
namespace {

class PdfBackend : public Backend {
 public:
  PdfBackend(const BackendOptions& options, layout::HeaderVocabulary vocabulary,
             ocr::ScanOptions scan)
      : options_(options),
        vocabulary_(std::move(vocabulary)),
        scan_(std::move(scan)) {}

  std::string_view name() const override { return "pdf"; }
  Status Read(std::string_view bytes, const ProgressTracker& progress,
              Document* doc) const override;

 private:
  BackendOptions options_;
  layout::HeaderVocabulary vocabulary_;  // for tables without rulings
  ocr::ScanOptions scan_;  // the run's; its progress is set per document
};

Status PdfBackend::Read(std::string_view bytes, const ProgressTracker& progress,
                        Document* doc) const {
  RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument pdf, pdf::PdfDocument::Open(bytes));
  RAINGAN_RETURN_IF_ERROR(image::CheckPages("the PDF", pdf.page_count(),
                                            options_.limits.max_pages));
  doc->source.format = SourceFormat::kPdf;
  doc->source.pages = pdf.page_count();
  for (const std::string& w : pdf.warnings()) {
    doc->AddIssue(name(), "pdf_message", w);
  }

  pdf_backend::PageBuildOptions build;
  build.vocabulary = vocabulary_;
  std::vector<pdf_backend::AnalysedPage> pages;
  pages.reserve(pdf.page_count());
  progress.SetPagesTotal(pdf.page_count());
  for (int n = 1; n <= pdf.page_count(); ++n) {
    const std::string where = "page " + std::to_string(n) + ": ";
    Result<pdf::PageContent> content = pdf.ReadPage(n);
    if (!content.ok()) {
      // One unreadable page does not lose the others.
      pdf_backend::AnalysedPage failed;
      failed.page.number = n;
      failed.page.quality.needs_ocr = true;
      failed.page.quality.reason = content.status().message();
      doc->AddIssue(name(), "page_unreadable",
                    where + content.status().message(), n);
      pages.push_back(std::move(failed));
      progress.PagesDone();
      continue;
    }
    for (const std::string& w : content->warnings) {
      doc->AddIssue(name(), "pdf_message", where + w, n);
    }
    if (content->skipped_rotated_glyphs > 0) {
      doc->AddIssue(name(), "vertical_text_skipped",
                    where + std::to_string(content->skipped_rotated_glyphs) +
                        " rotated characters (vertical text) were not read",
                    n);
    }
    pages.push_back(pdf_backend::AnalysePage(*content, build));
    progress.PagesDone();
  }

  pdf_backend::AssemblePages(build, &pages);
  const layout::TextColumn column = pdf_backend::DocumentColumn(pages);
  for (pdf_backend::AnalysedPage& p : pages) {
    pdf_backend::LayoutAnalysedPage(column, build, &p);
    if (options_.force_ocr && !p.page.quality.needs_ocr) {
      p.page.quality.needs_ocr = true;
      p.page.quality.reason = "OCR requested for every page";
    }
    doc->pages.push_back(std::move(p.page));
  }
  ocr::ScanOptions scan = scan_;
  scan.progress = progress;
  return pdf_backend::ReadPdfPagesNeedingOcr(bytes, options_, scan, doc);
}

}  // namespace

Result<std::unique_ptr<Backend>> NewPdfBackend(const BackendOptions& options,
                                               ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(ocr::ScanOptions scan,
                           ScanOptionsFor(options, models));
  return std::unique_ptr<Backend>(std::make_unique<PdfBackend>(
      options, TableVocabulary(std::move(headers)), std::move(scan)));
}

}  // namespace raingan
