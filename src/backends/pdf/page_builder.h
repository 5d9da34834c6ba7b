// From what a PDF page draws (pdf::PageContent) to the model's Page:
// rulings → table grids, glyphs → lines (split at column rulings), lines
// + grids → blocks in reading order, and the text-layer verdict.
#ifndef RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_
#define RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_

#include "backends/pdf/page_quality.h"
#include "layout/grid.h"
#include "layout/page_layout.h"
#include "layout/segment.h"
#include "layout/text_lines.h"
#include "model/document.h"
#include "pdf/pdf_document.h"

namespace raingan::pdf_backend {

struct PageBuildOptions {
  layout::SegmentOptions segments;
  layout::GridOptions grids;
  layout::LineOptions lines;
  layout::PageLayoutOptions layout;
  QualityOptions quality;
};

Page BuildPage(const pdf::PageContent& content,
               const PageBuildOptions& options = {});

}  // namespace raingan::pdf_backend

#endif  // RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_
