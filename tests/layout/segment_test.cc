#include "layout/segment.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace raingan::layout {
namespace {

TEST(SegmentFromRectTest, ThinRectanglesAreRulings) {
  // LibreOffice/Word draw a 0.75 pt border as a filled 0.75 pt rectangle.
  auto h = SegmentFromRect({84.8, 133.7, 539.0, 134.45}, 4.0);
  ASSERT_TRUE(h.has_value());
  EXPECT_TRUE(h->horizontal());
  EXPECT_NEAR(h->y0, 134.075, 1e-9);
  EXPECT_NEAR(h->thickness, 0.75, 1e-9);

  auto v = SegmentFromRect({85.0, 133.7, 85.5, 655.4}, 4.0);
  ASSERT_TRUE(v.has_value());
  EXPECT_TRUE(v->vertical());
  EXPECT_NEAR(v->x0, 85.25, 1e-9);
}

TEST(SegmentFromRectTest, ShadingIsNotARuling) {
  // A shaded header cell is a filled rectangle too, but not a line.
  EXPECT_FALSE(SegmentFromRect({85, 134, 539, 220}, 4.0).has_value());
}

TEST(NormalizeSegmentsTest, MergesPiecesOfOneLine) {
  // A dashed border and a border drawn cell by cell are one line.
  std::vector<Segment> raw = {
      {100, 50, 150, 50, 0.5},
      {152, 50.4, 200, 50.4, 0.5},
      {150, 50, 100, 50, 0.5},  // the same piece drawn backwards
  };
  std::vector<Segment> out = NormalizeSegments(raw, {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].horizontal());
  EXPECT_DOUBLE_EQ(out[0].x0, 100);
  EXPECT_DOUBLE_EQ(out[0].x1, 200);
  EXPECT_NEAR(out[0].y0, 50.2, 0.2);
}

TEST(NormalizeSegmentsTest, KeepsDistinctLinesApart) {
  std::vector<Segment> raw = {
      {100, 50, 200, 50, 0.5},  // two rows' borders 20 pt apart
      {100, 70, 200, 70, 0.5},
      {100, 90, 140, 90, 0.5},  // one line with a wide gap: two pieces
      {160, 90, 200, 90, 0.5},
  };
  std::vector<Segment> out = NormalizeSegments(raw, {});
  ASSERT_EQ(out.size(), 4u);
  EXPECT_DOUBLE_EQ(out[0].y0, 50);
  EXPECT_DOUBLE_EQ(out[1].y0, 70);
  EXPECT_DOUBLE_EQ(out[2].x1, 140);
  EXPECT_DOUBLE_EQ(out[3].x0, 160);
}

TEST(NormalizeSegmentsTest, DropsWhatIsNotARuling) {
  std::vector<Segment> raw = {
      {100, 50, 200, 80, 0.5},   // slanted
      {100, 60, 200, 60, 9.0},   // too thick: a filled band
      {100, 70, 103, 70, 0.5},   // too short: a dash or glyph stroke
      {300, 10, 300, 400, 0.5},  // a good vertical line
  };
  std::vector<Segment> out = NormalizeSegments(raw, {});
  ASSERT_EQ(out.size(), 1u);
  EXPECT_TRUE(out[0].vertical());
  EXPECT_DOUBLE_EQ(out[0].y0, 10);
  EXPECT_DOUBLE_EQ(out[0].y1, 400);
}

TEST(NormalizeSegmentsTest, IgnoresNonFiniteInput) {
  double inf = std::numeric_limits<double>::infinity();
  std::vector<Segment> raw = {{0, 0, inf, 0, 0.5},
                              {0, 0, 0, std::nan(""), 0.5}};
  EXPECT_TRUE(NormalizeSegments(raw, {}).empty());
}

}  // namespace
}  // namespace raingan::layout
