#include "image/image.h"

#include <gtest/gtest.h>

#include <vector>

#include "base/file.h"

namespace raingan::image {
namespace {

TEST(ImageTest, FromGray8) {
  std::vector<uint8_t> pixels(10 * 4, 255);
  Result<Image> img = Image::FromGray8(pixels.data(), 10, 4, 10, 150);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->width(), 10);
  EXPECT_EQ(img->height(), 4);
  EXPECT_EQ(img->depth(), 8);
  EXPECT_EQ(img->dpi(), 150);
  EXPECT_DOUBLE_EQ(img->points_per_pixel(), 72.0 / 150);
}

TEST(ImageTest, FromRgb8) {
  std::vector<uint8_t> pixels(3 * 5 * 2, 128);
  Result<Image> img = Image::FromRgb8(pixels.data(), 5, 2, 15, 72);
  ASSERT_TRUE(img.ok());
  EXPECT_EQ(img->depth(), 32);
}

TEST(ImageTest, RejectsBadRasters) {
  std::vector<uint8_t> pixels(16, 0);
  EXPECT_FALSE(Image::FromGray8(pixels.data(), 4, 4, 3, 72).ok());  // stride
  EXPECT_FALSE(Image::FromGray8(pixels.data(), 0, 4, 4, 72).ok());
  EXPECT_FALSE(Image::FromGray8(pixels.data(), 4, 4, 4, 0).ok());
  EXPECT_FALSE(Image::FromGray8(nullptr, 4, 4, 4, 72).ok());
  EXPECT_FALSE(Image::FromRgb8(pixels.data(), 4, 1, 4, 72).ok());
}

TEST(ImageTest, DecodesAScanAndRejectsGarbage) {
  Result<std::string> jpeg =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/000_p8_scan100.jpg");
  ASSERT_TRUE(jpeg.ok());
  Result<Image> img = Image::Decode(*jpeg);
  ASSERT_TRUE(img.ok()) << img.status().ToString();
  EXPECT_EQ(img->dpi(), 100);  // from the JFIF header
  EXPECT_NEAR(img->width(), 827, 2);

  EXPECT_EQ(Image::Decode("").status().code(), Status::Code::kBadInput);
  EXPECT_EQ(Image::Decode("not an image at all").status().code(),
            Status::Code::kBadInput);
  // A JPEG cut short decodes partially or fails; it never crashes.
  (void)Image::Decode(jpeg->substr(0, jpeg->size() / 3));
}

TEST(ImageTest, MoveOnlyOwnership) {
  std::vector<uint8_t> pixels(4, 0);
  Result<Image> made = Image::FromGray8(pixels.data(), 2, 2, 2, 72);
  ASSERT_TRUE(made.ok());
  Image a = std::move(made).value();
  Image b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the contract
  EXPECT_FALSE(b.empty());
  b = Image();
  EXPECT_TRUE(b.empty());
  EXPECT_EQ(b.width(), 0);
}

}  // namespace
}  // namespace raingan::image
