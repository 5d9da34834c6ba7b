#include "image/lines.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

Result<PixPtr> Binarize(const Image& image, int threshold) {
  Pix* src = image.pix();
  if (pixGetDepth(src) == 1) return PixPtr(pixClone(src));
  PixPtr gray;
  if (pixGetDepth(src) == 32) {
    gray.reset(pixConvertRGBToLuminance(src));
  } else {
    gray.reset(pixConvertTo8(src, 0));
  }
  if (!gray) return Status::BadInput("unsupported image depth");
  PixPtr binary(pixConvertTo1(gray.get(), threshold));
  if (!binary) return Status::Internal("binarization failed");
  return binary;
}

// Share of ink in the rectangle (pixels) of a 1-bit image; 0 outside it.
double InkShare(Pix* binary, int x, int y, int w, int h) {
  if (w <= 0 || h <= 0) return 0;
  BoxPtr box(boxCreate(x, y, w, h));
  if (!box) return 0;
  Box* clipped_box = nullptr;
  PixPtr clip(pixClipRectangle(binary, box.get(), &clipped_box));
  if (!clip) return 0;
  int cw = 0, ch = 0;
  boxGetGeometry(clipped_box, nullptr, nullptr, &cw, &ch);
  boxDestroy(&clipped_box);
  int ink = 0;
  pixCountPixels(clip.get(), &ink, nullptr);
  return cw > 0 && ch > 0 ? static_cast<double>(ink) / (cw * ch) : 0;
}

// A border has paper on both sides (cell padding); a run along the foot or
// the top of a line of text — strokes of neighbouring glyphs fused by a
// low-resolution scan — has glyphs on both sides. Measured on scans: a
// border's bands hold <= 2% ink, such runs 18-66%.
bool InsideText(Pix* binary, bool horizontal, int x, int y, int w, int h,
                double ppp) {
  constexpr double kBandPoints = 1.5;
  constexpr double kMaxInk = 0.1;
  const int band =
      std::max(2, static_cast<int>(std::lround(kBandPoints / ppp)));
  const int gap = 1;
  double before, after;
  if (horizontal) {
    before = InkShare(binary, x, y - gap - band, w, band);
    after = InkShare(binary, x, y + h + gap, w, band);
  } else {
    before = InkShare(binary, x - gap - band, y, band, h);
    after = InkShare(binary, x + w + gap, y, band, h);
  }
  return std::min(before, after) > kMaxInk;
}

// Opens `binary` with a brick `length` pixels along the line and 1 across,
// and turns the surviving components into segments.
Status FindLines(Pix* binary, layout::Orientation orientation, int length,
                 int bridge, double ppp, double max_thickness,
                 std::vector<layout::Segment>* out) {
  bool horizontal = orientation == layout::Orientation::kHorizontal;
  PixPtr bridged;
  Pix* source = binary;
  if (bridge > 1) {
    bridged.reset(horizontal ? pixCloseSafeBrick(nullptr, binary, bridge, 1)
                             : pixCloseSafeBrick(nullptr, binary, 1, bridge));
    if (!bridged) return Status::Internal("morphological closing failed");
    source = bridged.get();
  }
  PixPtr opened(horizontal ? pixOpenBrick(nullptr, source, length, 1)
                           : pixOpenBrick(nullptr, source, 1, length));
  if (!opened) return Status::Internal("morphological opening failed");
  Pixa* pixa_raw = nullptr;
  BoxaPtr boxes(pixConnComp(opened.get(), &pixa_raw, 8));
  PixaPtr pixa(pixa_raw);
  if (!boxes) return Status::Internal("connected components failed");
  int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    int x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    // Thickness from the ink count, not the box: a slightly slanted line
    // has a tall box but stays thin.
    PixPtr comp(pixaGetPix(pixa.get(), i, L_CLONE));
    int ink = 0;
    if (comp) pixCountPixels(comp.get(), &ink, nullptr);
    double along = horizontal ? w : h;
    double thickness = (along > 0 ? ink / along : 0) * ppp;
    if (thickness > max_thickness) continue;
    if (InsideText(binary, horizontal, x, y, w, h, ppp)) continue;
    layout::Segment s;
    s.thickness = thickness;
    if (horizontal) {
      s.x0 = x * ppp;
      s.x1 = (x + w) * ppp;
      s.y0 = s.y1 = (y + h / 2.0) * ppp;
    } else {
      s.y0 = y * ppp;
      s.y1 = (y + h) * ppp;
      s.x0 = s.x1 = (x + w / 2.0) * ppp;
    }
    out->push_back(s);
  }
  return Status::Ok();
}

}  // namespace

Result<std::vector<layout::Segment>> DetectRulings(
    const Image& image, const RulingOptions& options) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  RAINGAN_ASSIGN_OR_RETURN(PixPtr binary,
                           Binarize(image, options.ink_threshold));
  double ppp = image.points_per_pixel();
  int length =
      std::max(3, static_cast<int>(std::lround(options.min_length / ppp)));
  int bridge = static_cast<int>(std::lround(options.bridge_gap / ppp)) + 1;
  std::vector<layout::Segment> out;
  RAINGAN_RETURN_IF_ERROR(FindLines(binary.get(),
                                    layout::Orientation::kHorizontal, length,
                                    bridge, ppp, options.max_thickness, &out));
  RAINGAN_RETURN_IF_ERROR(FindLines(binary.get(),
                                    layout::Orientation::kVertical, length,
                                    bridge, ppp, options.max_thickness, &out));
  return out;
}

}  // namespace raingan::image
