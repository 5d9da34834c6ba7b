// The PDF backend's OCR fallback: OCR for the pages of a PDF that have no
// usable text layer.
//
// ReadPdf reads every page's text layer first and marks the pages it
// cannot use with quality.needs_ocr (image-only scans, undecodable fonts).
// ReadPdfPagesNeedingOcr() then renders those pages at options.ocr_dpi and
// reads them like any scan (ocr/scan_reader.h), so a mixed PDF (some pages
// born-digital, some scanned) comes out as one document.
#ifndef RAINGAN_BACKENDS_PDF_OCR_FALLBACK_H_
#define RAINGAN_BACKENDS_PDF_OCR_FALLBACK_H_

#include <string_view>

#include "backends/backend.h"
#include "base/status.h"
#include "model/document.h"
#include "ocr/scan_reader.h"

namespace raingan::pdf_backend {

// For each page of `doc` with quality.needs_ocr (with options.force_ocr:
// every page), replaces its blocks with what OCR reads on the rendered
// page and sets page.ocr; page quality is kept. With options.allow_ocr
// false it only adds one issue (page_not_read) listing the unread pages. A
// missing OCR installation is such an issue too: the born-digital pages of the
// document are still worth having. `bytes` is the PDF `doc` was read from;
// `scan` the run's OCR set-up (backends/ocr_setup.h).
Status ReadPdfPagesNeedingOcr(std::string_view bytes,
                              const BackendOptions& options,
                              const ocr::ScanOptions& scan, Document* doc);

}  // namespace raingan::pdf_backend

#endif  // RAINGAN_BACKENDS_PDF_OCR_FALLBACK_H_
