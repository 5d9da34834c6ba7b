// The pages of an image file: one for PNG, JPEG, BMP...; one per frame of
// a multi-page TIFF (how scanners and fax software store a whole report).
//
// Pages are decoded one at a time, so a long TIFF never needs all its
// rasters in memory, and different pages may be decoded from different
// threads at once.
#ifndef RAINGAN_IMAGE_IMAGE_PAGES_H_
#define RAINGAN_IMAGE_IMAGE_PAGES_H_

#include <string_view>

#include "base/result.h"
#include "image/image.h"

namespace raingan::image {

// Number of pages. A TIFF's directory chain is walked without decoding
// pixels; a damaged chain fails with BadInput. Other formats have one page
// (whether it decodes is found out by DecodeImagePage).
Result<int> CountImagePages(std::string_view bytes);

// Page `index` (0-based). The resolution is the file's own unless it is
// missing or implausible for a document page — a scanner that writes
// "72 dpi" into a 2480-pixel-wide A4 scan would make the page 34 inches
// wide — in which case `default_dpi` is used.
Result<Image> DecodeImagePage(std::string_view bytes, int index,
                              int default_dpi = 300);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_IMAGE_PAGES_H_
