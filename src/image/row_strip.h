// Rows of text laid side by side: a cell so narrow that its text wraps
// after every letter or two ("ส|ำ|นั|ก|ป|ลั|ด" down an owner column one
// letter wide) becomes one line, as it would have been printed in a wide
// column. OCR reads a line with the context of whole words; it cannot read
// a Thai letter alone on its line (a lone "ลั" comes out as "a").
#ifndef RAINGAN_IMAGE_ROW_STRIP_H_
#define RAINGAN_IMAGE_ROW_STRIP_H_

#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "image/ink.h"
#include "image/text_rows.h"

namespace raingan::image {

// Where one row of the source went: its ink (source pixels) and the x of
// its left edge in the strip.
struct StripPiece {
  PixelRect source;
  int x = 0;
};

struct RowStrip {
  Image image;                     // 8-bit gray, white around the text
  std::vector<StripPiece> pieces;  // one per row, left to right
};

// Copies each of `rows` (points, as FindTextRows gives them) from `gray`
// (8-bit; the image OCR reads) into one strip, left to right in the given
// order, all on one baseline (each row's core_bottom), `gap_points` apart.
// A row's width is its ink on the 1-bit `binary` (same size as `gray`).
// The strip has the dpi of `gray` and a margin of blank around the text.
// InvalidArgument for no rows, a gray image that is not 8-bit, or images
// of different sizes.
Result<RowStrip> LayRowsSideBySide(const Image& gray, const Image& binary,
                                   const std::vector<TextRow>& rows,
                                   double gap_points);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_ROW_STRIP_H_
