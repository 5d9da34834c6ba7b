#include "backends/pdf/page_builder.h"

#include <string>
#include <utility>

#include "layout/table_fill.h"

namespace raingan::pdf_backend {

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

  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(content.rulings, options.segments);
  out.grids = layout::BuildGrids(rulings, options.grids);
  out.lines = layout::AssembleLines(content.glyphs, rulings, options.lines);
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
