#include "backends/pdf/page_builder.h"

#include <algorithm>
#include <string>
#include <utility>

#include "layout/ruled_and_aligned.h"
#include "layout/table_fill.h"

namespace raingan::pdf_backend {

namespace {

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
        if (!layout::UnderRuled(g)) text[p].exclude.push_back(g.bbox());
      }
      text[p].rules = page.rulings;
      text[p].height = page.page.height;
    }
    aligned =
        layout::FindAlignedTables(text, options.vocabulary, options.aligned);
  }
  for (size_t p = 0; p < pages->size(); ++p) {
    AnalysedPage& page = (*pages)[p];
    std::vector<layout::Segment> barriers = page.rulings;
    layout::ReconcileTables(std::move(aligned[p]), &page.grids, &barriers);
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
