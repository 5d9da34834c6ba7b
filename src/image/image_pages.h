// The pages of an image file: one for PNG, JPEG, BMP...; one per frame of
// a multi-page TIFF (how scanners and fax software store a whole report).
//
// ImagePages::Open() reads the file's structure, not its pixels: a TIFF's
// chain of page directories with each page's size, walked without libtiff.
// Pages are then decoded one at a time (a long TIFF never needs all its
// rasters in memory, and each page is reached directly, not by walking the
// chain again), from any number of threads at once.
//
// Limits (limits.h) are checked before decoding: a file of more pages than
// max_pages fails Open(), a page larger than max_pixels fails its Decode(),
// with the size and the limit in the message. Large legitimate scans are
// reduced to the OCR resolution while decoding where Leptonica can: a JPEG
// is decoded at 1/2, 1/4 or 1/8 size by libjpeg's DCT scaling, and only its
// luminance when gray is wanted; other formats are decoded at full size,
// then reduced before anything else sees them.
#ifndef RAINGAN_IMAGE_IMAGE_PAGES_H_
#define RAINGAN_IMAGE_IMAGE_PAGES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "image/limits.h"

namespace raingan::image {

struct DecodeOptions {
  // The resolution of files that record none, or one implausible for a
  // document page — a scanner that writes "72 dpi" into a 2480-pixel-wide
  // A4 scan would make the page 34 inches wide.
  int default_dpi = 300;
  // > 0: a page scanned at 1.5 times this resolution or more is reduced to
  // it (JPEG: to the nearest DCT scale at or above it). 0: full size.
  int target_dpi = 0;
  // 8-bit gray (what OCR reads) instead of the file's own depth.
  bool gray = false;
  int64_t max_pixels = kDefaultMaxPixels;  // checked on the file's header
};

class ImagePages {
 public:
  // `bytes` must outlive the ImagePages. Fails with BadInput for an empty
  // file, a damaged TIFF page chain, a TIFF page without a size, or more
  // than `max_pages` pages. Other formats have one page (whether it
  // decodes is found out by Decode()).
  static Result<ImagePages> Open(std::string_view bytes,
                                 int max_pages = kDefaultMaxPages);

  int count() const { return static_cast<int>(pages_.size()); }

  // Page `index` (0-based).
  Result<Image> Decode(int index, const DecodeOptions& options = {}) const;

 private:
  struct PageInfo {
    uint64_t tiff_directory = 0;    // offset of its TIFF directory (0: none)
    int64_t width = 0, height = 0;  // from a TIFF directory (0: unknown)
  };
  ImagePages(std::string_view bytes, bool tiff, std::vector<PageInfo> pages)
      : bytes_(bytes), tiff_(tiff), pages_(std::move(pages)) {}

  std::string_view bytes_;
  bool tiff_ = false;
  std::vector<PageInfo> pages_;
};

// ImagePages::Open(bytes).count(), with the default page limit.
Result<int> CountImagePages(std::string_view bytes);

// Page `index` at full size and depth (ImagePages::Decode with
// default_dpi and the default pixel limit).
Result<Image> DecodeImagePage(std::string_view bytes, int index,
                              int default_dpi = 300);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_IMAGE_PAGES_H_
