// ImageSizeScanner: a Poppler OutputDev that only notes the pixel size of
// every image a page draws (in forms, patterns, soft masks and Type 3
// glyphs too), from the image dictionaries, without decoding any image
// data — so a page can be refused before Splash decodes a 40,000 × 40,000
// image (internal to src/pdf/).
#ifndef RAINGAN_PDF_IMAGE_SIZES_H_
#define RAINGAN_PDF_IMAGE_SIZES_H_

#include <poppler/OutputDev.h>

#include <cstdint>

namespace raingan::pdf::internal {

class ImageSizeScanner : public OutputDev {
 public:
  // The image (or image mask, or soft mask) with the most pixels; 0 × 0
  // when the page draws none.
  int64_t largest_width() const { return width_; }
  int64_t largest_height() const { return height_; }

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return false; }
  // Type 3 glyphs are content streams of their own, and may draw images.
  bool interpretType3Chars() override { return true; }
  bool needNonText() override { return true; }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int width,
                     int height, bool invert, bool interpolate,
                     bool inline_img) override;
  void drawImage(GfxState* state, Object* ref, Stream* str, int width,
                 int height, GfxImageColorMap* color_map, bool interpolate,
                 const int* mask_colors, bool inline_img) override;
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                       int height, GfxImageColorMap* color_map,
                       bool interpolate, Stream* mask_str, int mask_width,
                       int mask_height, bool mask_invert,
                       bool mask_interpolate) override;
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int width,
                           int height, GfxImageColorMap* color_map,
                           bool interpolate, Stream* mask_str, int mask_width,
                           int mask_height, GfxImageColorMap* mask_color_map,
                           bool mask_interpolate) override;

 private:
  void Note(int width, int height);

  int64_t width_ = 0, height_ = 0;
};

}  // namespace raingan::pdf::internal

#endif  // RAINGAN_PDF_IMAGE_SIZES_H_
