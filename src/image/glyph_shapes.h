// Glyph shapes for template matching: the ink of one glyph scaled to a
// small fixed grid, so that the same character printed at any size and
// scanned at any resolution gives nearly the same numbers.
//
// Used where Tesseract's model is known to be blind: the Thai digits of
// the fonts Thai official documents use (src/ocr/digit_shapes.h).
#ifndef RAINGAN_IMAGE_GLYPH_SHAPES_H_
#define RAINGAN_IMAGE_GLYPH_SHAPES_H_

#include <array>
#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "model/geometry.h"

namespace raingan::image {

inline constexpr int kShapeCells = 16;

struct GlyphShape {
  // Share of ink in each cell of a kShapeCells x kShapeCells grid laid over
  // the glyph's ink box, row by row (0 = paper, 1 = all ink).
  std::array<float, kShapeCells * kShapeCells> ink{};
  double aspect = 0;  // ink width / ink height
};

// Boxes (points) of the 8-connected ink components of a 1-bit image inside
// `area`, left to right.
Result<std::vector<BBox>> InkComponents(const Image& binary, const BBox& area);

// The shape of the ink inside `box` (points). Fails with NotFound when the
// box holds no ink.
Result<GlyphShape> ShapeOfInk(const Image& binary, const BBox& box);

// The x (points) of the column of `box` with the least ink, looked for
// between x_lo and x_hi: where two touching glyphs are joined most thinly.
// Returns the middle of [x_lo, x_hi] when the box is empty or invalid.
double ThinnestColumn(const Image& binary, const BBox& box, double x_lo,
                      double x_hi);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_GLYPH_SHAPES_H_
