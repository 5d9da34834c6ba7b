// Table grids from ruling lines.
//
// BuildGrids() takes the rulings of one page — from PDF vector paths or
// from a raster (src/image/lines.h), it does not care — and returns one
// TableGrid per ruled table: the column and row boundaries and the cells,
// where a cell spans several grid positions when the rulings between them
// are missing (merged cells). All tolerances are in points, so the same
// options serve a 72-dpi vector page and a 300-dpi scan.
#ifndef RAINGAN_LAYOUT_GRID_H_
#define RAINGAN_LAYOUT_GRID_H_

#include <string>
#include <vector>

#include "layout/segment.h"
#include "model/document.h"
#include "model/geometry.h"

namespace raingan::layout {

struct GridCell {
  int row = 0, col = 0;  // top-left grid position
  int row_span = 1, col_span = 1;
  BBox bbox;  // between the cell's rulings
};

class TableGrid {
 public:
  // `xs`/`ys` are the boundaries (cols + 1, rows + 1, increasing); `cells`
  // must tile the grid exactly (checked by BuildGrids, not here).
  TableGrid(std::vector<double> xs, std::vector<double> ys,
            std::vector<GridCell> cells);

  int rows() const { return static_cast<int>(ys_.size()) - 1; }
  int cols() const { return static_cast<int>(xs_.size()) - 1; }
  const std::vector<double>& xs() const { return xs_; }
  const std::vector<double>& ys() const { return ys_; }
  // In row-major order of their top-left positions.
  const std::vector<GridCell>& cells() const { return cells_; }
  BBox bbox() const {
    return {xs_.front(), ys_.front(), xs_.back(), ys_.back()};
  }

  // Index in cells() of the cell covering grid position (row, col).
  int CellAt(int row, int col) const { return owner_[row * cols() + col]; }
  // Index of the cell containing the point, or -1 outside the grid.
  int CellContaining(double x, double y) const;

  // Ruled (BuildGrids) or aligned (aligned_tables.h); FillTable copies it.
  TableKind kind() const { return kind_; }
  void set_kind(TableKind kind) { kind_ = kind; }

  // The text of the header cells (row, column), when the lines of the page
  // do not hold all of it (a header cut by a page break); FillTable puts it
  // in those cells instead of their lines. Empty: none.
  const std::vector<std::vector<std::string>>& header_text() const {
    return header_text_;
  }
  void set_header_text(std::vector<std::vector<std::string>> text) {
    header_text_ = std::move(text);
  }

 private:
  std::vector<double> xs_, ys_;
  std::vector<GridCell> cells_;
  std::vector<int> owner_;  // rows * cols entries
  TableKind kind_ = TableKind::kRuled;
  std::vector<std::vector<std::string>> header_text_;
};

struct GridOptions {
  // Boundaries closer than this are one (double borders, the two edges of
  // a thick line), points.
  double tolerance = 2.0;
  // Rulings whose ends stop this short of another ruling still meet: the
  // ends of scanned lines are ragged and a slightly rotated scan misses
  // the corners. Vector PDFs meet exactly.
  double reach = 5.0;
  // Part of a cell side that must be ruled for the side to separate two
  // cells; less means the cells are merged.
  double min_edge_coverage = 0.6;
};

// Grids found among `rulings` (any order; NormalizeSegments output is
// ideal), top to bottom. A set of touching rulings is a table when it
// encloses at least two cells; a lone box (a frame around text) or an
// underline is not. A ruling that touches a table but separates no cells
// (a stray stroke in a scan, an underline in a cell) adds no boundary.
std::vector<TableGrid> BuildGrids(const std::vector<Segment>& rulings,
                                  const GridOptions& options = {});

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_GRID_H_
