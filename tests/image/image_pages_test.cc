#include "image/image_pages.h"

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

}  // namespace
}  // namespace raingan::image
