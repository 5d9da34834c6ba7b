#include "backends/pdf/page_builder.h"

#include <algorithm>
#include <cmath>
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

bool Overlap(const BBox& a, const BBox& b) {
  return std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
         std::min(a.y1, b.y1) > std::max(a.y0, b.y0);
}

}  // namespace

AnalysedPage AnalysePage(const pdf::PageContent& content,
                         const PageBuildOptions& options,
                         layout::ColumnCarry* carry) {
  AnalysedPage out;
  Page& page = out.page;
  page.number = content.number;
  page.width = content.width;
  page.height = content.height;

  std::string all_text;
  for (const pdf::Glyph& g : content.glyphs) all_text += g.text;
  page.quality =
      AssessTextLayer(all_text, content.image_coverage, options.quality);

  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(content.rulings, options.segments);
  out.grids = layout::BuildGrids(rulings, options.grids);

  std::vector<layout::Segment> barriers = rulings;
  if (options.vocabulary.role_of) {
    layout::LineOptions split = options.lines;
    split.split_gap = options.fragment_gap;
    split.split_at_spaces = true;
    std::vector<layout::TextLine> fragments =
        layout::AssembleLines(content.glyphs, rulings, split);
    std::vector<BBox> ruled;
    for (const layout::TableGrid& g : out.grids) {
      if (!UnderRuled(g)) ruled.push_back(g.bbox());
    }
    layout::ColumnCarry none;
    layout::AlignedTablesResult aligned = layout::FindAlignedTables(
        fragments, options.vocabulary, ruled, rulings,
        carry != nullptr ? *carry : none, content.height, options.aligned);
    // An under-ruled grid gives way to an aligned table over it that
    // tells more rows apart; an aligned table that does not is dropped.
    std::vector<bool> keep(aligned.tables.size(), true);
    std::erase_if(out.grids, [&](const layout::TableGrid& g) {
      if (!UnderRuled(g)) return false;
      bool replaced = false;
      for (size_t t = 0; t < aligned.tables.size(); ++t) {
        const layout::TableGrid& a = aligned.tables[t].grid;
        if (!Overlap(g.bbox(), a.bbox())) continue;
        if (ReadsBetter(a, g)) {
          replaced = true;
        } else {
          keep[t] = false;
        }
      }
      return replaced;
    });
    for (size_t t = 0; t < aligned.tables.size(); ++t) {
      if (!keep[t]) continue;
      layout::AlignedTable& table = aligned.tables[t];
      barriers.insert(barriers.end(), table.separators.begin(),
                      table.separators.end());
      out.grids.push_back(std::move(table.grid));
    }
    if (carry != nullptr) *carry = std::move(aligned.carry);
  }
  out.lines = layout::AssembleLines(content.glyphs, barriers, options.lines);
  return out;
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
  page->lines.clear();
  page->grids.clear();
}

Page BuildPage(const pdf::PageContent& content,
               const PageBuildOptions& options) {
  std::vector<AnalysedPage> one;
  one.push_back(AnalysePage(content, options));
  LayoutAnalysedPage(DocumentColumn(one), options, &one[0]);
  return std::move(one[0].page);
}

}  // namespace raingan::pdf_backend
