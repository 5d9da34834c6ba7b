// Ruling lines (table borders) found in a raster by morphology.
//
// A horizontal opening with a long, one-pixel-tall brick keeps only dark
// runs at least that long — table borders, not glyph strokes — and a
// vertical one does the same for columns. The pieces come back as
// layout::Segment in page points (via the image's dpi), ready for
// layout::NormalizeSegments() and layout::BuildGrids(), exactly like the
// vector rulings of a born-digital PDF.
//
// The raster should be upright: a line skewed by more than about its own
// thickness over `min_length` breaks into pieces shorter than the brick.
// Deskew scans first.
#ifndef RAINGAN_IMAGE_LINES_H_
#define RAINGAN_IMAGE_LINES_H_

#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "layout/segment.h"

namespace raingan::image {

struct RulingOptions {
  // Shorter dark runs are glyph strokes, points.
  double min_length = 25.0;
  // Thicker runs are filled areas (shading, photos), points.
  double max_thickness = 4.0;
  // Gaps up to this (points) inside a line are bridged first (broken
  // scanned lines, dashed borders).
  double bridge_gap = 1.5;
  // A hairline a 1-bit copier or fax broke into dashes — it drops out
  // wherever, slanted, it straddles two pixel rows — or a dashed border:
  // thin runs at least `dash_length` long (points) with paper on both
  // sides, in a row with gaps of at most `max_dash_gap` and no longer than
  // the dashes beside them, are one line. On the seed-95 bilevel scan (200
  // dpi) the header rules came as 11-pt dashes with 2.9-pt gaps, 19 and 10,
  // 32 and 13. dash_length 0 (or not below min_length): no such lines.
  double dash_length = 8.0;
  double max_dash_gap = 15.0;
  // Gray level below which a pixel is ink (8-bit images; 1-bit images are
  // used as they are).
  int ink_threshold = 160;
};

// Raw horizontal and vertical pieces, in points with a top-left origin.
Result<std::vector<layout::Segment>> DetectRulings(
    const Image& image, const RulingOptions& options = {});

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_LINES_H_
