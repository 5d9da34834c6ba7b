#include "image/ink.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

namespace raingan::image {
namespace {

// A 1-bit page with one word of ink at x 120..179 (rows 50..79), as
// Tesseract boxes it on the 200-dpi sample scans: 30 px of blank before it.
Image PageWithAWord() {
  Pix* pix = pixCreate(400, 200, 1);
  pixRasterop(pix, 120, 50, 60, 30, PIX_SET, nullptr, 0, 0);
  return Image::Adopt(pix);
}

TEST(TrimBlankColumnsTest, BlankColumnsAtEitherSideGo) {
  Image page = PageWithAWord();
  PixelRect r = TrimBlankColumns(page, {90, 45, 200, 85});
  EXPECT_EQ(r.x0, 120);
  EXPECT_EQ(r.x1, 180);
  EXPECT_EQ(r.y0, 45);  // rows are kept
  EXPECT_EQ(r.y1, 85);
}

TEST(TrimBlankColumnsTest, BoxWithoutInkOrOutsideOrNotBilevelIsKept) {
  Image page = PageWithAWord();
  PixelRect blank{10, 10, 60, 40};
  PixelRect r = TrimBlankColumns(page, blank);
  EXPECT_EQ(r.x0, 10);
  EXPECT_EQ(r.x1, 60);
  PixelRect outside{500, 10, 560, 40};
  EXPECT_EQ(TrimBlankColumns(page, outside).x0, 500);
  Image gray = Image::Adopt(pixCreate(400, 200, 8));
  EXPECT_EQ(TrimBlankColumns(gray, {90, 45, 200, 85}).x0, 90);
  // A box reaching past the edge is clipped to find the ink.
  EXPECT_EQ(TrimBlankColumns(page, {-20, 45, 900, 85}).x1, 180);
}

}  // namespace
}  // namespace raingan::image
