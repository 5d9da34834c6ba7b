#include "image/sheet.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "image/gray.h"
#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

constexpr double kPi = 3.14159265358979323846;
// A4 long side, inches: the page size reports are printed on.
constexpr double kA4LongSide = 11.69;

using Point = Sheet::Point;

double Distance(const Point& a, const Point& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// Interior angle at `b` (degrees) of the corner a-b-c.
double CornerAngle(const Point& a, const Point& b, const Point& c) {
  double ux = a.x - b.x, uy = a.y - b.y, vx = c.x - b.x, vy = c.y - b.y;
  double n = std::hypot(ux, uy) * std::hypot(vx, vy);
  if (n <= 0) return 0;
  double cosine = std::clamp((ux * vx + uy * vy) / n, -1.0, 1.0);
  return std::acos(cosine) * 180 / kPi;
}

double QuadArea(const std::array<Point, 4>& q) {
  double twice = 0;
  for (size_t i = 0; i < 4; ++i) {
    const Point& a = q[i];
    const Point& b = q[(i + 1) % 4];
    twice += a.x * b.y - b.x * a.y;
  }
  return std::abs(twice) / 2;
}

// Whether (x, y) lies inside the convex quadrilateral `q` (corners in
// order).
bool Inside(const std::array<Point, 4>& q, double x, double y) {
  int sign = 0;
  for (size_t i = 0; i < 4; ++i) {
    const Point& a = q[i];
    const Point& b = q[(i + 1) % 4];
    double cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    int s = cross > 0 ? 1 : (cross < 0 ? -1 : 0);
    if (s == 0) continue;
    if (sign == 0) sign = s;
    if (s != sign) return false;
  }
  return true;
}

}  // namespace

Result<std::optional<Sheet>> FindSheet(const Image& photo,
                                       const SheetOptions& options) {
  if (photo.empty()) return Status::InvalidArgument("empty image");
  RAINGAN_ASSIGN_OR_RETURN(PixPtr gray, GrayCopy(photo.pix()));
  const int width = pixGetWidth(gray.get());
  const float scale =
      width > options.work_width
          ? static_cast<float>(options.work_width) / static_cast<float>(width)
          : 1.0f;
  PixPtr small(scale < 1 ? pixScaleAreaMap(gray.get(), scale, scale)
                         : pixClone(gray.get()));
  if (!small) return Status::Internal("could not reduce the photo");
  const int w = pixGetWidth(small.get()), h = pixGetHeight(small.get());
  if (w < 16 || h < 16) return std::optional<Sheet>();

  // Paper against desk: the two classes of the gray histogram (text is
  // too little of the sheet to move the split).
  l_int32 threshold = 0, dark = 0, bright = 0;
  if (pixSplitDistributionFgBg(small.get(), 0.1f, 1, &threshold, &dark, &bright,
                               nullptr) != 0 ||
      bright - dark < options.min_contrast) {
    return std::optional<Sheet>();
  }
  PixPtr paper(pixThresholdToBinary(small.get(), threshold));
  if (!paper) return Status::Internal("could not threshold the photo");
  pixInvert(paper.get(), paper.get());  // paper = 1

  Pixa* pixa_raw = nullptr;
  BoxaPtr boxes(pixConnComp(paper.get(), &pixa_raw, 8));
  PixaPtr comps(pixa_raw);
  if (!boxes || !comps) return std::optional<Sheet>();
  int best = -1;
  l_int32 best_count = 0;
  for (int i = 0; i < boxaGetCount(boxes.get()); ++i) {
    PixPtr comp(pixaGetPix(comps.get(), i, L_CLONE));
    l_int32 count = 0;
    if (comp && pixCountPixels(comp.get(), &count, nullptr) == 0 &&
        count > best_count) {
      best = i;
      best_count = count;
    }
  }
  if (best < 0) return std::optional<Sheet>();

  // The corners are the sheet's extreme points along the two diagonals.
  PixPtr comp(pixaGetPix(comps.get(), best, L_CLONE));
  l_int32 bx = 0, by = 0, bw = 0, bh = 0;
  boxaGetBoxGeometry(boxes.get(), best, &bx, &by, &bw, &bh);
  double min_sum = std::numeric_limits<double>::max(), max_sum = -min_sum;
  double min_diff = min_sum, max_diff = -min_sum;
  std::array<Point, 4> q;
  for (int y = 0; y < bh; ++y) {
    for (int x = 0; x < bw; ++x) {
      l_uint32 v = 0;
      pixGetPixel(comp.get(), x, y, &v);
      if (v == 0) continue;
      double px = bx + x + 0.5, py = by + y + 0.5;
      if (px + py < min_sum) min_sum = px + py, q[0] = {px, py};
      if (px - py > max_diff) max_diff = px - py, q[1] = {px, py};
      if (px + py > max_sum) max_sum = px + py, q[2] = {px, py};
      if (px - py < min_diff) min_diff = px - py, q[3] = {px, py};
    }
  }

  const double area = QuadArea(q) / (static_cast<double>(w) * h);
  if (area < options.min_area || area > options.max_area) {
    return std::optional<Sheet>();
  }
  for (size_t i = 0; i < 4; ++i) {
    double angle = CornerAngle(q[(i + 3) % 4], q[i], q[(i + 1) % 4]);
    if (std::abs(angle - 90) > options.max_corner_bend) {
      return std::optional<Sheet>();
    }
  }
  // What lies around the sheet is dark: a desk, not more paper.
  long outside = 0, outside_dark = 0;
  for (int y = 0; y < h; y += 2) {
    for (int x = 0; x < w; x += 2) {
      if (Inside(q, x + 0.5, y + 0.5)) continue;
      l_uint32 v = 0;
      pixGetPixel(small.get(), x, y, &v);
      ++outside;
      outside_dark += static_cast<l_int32>(v) < threshold;
    }
  }
  if (outside == 0 ||
      static_cast<double>(outside_dark) / outside < options.min_dark_outside) {
    return std::optional<Sheet>();
  }

  Sheet sheet;
  for (size_t i = 0; i < 4; ++i) {
    sheet.corners[i] = {q[i].x / scale, q[i].y / scale};
  }
  return std::optional<Sheet>(sheet);
}

Result<Image> FlattenSheet(const Image& photo, const Sheet& sheet) {
  if (photo.empty()) return Status::InvalidArgument("empty image");
  RAINGAN_ASSIGN_OR_RETURN(PixPtr gray, GrayCopy(photo.pix()));
  const auto& c = sheet.corners;
  const int out_w = static_cast<int>(
      std::lround((Distance(c[0], c[1]) + Distance(c[3], c[2])) / 2));
  const int out_h = static_cast<int>(
      std::lround((Distance(c[0], c[3]) + Distance(c[1], c[2])) / 2));
  if (out_w < 16 || out_h < 16) {
    return Status::InvalidArgument("sheet too small to flatten");
  }
  // Leptonica maps into an image of the source's size: make room first
  // when the flattened sheet is larger in one direction.
  const int canvas_w = std::max(out_w, pixGetWidth(gray.get()));
  const int canvas_h = std::max(out_h, pixGetHeight(gray.get()));
  if (canvas_w > pixGetWidth(gray.get()) ||
      canvas_h > pixGetHeight(gray.get())) {
    PixPtr grown(pixAddBorderGeneral(gray.get(), 0,
                                     canvas_w - pixGetWidth(gray.get()), 0,
                                     canvas_h - pixGetHeight(gray.get()), 0));
    if (!grown) return Status::Internal("could not enlarge the photo");
    gray = std::move(grown);
  }
  std::unique_ptr<Pta, void (*)(Pta*)> src(ptaCreate(4),
                                           [](Pta* p) { ptaDestroy(&p); });
  std::unique_ptr<Pta, void (*)(Pta*)> dst(ptaCreate(4),
                                           [](Pta* p) { ptaDestroy(&p); });
  const double tx[4] = {0, static_cast<double>(out_w - 1),
                        static_cast<double>(out_w - 1), 0};
  const double ty[4] = {0, 0, static_cast<double>(out_h - 1),
                        static_cast<double>(out_h - 1)};
  for (size_t i = 0; i < 4; ++i) {
    ptaAddPt(src.get(), static_cast<float>(c[i].x), static_cast<float>(c[i].y));
    ptaAddPt(dst.get(), static_cast<float>(tx[i]), static_cast<float>(ty[i]));
  }
  PixPtr warped(pixProjectivePtaGray(gray.get(), dst.get(), src.get(), 255));
  if (!warped) return Status::Internal("perspective correction failed");
  BoxPtr keep(boxCreate(0, 0, out_w, out_h));
  PixPtr flat(pixClipRectangle(warped.get(), keep.get(), nullptr));
  if (!flat) return Status::Internal("perspective correction failed");
  const int dpi = std::max(
      72, static_cast<int>(std::lround(std::max(out_w, out_h) / kA4LongSide)));
  pixSetResolution(flat.get(), dpi, dpi);
  return Image::Adopt(flat.release());
}

}  // namespace raingan::image
