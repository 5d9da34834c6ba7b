// Image: an owning, move-only handle on a Leptonica raster.
//
// Leptonica is raingan's raster library (rendered PDF pages, scans, OCR
// input); only src/image/*.cc include its headers. Code elsewhere passes
// Images around and calls the functions of src/image/ on them. An Image
// knows its resolution, so pixel measures convert to page points
// (72 / dpi) and one set of tolerances serves every scan.
#ifndef RAINGAN_IMAGE_IMAGE_H_
#define RAINGAN_IMAGE_IMAGE_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"

struct Pix;  // Leptonica's PIX

namespace raingan::image {

class Image {
 public:
  Image() = default;  // empty
  ~Image();
  Image(Image&& other) noexcept;
  Image& operator=(Image&& other) noexcept;
  Image(const Image&) = delete;
  Image& operator=(const Image&) = delete;

  // Takes ownership of `pix` (null gives an empty Image).
  static Image Adopt(Pix* pix);
  // Copies 8-bit gray (1 byte per pixel) or RGB (3 bytes per pixel) rows;
  // `stride` is the byte distance between rows. dpi must be positive.
  static Result<Image> FromGray8(const uint8_t* data, int width, int height,
                                 size_t stride, int dpi);
  static Result<Image> FromRgb8(const uint8_t* data, int width, int height,
                                size_t stride, int dpi);
  // Decodes an encoded image (JPEG, PNG, TIFF, PNM, BMP...). Files that do
  // not record a resolution get `default_dpi`.
  static Result<Image> Decode(std::string_view bytes, int default_dpi = 300);

  bool empty() const { return pix_ == nullptr; }
  int width() const;
  int height() const;
  int depth() const;  // bits per pixel: 1, 8 or 32
  int dpi() const;    // horizontal resolution
  // Points per pixel: converts pixel measures to the page frame.
  double points_per_pixel() const { return 72.0 / dpi(); }

  // The raster, still owned by this Image (for src/image/ code).
  Pix* pix() const { return pix_; }
  // Gives up ownership.
  Pix* Release();

 private:
  explicit Image(Pix* pix) : pix_(pix) {}
  Pix* pix_ = nullptr;
};

// The Leptonica library in use, as it reports itself at run time
// ("1.82.0"), and the image codecs it was built with ("libjpeg 6b
// (libjpeg-turbo 2.1.5) : libpng 1.6.39 : ..."), for bug reports.
std::string LeptonicaVersion();
std::string ImageCodecVersions();

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_IMAGE_H_
