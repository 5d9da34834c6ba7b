#include "layout/grid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace raingan::layout {
namespace {

Segment H(double y, double x0, double x1) { return {x0, y, x1, y, 0.75}; }
Segment V(double x, double y0, double y1) { return {x, y0, x, y1, 0.75}; }

// A full grid with the given boundaries.
std::vector<Segment> FullGrid(const std::vector<double>& xs,
                              const std::vector<double>& ys) {
  std::vector<Segment> out;
  for (double y : ys) out.push_back(H(y, xs.front(), xs.back()));
  for (double x : xs) out.push_back(V(x, ys.front(), ys.back()));
  return out;
}

TEST(BuildGridsTest, RulingsOfARealMeasureTable) {
  // The stroked rulings of page 8 of sample 000 (LibreOffice 7.4): a header
  // row and one data row over six columns. Lines overshoot each other by
  // half a stroke, as real borders do.
  std::vector<Segment> rulings = {
      H(134.1, 84.8, 539.0),  H(219.9, 84.8, 539.0),  H(655.0, 84.8, 539.0),
      V(85.1, 133.7, 655.4),  V(149.5, 133.7, 655.4), V(238.2, 133.7, 655.4),
      V(299.1, 133.7, 655.4), V(362.8, 133.7, 655.4), V(443.2, 133.7, 655.4),
      V(538.6, 133.7, 655.4),
  };
  std::vector<TableGrid> grids = BuildGrids(NormalizeSegments(rulings, {}));
  ASSERT_EQ(grids.size(), 1u);
  const TableGrid& g = grids[0];
  EXPECT_EQ(g.cols(), 6);
  EXPECT_EQ(g.rows(), 2);
  ASSERT_EQ(g.cells().size(), 12u);
  EXPECT_NEAR(g.xs()[2], 238.2, 0.01);
  EXPECT_NEAR(g.ys()[1], 219.9, 0.01);
  const GridCell& measure = g.cells()[6];  // row 1, column 0
  EXPECT_EQ(measure.row, 1);
  EXPECT_EQ(measure.col, 0);
  EXPECT_NEAR(measure.bbox.x1, 149.5, 0.01);
  EXPECT_NEAR(measure.bbox.y0, 219.9, 0.01);
}

TEST(BuildGridsTest, MissingInnerRulingsMergeCells) {
  // Header "ระยะเวลา" spans two columns (no vertical ruling between them in
  // row 0); the first column's cell spans two rows.
  std::vector<Segment> rulings = {
      H(0, 0, 300), H(20, 100, 300), H(40, 0, 300),  H(60, 0, 300),
      V(0, 0, 60),  V(100, 0, 60),   V(200, 20, 60), V(300, 0, 60),
  };
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  const TableGrid& g = grids[0];
  ASSERT_EQ(g.rows(), 3);
  ASSERT_EQ(g.cols(), 3);
  const GridCell& first = g.cells()[g.CellAt(0, 0)];
  EXPECT_EQ(first.row_span, 2);
  EXPECT_EQ(first.col_span, 1);
  EXPECT_EQ(g.CellAt(1, 0), g.CellAt(0, 0));
  const GridCell& period = g.cells()[g.CellAt(0, 1)];
  EXPECT_EQ(period.col_span, 2);
  EXPECT_EQ(period.row_span, 1);
  EXPECT_EQ(g.CellAt(0, 2), g.CellAt(0, 1));
  EXPECT_NE(g.CellAt(1, 1), g.CellAt(1, 2));
  // Every grid position is covered by exactly one cell.
  int area = 0;
  for (const GridCell& c : g.cells()) area += c.row_span * c.col_span;
  EXPECT_EQ(area, 9);
}

TEST(BuildGridsTest, ABoxOrAnUnderlineIsNotATable) {
  std::vector<Segment> box = FullGrid({50, 500}, {100, 200});
  EXPECT_TRUE(BuildGrids(box).empty());
  std::vector<Segment> underline = {H(120, 85, 300)};
  EXPECT_TRUE(BuildGrids(underline).empty());
  EXPECT_TRUE(BuildGrids({}).empty());
}

TEST(BuildGridsTest, SeparateTablesTopToBottom) {
  std::vector<Segment> rulings = FullGrid({50, 150, 250}, {500, 520, 540});
  for (const Segment& s : FullGrid({50, 100, 250}, {100, 130})) {
    rulings.push_back(s);
  }
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_DOUBLE_EQ(grids[0].ys().front(), 100);
  EXPECT_EQ(grids[0].rows(), 1);
  EXPECT_DOUBLE_EQ(grids[1].ys().front(), 500);
  EXPECT_EQ(grids[1].rows(), 2);
}

TEST(BuildGridsTest, TablesDrawnEdgeToEdgeAreSeparate) {
  // LibreOffice page 3 of a report: the tail of one table, and right under
  // it (sharing the ruling at y=717.5) the header of the next table, whose
  // columns were sized differently. Both have six columns.
  std::vector<Segment> rulings =
      FullGrid({56.7, 181.1, 253.2, 291.9, 348.1, 452.4, 567.0}, {28.8, 717.5});
  for (const Segment& s : FullGrid(
           {56.7, 161.2, 265.6, 286.8, 344.3, 431.7, 567.0}, {717.5, 806.1})) {
    rulings.push_back(s);
  }
  std::vector<TableGrid> grids = BuildGrids(NormalizeSegments(rulings, {}));
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].cols(), 6);
  EXPECT_EQ(grids[0].rows(), 1);
  EXPECT_DOUBLE_EQ(grids[0].ys().back(), 717.5);
  EXPECT_EQ(grids[1].cols(), 6);
  EXPECT_EQ(grids[1].rows(), 1);
  EXPECT_NEAR(grids[1].xs()[1], 161.2, 0.01);
}

TEST(BuildGridsTest, SpanningHeaderAboveSubHeadersIsOneTable) {
  // "ผลการดำเนินงาน" spans the last two columns over "output | outcome":
  // the row boundary drops a column line but adds none.
  std::vector<Segment> rulings = {H(0, 0, 300),  H(20, 0, 300), H(40, 0, 300),
                                  H(80, 0, 300), V(0, 0, 80),   V(100, 0, 80),
                                  V(300, 0, 80), V(200, 20, 80)};
  std::vector<TableGrid> grids = BuildGrids(NormalizeSegments(rulings, {}));
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 3);
  EXPECT_EQ(grids[0].rows(), 3);
}

TEST(BuildGridsTest, DoubleBordersAreOneBoundary) {
  // Two strokes 1 pt apart (a "double" border style).
  std::vector<Segment> rulings = FullGrid({0, 100, 200}, {0, 30, 60});
  rulings.push_back(H(31, 0, 200));
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 2);
}

TEST(BuildGridsTest, StrayStrokeAddsNoRow) {
  // The scan of page 8 has a short dark run inside a header cell that
  // touches a column ruling; it must not split the header row.
  std::vector<Segment> rulings = FullGrid({0, 100, 200, 300}, {0, 80, 300});
  rulings.push_back(H(12, 172, 200));
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 2);
  EXPECT_EQ(grids[0].cols(), 3);
  EXPECT_EQ(grids[0].cells().size(), 6u);
}

TEST(BuildGridsTest, RaggedCornersOfAScanStillMeet) {
  // Raster lines end a few points short of each other (a rotated scan).
  std::vector<Segment> rulings = {
      H(137.5, 94.3, 540.0), H(223.6, 92.2, 547.2),  H(658.8, 82.8, 537.1),
      V(88.9, 132.5, 654.5), V(153.4, 133.2, 645.1), V(542.2, 158.4, 664.6),
  };
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 2);
  EXPECT_EQ(grids[0].rows(), 2);
}

TEST(TableGridTest, CellContaining) {
  std::vector<TableGrid> grids =
      BuildGrids(FullGrid({0, 100, 200}, {0, 30, 60}));
  ASSERT_EQ(grids.size(), 1u);
  const TableGrid& g = grids[0];
  EXPECT_EQ(g.CellContaining(50, 15), g.CellAt(0, 0));
  EXPECT_EQ(g.CellContaining(150, 45), g.CellAt(1, 1));
  EXPECT_EQ(g.CellContaining(250, 45), -1);
  EXPECT_EQ(g.CellContaining(50, -1), -1);
  EXPECT_EQ(g.CellContaining(std::nan(""), 15), -1);
}

TEST(BuildGridsTest, NonFiniteRulingsAreIgnored) {
  std::vector<Segment> rulings = FullGrid({0, 100, 200}, {0, 30, 60});
  rulings.push_back(H(std::nan(""), 0, 200));
  rulings.push_back(V(std::numeric_limits<double>::infinity(), 0, 60));
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 2);
  EXPECT_EQ(grids[0].cols(), 2);
}

}  // namespace
}  // namespace raingan::layout
