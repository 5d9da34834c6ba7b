#include "image/encode.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "image/leptonica_ptr.h"

namespace raingan::image {

Result<Image> ScaleToDpi(const Image& image, int dpi) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  if (dpi <= 0) return Status::InvalidArgument("dpi must be positive");
  PixPtr source;
  Pix* pix = image.pix();
  if (image.depth() == 1) {
    source.reset(pixConvert1To8(nullptr, pix, 255, 0));
    pix = source.get();
  } else if (image.depth() != 8 && image.depth() != 32) {
    source.reset(pixConvertTo8(pix, 0));
    pix = source.get();
  }
  if (pix == nullptr) return Status::Internal("cannot convert the image");
  const int own = image.dpi();
  if (dpi >= own) {
    Pix* copy = pixCopy(nullptr, pix);
    if (copy == nullptr) return Status::Internal("cannot copy the image");
    return Image::Adopt(copy);
  }
  float factor = static_cast<float>(dpi) / static_cast<float>(own);
  // Area mapping: the right filter for shrinking text (no aliasing).
  Pix* scaled = pixScaleAreaMap(pix, factor, factor);
  if (scaled == nullptr) return Status::Internal("cannot scale the image");
  pixSetResolution(scaled, dpi, dpi);
  return Image::Adopt(scaled);
}

Result<Image> CropPoints(const Image& image, const BBox& box, double margin) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  const double scale = 1.0 / image.points_per_pixel();
  int x0 = static_cast<int>(std::floor((box.x0 - margin) * scale));
  int y0 = static_cast<int>(std::floor((box.y0 - margin) * scale));
  int x1 = static_cast<int>(std::ceil((box.x1 + margin) * scale));
  int y1 = static_cast<int>(std::ceil((box.y1 + margin) * scale));
  x0 = std::max(0, x0);
  y0 = std::max(0, y0);
  x1 = std::min(image.width(), x1);
  y1 = std::min(image.height(), y1);
  if (box.empty() || x1 <= x0 || y1 <= y0) {
    return Status::InvalidArgument("the box is not on the page");
  }
  BoxPtr clip(boxCreate(x0, y0, x1 - x0, y1 - y0));
  Pix* part = pixClipRectangle(image.pix(), clip.get(), nullptr);
  if (part == nullptr) return Status::Internal("cannot crop the image");
  pixSetResolution(part, image.dpi(), image.dpi());
  return Image::Adopt(part);
}

Result<std::string> EncodePng(const Image& image) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  l_uint8* data = nullptr;
  size_t size = 0;
  if (pixWriteMemPng(&data, &size, image.pix(), 0.0f) != 0 || data == nullptr) {
    return Status::Internal("cannot encode the image as PNG");
  }
  std::string png(reinterpret_cast<const char*>(data), size);
  lept_free(data);
  return png;
}

}  // namespace raingan::image
