// One page's blocks in reading order: the paragraphs of the running text
// and the ruled tables, as the document model wants them (model/document.h).
//
// Reading order is top to bottom: the reports raingan reads are
// single-column, with tables as wide as the text. Paragraph breaks outside
// tables are inferred from what a typesetter does at the end of one: a
// list marker, a first-line indent, a short last line, a wider gap, or a
// change of style (a bold or larger heading stands alone).
#ifndef RAINGAN_LAYOUT_PAGE_LAYOUT_H_
#define RAINGAN_LAYOUT_PAGE_LAYOUT_H_

#include <vector>

#include "layout/grid.h"
#include "layout/paragraphs.h"
#include "layout/text_lines.h"
#include "model/document.h"

namespace raingan::layout {

struct PageLayoutOptions {
  ParagraphOptions paragraph;  // breaks inside table cells
  // A line starting this far (× font size) right of the text's left edge
  // opens a paragraph (first-line indent).
  double indent = 1.5;
  // A line starting further left than this (× font size) of the line
  // before it does not continue that line's paragraph: first-line indents
  // are smaller.
  double max_first_indent = 6.0;
  // A line ending this far (× font size) left of the text's right edge
  // closes its paragraph.
  double short_line = 4.0;
  // Extra vertical gap (× font size) beyond the page's usual line gap that
  // separates paragraphs.
  double extra_gap = 0.5;
  // Lines this much larger than the body text (or bold) are headings.
  double heading_scale = 1.15;
  // Page numbers ("- 8 -", "๘") are looked for in this fraction of the
  // page height at the top and the bottom, and dropped; so is a catchword
  // ending the page's text.
  double margin_band = 0.12;
};

// Where a document's running text starts and ends horizontally. A page
// with only a few centered lines (a title page) cannot tell by itself
// whether a line filled the column, i.e. whether the text wrapped there.
struct TextColumn {
  double left = 0, right = 0;
  bool known() const { return right > left; }
};

// The most common start and end of the lines outside tables (weighted by
// line length): the margins that justified body text keeps.
TextColumn EstimateTextColumn(const std::vector<TextLine>& running_text);

// `lines` are all text lines of the page (AssembleLines() with the page's
// rulings as barriers); `grids` its table grids; `column` the document's
// text column, if known (the page's own lines may only widen it).
// Paragraphs get heading/list_item flags; everything gets `page` and a box.
std::vector<Block> LayoutPage(const std::vector<TextLine>& lines,
                              const std::vector<TableGrid>& grids, int page,
                              double page_height, const TextColumn& column = {},
                              const PageLayoutOptions& options = {});

// True for a line that only numbers the page: "- 8 -", "๘", "-๑๒-",
// "หน้า ๓", "3/12".
bool IsPageNumberLine(std::string_view text);

// True for the catchword Thai official letters print at the bottom of a
// page to announce the next one: "/๕. ด้านความโปร่งใส..." .
bool IsCatchwordLine(std::string_view text);

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_PAGE_LAYOUT_H_
