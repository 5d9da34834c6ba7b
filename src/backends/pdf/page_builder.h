// From what a PDF page draws (pdf::PageContent) to the model's Page:
// rulings → table grids, glyphs → word fragments → tables without rulings
// (layout/aligned_tables.h), glyphs → lines (split at column rulings and at
// the aligned tables' column gaps), lines + grids → blocks in reading
// order, and the text-layer verdict.
//
// Three steps, because a table without rulings may run over several
// pages, and paragraph breaks depend on the document's text column, known
// only once every page has been analysed:
//   std::vector<AnalysedPage> pages;            // AnalysePage() each page
//   AssemblePages(options, &pages);             // aligned tables, lines
//   layout::TextColumn column = DocumentColumn(pages);
//   for (auto& p : pages) LayoutAnalysedPage(column, options, &p);
#ifndef RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_
#define RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_

#include <vector>

#include "backends/pdf/page_quality.h"
#include "layout/aligned_tables.h"
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
  // Header wording; without `role_of` only ruled tables are found.
  layout::HeaderVocabulary vocabulary;
  layout::AlignedTableOptions aligned;
  // The fragments the aligned-table finder reads: words, split at every
  // space glyph and at any gap wider than this (× font size) without one.
  // Inside a word glyphs touch (letter-spacing of justified text stays
  // under 0.1 em on the samples); LibreOffice's tightest cell padding
  // (2 px each side) leaves 0.21 em between the text of adjacent cells.
  double fragment_gap = 0.15;
};

// A page with its lines and grids, before blocks are formed. `page` has
// number, size and quality set; its blocks are empty. AnalysePage() fills
// the rulings, the ruled grids, the glyphs and (with a vocabulary) the word
// fragments; AssemblePages() the lines, and the grids of tables without
// rulings, and releases the glyphs and fragments.
struct AnalysedPage {
  Page page;
  std::vector<layout::TextLine> lines;
  std::vector<layout::TableGrid> grids;
  std::vector<pdf::Glyph> glyphs;
  std::vector<layout::Segment> rulings;
  std::vector<layout::TextLine> fragments;
  std::vector<BBox> fills;  // shaded rectangles (pdf::PageContent::fills)
};

// Sets Cell::drawn_mark on the cells of `page`'s tables that a shaded
// rectangle of `fills` covers: the cell's own background, not a shade
// behind the whole table or page.
void MarkShadedCells(const std::vector<BBox>& fills, Page* page);

AnalysedPage AnalysePage(const pdf::PageContent& content,
                         const PageBuildOptions& options = {});

// The tables without rulings of all pages (layout/aligned_tables.h: a
// table may run over page breaks), then every page's lines, split at the
// ruled and the aligned column borders.
void AssemblePages(const PageBuildOptions& options,
                   std::vector<AnalysedPage>* pages);

// The text column of the running text (lines outside tables) of `pages`.
layout::TextColumn DocumentColumn(const std::vector<AnalysedPage>& pages);

// Fills page->page.blocks and releases the lines and grids.
void LayoutAnalysedPage(const layout::TextColumn& column,
                        const PageBuildOptions& options, AnalysedPage* page);

// Both steps for a lone page (its own text column).
Page BuildPage(const pdf::PageContent& content,
               const PageBuildOptions& options = {});

}  // namespace raingan::pdf_backend

#endif  // RAINGAN_BACKENDS_PDF_PAGE_BUILDER_H_
