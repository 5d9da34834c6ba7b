// Ruled grids and the aligned tables found over them: which one a page
// keeps. Each case is a grid as BuildGrids gives it for one form of
// partial ruling (a frame with column lines only, a frame alone, a full
// grid) under an aligned table as the finder gives it for the same text.
#include "layout/ruled_and_aligned.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

namespace raingan::layout {
namespace {

// A grid of one cell per position over the boundaries.
TableGrid Grid(std::vector<double> xs, std::vector<double> ys,
               TableKind kind = TableKind::kRuled) {
  std::vector<GridCell> cells;
  for (size_t r = 0; r + 1 < ys.size(); ++r) {
    for (size_t c = 0; c + 1 < xs.size(); ++c) {
      GridCell cell;
      cell.row = static_cast<int>(r);
      cell.col = static_cast<int>(c);
      cell.bbox = {xs[c], ys[r], xs[c + 1], ys[r + 1]};
      cells.push_back(cell);
    }
  }
  TableGrid g(std::move(xs), std::move(ys), std::move(cells));
  g.set_kind(kind);
  return g;
}

// An aligned table: a header row and numbered data rows below it, with a
// separator per gap and row.
AlignedTable Aligned(std::vector<double> xs, std::vector<double> ys) {
  AlignedTable t{Grid(xs, ys, TableKind::kAligned),
                 /*header_rows=*/1,
                 /*measure_col=*/0,
                 /*measure_shape=*/"n.n",
                 /*column_roles=*/{},
                 /*separators=*/{},
                 /*header_text=*/{}};
  for (size_t r = 0; r + 1 < ys.size(); ++r) {
    for (size_t c = 1; c + 1 < xs.size(); ++c) {
      Segment s;
      s.x0 = s.x1 = xs[c];
      s.y0 = ys[r];
      s.y1 = ys[r + 1];
      t.separators.push_back(s);
    }
  }
  return t;
}

TEST(RuledAndAlignedTest, OneRowOrOneColumnIsUnderRuled) {
  EXPECT_TRUE(UnderRuled(Grid({50, 550}, {100, 700})));             // frame
  EXPECT_TRUE(UnderRuled(Grid({50, 150, 300, 550}, {100, 700})));   // columns
  EXPECT_TRUE(UnderRuled(Grid({50, 550}, {100, 300, 500, 700})));   // rows
  EXPECT_FALSE(UnderRuled(Grid({50, 150, 550}, {100, 140, 700})));  // a grid
}

// Column lines only (the Loma frame variant, printed or scanned): the
// aligned table over it tells the rows, its separators a few points from
// the rules; the aligned table replaces the one-row grid.
TEST(RuledAndAlignedTest, ColumnLinesGiveWayToAlignedRows) {
  std::vector<TableGrid> grids = {Grid({50, 150, 300, 550}, {100, 700})};
  std::vector<AlignedTable> aligned = {
      Aligned({52, 148, 303, 548}, {102, 160, 400, 698})};
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].kind(), TableKind::kAligned);
  EXPECT_EQ(grids[0].rows(), 3);
  EXPECT_EQ(grids[0].cols(), 3);
  EXPECT_EQ(separators.size(), 6u);  // 2 gaps × 3 rows
}

// Column lines only, but the alignment reads the columns differently (a
// header word far from its cell's edge): the rules keep the columns, the
// alignment gives the rows from the header's bottom on.
TEST(RuledAndAlignedTest, ColumnLinesKeepTheirColumnsAndTakeTheRows) {
  std::vector<TableGrid> grids = {Grid({50, 150, 300, 550}, {100, 700})};
  std::vector<AlignedTable> aligned = {
      Aligned({52, 200, 303, 548}, {102, 160, 400, 698})};
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].kind(), TableKind::kAligned);
  EXPECT_EQ(grids[0].xs(), (std::vector<double>{50, 150, 300, 550}));
  EXPECT_EQ(grids[0].ys(), (std::vector<double>{100, 160, 400, 700}));
  EXPECT_TRUE(separators.empty());  // the rules split the lines
}

// One Word table per measure with column lines only: a header over one
// measure. The ruled "row" is the header and that one row.
TEST(RuledAndAlignedTest, ColumnLinesOverAHeaderAndOneRowAreSplit) {
  std::vector<TableGrid> grids = {Grid({50, 150, 300, 550}, {172, 802})};
  std::vector<AlignedTable> aligned = {
      Aligned({52, 260, 548}, {229, 330, 800})};
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].xs(), (std::vector<double>{50, 150, 300, 550}));
  EXPECT_EQ(grids[0].ys(), (std::vector<double>{172, 330, 802}));
}

// A one-row grid at the foot of a page holding only a header whose last
// wrapped line the alignment took for a row stays one row.
TEST(RuledAndAlignedTest, ColumnLinesOverAHeaderAndASliverStayOneRow) {
  std::vector<TableGrid> grids = {Grid({50, 150, 300, 550}, {623, 807})};
  std::vector<AlignedTable> aligned = {
      Aligned({52, 260, 548}, {625, 788, 806})};
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 1);
  EXPECT_EQ(grids[0].kind(), TableKind::kRuled);
}

// A fully ruled grid is read from its rules; an aligned table over it is
// dropped, and one elsewhere on the page is kept.
TEST(RuledAndAlignedTest, FullGridStaysAndAlignedElsewhereIsKept) {
  std::vector<TableGrid> grids = {
      Grid({50, 150, 300, 550}, {100, 140, 400, 500})};
  std::vector<AlignedTable> aligned = {
      Aligned({52, 148, 303, 548}, {102, 160, 300, 400, 498}),
      Aligned({52, 148, 303, 548}, {550, 580, 700, 780})};
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].kind(), TableKind::kRuled);
  EXPECT_EQ(grids[0].rows(), 3);
  EXPECT_EQ(grids[1].kind(), TableKind::kAligned);
  EXPECT_EQ(grids[1].ys().front(), 550);
  EXPECT_EQ(separators.size(), 6u);  // the kept table's only
}

// A one-row grid that the alignment does not split (a ruled row cut by
// the page break, no numbered rows in it) stays as it is.
TEST(RuledAndAlignedTest, OneRowGridStaysWhenTheAlignmentTellsNoRows) {
  std::vector<TableGrid> grids = {Grid({50, 150, 300, 550}, {100, 700})};
  AlignedTable cut = Aligned({52, 200, 303, 548}, {102, 698});
  cut.header_rows = 0;
  cut.measure_shape.clear();
  std::vector<AlignedTable> aligned;
  aligned.push_back(std::move(cut));
  std::vector<Segment> separators;
  ReconcileTables(std::move(aligned), &grids, &separators);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].kind(), TableKind::kRuled);
  EXPECT_EQ(grids[0].rows(), 1);
  EXPECT_TRUE(separators.empty());
}

}  // namespace
}  // namespace raingan::layout
