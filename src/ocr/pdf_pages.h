// OCR for the pages of a PDF that have no usable text layer.
//
// The PDF backend reads every page's text layer first and marks the pages
// it cannot use with quality.needs_ocr (image-only scans, undecodable
// fonts). ReadPdfPagesNeedingOcr() then renders those pages at
// options.ocr_dpi and reads them like any scan, so a mixed PDF (some pages
// born-digital, some scanned) comes out as one document.
#ifndef RAINGAN_OCR_PDF_PAGES_H_
#define RAINGAN_OCR_PDF_PAGES_H_

#include <string_view>

#include "backends/backend.h"
#include "base/status.h"
#include "model/document.h"

namespace raingan::ocr {

// For each page of `doc` with quality.needs_ocr (with options.force_ocr:
// every page), replaces its blocks with what OCR reads on the rendered
// page and sets page.ocr; page quality is kept. With options.allow_ocr
// false it only adds one document warning listing the unread pages. A
// missing OCR installation is a warning too: the born-digital pages of the
// document are still worth having. `bytes` is the PDF `doc` was read from.
Status ReadPdfPagesNeedingOcr(std::string_view bytes,
                              const BackendOptions& options, Document* doc);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_PDF_PAGES_H_
