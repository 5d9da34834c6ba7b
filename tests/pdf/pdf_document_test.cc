#include "pdf/pdf_document.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "base/file.h"
#include "layout/text_lines.h"

namespace raingan::pdf {
namespace {

std::string Fixture(const std::string& name) {
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/" + name);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

struct BadFile {
  const char* name;
  const char* reason;  // part of the message users see
};

TEST(PdfDocumentTest, BadFilesAreClearErrorsNotCrashes) {
  const BadFile cases[] = {
      {"empty.pdf", "empty file"},
      {"truncated.pdf", "damaged"},
      {"encrypted.pdf", "password"},
  };
  for (const BadFile& c : cases) {
    ::testing::internal::CaptureStderr();
    Result<PdfDocument> doc = PdfDocument::Open(Fixture(c.name));
    // Poppler's complaints are not printed on the user's terminal.
    EXPECT_EQ(::testing::internal::GetCapturedStderr(), "") << c.name;
    ASSERT_FALSE(doc.ok()) << c.name;
    EXPECT_EQ(doc.status().code(), Status::Code::kBadInput) << c.name;
    EXPECT_NE(doc.status().message().find(c.reason), std::string::npos)
        << c.name << ": " << doc.status().message();
  }
}

TEST(PdfDocumentTest, NotAPdf) {
  Result<PdfDocument> doc = PdfDocument::Open("PK\x03\x04 a zip archive");
  ASSERT_FALSE(doc.ok());
  EXPECT_NE(doc.status().message().find("not a PDF"), std::string::npos);
  // Every prefix of a real PDF fails cleanly or opens; none crashes.
  std::string real = Fixture("000_p7-9.pdf");
  for (size_t n : {size_t{9}, size_t{500}, size_t{4096}, real.size() / 2}) {
    Result<PdfDocument> cut = PdfDocument::Open(real.substr(0, n));
    if (cut.ok()) {
      for (int p = 1; p <= cut->page_count(); ++p) (void)cut->ReadPage(p);
    }
  }
}

TEST(PdfDocumentTest, OwnerPasswordAloneDoesNotStopReading) {
  // Government PDFs often forbid copying with an owner password; they
  // still open and their text is still there.
  Result<PdfDocument> doc =
      PdfDocument::Open(Fixture("owner_password_only.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->page_count(), 1);
  Result<PageContent> page = doc->ReadPage(1);
  ASSERT_TRUE(page.ok());
  EXPECT_GT(page->glyphs.size(), 100u);
}

TEST(PdfDocumentTest, PagesGlyphsAndRulings) {
  Result<PdfDocument> doc = PdfDocument::Open(Fixture("000_p7-9.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  ASSERT_EQ(doc->page_count(), 3);
  Result<PageContent> page = doc->ReadPage(2);  // page 8 of the sample
  ASSERT_TRUE(page.ok()) << page.status().ToString();
  EXPECT_EQ(page->number, 2);
  EXPECT_NEAR(page->width, 595.3, 0.1);
  EXPECT_NEAR(page->height, 841.9, 0.1);
  EXPECT_DOUBLE_EQ(page->image_coverage, 0);

  // The table's borders: 3 horizontal and 7 vertical stroked lines.
  std::vector<layout::Segment> rulings =
      layout::NormalizeSegments(page->rulings, {});
  int horizontal = 0, vertical = 0;
  for (const layout::Segment& s : rulings)
    (s.horizontal() ? horizontal : vertical)++;
  EXPECT_EQ(horizontal, 3);
  EXPECT_EQ(vertical, 7);

  // Body text is 16 pt, cells 12 pt, the header row bold; y grows down.
  bool bold = false, size12 = false, size16 = false;
  for (const Glyph& g : page->glyphs) {
    bold |= g.bold;
    size12 |= std::abs(g.font_size - 12) < 0.01;
    size16 |= std::abs(g.font_size - 16) < 0.01;
    EXPECT_LT(g.bbox.y0, g.baseline);
    EXPECT_GT(g.bbox.y1, g.baseline);
  }
  EXPECT_TRUE(bold);
  EXPECT_TRUE(size12);
  EXPECT_TRUE(size16);

  // The font maps SARA U to a tone mark and relies on /ActualText to say
  // what it is; the glyphs carry the actual text.
  std::vector<layout::TextLine> lines =
      layout::AssembleLines(page->glyphs, rulings);
  bool found = false;
  for (const layout::TextLine& l : lines) {
    found |= l.text.find("จัดทำคู่มือ") != std::string::npos;
  }
  EXPECT_TRUE(found);
}

TEST(PdfDocumentTest, PageNumbersOutOfRange) {
  Result<PdfDocument> doc = PdfDocument::Open(Fixture("000_p7-9.pdf"));
  ASSERT_TRUE(doc.ok());
  EXPECT_EQ(doc->ReadPage(0).status().code(), Status::Code::kInvalidArgument);
  EXPECT_EQ(doc->ReadPage(4).status().code(), Status::Code::kInvalidArgument);
  EXPECT_FALSE(doc->Render(4, 72).ok());
  EXPECT_FALSE(doc->Render(1, 5).ok());
}

TEST(PdfDocumentTest, RendersForOcrAndRasterRulings) {
  Result<PdfDocument> doc = PdfDocument::Open(Fixture("000_p7-9.pdf"));
  ASSERT_TRUE(doc.ok());
  Result<image::Image> gray = doc->Render(2, 36);
  ASSERT_TRUE(gray.ok()) << gray.status().ToString();
  EXPECT_EQ(gray->dpi(), 36);
  EXPECT_EQ(gray->depth(), 8);
  EXPECT_NEAR(gray->width(), 595.3 / 2, 1);
  EXPECT_NEAR(gray->height(), 841.9 / 2, 1);
  Result<image::Image> color = doc->Render(2, 36, /*gray=*/false);
  ASSERT_TRUE(color.ok());
  EXPECT_EQ(color->depth(), 32);
}

TEST(PdfDocumentTest, RenderRefusesPagesAndImagesOverThePixelLimit) {
  Result<PdfDocument> doc = PdfDocument::Open(Fixture("000_p7-9.pdf"));
  ASSERT_TRUE(doc.ok());
  // A4 at 300 dpi is 2481 x 3508 px, 8.7 Mpx.
  EXPECT_TRUE(doc->Render(2, 300, true, 9'000'000).ok());
  Result<image::Image> over = doc->Render(2, 300, true, 8'000'000);
  ASSERT_FALSE(over.ok());
  EXPECT_EQ(over.status().message(),
            "the page (595×842 pt) rendered at 300 dpi is 2481×3508 px "
            "(8.7 Mpx), over the 8.0 Mpx limit (--max-pixels)");
  // An image the page draws is measured from its dictionary, not decoded:
  // the scanned page holds one of 207 x 293 px (a 10-dpi render is less).
  Result<PdfDocument> scan = PdfDocument::Open(Fixture("scanned_page.pdf"));
  ASSERT_TRUE(scan.ok());
  Result<image::Image> image = scan->Render(1, 10, true, 20'000);
  ASSERT_FALSE(image.ok());
  EXPECT_EQ(image.status().message(),
            "an image on the page is 207×293 px (0.06 Mpx), over the 0.02 "
            "Mpx limit (--max-pixels)");
}

TEST(PdfDocumentTest, ScannedPageHasNoTextAndIsAnImage) {
  Result<PdfDocument> doc = PdfDocument::Open(Fixture("scanned_page.pdf"));
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  Result<PageContent> page = doc->ReadPage(1);
  ASSERT_TRUE(page.ok());
  EXPECT_TRUE(page->glyphs.empty());
  EXPECT_NEAR(page->image_coverage, 1.0, 0.01);
}

}  // namespace
}  // namespace raingan::pdf
