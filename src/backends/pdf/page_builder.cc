#include "backends/pdf/page_builder.h"

#include <string>

namespace raingan::pdf_backend {

Page BuildPage(const pdf::PageContent& content,
               const PageBuildOptions& options) {
  Page page;
  page.number = content.number;
  page.width = content.width;
  page.height = content.height;

  std::string all_text;
  for (const pdf::Glyph& g : content.glyphs) all_text += g.text;
  page.quality =
      AssessTextLayer(all_text, content.image_coverage, options.quality);

  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(content.rulings, options.segments);
  std::vector<layout::TableGrid> grids =
      layout::BuildGrids(rulings, options.grids);
  std::vector<layout::TextLine> lines =
      layout::AssembleLines(content.glyphs, rulings, options.lines);
  page.blocks = layout::LayoutPage(lines, grids, content.number, content.height,
                                   options.layout);
  return page;
}

}  // namespace raingan::pdf_backend
