#include "image/glyph_shapes.h"

#include <gtest/gtest.h>

#include <vector>

#include "image/preprocess.h"

namespace raingan::image {
namespace {

// A white 1-bit page at 72 dpi (pixels = points) with boxes drawn.
Image Boxes(const std::vector<BBox>& boxes) {
  std::vector<uint8_t> px(200 * 100, 255);
  for (const BBox& b : boxes) {
    for (int y = static_cast<int>(b.y0); y < b.y1; ++y) {
      for (int x = static_cast<int>(b.x0); x < b.x1; ++x) px[y * 200 + x] = 0;
    }
  }
  return std::move(Binarize(*Image::FromGray8(px.data(), 200, 100, 200, 72)))
      .value();
}

TEST(InkComponentsTest, LeftToRightInPoints) {
  Image img = Boxes({{100, 10, 110, 30}, {20, 10, 40, 20}, {60, 50, 61, 51}});
  Result<std::vector<BBox>> comps = InkComponents(img, {0, 0, 200, 100});
  ASSERT_TRUE(comps.ok());
  ASSERT_EQ(comps->size(), 3u);
  EXPECT_NEAR((*comps)[0].x0, 20, 0.01);
  EXPECT_NEAR((*comps)[0].y1, 20, 0.01);
  EXPECT_NEAR((*comps)[1].x0, 60, 0.01);
  EXPECT_NEAR((*comps)[2].x1, 110, 0.01);
  // Restricted to an area.
  EXPECT_EQ(InkComponents(img, {90, 0, 200, 100})->size(), 1u);
}

TEST(ShapeOfInkTest, GridOverTheInkBox) {
  // A ring: ink around the edge, a hole in the middle; scaled to the
  // grid whatever its size.
  for (double size : {16.0, 48.0}) {
    double t = size / 4;
    Image img = Boxes({{10, 10, 10 + size, 10 + t},
                       {10, 10 + size - t, 10 + size, 10 + size},
                       {10, 10, 10 + t, 10 + size},
                       {10 + size - t, 10, 10 + size, 10 + size}});
    Result<GlyphShape> shape = ShapeOfInk(img, {0, 0, 100, 100});
    ASSERT_TRUE(shape.ok());
    EXPECT_NEAR(shape->aspect, 1.0, 0.01);
    EXPECT_NEAR(shape->ink[0], 1.0, 0.01);                    // corner
    EXPECT_NEAR(shape->ink[8 * kShapeCells + 8], 0.0, 0.01);  // hole
    EXPECT_NEAR(shape->ink[8 * kShapeCells + 0], 1.0, 0.01);  // side
  }
}

TEST(ShapeOfInkTest, NoInk) {
  Image img = Boxes({{10, 10, 20, 20}});
  Result<GlyphShape> shape = ShapeOfInk(img, {50, 50, 60, 60});
  ASSERT_FALSE(shape.ok());
  EXPECT_EQ(shape.status().code(), Status::Code::kNotFound);
}

TEST(ThinnestColumnTest, WhereTwoGlyphsTouch) {
  // Two 20-pt blobs joined by a 2-pt bridge at x = 50..52.
  Image img = Boxes({{30, 10, 50, 30}, {50, 19, 52, 21}, {52, 10, 72, 30}});
  double x = ThinnestColumn(img, {30, 10, 72, 30}, 40, 62);
  EXPECT_GE(x, 50);
  EXPECT_LE(x, 52);
  // Nothing to look at: the middle of the range.
  EXPECT_EQ(ThinnestColumn(img, {}, 40, 60), 50);
}

}  // namespace
}  // namespace raingan::image
