// libFuzzer target: arbitrary geometry through the layout code (clusters,
// lines, grids, table filling, page layout) — what a damaged or exotic PDF
// or a noisy scan could hand it: NaN and huge coordinates, zero sizes,
// marks without bases, overlapping and degenerate rulings.
//
// Input: records of 12 bytes. Byte 0 picks glyph (even) or ruling (odd);
// glyph text comes from a table of Thai/Latin characters, positions and
// sizes from the following bytes, a few of which map to special values.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "layout/grid.h"
#include "layout/page_layout.h"
#include "layout/segment.h"
#include "layout/text_lines.h"

namespace {

double Coordinate(uint8_t hi, uint8_t lo) {
  int v = (hi << 8) | lo;
  switch (v) {
    case 0xFFFF:
      return std::numeric_limits<double>::quiet_NaN();
    case 0xFFFE:
      return std::numeric_limits<double>::infinity();
    case 0xFFFD:
      return -1e300;
    default:
      return (v - 2000) / 8.0;  // -250 .. 7900 points in 1/8 steps
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace raingan;
  static const char* kTexts[] = {
      "ก", "ข", "ำ", "า", "ั",  "ี",  "่",  "้",  "์", "ํ",
      "เ", " ", "๑", ".", "(", ")", "-", "E", "", "\xEF\xBF\xBD",
      "ู",  "ื"};
  std::vector<layout::Glyph> glyphs;
  std::vector<layout::Segment> raw;
  for (size_t i = 0; i + 12 <= size; i += 12) {
    const uint8_t* r = data + i;
    double x = Coordinate(r[1], r[2]), y = Coordinate(r[3], r[4]);
    double w = Coordinate(r[5], r[6]) / 8, h = Coordinate(r[7], r[8]) / 8;
    if (r[0] % 2 == 0) {
      layout::Glyph g;
      g.text = kTexts[r[9] % (sizeof(kTexts) / sizeof(kTexts[0]))];
      g.font_size = r[10] / 4.0;
      g.bold = r[11] & 1;
      g.baseline = y;
      g.bbox = {x, y - 0.95 * g.font_size, x + w, y + 0.35 * g.font_size};
      glyphs.push_back(g);
    } else {
      raw.push_back(
          {x, y, x + w * (r[9] & 1), y + h * (r[9] & 2), r[10] / 16.0});
    }
  }
  std::vector<layout::Segment> rulings = layout::NormalizeSegments(raw, {});
  std::vector<layout::TableGrid> grids = layout::BuildGrids(rulings);
  for (const layout::TableGrid& g : grids) {
    int area = 0;
    for (const layout::GridCell& c : g.cells()) area += c.row_span * c.col_span;
    if (area != g.rows() * g.cols()) std::abort();
  }
  std::vector<layout::TextLine> lines = layout::AssembleLines(glyphs, rulings);
  std::vector<Block> blocks = layout::LayoutPage(lines, grids, 1, 842);
  for (const Block& b : blocks) {
    if (b.type != BlockType::kTable) continue;
    for (const TableRow& row : b.table.rows) {
      if (static_cast<int>(row.cells.size()) != b.table.columns) std::abort();
    }
  }
  return 0;
}
