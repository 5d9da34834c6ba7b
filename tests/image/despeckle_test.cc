#include "image/despeckle.h"

#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

namespace raingan::image {
namespace {

// A 1-bit page with a line of 13-px "letters" (the consonant height of a
// 16-pt Thai font at 200 dpi, as on the 200-dpi sample scan).
class InkPage {
 public:
  InkPage() : pix_(pixCreate(600, 300, 1)) {}
  ~InkPage() { pixDestroy(&pix_); }
  void Fill(int x, int y, int w, int h) {
    pixRasterop(pix_, x, y, w, h, PIX_SET, nullptr, 0, 0);
  }
  bool InkAt(int x, int y) const {
    l_uint32 v = 0;
    pixGetPixel(pix_, x, y, &v);
    return v != 0;
  }
  Pix* pix() { return pix_; }

 private:
  Pix* pix_;
};

void DrawLineOfLetters(InkPage* page, int y) {
  for (int x = 40; x < 400; x += 14) page->Fill(x, y, 10, 13);
}

TEST(DespeckleTest, DustAwayFromLettersGoesMarksNextToThemStay) {
  InkPage page;
  DrawLineOfLetters(&page, 100);
  page.Fill(82, 92, 3, 3);    // a tone mark just above a letter
  page.Fill(124, 116, 3, 3);  // a mark below the baseline
  page.Fill(404, 110, 3, 3);  // a full stop after the last letter
  page.Fill(500, 40, 3, 3);   // dust in the margin
  page.Fill(200, 200, 2, 2);  // dust between lines
  page.Fill(300, 250, 4, 3);
  Result<DespeckleResult> r = Despeckle(page.pix(), nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->removed, 3);
  EXPECT_NEAR(r->core_height, 13, 1);
  EXPECT_TRUE(page.InkAt(83, 93));
  EXPECT_TRUE(page.InkAt(125, 117));
  EXPECT_TRUE(page.InkAt(405, 111));
  EXPECT_FALSE(page.InkAt(501, 41));
  EXPECT_FALSE(page.InkAt(200, 200));
  EXPECT_FALSE(page.InkAt(301, 251));
  EXPECT_TRUE(page.InkAt(45, 105));  // letters untouched
}

TEST(DespeckleTest, GrayCopyIsWhitenedWhereDustWas) {
  InkPage page;
  DrawLineOfLetters(&page, 100);
  page.Fill(500, 40, 3, 3);
  Pix* gray = pixCreate(600, 300, 8);
  pixSetAllArbitrary(gray, 255);
  pixSetPixel(gray, 501, 41, 40);
  Result<DespeckleResult> r = Despeckle(page.pix(), gray);
  ASSERT_TRUE(r.ok());
  l_uint32 v = 0;
  pixGetPixel(gray, 501, 41, &v);
  EXPECT_EQ(v, 255u);
  pixDestroy(&gray);
}

TEST(DespeckleTest, PageWithoutLettersIsLeftAlone) {
  InkPage page;
  page.Fill(100, 100, 3, 3);
  page.Fill(300, 200, 2, 2);
  Result<DespeckleResult> r = Despeckle(page.pix(), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->removed, 0);
  EXPECT_TRUE(page.InkAt(101, 101));
}

// A ruling is long and thin: neither a letter that keeps dust beside it nor
// a speck.
TEST(DespeckleTest, RulingsAreNotLetters) {
  InkPage page;
  DrawLineOfLetters(&page, 100);
  page.Fill(20, 200, 560, 2);  // a table rule
  page.Fill(300, 196, 3, 3);   // dust on the rule's edge
  Result<DespeckleResult> r = Despeckle(page.pix(), nullptr);
  ASSERT_TRUE(r.ok());
  EXPECT_TRUE(page.InkAt(300, 200));  // the rule stays
  EXPECT_FALSE(page.InkAt(301, 197));
}

}  // namespace
}  // namespace raingan::image
