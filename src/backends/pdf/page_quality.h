// Is a PDF page's text layer good enough to read, or must OCR read the
// page? Decided from the text the page draws and how much of it is image.
//
// Defects the normalize stage repairs (PUA code points of legacy Thai
// fonts, NIKHAHIT + SARA AA) are counted but do not call for OCR; glyphs
// without a Unicode mapping (U+FFFD, control codes), Thai text drawn with
// a Latin-1 legacy encoding, and image-only pages do.
#ifndef RAINGAN_BACKENDS_PDF_PAGE_QUALITY_H_
#define RAINGAN_BACKENDS_PDF_PAGE_QUALITY_H_

#include <string_view>

#include "model/document.h"

namespace raingan::pdf_backend {

struct QualityOptions {
  // Share of undecodable glyphs above which the text layer is unusable.
  double max_undecodable = 0.1;
  // A page with (almost) no text and at least this image coverage is a
  // scan.
  double scan_coverage = 0.3;
  // "Almost no text": fewer characters than this (a stamped page number
  // or file name over a scanned image).
  int min_chars = 20;
};

// `text` is everything the page's text layer draws; `image_coverage` the
// share of the page covered by images (0..1).
TextLayerQuality AssessTextLayer(std::string_view text, double image_coverage,
                                 const QualityOptions& options = {});

}  // namespace raingan::pdf_backend

#endif  // RAINGAN_BACKENDS_PDF_PAGE_QUALITY_H_
