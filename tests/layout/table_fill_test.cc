#include "layout/table_fill.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::layout {
namespace {

TextLine Line(std::string text, double x0, double x1, double baseline,
              double size = 12) {
  TextLine l;
  l.text = std::move(text);
  l.font_size = size;
  l.baseline = baseline;
  l.bbox = {x0, baseline - 0.95 * size, x1, baseline + 0.35 * size};
  return l;
}

// Header row with a merged "ระยะเวลา" cell over two columns, then one data
// row; the first column's data cell continues into a second grid row.
std::vector<TableGrid> Grid() {
  std::vector<Segment> rulings = {
      {0, 0, 300, 0, 0.75},      {0, 40, 300, 40, 0.75},
      {100, 80, 300, 80, 0.75},  {0, 120, 300, 120, 0.75},
      {0, 0, 0, 120, 0.75},      {100, 0, 100, 120, 0.75},
      {200, 40, 200, 120, 0.75}, {300, 0, 300, 120, 0.75},
  };
  return BuildGrids(rulings);
}

TEST(FillTableTest, DenseRowsWithSpans) {
  std::vector<TableGrid> grids = Grid();
  ASSERT_EQ(grids.size(), 1u);
  std::vector<TextLine> lines = {
      Line("มาตรการ", 10, 80, 25),   Line("ระยะเวลา", 150, 250, 25),
      Line("๑.๑ จัดทำ", 10, 90, 60),  Line("คู่มือการ", 10, 90, 76.5),
      Line("ปฏิบัติงาน", 10, 90, 93),  // below the ruling that stops at x=100
      Line("๑ ตุลาคม", 110, 190, 60), Line("ทุกกองงาน", 210, 290, 60),
      Line("นอกตาราง", 10, 90, 140),
  };
  std::vector<bool> used;
  Table t = FillTable(grids[0], lines, 8, &used);
  EXPECT_EQ(t.columns, 3);
  ASSERT_EQ(t.rows.size(), 3u);
  for (const TableRow& row : t.rows) ASSERT_EQ(row.cells.size(), 3u);

  // Header: the merged cell once, then a covered position.
  const TableRow& header = t.rows[0];
  EXPECT_EQ(header.cells[0].Text(), "มาตรการ");
  EXPECT_EQ(header.cells[1].Text(), "ระยะเวลา");
  EXPECT_EQ(header.cells[1].col_span, 2);
  EXPECT_TRUE(header.cells[2].covered);
  EXPECT_TRUE(header.cells[2].Empty());

  // The measure cell spans the two data rows and keeps its lines in order,
  // joined without spaces inside Thai words.
  const Cell& measure = t.rows[1].cells[0];
  EXPECT_EQ(measure.row_span, 2);
  ASSERT_EQ(measure.paragraphs.size(), 1u);
  EXPECT_EQ(measure.Text(), "๑.๑ จัดทำคู่มือการปฏิบัติงาน");
  EXPECT_TRUE(t.rows[2].cells[0].covered);
  EXPECT_EQ(t.rows[1].cells[1].Text(), "๑ ตุลาคม");
  EXPECT_EQ(t.rows[1].cells[2].Text(), "ทุกกองงาน");
  EXPECT_TRUE(t.rows[2].cells[1].Empty());

  // Provenance: page and boxes for table, rows, cells and paragraphs.
  EXPECT_EQ(t.prov.page, 8);
  EXPECT_DOUBLE_EQ(t.prov.bbox.y1, 120);
  EXPECT_DOUBLE_EQ(t.rows[1].prov.bbox.y0, 40);
  EXPECT_DOUBLE_EQ(t.rows[1].prov.bbox.y1, 80);
  EXPECT_DOUBLE_EQ(measure.prov.bbox.y1, 120);
  EXPECT_EQ(measure.paragraphs[0].prov.page, 8);

  EXPECT_EQ(used, (std::vector<bool>{true, true, true, true, true, true, true,
                                     false}));
}

TEST(FillTableTest, LinesOutsideAreIgnored) {
  std::vector<TableGrid> grids = Grid();
  ASSERT_EQ(grids.size(), 1u);
  Table t = FillTable(grids[0], {Line("ข้างนอก", 400, 450, 60)}, 1);
  for (const TableRow& row : t.rows) {
    for (const Cell& c : row.cells) EXPECT_TRUE(c.Empty());
  }
}

}  // namespace
}  // namespace raingan::layout
