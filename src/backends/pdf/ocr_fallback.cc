#include "backends/pdf/ocr_fallback.h"

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "pdf/pdf_document.h"

namespace raingan::pdf_backend {
namespace {

std::string PageList(const Document& doc, const std::vector<size_t>& which) {
  std::string out;
  for (size_t i : which) {
    if (!out.empty()) out += ", ";
    out += std::to_string(doc.pages[i].number);
  }
  return out;
}

}  // namespace

Status ReadPdfPagesNeedingOcr(std::string_view bytes,
                              const BackendOptions& options,
                              const ocr::ScanOptions& scan, Document* doc) {
  std::vector<size_t> todo;
  std::vector<int> numbers;
  for (size_t i = 0; i < doc->pages.size(); ++i) {
    if (options.force_ocr || doc->pages[i].quality.needs_ocr) {
      todo.push_back(i);
      numbers.push_back(doc->pages[i].number);
    }
  }
  if (todo.empty()) return Status::Ok();
  const bool one = todo.size() == 1;
  const std::string which = (one ? "page " : "pages ") + PageList(*doc, todo) +
                            (one ? " was" : " were") + " not read";
  // One issue for all the pages; its page only when there is one.
  const int page = one ? numbers.front() : 0;
  if (!options.allow_ocr) {
    doc->AddIssue("pdf", "page_not_read",
                  which +
                      " (no usable text layer, and OCR is disabled by "
                      "--no-ocr)",
                  page);
    return Status::Ok();
  }

  // PdfDocument is single-threaded: each worker opens its own copy.
  std::vector<std::unique_ptr<pdf::PdfDocument>> opened(std::max(1, scan.jobs));
  auto render = [&](int worker, int index) -> Result<image::Image> {
    std::unique_ptr<pdf::PdfDocument>& pdf = opened[worker];
    if (!pdf) {
      RAINGAN_ASSIGN_OR_RETURN(pdf::PdfDocument d,
                               pdf::PdfDocument::Open(bytes));
      pdf = std::make_unique<pdf::PdfDocument>(std::move(d));
    }
    return pdf->Render(numbers[index], options.ocr_dpi, /*gray=*/true,
                       options.limits.max_pixels);
  };
  Result<std::vector<ocr::ReadPage>> read =
      ocr::ReadScannedPages(numbers, render, scan);
  if (!read.ok()) {
    doc->AddIssue("pdf", "page_not_read",
                  which + ": " + read.status().message(), page);
    return Status::Ok();
  }
  for (size_t k = 0; k < todo.size(); ++k) {
    Page& page = doc->pages[todo[k]];
    ocr::ReadPage& ocr = (*read)[k];
    page.blocks = std::move(ocr.page.blocks);
    page.ocr = ocr.page.ocr;
    if (!ocr.page.ocr) page.quality.reason = ocr.page.quality.reason;
    if (page.width <= 0) page.width = ocr.page.width;
    if (page.height <= 0) page.height = ocr.page.height;
    for (Issue& issue : ocr.issues) doc->issues.push_back(std::move(issue));
  }
  return Status::Ok();
}

}  // namespace raingan::pdf_backend
