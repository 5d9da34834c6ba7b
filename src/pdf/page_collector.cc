#include "pdf/page_collector.h"

#include <poppler/GfxFont.h>
#include <poppler/GfxState.h>
#include <poppler/UTF.h>
#include <poppler/goo/GooString.h>
#include <poppler/goo/gmem.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "base/utf8.h"

namespace raingan::pdf::internal {
namespace {

// Filled rectangles at most this thick (points) are drawn lines: office
// suites draw table borders that way.
constexpr double kMaxRuleThickness = 4.0;

bool IsBoldFont(const GfxFont& font) {
  if (font.isBold()) return true;
  if (font.getWeight() >= GfxFont::W600) return true;
  const std::optional<std::string>& name = font.getName();
  if (!name) return false;
  for (const char* word : {"Bold", "bold", "BOLD", "Black", "Heavy", "Semibold",
                           "SemiBold", "Demi"}) {
    if (name->find(word) != std::string::npos) return true;
  }
  return false;
}

// Ascent/descent as fractions of the font size; some fonts declare
// nonsense (0, or the whole bounding box), so fall back to typical values
// for Thai fonts, whose marks need room above and below.
void FontExtent(const GfxFont* font, double* ascent, double* descent) {
  *ascent = 0.95;
  *descent = -0.35;
  if (font == nullptr) return;
  double a = font->getAscent(), d = font->getDescent();
  if (a > 0.3 && a < 1.5) *ascent = a;
  if (d < -0.05 && d > -0.8) *descent = d;
}

}  // namespace

void PageCollector::startPage(int page_num, GfxState* state, XRef*) {
  page_->number = page_num;
  page_->width = state->getPageWidth();
  page_->height = state->getPageHeight();
}

void PageCollector::drawChar(GfxState* state, double x, double y, double dx,
                             double dy, double, double, CharCode, int,
                             const Unicode* u, int u_len) {
  // The direction of the text baseline on the page: only upright,
  // left-to-right text joins lines; rotated glyphs are counted and left out.
  const double* tm = state->getTextMat();
  double bx, by;
  state->transformDelta(tm[0], tm[1], &bx, &by);
  if (!(bx > 0) || std::abs(by) > 0.05 * bx) {
    ++page_->skipped_rotated_glyphs;
    return;
  }
  double ox, oy, advance, unused;
  state->transform(x, y, &ox, &oy);
  state->transformDelta(dx, dy, &advance, &unused);
  double size = state->getTransformedFontSize();
  if (!std::isfinite(ox) || !std::isfinite(oy) || !std::isfinite(advance) ||
      !(size > 0) || size > 2000) {
    return;
  }
  double ascent, descent;
  FontExtent(state->getFont().get(), &ascent, &descent);

  layout::Glyph g;
  if (u_len <= 0 || u == nullptr) {
    g.text = utf8::Encode(utf8::kReplacement);
  } else {
    for (int i = 0; i < u_len; ++i) utf8::Append(u[i], &g.text);
  }
  g.baseline = oy;
  g.font_size = size;
  g.bbox = {ox, oy - ascent * size, ox + std::max(0.0, advance),
            oy - descent * size};
  // Text entirely off the page is not part of what a reader sees.
  if (g.bbox.x1 < 0 || g.bbox.x0 > page_->width || g.bbox.y1 < 0 ||
      g.bbox.y0 > page_->height) {
    return;
  }
  const GfxFont* font = state->getFont().get();
  // Render mode 2 (fill, then stroke) is how word processors fake bold.
  g.bold =
      (font != nullptr && IsBoldFont(*font)) || (state->getRender() & 3) == 2;
  page_->glyphs.push_back(std::move(g));
}

void PageCollector::beginActualText(GfxState*, const GooString* text) {
  if (actual_depth_++ > 0) return;  // the outermost span decides
  actual_start_ = page_->glyphs.size();
  actual_text_.clear();
  if (text == nullptr) return;
  Unicode* ucs4 = nullptr;
  int n = TextStringToUCS4(text->toStr(), &ucs4);
  for (int i = 0; i < n; ++i) utf8::Append(ucs4[i], &actual_text_);
  gfree(ucs4);
}

void PageCollector::endActualText(GfxState*) {
  if (actual_depth_ == 0 || --actual_depth_ > 0) return;
  std::vector<layout::Glyph>& glyphs = page_->glyphs;
  if (actual_start_ >= glyphs.size()) return;  // nothing upright was drawn
  // One glyph carrying the replacement text over the wrapped glyphs' box.
  layout::Glyph merged = glyphs[actual_start_];
  for (size_t i = actual_start_ + 1; i < glyphs.size(); ++i) {
    const BBox& b = glyphs[i].bbox;
    merged.bbox = {
        std::min(merged.bbox.x0, b.x0), std::min(merged.bbox.y0, b.y0),
        std::max(merged.bbox.x1, b.x1), std::max(merged.bbox.y1, b.y1)};
  }
  merged.text = actual_text_;
  glyphs.resize(actual_start_);
  if (!merged.text.empty()) glyphs.push_back(std::move(merged));
}

void PageCollector::stroke(GfxState* state) {
  const GfxPath* path = state->getPath();
  if (path == nullptr) return;
  double width = state->getTransformedLineWidth();
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    int n = sub->getNumPoints();
    if (n < 2) continue;
    for (int j = 0; j + 1 < n; ++j) {
      // Curves (rounded corners, circles) are never table borders.
      if (sub->getCurve(j) || sub->getCurve(j + 1)) continue;
      layout::Segment s;
      state->transform(sub->getX(j), sub->getY(j), &s.x0, &s.y0);
      state->transform(sub->getX(j + 1), sub->getY(j + 1), &s.x1, &s.y1);
      s.thickness = width;
      page_->rulings.push_back(s);
    }
    if (sub->isClosed() && n > 2 && !sub->getCurve(n - 1) &&
        !sub->getCurve(0)) {
      layout::Segment s;
      state->transform(sub->getX(n - 1), sub->getY(n - 1), &s.x0, &s.y0);
      state->transform(sub->getX(0), sub->getY(0), &s.x1, &s.y1);
      s.thickness = width;
      page_->rulings.push_back(s);
    }
  }
}

void PageCollector::fill(GfxState* state) { AddFilledRects(state); }
void PageCollector::eoFill(GfxState* state) { AddFilledRects(state); }

void PageCollector::AddFilledRects(GfxState* state) {
  const GfxPath* path = state->getPath();
  if (path == nullptr) return;
  for (int i = 0; i < path->getNumSubpaths(); ++i) {
    const GfxSubpath* sub = path->getSubpath(i);
    int n = sub->getNumPoints();
    // "re" gives 4 corners plus the closing point.
    if (n < 4 || n > 5) continue;
    BBox box;
    bool first = true, straight = true;
    for (int j = 0; j < n; ++j) {
      if (sub->getCurve(j)) straight = false;
      double px, py;
      state->transform(sub->getX(j), sub->getY(j), &px, &py);
      if (first) {
        box = {px, py, px, py};
        first = false;
      } else {
        box = {std::min(box.x0, px), std::min(box.y0, py), std::max(box.x1, px),
               std::max(box.y1, py)};
      }
    }
    if (!straight) continue;
    // Axis-parallel: every corner lies on the box's border.
    bool axis_parallel = true;
    for (int j = 0; j < n && axis_parallel; ++j) {
      double px, py;
      state->transform(sub->getX(j), sub->getY(j), &px, &py);
      bool on_x = std::abs(px - box.x0) < 0.1 || std::abs(px - box.x1) < 0.1;
      bool on_y = std::abs(py - box.y0) < 0.1 || std::abs(py - box.y1) < 0.1;
      axis_parallel = on_x && on_y;
    }
    if (!axis_parallel) continue;
    if (auto s = layout::SegmentFromRect(box, kMaxRuleThickness)) {
      page_->rulings.push_back(*s);
    } else if (IsShade(state)) {
      page_->fills.push_back(box);
    }
  }
}

bool PageCollector::IsShade(GfxState* state) {
  // Paper-white and near-white backgrounds are no mark; LibreOffice's
  // lightest preset shade ("Light Gray 4", #EEEEEE) has luminance 0.93.
  constexpr double kMaxShadeLuminance = 0.95;
  GfxRGB rgb;
  state->getFillRGB(&rgb);
  double luminance = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) +
                     0.114 * colToDbl(rgb.b);
  return luminance < kMaxShadeLuminance;
}

void PageCollector::AddImage(GfxState* state) {
  // An image fills the unit square of its CTM.
  double xs[4], ys[4];
  state->transform(0, 0, &xs[0], &ys[0]);
  state->transform(1, 0, &xs[1], &ys[1]);
  state->transform(0, 1, &xs[2], &ys[2]);
  state->transform(1, 1, &xs[3], &ys[3]);
  double x0 = std::max(0.0, *std::min_element(xs, xs + 4));
  double x1 = std::min(page_->width, *std::max_element(xs, xs + 4));
  double y0 = std::max(0.0, *std::min_element(ys, ys + 4));
  double y1 = std::min(page_->height, *std::max_element(ys, ys + 4));
  if (x1 <= x0 || y1 <= y0) return;
  image_area_ += (x1 - x0) * (y1 - y0);
  double page_area = page_->width * page_->height;
  if (page_area > 0) {
    page_->image_coverage = std::min(1.0, image_area_ / page_area);
  }
}

// The base implementations skip the data of inline images, which the
// content-stream parser needs; call them after recording the placement.
void PageCollector::drawImageMask(GfxState* state, Object* ref, Stream* str,
                                  int width, int height, bool invert,
                                  bool interpolate, bool inline_img) {
  AddImage(state);
  OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate,
                           inline_img);
}

void PageCollector::drawImage(GfxState* state, Object* ref, Stream* str,
                              int width, int height,
                              GfxImageColorMap* color_map, bool interpolate,
                              const int* mask_colors, bool inline_img) {
  AddImage(state);
  OutputDev::drawImage(state, ref, str, width, height, color_map, interpolate,
                       mask_colors, inline_img);
}

void PageCollector::drawMaskedImage(GfxState* state, Object* ref, Stream* str,
                                    int width, int height,
                                    GfxImageColorMap* color_map,
                                    bool interpolate, Stream* mask_str,
                                    int mask_width, int mask_height,
                                    bool mask_invert, bool mask_interpolate) {
  AddImage(state);
  OutputDev::drawMaskedImage(state, ref, str, width, height, color_map,
                             interpolate, mask_str, mask_width, mask_height,
                             mask_invert, mask_interpolate);
}

void PageCollector::drawSoftMaskedImage(GfxState* state, Object* ref,
                                        Stream* str, int width, int height,
                                        GfxImageColorMap* color_map,
                                        bool interpolate, Stream* mask_str,
                                        int mask_width, int mask_height,
                                        GfxImageColorMap* mask_color_map,
                                        bool mask_interpolate) {
  AddImage(state);
  OutputDev::drawSoftMaskedImage(state, ref, str, width, height, color_map,
                                 interpolate, mask_str, mask_width, mask_height,
                                 mask_color_map, mask_interpolate);
}

}  // namespace raingan::pdf::internal
