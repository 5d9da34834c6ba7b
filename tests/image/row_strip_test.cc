#include "image/row_strip.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include "image/preprocess.h"

namespace raingan::image {
namespace {

// A 72-dpi gray page (1 px = 1 pt) holding a column one letter wide:
// three rows, each a 10x10 "letter" on its baseline; the second row also
// has a 4x4 mark above-left of its letter, as the ring of "ำ" on a line of
// its own stands before the "า".
struct Column {
  Image gray, binary;
  std::vector<TextRow> rows;
};

Column LetterColumn() {
  Pix* pix = pixCreate(100, 120, 8);
  pixSetAll(pix);
  auto ink = [&](int x, int y, int w, int h) {
    pixRasterop(pix, x, y, w, h, PIX_CLR, nullptr, 0, 0);
  };
  ink(40, 10, 10, 10);  // row 1: letter at y 10..20
  ink(32, 36, 4, 4);    // row 2: mark at x 32..36, above the body
  ink(40, 45, 10, 10);  // row 2: letter at y 45..55
  ink(42, 80, 12, 10);  // row 3: letter at y 80..90
  pixSetResolution(pix, 72, 72);
  Column c;
  c.gray = Image::Adopt(pix);
  c.binary = std::move(Binarize(c.gray).value());
  c.rows = {{{40, 10, 50, 20}, 10, 20},
            {{32, 36, 50, 55}, 45, 55},
            {{42, 80, 54, 90}, 80, 90}};
  return c;
}

bool Dark(const Image& img, int x, int y) {
  l_uint32 v = 255;
  pixGetPixel(img.pix(), x, y, &v);
  return v < 128;
}

TEST(RowStripTest, RowsStandSideBySideOnOneBaseline) {
  Column c = LetterColumn();
  Result<RowStrip> strip = LayRowsSideBySide(c.gray, c.binary, c.rows, 3);
  ASSERT_TRUE(strip.ok()) << strip.status().ToString();
  ASSERT_EQ(strip->pieces.size(), 3u);
  EXPECT_EQ(strip->image.depth(), 8);
  EXPECT_EQ(strip->image.dpi(), 72);
  const auto& p = strip->pieces;
  // Bodies 3 px apart: the second row's mark hangs 8 px before its body,
  // over the first letter and the gap.
  const int body1 = p[0].x;
  const int body2 = p[1].x + (40 - 32);
  const int body3 = p[2].x;
  EXPECT_EQ(body2, body1 + 10 + 3);
  EXPECT_EQ(body3, body2 + 10 + 3);
  EXPECT_EQ(p[1].source.x0, 32);  // the mark is part of its row
  // Every letter's bottom row is on one baseline.
  int baseline = -1;
  for (int y = 0; y < strip->image.height(); ++y) {
    if (Dark(strip->image, body1, y)) baseline = y;
  }
  ASSERT_GT(baseline, 0);
  EXPECT_TRUE(Dark(strip->image, body2, baseline));
  EXPECT_TRUE(Dark(strip->image, body3, baseline));
  EXPECT_FALSE(Dark(strip->image, body2, baseline + 1));
  // The mark keeps its place above its letter (15-18 px above the
  // baseline), and the second row's box, which now covers the first
  // letter's right half, leaves that letter dark.
  EXPECT_TRUE(Dark(strip->image, p[1].x, baseline - 9 - 10 + 1));
  EXPECT_TRUE(Dark(strip->image, body1 + 9, baseline));
  // A margin of blank all round.
  EXPECT_GE(p[0].x, 4);
  EXPECT_GE(strip->image.width() - (body3 + 12), 4);
}

TEST(RowStripTest, BadInputIsAnErrorNotACrash) {
  Column c = LetterColumn();
  EXPECT_FALSE(LayRowsSideBySide(c.gray, c.binary, {}, 3).ok());
  EXPECT_FALSE(LayRowsSideBySide(c.binary, c.binary, c.rows, 3).ok());
  Image small = Image::Adopt(pixCreate(10, 10, 1));
  EXPECT_FALSE(LayRowsSideBySide(c.gray, small, c.rows, 3).ok());
  // Rows outside the image are clipped, not read out of bounds.
  std::vector<TextRow> outside = {{{-50, -50, 500, 500}, 0, 400}};
  EXPECT_TRUE(LayRowsSideBySide(c.gray, c.binary, outside, 3).ok());
}

}  // namespace
}  // namespace raingan::image
