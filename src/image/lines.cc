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

// The ink beside a run found along `horizontal` at box (x, y, w, h): in a
// band 1.5 pt wide on each side, one pixel away from it.
struct SideInk {
  double before = 0, after = 0;
};
SideInk InkBeside(Pix* binary, bool horizontal, int x, int y, int w, int h,
                  double ppp) {
  constexpr double kBandPoints = 1.5;
  const int band =
      std::max(2, static_cast<int>(std::lround(kBandPoints / ppp)));
  const int gap = 1;
  if (horizontal) {
    return {InkShare(binary, x, y - gap - band, w, band),
            InkShare(binary, x, y + h + gap, w, band)};
  }
  return {InkShare(binary, x - gap - band, y, band, h),
          InkShare(binary, x + w + gap, y, band, h)};
}

// A border has paper on both sides (cell padding); a run along the foot or
// the top of a line of text — strokes of neighbouring glyphs fused by a
// low-resolution scan — has glyphs on both sides. Measured on scans: a
// border's bands hold <= 2% ink, such runs 18-66%.
constexpr double kMaxInkBeside = 0.1;

// How a pass of FindLines treats the runs it finds.
struct Pass {
  int length = 0;            // pixels along the line: shorter runs are strokes
  int bridge = 0;            // gaps of up to this many pixels are closed first
  double max_thickness = 0;  // points
  // Dashes of a broken line: paper on both sides, not just one (a short
  // run with glyphs on one side is a stroke along a line of text).
  bool dashes = false;
};

// Collinear dashes (pieces of one orientation) chained into lines: the
// gap to the next dash at most `max_gap` and no longer than the dashes on
// either side of it; chains of two dashes or more at least `min_length`
// long are lines.
void ChainDashes(std::vector<layout::Segment> dashes, double max_gap,
                 double min_length, std::vector<layout::Segment>* out) {
  constexpr double kCollinear = 1.5;  // points, as SegmentOptions
  std::sort(dashes.begin(), dashes.end(),
            [](const layout::Segment& a, const layout::Segment& b) {
              return a.position() < b.position();
            });
  size_t i = 0;
  while (i < dashes.size()) {
    size_t j = i + 1;
    while (j < dashes.size() &&
           dashes[j].position() - dashes[i].position() <= kCollinear) {
      ++j;
    }
    std::vector<layout::Segment> row(dashes.begin() + i, dashes.begin() + j);
    std::sort(row.begin(), row.end(),
              [](const layout::Segment& a, const layout::Segment& b) {
                return a.start() < b.start();
              });
    size_t k = 0;
    while (k < row.size()) {
      size_t last = k;
      double end = row[k].end();
      double thickness = row[k].thickness;
      for (size_t n = k + 1; n < row.size(); ++n) {
        const double gap = row[n].start() - end;
        const double before = row[last].end() - row[last].start();
        const double after = row[n].end() - row[n].start();
        if (gap > max_gap || gap > std::min(before, after)) break;
        end = std::max(end, row[n].end());
        thickness = std::max(thickness, row[n].thickness);
        last = n;
      }
      if (last > k && end - row[k].start() >= min_length) {
        layout::Segment line = row[k];
        line.thickness = thickness;
        if (line.horizontal()) {
          line.x1 = end;
        } else {
          line.y1 = end;
        }
        out->push_back(line);
      }
      k = last + 1;
    }
    i = j;
  }
}

// Opens `binary` with a brick `pass.length` pixels along the line and 1
// across, and turns the surviving components into segments.
Status FindLines(Pix* binary, layout::Orientation orientation, const Pass& pass,
                 double ppp, std::vector<layout::Segment>* out) {
  bool horizontal = orientation == layout::Orientation::kHorizontal;
  PixPtr bridged;
  Pix* source = binary;
  const int bridge = pass.bridge;
  if (bridge > 1) {
    bridged.reset(horizontal ? pixCloseSafeBrick(nullptr, binary, bridge, 1)
                             : pixCloseSafeBrick(nullptr, binary, 1, bridge));
    if (!bridged) return Status::Internal("morphological closing failed");
    source = bridged.get();
  }
  const int length = pass.length;
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
    if (thickness > pass.max_thickness) continue;
    SideInk beside = InkBeside(binary, horizontal, x, y, w, h, ppp);
    if (std::min(beside.before, beside.after) > kMaxInkBeside) continue;
    if (pass.dashes && std::max(beside.before, beside.after) > kMaxInkBeside) {
      continue;
    }
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
  auto pixels = [ppp](double points) {
    return static_cast<int>(std::lround(points / ppp));
  };
  Pass solid;
  solid.length = std::max(3, pixels(options.min_length));
  solid.bridge = pixels(options.bridge_gap) + 1;
  solid.max_thickness = options.max_thickness;
  Pass dashes = solid;
  dashes.length = std::max(3, pixels(options.dash_length));
  dashes.dashes = true;
  // Broken lines are hairlines (0.24-0.72 pt on the seed-95 bilevel scan).
  // A thicker short run with paper above and below is a glyph stroke or a
  // dash in text.
  dashes.max_thickness = std::min(options.max_thickness, 1.5);
  std::vector<layout::Segment> out;
  for (layout::Orientation o :
       {layout::Orientation::kHorizontal, layout::Orientation::kVertical}) {
    RAINGAN_RETURN_IF_ERROR(FindLines(binary.get(), o, solid, ppp, &out));
    // A line found by both passes is one line to NormalizeSegments.
    if (options.dash_length > 0 && options.dash_length < options.min_length) {
      std::vector<layout::Segment> pieces;
      RAINGAN_RETURN_IF_ERROR(FindLines(binary.get(), o, dashes, ppp, &pieces));
      ChainDashes(std::move(pieces), options.max_dash_gap, options.min_length,
                  &out);
    }
  }
  return out;
}

}  // namespace raingan::image
