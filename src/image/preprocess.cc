#include "image/preprocess.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "image/despeckle.h"
#include "image/gray.h"
#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Pixel rectangle of `box` (points) clipped to the image; null when the
// intersection is empty.
BoxPtr PixelBox(Pix* pix, const BBox& box) {
  if (box.empty()) return nullptr;
  double k = pixGetXRes(pix) > 0 ? pixGetXRes(pix) / 72.0 : 1.0;
  int w = pixGetWidth(pix), h = pixGetHeight(pix);
  int x0 = std::clamp(static_cast<int>(std::floor(box.x0 * k)), 0, w);
  int y0 = std::clamp(static_cast<int>(std::floor(box.y0 * k)), 0, h);
  int x1 = std::clamp(static_cast<int>(std::ceil(box.x1 * k)), 0, w);
  int y1 = std::clamp(static_cast<int>(std::ceil(box.y1 * k)), 0, h);
  if (x1 <= x0 || y1 <= y0) return nullptr;
  return BoxPtr(boxCreate(x0, y0, x1 - x0, y1 - y0));
}

BBox PointBox(Pix* pix, int x, int y, int w, int h) {
  double k = pixGetXRes(pix) > 0 ? 72.0 / pixGetXRes(pix) : 1.0;
  return {x * k, y * k, (x + w) * k, (y + h) * k};
}

Result<PixPtr> Threshold(Pix* gray, int threshold) {
  PixPtr binary(pixThresholdToBinary(gray, threshold));
  if (!binary) return Status::Internal("binarization failed");
  return binary;
}

}  // namespace

Result<PreparedPage> PreparePage(const Image& scan,
                                 const PreprocessOptions& options) {
  if (scan.empty()) return Status::InvalidArgument("empty image");
  const int dpi = scan.dpi();
  RAINGAN_ASSIGN_OR_RETURN(PixPtr gray, GrayCopy(scan.pix()));

  // Flatten uneven paper tone (scanner shading, yellowed paper) so that
  // one threshold serves the whole page: paper becomes white, ink stays.
  PixPtr clean(
      pixCleanBackgroundToWhite(gray.get(), nullptr, nullptr, 1.0, 70, 190));
  if (!clean) clean = std::move(gray);  // tiny images: keep them as they are
  pixSetResolution(clean.get(), dpi, dpi);

  RAINGAN_ASSIGN_OR_RETURN(PixPtr binary,
                           Threshold(clean.get(), options.ink_threshold));
  PreparedPage out;
  float angle = 0, confidence = 0;
  // Skew is measured on text lines and rulings alike; a failure (blank
  // page) just means "not rotated".
  if (pixFindSkewSweepAndSearch(binary.get(), &angle, &confidence, 4, 2,
                                static_cast<float>(options.max_skew), 0.5f,
                                0.01f) == 0 &&
      std::abs(angle) >= options.min_skew &&
      std::abs(angle) <= options.max_skew &&
      confidence >= options.min_skew_confidence) {
    PixPtr rotated(pixRotate(clean.get(), angle * kPi / 180.0,
                             L_ROTATE_AREA_MAP, L_BRING_IN_WHITE, 0, 0));
    if (rotated) {
      clean = std::move(rotated);
      pixSetResolution(clean.get(), dpi, dpi);
      RAINGAN_ASSIGN_OR_RETURN(binary,
                               Threshold(clean.get(), options.ink_threshold));
      out.skew_degrees = angle;
    }
  }

  // Specks: remove them from the binary raster and from the gray one too,
  // or Tesseract reads them as stray marks and dots.
  int speck = std::max(
      1, static_cast<int>(std::lround(options.speck_size * dpi / 72.0)));
  PixPtr kept(pixSelectBySize(binary.get(), speck, speck, 8, L_SELECT_IF_EITHER,
                              L_SELECT_IF_GT, nullptr));
  if (kept) {
    PixPtr specks(pixXor(nullptr, binary.get(), kept.get()));
    if (specks) pixSetMasked(clean.get(), specks.get(), 255);
    binary = std::move(kept);
  }
  // Dust the size of a Thai mark, away from any letter.
  if (options.despeckle) {
    // Found on a lighter threshold than the ink's: Tesseract thresholds the
    // gray page itself and reads faint dust the binary raster misses.
    RAINGAN_ASSIGN_OR_RETURN(PixPtr faint,
                             Threshold(clean.get(), options.dust_threshold));
    RAINGAN_ASSIGN_OR_RETURN(DespeckleResult d,
                             Despeckle(faint.get(), clean.get(), binary.get()));
    out.specks_removed = d.removed;
    out.core_height = d.core_height;
  }
  // Small text: the page is scaled up, so that Tesseract's thresholding
  // and line finding see strokes several pixels wide. The specks are gone
  // from `clean` already; `binary` is thresholded again from the scaled
  // page (smooth edges rather than enlarged pixels).
  int out_dpi = dpi;
  if (out.core_height > 0 && options.min_core_height > 0 &&
      out.core_height < options.min_core_height &&
      out.core_height * 72.0 / dpi >= options.min_core_points) {
    // A whole number of dots per inch, so that points convert exactly.
    const int target = static_cast<int>(
        std::ceil(dpi * std::min(options.max_upscale,
                                 options.min_core_height / out.core_height)));
    const double factor = static_cast<double>(target) / dpi;
    PixPtr scaled(pixScaleGrayLI(clean.get(), static_cast<float>(factor),
                                 static_cast<float>(factor)));
    if (scaled) {
      out.scale = factor;
      out_dpi = target;
      clean = std::move(scaled);
      pixSetResolution(clean.get(), out_dpi, out_dpi);
      RAINGAN_ASSIGN_OR_RETURN(binary,
                               Threshold(clean.get(), options.ink_threshold));
    }
  }
  pixSetResolution(binary.get(), out_dpi, out_dpi);
  RAINGAN_ASSIGN_OR_RETURN(PixPtr rulings,
                           Threshold(clean.get(), options.ruling_threshold));
  pixSetResolution(rulings.get(), out_dpi, out_dpi);
  out.rulings = Image::Adopt(rulings.release());
  out.gray = Image::Adopt(clean.release());
  out.binary = Image::Adopt(binary.release());
  return out;
}

Result<Image> Binarize(const Image& image, int threshold) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  RAINGAN_ASSIGN_OR_RETURN(PixPtr gray, GrayCopy(image.pix()));
  RAINGAN_ASSIGN_OR_RETURN(PixPtr binary, Threshold(gray.get(), threshold));
  pixSetResolution(binary.get(), image.dpi(), image.dpi());
  return Image::Adopt(binary.release());
}

double InkCoverage(const Image& binary, const BBox& box) {
  if (binary.empty() || binary.depth() != 1) return 0;
  BoxPtr b = PixelBox(binary.pix(), box);
  if (!b) return 0;
  l_int32 count = 0;
  if (pixCountPixelsInRect(binary.pix(), b.get(), &count, nullptr) != 0) {
    return 0;
  }
  return static_cast<double>(count) / (static_cast<double>(b->w) * b->h);
}

BBox InkBounds(const Image& binary, const BBox& box) {
  if (binary.empty() || binary.depth() != 1) return {};
  BoxPtr b = PixelBox(binary.pix(), box);
  if (!b) return {};
  PixPtr clip(pixClipRectangle(binary.pix(), b.get(), nullptr));
  if (!clip) return {};
  Box* fg = nullptr;
  // Returns 1 when there is no foreground.
  if (pixClipToForeground(clip.get(), nullptr, &fg) != 0 || fg == nullptr) {
    return {};
  }
  BoxPtr owned(fg);
  return PointBox(binary.pix(), b->x + fg->x, b->y + fg->y, fg->w, fg->h);
}

double BlankRowShare(const Image& binary, const BBox& box, double max_ink) {
  if (binary.empty() || binary.depth() != 1) return 0;
  BoxPtr b = PixelBox(binary.pix(), box);
  if (!b) return 0;
  const l_uint32* data = pixGetData(binary.pix());
  const int wpl = pixGetWpl(binary.pix());
  const int limit = static_cast<int>(max_ink * b->w);
  int blank = 0;
  for (int y = b->y; y < b->y + b->h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int ink = 0;
    for (int x = b->x; x < b->x + b->w && ink <= limit; ++x) {
      ink += GET_DATA_BIT(line, x);
    }
    if (ink <= limit) ++blank;
  }
  return static_cast<double>(blank) / b->h;
}

std::vector<int> InkRows(const Image& binary, const BBox& box, double* y0,
                         double* step) {
  std::vector<int> out;
  if (binary.empty() || binary.depth() != 1) return out;
  BoxPtr b = PixelBox(binary.pix(), box);
  if (!b) return out;
  const double k = binary.points_per_pixel();
  *y0 = b->y * k;
  *step = k;
  out.assign(static_cast<size_t>(b->h), 0);
  const l_uint32* data = pixGetData(binary.pix());
  const int wpl = pixGetWpl(binary.pix());
  for (int y = b->y; y < b->y + b->h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    int ink = 0;
    for (int x = b->x; x < b->x + b->w; ++x) ink += GET_DATA_BIT(line, x);
    out[static_cast<size_t>(y - b->y)] = ink;
  }
  return out;
}

Result<Image> RotateQuarters(const Image& image, int quarter_turns) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  int turns = ((quarter_turns % 4) + 4) % 4;
  if (turns == 0) {
    Pix* copy = pixClone(image.pix());
    return Image::Adopt(copy);
  }
  Pix* rotated = pixRotateOrth(image.pix(), turns);
  if (rotated == nullptr) return Status::Internal("cannot turn the image");
  pixSetResolution(rotated, image.dpi(), image.dpi());
  return Image::Adopt(rotated);
}

Result<Image> HalfSize(const Image& image) {
  if (image.empty()) return Status::InvalidArgument("empty image");
  Pix* half = nullptr;
  switch (image.depth()) {
    case 1:
      half = pixReduceRankBinary2(image.pix(), 1, nullptr);
      break;
    case 8:
    case 32:
      half = pixScaleAreaMap2(image.pix());
      break;
    default:
      return Status::InvalidArgument("unsupported pixel depth");
  }
  if (half == nullptr) return Status::Internal("cannot scale the image");
  int dpi = std::max(1, image.dpi() / 2);
  pixSetResolution(half, dpi, dpi);
  return Image::Adopt(half);
}

ColumnProfile InkColumns(const Image& binary, const BBox& box) {
  ColumnProfile out;
  if (binary.empty() || binary.depth() != 1) return out;
  BoxPtr b = PixelBox(binary.pix(), box);
  if (!b) return out;
  const double k = binary.points_per_pixel();
  out.x0 = b->x * k;
  out.step = k;
  out.ink.assign(static_cast<size_t>(b->w), 0);
  const l_uint32* data = pixGetData(binary.pix());
  const int wpl = pixGetWpl(binary.pix());
  for (int y = b->y; y < b->y + b->h; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = b->x; x < b->x + b->w; ++x) {
      out.ink[static_cast<size_t>(x - b->x)] += GET_DATA_BIT(line, x);
    }
  }
  return out;
}

Status Whiten(Image* image, const std::vector<BBox>& boxes) {
  if (image == nullptr || image->empty()) {
    return Status::InvalidArgument("empty image");
  }
  Pix* pix = image->pix();
  int d = pixGetDepth(pix);
  if (d != 1 && d != 8 && d != 32) {
    return Status::InvalidArgument("Whiten needs a 1, 8 or 32-bit image");
  }
  for (const BBox& box : boxes) {
    BoxPtr b = PixelBox(pix, box);
    if (!b) continue;
    // In a 1-bit raster 1 is ink; elsewhere the largest value is white.
    l_ok rc =
        d == 1 ? pixClearInRect(pix, b.get())
               : pixSetInRectArbitrary(pix, b.get(), d == 8 ? 255 : 0xffffff00);
    if (rc != 0) return Status::Internal("cannot paint the image");
  }
  return Status::Ok();
}

Status EraseRulings(Image* image, const std::vector<layout::Segment>& rulings,
                    double margin) {
  std::vector<BBox> boxes;
  boxes.reserve(rulings.size());
  for (const layout::Segment& s : rulings) {
    double half = s.thickness / 2 + margin;
    if (s.horizontal()) {
      boxes.push_back({std::min(s.x0, s.x1) - margin, s.y0 - half,
                       std::max(s.x0, s.x1) + margin, s.y0 + half});
    } else {
      boxes.push_back({s.x0 - half, std::min(s.y0, s.y1) - margin, s.x0 + half,
                       std::max(s.y0, s.y1) + margin});
    }
  }
  return Whiten(image, boxes);
}

Result<std::vector<BBox>> FindInkBlocks(const Image& binary, const BBox& region,
                                        const std::vector<BBox>& exclude,
                                        const InkBlockOptions& options) {
  if (binary.empty() || binary.depth() != 1) {
    return Status::InvalidArgument("FindInkBlocks needs a 1-bit image");
  }
  std::vector<BBox> out;
  BoxPtr area = PixelBox(binary.pix(), region);
  if (!area) return out;
  PixPtr clip(pixClipRectangle(binary.pix(), area.get(), nullptr));
  if (!clip) return Status::Internal("cannot crop the image");
  pixSetResolution(clip.get(), binary.dpi(), binary.dpi());
  Image local = Image::Adopt(clip.release());
  std::vector<BBox> shifted;
  double k = 72.0 / binary.dpi();
  for (const BBox& e : exclude) {
    shifted.push_back({e.x0 - area->x * k, e.y0 - area->y * k,
                       e.x1 - area->x * k, e.y1 - area->y * k});
  }
  RAINGAN_RETURN_IF_ERROR(Whiten(&local, shifted));

  int gx = std::max(1, static_cast<int>(std::lround(options.gap / k)));
  int gy = std::max(1, static_cast<int>(std::lround(options.line_gap / k)));
  PixPtr joined(pixDilateBrick(nullptr, local.pix(), gx, gy));
  if (!joined) return Status::Internal("morphological dilation failed");
  BoxaPtr boxes(pixConnCompBB(joined.get(), 8));
  if (!boxes) return Status::Internal("connected components failed");
  int n = boxaGetCount(boxes.get());
  for (int i = 0; i < n; ++i) {
    int x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    // The dilated box overshoots the ink by half a brick on every side.
    BBox grown = PointBox(local.pix(), x, y, w, h);
    BBox ink = InkBounds(local, grown);
    if (ink.empty()) continue;
    if (std::max(ink.width(), ink.height()) < options.min_size) continue;
    out.push_back({ink.x0 + area->x * k, ink.y0 + area->y * k,
                   ink.x1 + area->x * k, ink.y1 + area->y * k});
  }
  // Blocks are read by their boxes, so boxes must not overlap (the
  // centred labels of a borderless header inside the box of its body):
  // overlapping ones become one.
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < out.size() && !merged; ++i) {
      for (size_t j = i + 1; j < out.size(); ++j) {
        const BBox& a = out[i];
        const BBox& b = out[j];
        if (std::min(a.x1, b.x1) > std::max(a.x0, b.x0) &&
            std::min(a.y1, b.y1) > std::max(a.y0, b.y0)) {
          out[i].Extend(b);
          out.erase(out.begin() + static_cast<std::ptrdiff_t>(j));
          merged = true;
          break;
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const BBox& a, const BBox& b) {
    return a.y0 != b.y0 ? a.y0 < b.y0 : a.x0 < b.x0;
  });
  return out;
}

}  // namespace raingan::image
