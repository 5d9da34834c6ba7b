#include "image/text_rows.h"

#include <gtest/gtest.h>

#include <vector>

#include "base/file.h"
#include "image/preprocess.h"
#include "testing/run_cli.h"

namespace raingan::image {
namespace {

PreparedPage Fixture(const std::string& name) {
  Result<std::string> bytes = ReadFile(testing::TestDataPath("ocr/" + name));
  EXPECT_TRUE(bytes.ok()) << name;
  Result<Image> img = Image::Decode(*bytes);
  EXPECT_TRUE(img.ok()) << name;
  Result<PreparedPage> page = PreparePage(*img);
  EXPECT_TRUE(page.ok()) << name;
  return std::move(page).value();
}

// A white 1-bit page at 72 dpi (pixels = points) with boxes drawn.
Image Boxes(const std::vector<BBox>& boxes) {
  std::vector<uint8_t> px(300 * 200, 255);
  for (const BBox& b : boxes) {
    for (int y = static_cast<int>(b.y0); y < b.y1; ++y) {
      for (int x = static_cast<int>(b.x0); x < b.x1; ++x) px[y * 300 + x] = 0;
    }
  }
  return std::move(Binarize(*Image::FromGray8(px.data(), 300, 200, 300, 72)))
      .value();
}

TEST(FindTextRowsTest, BoldHeaderMarksStayWithTheirLine) {
  // "ผู้รับผิด / ชอบ": the marks above ผู้ and ั, and the ู below, are
  // rows of their own for Tesseract's line finder; here they are part of
  // the first of two lines. The fixture's left edge holds a table border
  // and a neighbour's letter, so the region starts right of them.
  PreparedPage page = Fixture("owner_header.png");
  Result<std::vector<TextRow>> rows =
      FindTextRows(page.binary, {12, 0, 70, 84});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const TextRow& first = (*rows)[0];
  // Marks reach above and below the consonant band.
  EXPECT_LT(first.box.y0, first.core_top - 1);
  EXPECT_GT(first.box.y1, first.core_bottom + 0.5);
  EXPECT_LT(first.box.y1, (*rows)[1].core_top);
  // The consonant band of 12 pt Laksaman is about 7.5 pt.
  EXPECT_NEAR(first.core_bottom - first.core_top, 7.6, 1.0);
}

TEST(FindTextRowsTest, PeriodCellLines) {
  // "๑ ตุลาคม / ๖๗- ๓๐ / กันยายน / ๖๘": four lines, Thai digits shorter
  // than consonants.
  PreparedPage page = Fixture("period_cell.png");
  Result<std::vector<TextRow>> rows = FindTextRows(page.binary, {6, 0, 66, 85});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 4u);
  for (size_t i = 1; i < rows->size(); ++i) {
    EXPECT_GT((*rows)[i].core_top, (*rows)[i - 1].core_bottom);
  }
}

TEST(FindTextRowsTest, MarkBetweenLinesGoesToItsLetter) {
  // Two lines of "letters" 10 pt tall, 20 pt apart; a mark 3 pt above the
  // second line's first letter, 7 pt below the first line.
  Image img = Boxes({{20, 20, 30, 30},
                     {35, 20, 45, 30},
                     {20, 50, 30, 60},
                     {35, 50, 45, 60},
                     {22, 44, 27, 47}});
  Result<std::vector<TextRow>> rows = FindTextRows(img, {0, 0, 300, 200});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_NEAR((*rows)[0].box.y1, 30, 0.5);
  EXPECT_NEAR((*rows)[1].box.y0, 44, 0.5);
  EXPECT_NEAR((*rows)[1].core_top, 50, 0.5);
}

TEST(FindTextRowsTest, EmptyAndBadInput) {
  Image img = Boxes({});
  Result<std::vector<TextRow>> rows = FindTextRows(img, {0, 0, 300, 200});
  ASSERT_TRUE(rows.ok());
  EXPECT_TRUE(rows->empty());
  EXPECT_TRUE(FindTextRows(img, {500, 500, 600, 600})->empty());
  std::vector<uint8_t> px(100, 255);
  Image gray = std::move(Image::FromGray8(px.data(), 10, 10, 10, 72)).value();
  EXPECT_FALSE(FindTextRows(gray, {0, 0, 10, 10}).ok());
}

}  // namespace
}  // namespace raingan::image
