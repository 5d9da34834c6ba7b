#include "pdf/image_sizes.h"

namespace raingan::pdf::internal {

void ImageSizeScanner::Note(int width, int height) {
  if (static_cast<int64_t>(width) * height > width_ * height_) {
    width_ = width;
    height_ = height;
  }
}

// The base implementations skip the data of inline images, which the
// content-stream parser needs to go past; stream images are not read.
void ImageSizeScanner::drawImageMask(GfxState* state, Object* ref, Stream* str,
                                     int width, int height, bool invert,
                                     bool interpolate, bool inline_img) {
  Note(width, height);
  OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate,
                           inline_img);
}

void ImageSizeScanner::drawImage(GfxState* state, Object* ref, Stream* str,
                                 int width, int height,
                                 GfxImageColorMap* color_map, bool interpolate,
                                 const int* mask_colors, bool inline_img) {
  Note(width, height);
  OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate,
                       mask_colors, inline_img);
}

void ImageSizeScanner::drawMaskedImage(
    GfxState* state, Object* ref, Stream* str, int width, int height,
    GfxImageColorMap* color_map, bool interpolate, Stream* mask_str,
    int mask_width, int mask_height, bool mask_invert, bool mask_interpolate) {
  Note(width, height);
  Note(mask_width, mask_height);
  OutputDev::drawMaskedImage(state, ref, str, width, height, color_map,
                             interpolate, mask_str, mask_width, mask_height,
                             mask_invert, mask_interpolate);
}

void ImageSizeScanner::drawSoftMaskedImage(GfxState* state, Object* ref,
                                           Stream* str, int width, int height,
                                           GfxImageColorMap* color_map,
                                           bool interpolate, Stream* mask_str,
                                           int mask_width, int mask_height,
                                           GfxImageColorMap* mask_color_map,
                                           bool mask_interpolate) {
  Note(width, height);
  Note(mask_width, mask_height);
  OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map,
                                 interpolate, mask_str, mask_width, mask_height,
                                 mask_color_map, mask_interpolate);
}

}  // namespace raingan::pdf::internal
