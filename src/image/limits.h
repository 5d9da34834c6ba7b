// Size limits for one input, checked from headers before anything is
// decoded or rendered: a small file that expands (a 280 KB PNG of
// 40,000 × 40,000 pixels, a TIFF of ten thousand pages, a PDF page a
// kilometre wide) is refused in milliseconds with the limit it broke,
// instead of taking gigabytes and minutes. `raingan extract`, `batch` and
// `serve` all take them from BackendOptions::limits.
#ifndef RAINGAN_IMAGE_LIMITS_H_
#define RAINGAN_IMAGE_LIMITS_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace raingan::image {

// The largest real page is A3 scanned at 600 dpi: 11.69 × 16.54 in =
// 7016 × 9921 px ≈ 70 Mpx (A4 at 600 dpi is 35 Mpx; reports are scanned at
// 200–300 dpi, 9 Mpx for A4). 200 Mpx leaves room for oversize scanner beds
// and A2 sheets at 600 dpi (139 Mpx) and is still refused long before the
// sizes that hurt: Leptonica decodes a colour image into 4 bytes a pixel,
// so 200 Mpx is at most 0.8 GB for the one page being decoded, where the
// 40,000 × 40,000 bomb of issue 20 would need 6.4 GB.
inline constexpr int64_t kDefaultMaxPixels = 200'000'000;
// The longest real document seen is the 184-page five-year plan; a year's
// reports of one organization scanned into one file would be a few hundred
// pages. Beyond 2000 pages a file is not one report (and at 1.4 s of OCR a
// page it would outlast the batch's 30-minute time limit anyway).
inline constexpr int kDefaultMaxPages = 2000;

struct SizeLimits {
  // Width × height of any one image in a file, image drawn on a PDF page,
  // or page as rendered for OCR.
  int64_t max_pixels = kDefaultMaxPixels;
  // Pages of one document (TIFF frames, PDF pages).
  int max_pages = kDefaultMaxPages;
};

// "40000×40000 px (1600 Mpx)".
std::string DescribePixels(int64_t width, int64_t height);

// OK when width × height <= max_pixels; else BadInput
// "<what> is 40000×40000 px (1600 Mpx), over the 200 Mpx limit
// (--max-pixels)". Sizes that are not positive are BadInput too.
Status CheckPixels(std::string_view what, int64_t width, int64_t height,
                   int64_t max_pixels);

// OK when pages <= max_pages; else BadInput "<what> has 5000 pages, over
// the 2000-page limit (--max-pages)".
Status CheckPages(std::string_view what, int64_t pages, int max_pages);

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_LIMITS_H_
