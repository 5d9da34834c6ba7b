#include "layout/segment.h"

#include <algorithm>
#include <cmath>

namespace raingan::layout {

Orientation Segment::orientation() const {
  return std::abs(x1 - x0) >= std::abs(y1 - y0) ? Orientation::kHorizontal
                                                : Orientation::kVertical;
}

double Segment::length() const {
  return horizontal() ? std::abs(x1 - x0) : std::abs(y1 - y0);
}

std::optional<Segment> SegmentFromRect(const BBox& rect, double max_thickness) {
  double w = rect.width(), h = rect.height();
  if (w < 0 || h < 0) return std::nullopt;
  if (h <= max_thickness && w > h) {
    return Segment{rect.x0, rect.cy(), rect.x1, rect.cy(), h};
  }
  if (w <= max_thickness && h > w) {
    return Segment{rect.cx(), rect.y0, rect.cx(), rect.y1, w};
  }
  return std::nullopt;
}

namespace {

// A straightened piece: `pos` across the line, [lo, hi] along it.
struct Piece {
  double pos, lo, hi, thickness;
};

Segment ToSegment(const Piece& p, Orientation o) {
  if (o == Orientation::kHorizontal) {
    return Segment{p.lo, p.pos, p.hi, p.pos, p.thickness};
  }
  return Segment{p.pos, p.lo, p.pos, p.hi, p.thickness};
}

// Merges collinear, overlapping or nearly touching pieces of one
// orientation and appends the results that are long enough to `out`.
void MergePieces(std::vector<Piece> pieces, Orientation o,
                 const SegmentOptions& options, std::vector<Segment>* out) {
  std::sort(pieces.begin(), pieces.end(),
            [](const Piece& a, const Piece& b) { return a.pos < b.pos; });
  std::vector<Segment> merged;
  size_t i = 0;
  while (i < pieces.size()) {
    // One band of (nearly) equal positions. The band grows from its first
    // member only, so a staircase of slightly shifted lines does not chain
    // into one.
    size_t j = i + 1;
    while (j < pieces.size() &&
           pieces[j].pos - pieces[i].pos <= options.collinear_tolerance) {
      ++j;
    }
    std::vector<Piece> band(pieces.begin() + i, pieces.begin() + j);
    std::sort(band.begin(), band.end(),
              [](const Piece& a, const Piece& b) { return a.lo < b.lo; });
    Piece cur = band[0];
    double weighted = cur.pos * (cur.hi - cur.lo);
    double weight = cur.hi - cur.lo;
    auto flush = [&] {
      if (weight > 0) cur.pos = weighted / weight;
      if (cur.hi - cur.lo >= options.min_length) {
        merged.push_back(ToSegment(cur, o));
      }
    };
    for (size_t k = 1; k < band.size(); ++k) {
      const Piece& p = band[k];
      if (p.lo <= cur.hi + options.join_gap) {
        cur.hi = std::max(cur.hi, p.hi);
        cur.thickness = std::max(cur.thickness, p.thickness);
        weighted += p.pos * (p.hi - p.lo);
        weight += p.hi - p.lo;
      } else {
        flush();
        cur = p;
        weighted = p.pos * (p.hi - p.lo);
        weight = p.hi - p.lo;
      }
    }
    flush();
    i = j;
  }
  std::sort(merged.begin(), merged.end(),
            [](const Segment& a, const Segment& b) {
              if (a.position() != b.position()) {
                return a.position() < b.position();
              }
              return a.start() < b.start();
            });
  out->insert(out->end(), merged.begin(), merged.end());
}

}  // namespace

std::vector<Segment> NormalizeSegments(const std::vector<Segment>& raw,
                                       const SegmentOptions& options) {
  std::vector<Piece> horizontal, vertical;
  for (const Segment& s : raw) {
    if (!std::isfinite(s.x0) || !std::isfinite(s.y0) || !std::isfinite(s.x1) ||
        !std::isfinite(s.y1)) {
      continue;
    }
    if (s.thickness > options.max_thickness) continue;
    double dx = std::abs(s.x1 - s.x0), dy = std::abs(s.y1 - s.y0);
    if (s.horizontal()) {
      if (dy > options.max_slant) continue;
      horizontal.push_back({(s.y0 + s.y1) / 2, std::min(s.x0, s.x1),
                            std::max(s.x0, s.x1), s.thickness});
    } else {
      if (dx > options.max_slant) continue;
      vertical.push_back({(s.x0 + s.x1) / 2, std::min(s.y0, s.y1),
                          std::max(s.y0, s.y1), s.thickness});
    }
  }
  std::vector<Segment> out;
  MergePieces(std::move(horizontal), Orientation::kHorizontal, options, &out);
  MergePieces(std::move(vertical), Orientation::kVertical, options, &out);
  return out;
}

}  // namespace raingan::layout
