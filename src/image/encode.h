// Pictures for people: a page or part of it, scaled and encoded as PNG
// (the review page shows the scan beside the extracted fields).
#ifndef RAINGAN_IMAGE_ENCODE_H_
#define RAINGAN_IMAGE_ENCODE_H_

#include <string>

#include "base/result.h"
#include "image/image.h"
#include "model/geometry.h"

namespace raingan::image {

// `image` resampled to `dpi` (its own resolution when already at or below
// it: a picture is never enlarged). Gray and color images keep their
// depth; 1-bit images become 8-bit gray (scaling them smooths).
Result<Image> ScaleToDpi(const Image& image, int dpi);

// The part of `image` inside `box` (page points), widened by `margin`
// points on every side and cut to the image. Fails for a box that does
// not overlap the image.
Result<Image> CropPoints(const Image& image, const BBox& box, double margin);

// PNG bytes of `image` (its dpi recorded in the file).
Result<std::string> EncodePng(const Image& image);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_ENCODE_H_
