// Ruled grids and aligned tables found over the same page, made one set.
//
// Rulings show a table's cells only when they draw both its rows and its
// columns. A grid of one column (an outer frame, perhaps with rules between
// the rows) or of one row (column lines only: the header and every data row
// in one ruled "row") is under-ruled: the aligned-table finder
// (aligned_tables.h) is asked to read the text inside it, and the two are
// reconciled here:
//
//   - a fully ruled grid is read from its rulings; an aligned table over
//     it is dropped;
//   - an under-ruled grid gives way to an aligned table over it that tells
//     more rows apart with the same columns (or any columns, for a frame);
//   - a grid of column lines only keeps its columns and takes its rows
//     from an aligned table over it whose header and numbered rows it holds;
//   - otherwise the grid stays and the aligned table is dropped.
//
// The PDF backend and the OCR page reader both call it, so a table with
// column rules and no row rules reads the same from a text layer and from
// a scan.
#ifndef RAINGAN_LAYOUT_RULED_AND_ALIGNED_H_
#define RAINGAN_LAYOUT_RULED_AND_ALIGNED_H_

#include <vector>

#include "layout/aligned_tables.h"
#include "layout/grid.h"
#include "layout/segment.h"

namespace raingan::layout {

// True when the grid's rules alone do not show its cells (one column or
// one row). Such a grid is not excluded from the aligned-table finder.
bool UnderRuled(const TableGrid& grid);

// Merges the aligned tables of one page into its ruled `grids` as above.
// Kept aligned tables are appended to `grids` (with their header text
// set); their column separators are appended to `separators`, for the
// line builder to split lines at.
void ReconcileTables(std::vector<AlignedTable> aligned,
                     std::vector<TableGrid>* grids,
                     std::vector<Segment>* separators);

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_RULED_AND_ALIGNED_H_
