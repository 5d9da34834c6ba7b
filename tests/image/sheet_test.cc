#include "image/sheet.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace raingan::image {
namespace {

struct Corner {
  double x, y;
};

// A gray photo: a desk of level `desk`, a sheet of level `paper` with the
// corners given (clockwise from top-left), and dark lines of "text" across
// the sheet.
Image Photo(int w, int h, const std::vector<Corner>& q, int desk = 70,
            int paper = 215) {
  std::vector<uint8_t> px(static_cast<size_t>(w) * h, desk);
  auto inside = [&](double x, double y) {
    for (size_t i = 0; i < 4; ++i) {
      const Corner& a = q[i];
      const Corner& b = q[(i + 1) % 4];
      if ((b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x) < 0) return false;
    }
    return true;
  };
  for (int y = 0; y < h; ++y) {
    for (int x = 0; x < w; ++x) {
      if (!inside(x + 0.5, y + 0.5)) continue;
      // Text: 12-px lines every 40 px, broken into 30-px words.
      bool ink = (y % 40) < 12 && (x % 40) < 30 && y > q[0].y + 60 &&
                 y < q[3].y - 60 && x > q[0].x + 60 && x < q[1].x - 60;
      px[static_cast<size_t>(y) * w + x] = ink ? 30 : paper;
    }
  }
  Result<Image> img =
      Image::FromGray8(px.data(), w, h, static_cast<size_t>(w), 200);
  EXPECT_TRUE(img.ok());
  return std::move(*img);
}

TEST(SheetTest, FindsTheCornersOfAPhotographedSheet) {
  // A trapezoid: the phone was tilted, the top edge is shorter.
  std::vector<Corner> q = {{260, 150}, {1340, 180}, {1450, 1900}, {150, 1880}};
  Image photo = Photo(1600, 2100, q);
  Result<std::optional<Sheet>> sheet = FindSheet(photo);
  ASSERT_TRUE(sheet.ok()) << sheet.status().ToString();
  ASSERT_TRUE(sheet->has_value());
  for (size_t i = 0; i < 4; ++i) {
    EXPECT_NEAR((**sheet).corners[i].x, q[i].x, 12) << "corner " << i;
    EXPECT_NEAR((**sheet).corners[i].y, q[i].y, 12) << "corner " << i;
  }
  Result<Image> flat = FlattenSheet(photo, **sheet);
  ASSERT_TRUE(flat.ok()) << flat.status().ToString();
  EXPECT_NEAR(flat->width(), (1080 + 1300) / 2, 15);
  EXPECT_NEAR(flat->height(), (1700 + 1730) / 2, 15);
  // An A4 page 1715 px tall is about 147 dpi.
  EXPECT_NEAR(flat->dpi(), 147, 3);
}

TEST(SheetTest, AScanHasNoSheetToFind) {
  // Paper to the edges, as from a flatbed scanner.
  std::vector<Corner> q = {{0, 0}, {1600, 0}, {1600, 2100}, {0, 2100}};
  Result<std::optional<Sheet>> sheet = FindSheet(Photo(1600, 2100, q));
  ASSERT_TRUE(sheet.ok());
  EXPECT_FALSE(sheet->has_value());
}

TEST(SheetTest, AScanWithANarrowDarkMarginIsLeftAlone) {
  // A copier's dark edge: the paper covers nearly the whole frame.
  std::vector<Corner> q = {{30, 30}, {1570, 30}, {1570, 2070}, {30, 2070}};
  Result<std::optional<Sheet>> sheet = FindSheet(Photo(1600, 2100, q));
  ASSERT_TRUE(sheet.ok());
  EXPECT_FALSE(sheet->has_value());
}

TEST(SheetTest, ALowContrastImageHasNoSheet) {
  std::vector<Corner> q = {{260, 150}, {1340, 180}, {1450, 1900}, {150, 1880}};
  Result<std::optional<Sheet>> sheet =
      FindSheet(Photo(1600, 2100, q, /*desk=*/200, /*paper=*/220));
  ASSERT_TRUE(sheet.ok());
  EXPECT_FALSE(sheet->has_value());
}

TEST(SheetTest, EmptyImageIsAnError) { EXPECT_FALSE(FindSheet(Image()).ok()); }

}  // namespace
}  // namespace raingan::image
