#include "image/image_pages.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "base/file.h"
#include "testing/run_cli.h"

namespace raingan::image {
namespace {

std::string Fixture(const std::string& name) {
  Result<std::string> bytes = ReadFile(testing::TestDataPath("ocr/" + name));
  EXPECT_TRUE(bytes.ok()) << name;
  return bytes.ok() ? *bytes : "";
}

// A little-endian classic TIFF builder, for the cases no scanner writes on
// purpose.
class Tiff {
 public:
  Tiff() { bytes_ = std::string("II*\0", 4) + U32(8); }
  static std::string U16(int v) {
    return {static_cast<char>(v & 0xff), static_cast<char>((v >> 8) & 0xff)};
  }
  static std::string U32(uint32_t v) {
    std::string s;
    for (int i = 0; i < 4; ++i) s.push_back(static_cast<char>(v >> (8 * i)));
    return s;
  }
  // An uncompressed 1-bit white image, `dpi` in its resolution tags; the
  // next directory at `next` (0 = last).
  static std::string Directory(uint32_t at, int width, int height, int dpi,
                               uint32_t next) {
    const int entries = 11;
    uint32_t after = at + 2 + entries * 12 + 4;  // rational, then pixels
    uint32_t pixels = after + 8;
    uint32_t row = (width + 7) / 8;
    auto entry = [](int tag, int type, uint32_t count, uint32_t value) {
      return U16(tag) + U16(type) + U32(count) + U32(value);
    };
    std::string d = U16(entries);
    d += entry(256, 4, 1, width);         // ImageWidth
    d += entry(257, 4, 1, height);        // ImageLength
    d += entry(258, 3, 1, 1);             // BitsPerSample
    d += entry(259, 3, 1, 1);             // Compression: none
    d += entry(262, 3, 1, 0);             // WhiteIsZero
    d += entry(273, 4, 1, pixels);        // StripOffsets
    d += entry(278, 4, 1, height);        // RowsPerStrip
    d += entry(279, 4, 1, row * height);  // StripByteCounts
    d += entry(282, 5, 1, after);         // XResolution
    d += entry(283, 5, 1, after);         // YResolution
    d += entry(296, 3, 1, 2);             // inches
    d += U32(next);
    d += U32(dpi) + U32(1);
    d += std::string(row * height, '\0');
    return d;
  }
  std::string bytes_;
};

TEST(ImagePagesTest, MultiPageTiff) {
  std::string tif = Fixture("scan_pages.tif");
  Result<int> pages = CountImagePages(tif);
  ASSERT_TRUE(pages.ok()) << pages.status().ToString();
  EXPECT_EQ(*pages, 3);
  Result<Image> first = DecodeImagePage(tif, 0);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(first->width(), 275);  // the scan crop: 66 pt at 300 dpi
  EXPECT_EQ(first->dpi(), 300);
  Result<Image> third = DecodeImagePage(tif, 2);
  ASSERT_TRUE(third.ok());
  EXPECT_EQ(third->depth(), 1);
  EXPECT_EQ(third->width(), 600);
  EXPECT_FALSE(DecodeImagePage(tif, 3).ok());
  EXPECT_FALSE(DecodeImagePage(tif, -1).ok());
}

TEST(ImagePagesTest, OtherFormatsHaveOnePage) {
  for (const char* name : {"period_cell.png", "period_cell.jpg"}) {
    std::string bytes = Fixture(name);
    EXPECT_EQ(*CountImagePages(bytes), 1) << name;
    Result<Image> img = DecodeImagePage(bytes, 0);
    ASSERT_TRUE(img.ok()) << name;
    EXPECT_EQ(img->dpi(), 300) << name;
  }
}

TEST(ImagePagesTest, ImplausibleResolutionFallsBackToDefault) {
  // "72 dpi" on a 2480-pixel page would make it 34 inches wide.
  std::string a4 = Tiff().bytes_ + Tiff::Directory(8, 2480, 8, 72, 0);
  Result<Image> img = DecodeImagePage(a4, 0, 300);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->dpi(), 300);
  // A small image at 72 dpi keeps it.
  std::string small = Tiff().bytes_ + Tiff::Directory(8, 400, 8, 72, 0);
  EXPECT_EQ(DecodeImagePage(small, 0, 300)->dpi(), 72);
}

TEST(ImagePagesTest, DamagedFilesAreBadInput) {
  struct Case {
    const char* what;
    std::string bytes;
  } cases[] = {
      {"empty", ""},
      {"directory loops onto itself",
       Tiff().bytes_ + Tiff::U16(0) + Tiff::U32(8)},
      {"directory cut off", Tiff().bytes_ + Tiff::U16(5)},
      {"first directory outside the file",
       std::string("II*\0", 4) + Tiff::U32(1000)},
  };
  for (const Case& c : cases) {
    Result<int> pages = CountImagePages(c.bytes);
    ASSERT_FALSE(pages.ok()) << c.what;
    EXPECT_EQ(pages.status().code(), Status::Code::kBadInput) << c.what;
    EXPECT_FALSE(DecodeImagePage(c.bytes, 0).ok()) << c.what;
  }
  // Not an image at all: one page that does not decode.
  EXPECT_EQ(*CountImagePages("%PDF-1.4 not an image"), 1);
  EXPECT_FALSE(DecodeImagePage("%PDF-1.4 not an image", 0).ok());
}

std::string LimitsFixture(const std::string& name) {
  Result<std::string> bytes = ReadFile(testing::TestDataPath("limits/" + name));
  EXPECT_TRUE(bytes.ok()) << name;
  return bytes.ok() ? *bytes : "";
}

// A TIFF of `pages` uncompressed 1-bit pages, page i being 8 * (i + 1)
// pixels wide, so a test sees which page it got.
std::string ManyPageTiff(int pages, int height = 8) {
  std::string tif = Tiff().bytes_;
  for (int i = 0; i < pages; ++i) {
    uint32_t at = static_cast<uint32_t>(tif.size());
    int width = 8 * (i + 1);
    // The next directory follows this one.
    uint32_t next = at + static_cast<uint32_t>(
                             Tiff::Directory(at, width, height, 300, 0).size());
    tif += Tiff::Directory(at, width, height, 300, i + 1 < pages ? next : 0);
  }
  return tif;
}

TEST(ImagePagesTest, EveryPageOfALongTiffIsReachedDirectly) {
  std::string tif = ManyPageTiff(300);
  Result<ImagePages> file = ImagePages::Open(tif);
  ASSERT_TRUE(file.ok()) << file.status().ToString();
  ASSERT_EQ(file->count(), 300);
  for (int index : {0, 1, 150, 299}) {
    Result<Image> page = file->Decode(index);
    ASSERT_TRUE(page.ok()) << index << ": " << page.status().ToString();
    EXPECT_EQ(page->width(), 8 * (index + 1)) << index;
  }
}

TEST(ImagePagesTest, TooManyPagesFailsOpenNamingTheLimit) {
  std::string tif = ManyPageTiff(30);
  EXPECT_TRUE(ImagePages::Open(tif, 30).ok());
  Result<ImagePages> file = ImagePages::Open(tif, 29);
  ASSERT_FALSE(file.ok());
  EXPECT_EQ(file.status().code(), Status::Code::kBadInput);
  EXPECT_EQ(file.status().message(),
            "the TIFF file has more than 29 pages, over the 29-page limit "
            "(--max-pages)");
}

TEST(ImagePagesTest, PixelBombsAreRefusedFromTheirHeaders) {
  for (const char* name :
       {"bomb_40000.png", "bomb_40000.tif", "bomb_40000.jpg"}) {
    std::string bytes = LimitsFixture(name);
    Result<ImagePages> file = ImagePages::Open(bytes);
    ASSERT_TRUE(file.ok()) << name;
    Result<Image> page = file->Decode(0);
    ASSERT_FALSE(page.ok()) << name;
    EXPECT_EQ(page.status().code(), Status::Code::kBadInput) << name;
    EXPECT_EQ(page.status().message(),
              "the image is 40000×40000 px (1600 Mpx), over the 200 Mpx "
              "limit (--max-pixels)")
        << name;
  }
  // The limit is the caller's: a small page over a small limit.
  DecodeOptions tiny;
  tiny.max_pixels = 1000;
  Result<Image> cell =
      ImagePages::Open(Fixture("period_cell.png"))->Decode(0, tiny);
  ASSERT_FALSE(cell.ok());
  EXPECT_THAT(cell.status().message(),
              ::testing::HasSubstr("over the 0.00 Mpx limit"));
}

TEST(ImagePagesTest, FineScansAreReducedToTheOcrResolutionInGray) {
  // 600 x 800 px crops scanned at 600 dpi: RGB and CMYK JPEG (libjpeg
  // scales the DCT by 1/2 while decoding), 16-bit gray PNG, CMYK TIFF.
  DecodeOptions ocr;
  ocr.target_dpi = 300;
  ocr.gray = true;
  for (const char* name : {"cell_600dpi.jpg", "cell_600dpi_cmyk.jpg",
                           "cell_600dpi_16bit.png", "cell_600dpi_cmyk.tif"}) {
    std::string bytes = LimitsFixture(name);
    Result<Image> full = ImagePages::Open(bytes)->Decode(0);
    ASSERT_TRUE(full.ok()) << name << ": " << full.status().ToString();
    EXPECT_EQ(full->width(), 600) << name;
    EXPECT_EQ(full->dpi(), 600) << name;
    Result<Image> page = ImagePages::Open(bytes)->Decode(0, ocr);
    ASSERT_TRUE(page.ok()) << name << ": " << page.status().ToString();
    EXPECT_EQ(page->width(), 300) << name;
    EXPECT_EQ(page->height(), 400) << name;
    EXPECT_EQ(page->dpi(), 300) << name;
    EXPECT_EQ(page->depth(), 8) << name;
  }
}

TEST(ImagePagesTest, ScansNearTheOcrResolutionAreNotResampled) {
  std::string jpeg = Fixture("period_cell.jpg");  // 300 dpi
  Result<Image> full = DecodeImagePage(jpeg, 0);
  ASSERT_TRUE(full.ok());
  DecodeOptions ocr;
  ocr.gray = true;
  // At the target, or finer by less than 1.5 times: kept; never enlarged.
  for (int target : {300, 250, 600}) {
    ocr.target_dpi = target;
    Result<Image> page = ImagePages::Open(jpeg)->Decode(0, ocr);
    ASSERT_TRUE(page.ok()) << target;
    EXPECT_EQ(page->width(), full->width()) << target;
    EXPECT_EQ(page->dpi(), 300) << target;
    EXPECT_EQ(page->depth(), 8) << target;
  }
}

}  // namespace
}  // namespace raingan::image
