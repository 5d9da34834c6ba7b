#include "layout/table_fill.h"

#include <algorithm>

namespace raingan::layout {

int CellOfLine(const TableGrid& grid, const TextLine& line) {
  // The center of the x-height band rather than of the full box: a line's
  // box includes room for marks above, which may poke across a ruling.
  double y = (line.bbox.cy() + line.baseline) / 2;
  return grid.CellContaining(line.bbox.cx(), y);
}

Table FillTable(const TableGrid& grid, const std::vector<TextLine>& lines,
                int page, std::vector<bool>* used,
                const ParagraphOptions& options) {
  if (used != nullptr) used->assign(lines.size(), false);
  std::vector<std::vector<const TextLine*>> per_cell(grid.cells().size());
  for (size_t i = 0; i < lines.size(); ++i) {
    int cell = CellOfLine(grid, lines[i]);
    if (cell < 0) continue;
    per_cell[cell].push_back(&lines[i]);
    if (used != nullptr) (*used)[i] = true;
  }

  // The leading of this table, from the gaps between the lines of each
  // cell in reading order.
  ParagraphOptions cell_options = options;
  std::vector<double> gaps_em;
  for (const std::vector<const TextLine*>& cell_lines : per_cell) {
    std::vector<const TextLine*> sorted = cell_lines;
    std::sort(sorted.begin(), sorted.end(),
              [](const TextLine* a, const TextLine* b) {
                return a->bbox.y0 < b->bbox.y0;
              });
    for (size_t i = 1; i < sorted.size(); ++i) {
      double em = std::max(sorted[i]->font_size, sorted[i - 1]->font_size);
      double gap = sorted[i]->bbox.y0 - sorted[i - 1]->bbox.y1;
      if (em > 0 && gap >= 0) gaps_em.push_back(gap / em);
    }
  }
  cell_options.leading = TableLeading(std::move(gaps_em));

  Table table;
  table.columns = grid.cols();
  table.kind = grid.kind();
  table.prov.page = page;
  table.prov.bbox = grid.bbox();
  table.rows.resize(grid.rows());
  for (int r = 0; r < grid.rows(); ++r) {
    TableRow& row = table.rows[r];
    row.prov.page = page;
    row.prov.bbox = {grid.xs().front(), grid.ys()[r], grid.xs().back(),
                     grid.ys()[r + 1]};
    row.cells.resize(grid.cols());
    for (int c = 0; c < grid.cols(); ++c) {
      Cell& cell = row.cells[c];
      cell.prov.page = page;
      int index = grid.CellAt(r, c);
      if (index < 0) continue;
      const GridCell& g = grid.cells()[index];
      cell.prov.bbox = g.bbox;
      if (g.row != r || g.col != c) {
        cell.covered = true;
        continue;
      }
      cell.row_span = g.row_span;
      cell.col_span = g.col_span;
      std::vector<TextLine> ordered;
      ordered.reserve(per_cell[index].size());
      for (const TextLine* l : per_cell[index]) ordered.push_back(*l);
      SortReadingOrder(&ordered);
      cell.paragraphs = CellParagraphs(ordered, page, cell_options);
      const auto& header = grid.header_text();
      if (r < static_cast<int>(header.size()) &&
          c < static_cast<int>(header[r].size())) {
        cell.paragraphs.clear();
        if (!header[r][c].empty()) {
          Paragraph p;
          p.text = header[r][c];
          p.prov.page = page;
          p.prov.bbox = g.bbox;
          cell.paragraphs.push_back(std::move(p));
        }
      }
    }
  }
  return table;
}

}  // namespace raingan::layout
