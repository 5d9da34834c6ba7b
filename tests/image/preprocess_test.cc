#include "image/preprocess.h"

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <vector>

#include "image/lines.h"
#include "layout/grid.h"

namespace raingan::image {
namespace {

constexpr double kPi = 3.14159265358979323846;

// A white 8-bit page on which lines and blobs are drawn, optionally
// rotated about the page center (a scan that went in crooked).
class Page {
 public:
  Page(int width, int height, double degrees = 0)
      : w_(width), h_(height), px_(width * height, 255) {
    double a = degrees * kPi / 180;
    cos_ = std::cos(a);
    sin_ = std::sin(a);
  }
  // A stroke `thickness` pixels wide from (x0, y0) to (x1, y1), given in
  // upright coordinates, of gray `level` (0 is black).
  void Line(double x0, double y0, double x1, double y1, int thickness,
            uint8_t level = 0) {
    double len = std::hypot(x1 - x0, y1 - y0);
    for (double t = 0; t <= len; t += 0.5) {
      double x = x0 + (x1 - x0) * t / len, y = y0 + (y1 - y0) * t / len;
      for (int dy = 0; dy < thickness; ++dy) {
        for (int dx = 0; dx < thickness; ++dx) Plot(x + dx, y + dy, level);
      }
    }
  }
  void Box(double x0, double y0, double x1, double y1) {
    for (double y = y0; y < y1; y += 0.5) {
      for (double x = x0; x < x1; x += 0.5) Plot(x, y);
    }
  }
  Image ToImage(int dpi = 300) const {
    Result<Image> img = Image::FromGray8(px_.data(), w_, h_, w_, dpi);
    EXPECT_TRUE(img.ok());
    return std::move(img).value();
  }

 private:
  void Plot(double x, double y, uint8_t level = 0) {
    double cx = w_ / 2.0, cy = h_ / 2.0;
    int rx = static_cast<int>(cx + (x - cx) * cos_ - (y - cy) * sin_);
    int ry = static_cast<int>(cy + (x - cx) * sin_ + (y - cy) * cos_);
    if (rx >= 0 && rx < w_ && ry >= 0 && ry < h_) px_[ry * w_ + rx] = level;
  }
  int w_, h_;
  std::vector<uint8_t> px_;
  double cos_ = 1, sin_ = 0;
};

// A 4 x 3 ruled table with a row of "words" in every cell; the borders
// between rows drawn `row_rule_thickness` pixels wide in gray
// `row_rule_level` (a hairline that scans light).
Page TablePage(double degrees, int row_rule_thickness = 3,
               uint8_t row_rule_level = 0) {
  Page p(1200, 1000, degrees);
  for (int i = 0; i <= 3; ++i) {
    bool inner = i > 0 && i < 3;
    p.Line(150, 200 + 200 * i, 1050, 200 + 200 * i,
           inner ? row_rule_thickness : 3, inner ? row_rule_level : 0);
  }
  for (int i = 0; i <= 4; ++i)
    p.Line(150 + 225 * i, 200, 150 + 225 * i, 800, 3);
  for (int r = 0; r < 3; ++r) {
    for (int c = 0; c < 4; ++c) {
      for (int k = 0; k < 5; ++k) {
        double x = 180 + 225 * c + 35 * k, y = 280 + 200 * r;
        p.Box(x, y, x + 25, y + 30);
      }
    }
  }
  return p;
}

std::vector<layout::TableGrid> Grids(const Image& binary) {
  Result<std::vector<layout::Segment>> raw = DetectRulings(binary);
  EXPECT_TRUE(raw.ok());
  return layout::BuildGrids(layout::NormalizeSegments(*raw, {}));
}

TEST(PreparePageTest, DeskewsSoTheGridIsFound) {
  // Scans come rotated by up to 2.5 degrees; at that angle a ruling
  // drifts 40 pixels across a 900-pixel table and breaks into pieces.
  for (double degrees : {-2.5, -1.0, 1.5, 2.5}) {
    Image scan = TablePage(degrees).ToImage();
    if (std::abs(degrees) >= 2.5) {
      EXPECT_TRUE(Grids(*Binarize(scan)).empty()) << degrees;
    }
    Result<PreparedPage> page = PreparePage(scan);
    ASSERT_TRUE(page.ok()) << page.status().ToString();
    EXPECT_NEAR(std::abs(page->skew_degrees), std::abs(degrees), 0.3)
        << degrees;
    std::vector<layout::TableGrid> grids = Grids(page->binary);
    ASSERT_EQ(grids.size(), 1u) << degrees;
    EXPECT_EQ(grids[0].rows(), 3) << degrees;
    EXPECT_EQ(grids[0].cols(), 4) << degrees;
    EXPECT_EQ(page->gray.width(), scan.width());
    EXPECT_EQ(page->gray.dpi(), 300);
  }
}

TEST(PreparePageTest, StampsAndSignaturesDoNotBreakTheGrid) {
  // A round stamp over a column border and a signature scrawled across a
  // row border, on a page scanned 1.5 degrees off.
  Page p = TablePage(1.5);
  for (double a = 0; a < 2 * kPi; a += 0.01) {
    p.Line(375 + 70 * std::cos(a), 500 + 70 * std::sin(a),
           375 + 70 * std::cos(a + 0.01), 500 + 70 * std::sin(a + 0.01), 6);
  }
  for (double x = 600; x < 900; x += 2) {
    p.Line(x, 600 + 40 * std::sin(x / 15), x + 2,
           600 + 40 * std::sin((x + 2) / 15), 3);
  }
  Result<PreparedPage> page = PreparePage(p.ToImage());
  ASSERT_TRUE(page.ok());
  std::vector<layout::TableGrid> grids = Grids(page->binary);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 3);
  EXPECT_EQ(grids[0].cols(), 4);
}

TEST(PreparePageTest, HairlineRowBordersAreKeptForRulingDetection) {
  // Borders drawn at the thinnest width scan as light gray lines (170-184
  // against text at 0-150 on a 300-dpi scan of a LibreOffice print): too
  // faint to be ink, they are still the only thing separating the rows.
  for (int level : {190, 210}) {
    for (double degrees : {0.0, 1.2}) {
      Result<PreparedPage> page =
          PreparePage(TablePage(degrees, 2, level).ToImage());
      ASSERT_TRUE(page.ok()) << page.status().ToString();
      std::vector<layout::TableGrid> ink = Grids(page->binary);
      ASSERT_EQ(ink.size(), 1u) << level << " " << degrees;
      EXPECT_EQ(ink[0].rows(), 1) << "the hairlines are not ink";
      std::vector<layout::TableGrid> faint = Grids(page->rulings);
      ASSERT_EQ(faint.size(), 1u) << level << " " << degrees;
      EXPECT_EQ(faint[0].rows(), 3) << level << " " << degrees;
      EXPECT_EQ(faint[0].cols(), 4) << level << " " << degrees;
    }
  }
  // Lighter than that is paper tone, not a line.
  Result<PreparedPage> paper = PreparePage(TablePage(0, 2, 235).ToImage());
  ASSERT_TRUE(paper.ok());
  std::vector<layout::TableGrid> faint = Grids(paper->rulings);
  ASSERT_EQ(faint.size(), 1u);
  EXPECT_EQ(faint[0].rows(), 1);
}

TEST(PreparePageTest, UprightPageIsNotResampled) {
  Result<PreparedPage> page = PreparePage(TablePage(0).ToImage());
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->skew_degrees, 0);
  EXPECT_EQ(page->binary.depth(), 1);
  EXPECT_EQ(page->gray.depth(), 8);
}

TEST(PreparePageTest, RemovesSpecksButKeepsMarks) {
  Page p(400, 300);
  p.Box(100, 100, 101, 101);  // dust: one pixel
  p.Box(200, 100, 202, 102);  // JPEG noise: 2 x 2
  p.Box(300, 100, 307, 106);  // a tone mark at 300 dpi is about this big
  Result<PreparedPage> page = PreparePage(p.ToImage());
  ASSERT_TRUE(page.ok());
  const Image& b = page->binary;  // points = pixels * 0.24
  EXPECT_TRUE(InkBounds(b, {22, 22, 26, 26}).empty());
  EXPECT_TRUE(InkBounds(b, {46, 22, 50, 26}).empty());
  BBox mark = InkBounds(b, {70, 22, 76, 28});
  EXPECT_NEAR(mark.width(), 7 * 0.24, 0.3);
}

// A page of "letters": rows of solid boxes `core` pixels tall, 0.7 of that
// wide, as many as a paragraph has, at `dpi`.
Image LetterPage(int core, int dpi) {
  const int w = 40 * core, h = 30 * core;
  Page p(w, h);
  for (int row = 0; row < 10; ++row) {
    const int y = 2 * core + row * 2 * core;
    for (int x = 2 * core; x + core < w - 2 * core; x += core) {
      p.Box(x, y, x + 0.7 * core, y + core);
    }
  }
  return p.ToImage(dpi);
}

TEST(PreparePageTest, SmallTextIsScaledUp) {
  // 10-px consonants at 100 dpi (7.2 pt): read at twice the size.
  Result<PreparedPage> small = PreparePage(LetterPage(10, 100));
  ASSERT_TRUE(small.ok());
  EXPECT_NEAR(small->core_height, 10, 1);
  EXPECT_NEAR(small->scale, 2.0, 1e-9);
  EXPECT_EQ(small->gray.dpi(), 200);
  EXPECT_EQ(small->gray.width(), 800);
  EXPECT_EQ(small->binary.width(), small->gray.width());
  EXPECT_EQ(small->rulings.width(), small->gray.width());
  // The page keeps its size in points, and the letters their place.
  EXPECT_NEAR(small->gray.width() * small->gray.points_per_pixel(), 288, 1);
  BBox letter = InkBounds(small->binary, {12, 12, 24, 24});
  EXPECT_NEAR(letter.x0, 14.4, 0.8);
  EXPECT_NEAR(letter.height(), 7.2, 0.8);

  // About 16-px consonants at 100 dpi: scaled to the least height, not by
  // the full factor.
  Result<PreparedPage> mid = PreparePage(LetterPage(16, 100));
  ASSERT_TRUE(mid.ok());
  EXPECT_GT(mid->scale, 1.1);
  EXPECT_NEAR(mid->scale * mid->core_height,
              PreprocessOptions().min_core_height, 0.1);
}

TEST(PreparePageTest, TextOfReadableSizeAndDustAreNotScaled) {
  Result<PreparedPage> large = PreparePage(LetterPage(30, 300));
  ASSERT_TRUE(large.ok());
  EXPECT_EQ(large->scale, 1);
  EXPECT_EQ(large->gray.dpi(), 300);
  // 6-px "letters" at 300 dpi are 1.4 pt: no type is that small.
  Result<PreparedPage> dust = PreparePage(LetterPage(6, 300));
  ASSERT_TRUE(dust.ok());
  EXPECT_EQ(dust->scale, 1);
  // Turned off.
  PreprocessOptions off;
  off.min_core_height = 0;
  Result<PreparedPage> kept = PreparePage(LetterPage(10, 100), off);
  ASSERT_TRUE(kept.ok());
  EXPECT_EQ(kept->scale, 1);
  EXPECT_EQ(kept->gray.dpi(), 100);
}

TEST(PreparePageTest, BlankAndBadInput) {
  Result<PreparedPage> blank = PreparePage(Page(300, 400).ToImage());
  ASSERT_TRUE(blank.ok());
  EXPECT_EQ(InkCoverage(blank->binary, {0, 0, 72, 96}), 0);
  EXPECT_EQ(blank->skew_degrees, 0);
  EXPECT_FALSE(PreparePage(Image()).ok());
}

TEST(InkTest, CoverageBoundsAndWhiten) {
  Page p(300, 300);
  p.Box(60, 60, 120, 90);  // 60 x 30 px at 72 dpi = points
  Image binary = std::move(Binarize(p.ToImage(72))).value();
  EXPECT_NEAR(InkCoverage(binary, {60, 60, 120, 90}), 1.0, 0.01);
  EXPECT_NEAR(InkCoverage(binary, {0, 0, 300, 300}), 1800.0 / 90000, 0.001);
  EXPECT_EQ(InkCoverage(binary, {400, 400, 500, 500}), 0);  // off the page
  EXPECT_EQ(InkCoverage(binary, {}), 0);

  BBox ink = InkBounds(binary, {0, 0, 300, 300});
  EXPECT_NEAR(ink.x0, 60, 0.6);
  EXPECT_NEAR(ink.y1, 90, 0.6);
  EXPECT_TRUE(InkBounds(binary, {0, 0, 50, 50}).empty());

  ASSERT_TRUE(Whiten(&binary, {{60, 60, 90, 90}}).ok());
  EXPECT_NEAR(InkBounds(binary, {0, 0, 300, 300}).x0, 90, 0.6);
  EXPECT_FALSE(Whiten(nullptr, {}).ok());
}

TEST(InkTest, EraseRulingsLeavesText) {
  Page p(400, 300);
  p.Line(20, 100, 380, 100, 2);  // a border
  p.Box(100, 60, 130, 95);       // a letter above it
  Image gray = p.ToImage(72);
  layout::Segment border{20, 101, 380, 101, 2};
  ASSERT_TRUE(EraseRulings(&gray, {border}, 1.0).ok());
  Image binary = std::move(Binarize(gray)).value();
  EXPECT_EQ(InkCoverage(binary, {20, 98, 380, 104}), 0);
  EXPECT_GT(InkCoverage(binary, {100, 60, 130, 95}), 0.9);
}

TEST(InkTest, BlocksOutsideTables) {
  Page p(600, 600);
  p.Box(50, 40, 250, 60);     // a heading
  p.Box(50, 64, 200, 84);     // its second line: one block with it
  p.Box(50, 200, 550, 400);   // "a table", excluded
  p.Box(400, 500, 402, 502);  // dirt smaller than min_size
  p.Box(50, 500, 150, 520);   // a signature line
  Image binary = std::move(Binarize(p.ToImage(72))).value();
  Result<std::vector<BBox>> blocks =
      FindInkBlocks(binary, {0, 0, 600, 600}, {{45, 195, 555, 405}});
  ASSERT_TRUE(blocks.ok());
  ASSERT_EQ(blocks->size(), 2u);
  EXPECT_NEAR((*blocks)[0].y0, 40, 1);
  EXPECT_NEAR((*blocks)[0].y1, 84, 1);
  EXPECT_NEAR((*blocks)[1].y0, 500, 1);
  EXPECT_FALSE(FindInkBlocks(p.ToImage(72), {0, 0, 10, 10}, {}).ok());
}

}  // namespace
}  // namespace raingan::image
