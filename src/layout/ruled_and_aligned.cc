#include "layout/ruled_and_aligned.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

namespace raingan::layout {

namespace {

// The aligned table `a` reads the ruled grid `g` better: it splits rows
// the grid does not, and keeps the columns the grid's lines draw.
bool ReadsBetter(const TableGrid& a, const TableGrid& g) {
  if (a.rows() <= g.rows()) return false;
  if (g.cols() < 2) return true;
  if (a.cols() != g.cols()) return false;
  // The aligned separator lies mid-way between the texts of two columns,
  // the ruling where the cell ends: up to 4.3 pt apart in the
  // LibreOffice-printed variants (cell padding 6 px).
  constexpr double kSameLine = 6.0;  // points
  for (int c = 1; c < g.cols(); ++c) {
    if (std::abs(a.xs()[c] - g.xs()[c]) > kSameLine) return false;
  }
  return true;
}

// A grid of column lines only (one ruled "row" holding the header and
// every data row) with the rows of the aligned table `a` found over it:
// the rules keep the columns they draw, the alignment tells the rows.
// Only where the grid's one row holds the aligned table's header and
// numbered rows below it: a ruled row by itself (a row the page break
// cut) is one row.
// Empty when `aligned` tells no row apart inside `g`.
std::optional<TableGrid> RowsFromAlignment(const TableGrid& g,
                                           const AlignedTable& aligned) {
  const TableGrid& a = aligned.grid;
  // The rows must show the measures' numbering: a header the page break
  // cut at the foot of a page is a one-row grid too, and the finder may
  // tell its wrapped lines apart as rows.
  if (g.cols() < 2 || g.rows() != 1 || aligned.header_rows < 1 ||
      aligned.measure_shape.empty()) {
    return std::nullopt;
  }
  constexpr double kSlack = 3.0;  // points: text above the rule it sits on
  if (a.ys().front() < g.ys().front() - kSlack ||
      a.ys().back() > g.ys().back() + kSlack ||
      a.ys()[static_cast<size_t>(aligned.header_rows)] >= g.ys().back()) {
    return std::nullopt;
  }
  constexpr double kMinRow = 2.0;  // points: a sliver is no row
  // The grid's top is the header's; the aligned rows from the header's
  // bottom on.
  std::vector<double> ys = {g.ys().front()};
  for (size_t k = static_cast<size_t>(aligned.header_rows); k < a.ys().size();
       ++k) {
    const double y = a.ys()[k];
    if (y > ys.back() + kMinRow && y < g.ys().back() - kMinRow) ys.push_back(y);
  }
  ys.push_back(g.ys().back());
  // The header and one data row at least. (One Word table per measure,
  // column lines only, is a header over one row: noisy 200-dpi scans of
  // the frame-only Loma variant.) A single row must be no shorter than the
  // header: a header the page break cut at the foot of a page is a
  // one-row grid too, and the finder may take its last wrapped line for a
  // row (a 19-pt "row" under a 165-pt header, the Norasi 16 print of 002).
  if (ys.size() < 3) return std::nullopt;
  if (ys.size() == 3 && ys[2] - ys[1] < ys[1] - ys[0]) return std::nullopt;
  std::vector<GridCell> cells;
  for (size_t r = 0; r + 1 < ys.size(); ++r) {
    for (int c = 0; c < g.cols(); ++c) {
      GridCell cell;
      cell.row = static_cast<int>(r);
      cell.col = c;
      cell.bbox = {g.xs()[c], ys[r], g.xs()[c + 1], ys[r + 1]};
      cells.push_back(cell);
    }
  }
  TableGrid out(g.xs(), std::move(ys), std::move(cells));
  out.set_kind(TableKind::kAligned);
  return out;
}

bool Overlap(const BBox& a, const BBox& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
         std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
}

}  // namespace

// A grid of two rows is often a header and one tall row cut by the page
// break: it is ruled enough.
bool UnderRuled(const TableGrid& grid) {
  return grid.cols() < 2 || grid.rows() < 2;
}

void ReconcileTables(std::vector<AlignedTable> tables,
                     std::vector<TableGrid>* grids,
                     std::vector<Segment>* separators) {
  std::vector<bool> keep(tables.size(), true);
  for (size_t t = 0; t < tables.size(); ++t) {
    for (const TableGrid& g : *grids) {
      if (!UnderRuled(g) && Overlap(g.bbox(), tables[t].grid.bbox())) {
        keep[t] = false;
      }
    }
  }
  std::vector<TableGrid> split;  // column-line grids, with rows
  std::erase_if(*grids, [&](const TableGrid& g) {
    if (!UnderRuled(g)) return false;
    bool replaced = false;
    for (size_t t = 0; t < tables.size(); ++t) {
      const TableGrid& a = tables[t].grid;
      if (!Overlap(g.bbox(), a.bbox())) continue;
      if (ReadsBetter(a, g)) {
        replaced = true;
        continue;
      }
      keep[t] = false;
      if (replaced) continue;
      if (std::optional<TableGrid> rows = RowsFromAlignment(g, tables[t])) {
        split.push_back(std::move(*rows));
        replaced = true;
      }
    }
    return replaced;
  });
  for (TableGrid& g : split) grids->push_back(std::move(g));
  for (size_t t = 0; t < tables.size(); ++t) {
    if (!keep[t]) continue;
    AlignedTable& table = tables[t];
    separators->insert(separators->end(), table.separators.begin(),
                       table.separators.end());
    if (!table.header_text.empty()) {
      table.grid.set_header_text(std::move(table.header_text));
    }
    grids->push_back(std::move(table.grid));
  }
}

}  // namespace raingan::layout
