#include "image/glyph_shapes.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

// `box` (points) as a pixel box clipped to the image, or null when empty.
BoxPtr PixelBox(const Image& img, const BBox& box) {
  const double k = img.dpi() / 72.0;
  int x0 = std::clamp(static_cast<int>(std::floor(box.x0 * k)), 0, img.width());
  int y0 =
      std::clamp(static_cast<int>(std::floor(box.y0 * k)), 0, img.height());
  int x1 = std::clamp(static_cast<int>(std::ceil(box.x1 * k)), 0, img.width());
  int y1 = std::clamp(static_cast<int>(std::ceil(box.y1 * k)), 0, img.height());
  if (x1 <= x0 || y1 <= y0) return nullptr;
  return BoxPtr(boxCreate(x0, y0, x1 - x0, y1 - y0));
}

Result<PixPtr> Crop(const Image& binary, const BBox& box) {
  if (binary.empty() || binary.depth() != 1) {
    return Status::InvalidArgument("glyph shapes need a 1-bit image");
  }
  BoxPtr b = PixelBox(binary, box);
  if (!b) return PixPtr();
  PixPtr clip(pixClipRectangle(binary.pix(), b.get(), nullptr));
  if (!clip) return Status::Internal("cannot crop the image");
  return clip;
}

}  // namespace

Result<std::vector<BBox>> InkComponents(const Image& binary, const BBox& area) {
  RAINGAN_ASSIGN_OR_RETURN(PixPtr clip, Crop(binary, area));
  std::vector<BBox> out;
  if (!clip) return out;
  BoxPtr origin = PixelBox(binary, area);
  BoxaPtr boxes(pixConnCompBB(clip.get(), 8));
  if (!boxes) return Status::Internal("connected components failed");
  const double ppp = binary.points_per_pixel();
  for (int i = 0, n = boxaGetCount(boxes.get()); i < n; ++i) {
    int x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    x += origin->x;
    y += origin->y;
    out.push_back({x * ppp, y * ppp, (x + w) * ppp, (y + h) * ppp});
  }
  std::sort(out.begin(), out.end(),
            [](const BBox& a, const BBox& b) { return a.x0 < b.x0; });
  return out;
}

Result<GlyphShape> ShapeOfInk(const Image& binary, const BBox& box) {
  RAINGAN_ASSIGN_OR_RETURN(PixPtr clip, Crop(binary, box));
  if (!clip) return Status::NotFound("no ink");
  Box* fg_raw = nullptr;
  PixPtr ink;
  {
    Pix* fg_pix = nullptr;
    if (pixClipToForeground(clip.get(), &fg_pix, &fg_raw) != 0 ||
        fg_pix == nullptr) {
      return Status::NotFound("no ink");
    }
    ink.reset(fg_pix);
  }
  BoxPtr fg(fg_raw);
  const int w = pixGetWidth(ink.get()), h = pixGetHeight(ink.get());
  GlyphShape shape;
  shape.aspect = static_cast<double>(w) / h;
  std::array<int, kShapeCells * kShapeCells> total{};
  l_uint32* data = pixGetData(ink.get());
  const int wpl = pixGetWpl(ink.get());
  for (int y = 0; y < h; ++y) {
    const l_uint32* line = data + y * wpl;
    const int cy =
        std::min(kShapeCells - 1, (2 * y + 1) * kShapeCells / (2 * h));
    for (int x = 0; x < w; ++x) {
      const int cx =
          std::min(kShapeCells - 1, (2 * x + 1) * kShapeCells / (2 * w));
      const int cell = cy * kShapeCells + cx;
      shape.ink[cell] += GET_DATA_BIT(line, x);
      ++total[cell];
    }
  }
  for (size_t i = 0; i < shape.ink.size(); ++i) {
    if (total[i] > 0) shape.ink[i] /= static_cast<float>(total[i]);
  }
  return shape;
}

double ThinnestColumn(const Image& binary, const BBox& box, double x_lo,
                      double x_hi) {
  const double middle = (x_lo + x_hi) / 2;
  Result<PixPtr> clip = Crop(binary, box);
  if (!clip.ok() || !*clip) return middle;
  BoxPtr origin = PixelBox(binary, box);
  const double k = binary.dpi() / 72.0;
  const int w = pixGetWidth(clip->get()), h = pixGetHeight(clip->get());
  const int lo = std::clamp(static_cast<int>(x_lo * k) - origin->x, 0, w - 1);
  const int hi = std::clamp(static_cast<int>(x_hi * k) - origin->x, 0, w - 1);
  l_uint32* data = pixGetData(clip->get());
  const int wpl = pixGetWpl(clip->get());
  int best_x = -1, best_ink = 0;
  for (int x = lo; x <= hi; ++x) {
    int ink = 0;
    for (int y = 0; y < h; ++y) ink += GET_DATA_BIT(data + y * wpl, x);
    // Ties go to the column nearest the middle of the search range.
    if (best_x < 0 || ink < best_ink ||
        (ink == best_ink &&
         std::abs(x - (lo + hi) / 2.0) < std::abs(best_x - (lo + hi) / 2.0))) {
      best_x = x;
      best_ink = ink;
    }
  }
  if (best_x < 0) return middle;
  return (origin->x + best_x + 0.5) / k;
}

}  // namespace raingan::image
