// Where the ink is inside a box of a bilevel image.
//
// Tesseract's LSTM engine places a word's box from the time steps of its
// recognizer, not from the pixels: the left edge of a Thai word often
// takes in the blank before it (0.8 em on phone photos and 200-dpi scans),
// and a borderless table's column gaps are narrower than that. Cutting the
// box back to its ink gives the layout the words' true extents.
#ifndef RAINGAN_IMAGE_INK_H_
#define RAINGAN_IMAGE_INK_H_

#include "image/image.h"

namespace raingan::image {

// A box in pixels, [x0, x1) × [y0, y1).
struct PixelRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};

// The columns of `box` (clipped to the image) that hold black pixels of the
// 1-bit image `binary`: `box` with its blank columns at either side cut
// off; rows are kept. `box` unchanged when it holds no ink, lies outside
// the image, or the image is not 1-bit.
PixelRect TrimBlankColumns(const Image& binary, const PixelRect& box);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_INK_H_
