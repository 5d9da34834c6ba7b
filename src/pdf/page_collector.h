// PageCollector: a Poppler OutputDev that records, in one pass over a
// page's content stream, every glyph with its position, the ruling lines
// (stroked lines and thin filled rectangles) and where images are —
// without rasterizing anything (internal to src/pdf/).
#ifndef RAINGAN_PDF_PAGE_COLLECTOR_H_
#define RAINGAN_PDF_PAGE_COLLECTOR_H_

#include <poppler/OutputDev.h>

#include <string>

#include "pdf/pdf_document.h"

namespace raingan::pdf::internal {

class PageCollector : public OutputDev {
 public:
  // Results go to `*page` (number, size, glyphs, rulings, images).
  explicit PageCollector(PageContent* page) : page_(page) {}

  bool upsideDown() override { return true; }  // top-left origin
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }
  bool needNonText() override { return true; }

  void startPage(int page_num, GfxState* state, XRef* xref) override;
  void drawChar(GfxState* state, double x, double y, double dx, double dy,
                double origin_x, double origin_y, CharCode code, int n_bytes,
                const Unicode* u, int u_len) override;
  // Marked-content /ActualText replaces the text of the glyphs it wraps.
  // Office suites use it where a glyph's ToUnicode entry is ambiguous —
  // LibreOffice wraps the SARA U and SARA AM glyphs of Thai fonts so —
  // and the wrapped glyphs' own mapping is then wrong.
  void beginActualText(GfxState* state, const GooString* text) override;
  void endActualText(GfxState* state) override;
  void stroke(GfxState* state) override;
  void fill(GfxState* state) override;
  void eoFill(GfxState* state) override;
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
  void AddImage(GfxState* state);
  void AddFilledRects(GfxState* state);
  // The fill colour is darker than paper.
  static bool IsShade(GfxState* state);

  PageContent* page_;
  double image_area_ = 0;
  int actual_depth_ = 0;     // nesting of ActualText spans
  size_t actual_start_ = 0;  // first glyph of the outermost span
  std::string actual_text_;  // its replacement text, UTF-8
};

}  // namespace raingan::pdf::internal

#endif  // RAINGAN_PDF_PAGE_COLLECTOR_H_
