#include "image/limits.h"

#include <cstdio>

namespace raingan::image {
namespace {

// "1600 Mpx", "70 Mpx", "8.7 Mpx", "0.01 Mpx".
std::string Megapixels(double pixels) {
  double mpx = pixels / 1e6;
  char buf[48];
  std::snprintf(buf, sizeof(buf),
                mpx >= 10  ? "%.0f Mpx"
                : mpx >= 1 ? "%.1f Mpx"
                           : "%.2f Mpx",
                mpx);
  return buf;
}

}  // namespace

std::string DescribePixels(int64_t width, int64_t height) {
  return std::to_string(width) + "×" + std::to_string(height) + " px (" +
         Megapixels(static_cast<double>(width) * static_cast<double>(height)) +
         ")";
}

Status CheckPixels(std::string_view what, int64_t width, int64_t height,
                   int64_t max_pixels) {
  if (width <= 0 || height <= 0) {
    return Status::BadInput(std::string(what) + " has no pixels (" +
                            std::to_string(width) + "×" +
                            std::to_string(height) + ")");
  }
  // In double: width × height of a hostile header may overflow int64.
  if (static_cast<double>(width) * static_cast<double>(height) <=
      static_cast<double>(max_pixels)) {
    return Status::Ok();
  }
  return Status::BadInput(std::string(what) + " is " +
                          DescribePixels(width, height) + ", over the " +
                          Megapixels(static_cast<double>(max_pixels)) +
                          " limit (--max-pixels)");
}

Status CheckPages(std::string_view what, int64_t pages, int max_pages) {
  if (pages <= max_pages) return Status::Ok();
  return Status::BadInput(std::string(what) + " has " + std::to_string(pages) +
                          " pages, over the " + std::to_string(max_pages) +
                          "-page limit (--max-pages)");
}

}  // namespace raingan::image
