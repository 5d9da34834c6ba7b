// Ruling lines of a page — the borders of ruled tables — as straight
// horizontal or vertical segments in page points (top-left origin).
//
// Segments come from two sources that this module does not know apart: the
// vector paths of a born-digital PDF (src/pdf/) and the morphology of a
// raster (src/image/lines.h). Both hand their raw pieces to
// NormalizeSegments(), which drops slanted or fat pieces and merges the
// collinear fragments a path or a scan breaks a line into.
#ifndef RAINGAN_LAYOUT_SEGMENT_H_
#define RAINGAN_LAYOUT_SEGMENT_H_

#include <optional>
#include <vector>

#include "model/geometry.h"

namespace raingan::layout {

enum class Orientation { kHorizontal, kVertical };

// An axis-parallel ruling. For a horizontal one y0 == y1 and x0 <= x1; for
// a vertical one x0 == x1 and y0 <= y1 (after NormalizeSegments; raw input
// may be in any direction).
struct Segment {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double thickness = 0;  // stroke width or rectangle height, points

  Orientation orientation() const;
  bool horizontal() const { return orientation() == Orientation::kHorizontal; }
  bool vertical() const { return !horizontal(); }
  double length() const;
  // The coordinate that stays fixed along the line (y for horizontal).
  double position() const { return horizontal() ? y0 : x0; }
  // The extent along the line (x0..x1 for horizontal).
  double start() const { return horizontal() ? x0 : y0; }
  double end() const { return horizontal() ? x1 : y1; }
};

struct SegmentOptions {
  // Thicker pieces are filled areas (shading, images), not rulings.
  double max_thickness = 4.0;
  // Pieces shorter than this are glyph parts, dashes or noise.
  double min_length = 5.0;
  // A piece counts as horizontal/vertical when its other extent is at most
  // this (points): allows for the slight slant of a scanned line.
  double max_slant = 2.0;
  // Collinear pieces whose positions differ by at most this are one line.
  double collinear_tolerance = 1.5;
  // ... and are joined when the gap between them is at most this (double
  // strokes, dashed borders, breaks in a scanned line).
  double join_gap = 3.0;
};

// The ruling a thin filled rectangle draws (LibreOffice and Word draw cell
// borders as such), or nothing when the rectangle is not thin.
std::optional<Segment> SegmentFromRect(const BBox& rect, double max_thickness);

// Straightens, filters and merges raw pieces into horizontal and vertical
// rulings, sorted by orientation (horizontal first), position, then start.
std::vector<Segment> NormalizeSegments(const std::vector<Segment>& raw,
                                       const SegmentOptions& options);

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_SEGMENT_H_
