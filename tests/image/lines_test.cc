#include "image/lines.h"

#include <gtest/gtest.h>

#include <vector>

#include "base/file.h"
#include "image/preprocess.h"
#include "layout/grid.h"
#include "pdf/pdf_document.h"

namespace raingan::image {
namespace {

// A white page with ink drawn where `paint` says, at `dpi`.
class Canvas {
 public:
  Canvas(int width, int height)
      : w_(width), h_(height), px_(width * height, 255) {}
  void Fill(int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y) {
      for (int x = x0; x < x1; ++x) px_[y * w_ + x] = 0;
    }
  }
  Image ToImage(int dpi) const {
    Result<Image> img = Image::FromGray8(px_.data(), w_, h_, w_, dpi);
    EXPECT_TRUE(img.ok());
    return std::move(img).value();
  }

 private:
  int w_, h_;
  std::vector<uint8_t> px_;
};

std::vector<layout::Segment> Rulings(const Image& img) {
  Result<std::vector<layout::Segment>> raw = DetectRulings(img);
  EXPECT_TRUE(raw.ok()) << raw.status().ToString();
  return raw.ok() ? layout::NormalizeSegments(*raw, {})
                  : std::vector<layout::Segment>{};
}

TEST(DetectRulingsTest, LinesButNotLetters) {
  Canvas c(400, 300);
  c.Fill(20, 50, 380, 52);     // a horizontal border, 2 px
  c.Fill(100, 10, 102, 290);   // a vertical border
  c.Fill(200, 100, 212, 103);  // letter strokes: short runs
  c.Fill(250, 100, 253, 115);
  c.Fill(150, 200, 190, 240);  // a filled blob (a photo, a stamp)
  for (int dpi : {72, 144}) {
    std::vector<layout::Segment> s = Rulings(c.ToImage(dpi));
    ASSERT_EQ(s.size(), 2u) << dpi;
    double k = 72.0 / dpi;  // points per pixel
    ASSERT_TRUE(s[0].horizontal());
    EXPECT_NEAR(s[0].y0, 51 * k, 0.5 * k);
    EXPECT_NEAR(s[0].x0, 20 * k, k);
    EXPECT_NEAR(s[0].x1, 380 * k, k);
    EXPECT_NEAR(s[0].thickness, 2 * k, 0.5 * k);
    ASSERT_TRUE(s[1].vertical());
    EXPECT_NEAR(s[1].x0, 101 * k, 0.5 * k);
    EXPECT_NEAR(s[1].y1, 290 * k, k);
  }
}

TEST(DetectRulingsTest, BridgesSmallBreaks) {
  // A scanned border with 1-2 px breaks is still one line.
  Canvas c(400, 100);
  c.Fill(10, 50, 150, 52);
  c.Fill(152, 50, 300, 52);
  c.Fill(301, 50, 390, 52);
  std::vector<layout::Segment> s = Rulings(c.ToImage(150));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].length(), 380 * 72.0 / 150, 1.0);
}

TEST(DetectRulingsTest, RunsFusedInsideATextLineAreNotBorders) {
  // At 200 dpi (upsampled to 300) the feet of a line of Thai text fuse into
  // a one-pixel run as long as a narrow column: glyph bodies above it,
  // descenders and the next glyphs below. A border has paper on both sides.
  Canvas c(600, 300);
  c.Fill(20, 40, 580, 43);    // a border, clean above and below
  c.Fill(60, 150, 300, 151);  // the fused run...
  for (int x = 60; x < 300; x += 16) {
    c.Fill(x, 130, x + 5, 150);      // ...under glyph bodies
    c.Fill(x + 2, 151, x + 6, 160);  // ...over descenders
  }
  std::vector<layout::Segment> s = Rulings(c.ToImage(300));
  ASSERT_EQ(s.size(), 1u);
  EXPECT_NEAR(s[0].y0, 41.5 * 72.0 / 300, 0.2);
}

TEST(DetectRulingsTest, EmptyImage) {
  EXPECT_FALSE(DetectRulings(Image()).ok());
  EXPECT_TRUE(Rulings(Canvas(50, 50).ToImage(72)).empty());
}

std::string Fixture(const std::string& name) {
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/" + name);
  EXPECT_TRUE(bytes.ok());
  return bytes.ok() ? *bytes : std::string();
}

TEST(DetectRulingsTest, RasterGridMatchesVectorGrid) {
  // Page 8 of sample 000 rendered at a low resolution: the grid found in
  // pixels is the grid of the PDF's own vector paths.
  Result<pdf::PdfDocument> doc =
      pdf::PdfDocument::Open(Fixture("000_p7-9.pdf"));
  ASSERT_TRUE(doc.ok());
  Result<pdf::PageContent> page = doc->ReadPage(2);
  ASSERT_TRUE(page.ok());
  std::vector<layout::TableGrid> vector_grids =
      layout::BuildGrids(layout::NormalizeSegments(page->rulings, {}));
  ASSERT_EQ(vector_grids.size(), 1u);

  Result<Image> raster = doc->Render(2, 100);
  ASSERT_TRUE(raster.ok());
  std::vector<layout::TableGrid> raster_grids =
      layout::BuildGrids(Rulings(*raster));
  ASSERT_EQ(raster_grids.size(), 1u);
  const layout::TableGrid& v = vector_grids[0];
  const layout::TableGrid& r = raster_grids[0];
  ASSERT_EQ(r.cols(), v.cols());
  ASSERT_EQ(r.rows(), v.rows());
  for (int i = 0; i <= v.cols(); ++i) EXPECT_NEAR(r.xs()[i], v.xs()[i], 1.5);
  for (int i = 0; i <= v.rows(); ++i) EXPECT_NEAR(r.ys()[i], v.ys()[i], 1.5);
}

TEST(DetectRulingsTest, ScannedTablePage) {
  // The same page printed and scanned (noise, JPEG, slight skew), 100 dpi.
  Result<Image> scan = Image::Decode(Fixture("000_p8_scan100.jpg"));
  ASSERT_TRUE(scan.ok());
  std::vector<layout::TableGrid> grids = layout::BuildGrids(Rulings(*scan));
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 6);
  EXPECT_EQ(grids[0].rows(), 2);
}

// A hairline a 1-bit copy broke into dashes is one line; marks that only
// look like dashes are not. Dash and gap lengths in points, drawn at 200
// dpi: the three patterns of the seed-95 bilevel scan's header rules,
// then what must stay apart.
TEST(DetectRulingsTest, DashesOfABrokenHairlineAreOneLine) {
  struct Case {
    double dash, gap;
    bool line;
  };
  const Case cases[] = {
      {11, 2.9, true}, {19.4, 10, true},
      {32, 13, true},  {1, 2, false},  // a dotted leader: dots, not dashes
      {8, 16, false},                  // gaps longer than the dashes
      {20, 30, false},  // further apart than a broken line's gaps
  };
  const int dpi = 200;
  const double k = 72.0 / dpi;
  for (const Case& c : cases) {
    for (bool horizontal : {true, false}) {
      SCOPED_TRACE(testing::Message()
                   << c.dash << "/" << c.gap << (horizontal ? " h" : " v"));
      Canvas canvas(1200, 1200);
      const int dash = static_cast<int>(c.dash / k);
      const int gap = static_cast<int>(c.gap / k);
      for (int at = 100; at + dash <= 1100; at += dash + gap) {
        if (horizontal) {
          canvas.Fill(at, 600, at + dash, 601);
        } else {
          canvas.Fill(600, at, 601, at + dash);
        }
      }
      std::vector<layout::Segment> s = Rulings(canvas.ToImage(dpi));
      if (!c.line) {
        for (const layout::Segment& seg : s) {
          EXPECT_LT(seg.length(), 25.0);
        }
        continue;
      }
      ASSERT_EQ(s.size(), 1u);
      EXPECT_EQ(s[0].horizontal(), horizontal);
      EXPECT_NEAR(s[0].position(), 600.5 * k, 1.0);
      EXPECT_NEAR(s[0].start(), 100 * k, 1.0);
      EXPECT_GT(s[0].end(), 1000 * k);
    }
  }
}

// Dashes along a line of text are strokes, not a broken line: the fused
// top of a word has glyphs below it.
TEST(DetectRulingsTest, DashedRunsAlongTextAreNotLines) {
  const int dpi = 200;
  Canvas canvas(1200, 300);
  for (int at = 100; at < 1100; at += 40) {
    canvas.Fill(at, 100, at + 30, 101);  // a dash-like head stroke ...
    canvas.Fill(at, 101, at + 4, 130);   // ... on a glyph's stems
    canvas.Fill(at + 26, 101, at + 30, 130);
  }
  for (const layout::Segment& seg : Rulings(canvas.ToImage(dpi))) {
    EXPECT_FALSE(seg.horizontal() && seg.length() > 25.0)
        << seg.x0 << "," << seg.y0 << " - " << seg.x1;
  }
}

// The real thing: the header of a measure table in the seed-95 bilevel
// scan of our Kinnari 14 print of 002 (page 13, 200 dpi, CCITT G4), whose
// rule under the header came out as 19-pt dashes with 10-pt gaps. The
// grid has its header row and its data row; without the dashes it was
// one row, the header's labels and the measure in the same cells.
TEST(DetectRulingsTest, HeaderRuleABilevelCopyBrokeIntoDashes) {
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) +
               "/ocr/002_kinnari14_dashed_rule.bilevel.png");
  ASSERT_TRUE(bytes.ok());
  Result<Image> scan = Image::Decode(*bytes);
  ASSERT_TRUE(scan.ok());
  Result<PreparedPage> page = PreparePage(*scan);
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  for (double dash_length : {8.0, 0.0}) {
    RulingOptions options;
    options.dash_length = dash_length;
    Result<std::vector<layout::Segment>> raw =
        DetectRulings(page->binary, options);
    ASSERT_TRUE(raw.ok());
    std::vector<layout::TableGrid> grids =
        layout::BuildGrids(layout::NormalizeSegments(*raw, {}));
    ASSERT_EQ(grids.size(), 1u) << dash_length;
    EXPECT_EQ(grids[0].cols(), 6);
    EXPECT_EQ(grids[0].rows(), dash_length > 0 ? 2 : 1);
  }
}

}  // namespace
}  // namespace raingan::image
