// Putting text lines into the cells of a table grid.
//
// The grid (grid.h) and the lines (text_lines.h) are built independently;
// FillTable() joins them by position only, so it works the same for vector
// and raster rulings and for text-layer and OCR lines.
#ifndef RAINGAN_LAYOUT_TABLE_FILL_H_
#define RAINGAN_LAYOUT_TABLE_FILL_H_

#include <vector>

#include "layout/grid.h"
#include "layout/paragraphs.h"
#include "layout/text_lines.h"
#include "model/document.h"

namespace raingan::layout {

// Index in cells() of the cell `line` belongs to — the one holding the
// center of its box — or -1 when the line is outside the grid.
int CellOfLine(const TableGrid& grid, const TextLine& line);

// The model table of `grid`: dense rows of grid.cols() cells, a merged cell
// once at its top-left position with its spans and covered = true on the
// positions it covers. Cell text is CellParagraphs() of the lines whose
// center lies in the cell. Table, rows and cells get `page` and their box.
// `used`, if given, is resized to lines.size() and marks the lines placed.
Table FillTable(const TableGrid& grid, const std::vector<TextLine>& lines,
                int page, std::vector<bool>* used = nullptr,
                const ParagraphOptions& options = {});

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_TABLE_FILL_H_
