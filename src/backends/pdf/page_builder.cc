#include "backends/pdf/page_builder.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <utility>

#include "layout/table_fill.h"

namespace raingan::pdf_backend {

namespace {

// A ruled grid of one column (a frame, perhaps with rules between the
// rows) or of one row (column lines only: the header and every data row
// in one ruled "row") does not show the table's cells by itself. The
// aligned-table finder may read it; if it does not, the grid stays. (A grid
// of two rows is often a header and one tall row cut by the page break.)
bool UnderRuled(const layout::TableGrid& g) {
  return g.cols() < 2 || g.rows() < 2;
}

// The aligned table `a` reads the ruled grid `g` better: it splits rows
// the grid does not, and keeps the columns the grid's lines draw.
bool ReadsBetter(const layout::TableGrid& a, const layout::TableGrid& g) {
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
std::optional<layout::TableGrid> RowsFromAlignment(
    const layout::TableGrid& g, const layout::AlignedTable& aligned) {
  const layout::TableGrid& a = aligned.grid;
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
  // The header and two data rows at least: a header over one tall row
  // may be a ruled row's top half the page break cut.
  if (ys.size() < 4) return std::nullopt;
  std::vector<layout::GridCell> cells;
  for (size_t r = 0; r + 1 < ys.size(); ++r) {
    for (int c = 0; c < g.cols(); ++c) {
      layout::GridCell cell;
      cell.row = static_cast<int>(r);
      cell.col = c;
      cell.bbox = {g.xs()[c], ys[r], g.xs()[c + 1], ys[r + 1]};
      cells.push_back(cell);
    }
  }
  layout::TableGrid out(g.xs(), std::move(ys), std::move(cells));
  out.set_kind(TableKind::kAligned);
  return out;
}

bool Overlap(const BBox& a, const BBox& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
         std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
}

double Area(const BBox& b) { return b.empty() ? 0 : b.width() * b.height(); }

BBox Intersection(const BBox& a, const BBox& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1),
          std::min(a.y1, b.y1)};
}

}  // namespace

void MarkShadedCells(const std::vector<BBox>& fills, Page* page) {
  if (fills.empty()) return;
  // A cell counts as shaded when one fill covers most of it and is not
  // much larger than it. LibreOffice fills a cell's background inside its
  // borders (about 90 % of the cell on the Gantt fixtures); a fill twice
  // the cell's size is a row's or the table's background.
  constexpr double kMinCover = 0.6;
  constexpr double kMaxOversize = 2.0;
  for (Block& block : page->blocks) {
    if (block.type != BlockType::kTable) continue;
    for (TableRow& row : block.table.rows) {
      for (Cell& cell : row.cells) {
        double area = Area(cell.prov.bbox);
        if (cell.covered || area <= 0) continue;
        for (const BBox& f : fills) {
          if (Area(f) > kMaxOversize * area) continue;
          if (Area(Intersection(f, cell.prov.bbox)) >= kMinCover * area) {
            cell.drawn_mark = true;
            break;
          }
        }
      }
    }
  }
}

AnalysedPage AnalysePage(const pdf::PageContent& content,
                         const PageBuildOptions& options) {
  AnalysedPage out;
  Page& page = out.page;
  page.number = content.number;
  page.width = content.width;
  page.height = content.height;

  std::string all_text;
  for (const pdf::Glyph& g : content.glyphs) all_text += g.text;
  page.quality =
      AssessTextLayer(all_text, content.image_coverage, options.quality);

  out.rulings = layout::NormalizeSegments(content.rulings, options.segments);
  out.grids = layout::BuildGrids(out.rulings, options.grids);
  out.glyphs = content.glyphs;
  out.fills = content.fills;
  if (options.vocabulary.role_of) {
    layout::LineOptions split = options.lines;
    split.split_gap = options.fragment_gap;
    split.split_at_spaces = true;
    out.fragments = layout::AssembleLines(content.glyphs, out.rulings, split);
  }
  return out;
}

void AssemblePages(const PageBuildOptions& options,
                   std::vector<AnalysedPage>* pages) {
  std::vector<std::vector<layout::AlignedTable>> aligned(pages->size());
  if (options.vocabulary.role_of) {
    std::vector<layout::PageText> text(pages->size());
    for (size_t p = 0; p < pages->size(); ++p) {
      AnalysedPage& page = (*pages)[p];
      text[p].fragments = std::move(page.fragments);
      for (const layout::TableGrid& g : page.grids) {
        if (!UnderRuled(g)) text[p].exclude.push_back(g.bbox());
      }
      text[p].rules = page.rulings;
      text[p].height = page.page.height;
    }
    aligned =
        layout::FindAlignedTables(text, options.vocabulary, options.aligned);
  }
  for (size_t p = 0; p < pages->size(); ++p) {
    AnalysedPage& page = (*pages)[p];
    std::vector<layout::AlignedTable>& tables = aligned[p];
    // An under-ruled grid gives way to an aligned table over it that
    // tells more rows apart; an aligned table that does not is dropped.
    std::vector<bool> keep(tables.size(), true);
    // A ruled table is read from its rulings; an aligned table over one
    // (a header cut by the page before, reaching into it) is not.
    for (size_t t = 0; t < tables.size(); ++t) {
      for (const layout::TableGrid& g : page.grids) {
        if (!UnderRuled(g) && Overlap(g.bbox(), tables[t].grid.bbox())) {
          keep[t] = false;
        }
      }
    }
    std::vector<layout::TableGrid> split;  // column-line grids, with rows
    std::erase_if(page.grids, [&](const layout::TableGrid& g) {
      if (!UnderRuled(g)) return false;
      bool replaced = false;
      for (size_t t = 0; t < tables.size(); ++t) {
        const layout::TableGrid& a = tables[t].grid;
        if (!Overlap(g.bbox(), a.bbox())) continue;
        if (ReadsBetter(a, g)) {
          replaced = true;
          continue;
        }
        keep[t] = false;
        if (replaced) continue;
        if (std::optional<layout::TableGrid> rows =
                RowsFromAlignment(g, tables[t])) {
          split.push_back(std::move(*rows));
          replaced = true;
        }
      }
      return replaced;
    });
    for (layout::TableGrid& g : split) page.grids.push_back(std::move(g));
    std::vector<layout::Segment> barriers = page.rulings;
    for (size_t t = 0; t < tables.size(); ++t) {
      if (!keep[t]) continue;
      layout::AlignedTable& table = tables[t];
      barriers.insert(barriers.end(), table.separators.begin(),
                      table.separators.end());
      if (!table.header_text.empty()) {
        table.grid.set_header_text(std::move(table.header_text));
      }
      page.grids.push_back(std::move(table.grid));
    }
    page.lines = layout::AssembleLines(page.glyphs, barriers, options.lines);
    page.glyphs.clear();
    page.glyphs.shrink_to_fit();
    page.fragments.clear();
  }
}

layout::TextColumn DocumentColumn(const std::vector<AnalysedPage>& pages) {
  std::vector<layout::TextLine> running;
  for (const AnalysedPage& p : pages) {
    for (const layout::TextLine& line : p.lines) {
      bool in_table = false;
      for (const layout::TableGrid& g : p.grids) {
        in_table = in_table || layout::CellOfLine(g, line) >= 0;
      }
      if (!in_table) running.push_back(line);
    }
  }
  return layout::EstimateTextColumn(running);
}

void LayoutAnalysedPage(const layout::TextColumn& column,
                        const PageBuildOptions& options, AnalysedPage* page) {
  page->page.blocks =
      layout::LayoutPage(page->lines, page->grids, page->page.number,
                         page->page.height, column, options.layout);
  MarkShadedCells(page->fills, &page->page);
  page->fills.clear();
  page->lines.clear();
  page->grids.clear();
}

Page BuildPage(const pdf::PageContent& content,
               const PageBuildOptions& options) {
  std::vector<AnalysedPage> one;
  one.push_back(AnalysePage(content, options));
  AssemblePages(options, &one);
  LayoutAnalysedPage(DocumentColumn(one), options, &one[0]);
  return std::move(one[0].page);
}

}  // namespace raingan::pdf_backend
