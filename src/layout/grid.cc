#include "layout/grid.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace raingan::layout {
namespace {

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) {
    std::iota(parent_.begin(), parent_.end(), 0);
  }
  size_t Find(size_t i) {
    while (parent_[i] != i) {
      parent_[i] = parent_[parent_[i]];
      i = parent_[i];
    }
    return i;
  }
  void Union(size_t a, size_t b) { parent_[Find(a)] = Find(b); }

 private:
  std::vector<size_t> parent_;
};

// Sorted, de-duplicated positions: values within `tolerance` of the first
// of a run become their mean.
std::vector<double> ClusterPositions(std::vector<double> v, double tolerance) {
  std::sort(v.begin(), v.end());
  std::vector<double> out;
  size_t i = 0;
  while (i < v.size()) {
    size_t j = i;
    double sum = 0;
    while (j < v.size() && v[j] - v[i] <= tolerance) sum += v[j++];
    out.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return out;
}

// Fraction of [lo, hi] covered by the segments lying at `position`.
double Coverage(const std::vector<const Segment*>& segments, double position,
                double lo, double hi, double tolerance) {
  std::vector<std::pair<double, double>> spans;
  for (const Segment* s : segments) {
    if (std::abs(s->position() - position) > tolerance) continue;
    double a = std::max(lo, s->start()), b = std::min(hi, s->end());
    if (b > a) spans.emplace_back(a, b);
  }
  std::sort(spans.begin(), spans.end());
  double covered = 0, reach = lo;
  for (const auto& [a, b] : spans) {
    if (b <= reach) continue;
    covered += b - std::max(a, reach);
    reach = b;
  }
  return hi > lo ? covered / (hi - lo) : 1.0;
}

// The boundaries among `positions` that are ruled along at least one whole
// cell side between consecutive `across` boundaries. A ruling that only
// pokes into a cell (a stray stroke, an underline touching a border) would
// otherwise split a row or column that the table does not have.
std::vector<double> KeepRuledBoundaries(
    const std::vector<double>& positions, const std::vector<double>& across,
    const std::vector<const Segment*>& segments, double on_line,
    const GridOptions& options) {
  std::vector<double> kept;
  for (double p : positions) {
    for (size_t i = 0; i + 1 < across.size(); ++i) {
      if (Coverage(segments, p, across[i], across[i + 1], on_line) >=
          options.min_edge_coverage) {
        kept.push_back(p);
        break;
      }
    }
  }
  return kept;
}

// Cells of one set of touching rulings, or nothing if it is not a table.
std::vector<TableGrid> GridOf(const std::vector<const Segment*>& horizontal,
                              const std::vector<const Segment*>& vertical,
                              const GridOptions& options) {
  std::vector<double> xv, yv;
  for (const Segment* s : vertical) xv.push_back(s->x0);
  for (const Segment* s : horizontal) yv.push_back(s->y0);
  std::vector<double> xs = ClusterPositions(xv, options.tolerance);
  std::vector<double> ys = ClusterPositions(yv, options.tolerance);
  // The tolerance for "this ruling lies on that boundary" must cover the
  // spread ClusterPositions() merged.
  const double on_line = options.tolerance * 1.5;
  ys = KeepRuledBoundaries(ys, xs, horizontal, on_line, options);
  xs = KeepRuledBoundaries(xs, ys, vertical, on_line, options);
  if (xs.size() < 2 || ys.size() < 2) return {};
  const int rows = static_cast<int>(ys.size()) - 1;
  const int cols = static_cast<int>(xs.size()) - 1;

  UnionFind uf(static_cast<size_t>(rows) * cols);
  auto id = [cols](int r, int c) { return static_cast<size_t>(r) * cols + c; };
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c + 1 < cols; ++c) {
      if (Coverage(vertical, xs[c + 1], ys[r], ys[r + 1], on_line) <
          options.min_edge_coverage) {
        uf.Union(id(r, c), id(r, c + 1));
      }
    }
  }
  for (int r = 0; r + 1 < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      if (Coverage(horizontal, ys[r + 1], xs[c], xs[c + 1], on_line) <
          options.min_edge_coverage) {
        uf.Union(id(r, c), id(r + 1, c));
      }
    }
  }

  // Bounding grid rectangle of every merged group.
  struct Span {
    int r0, c0, r1, c1, count;
  };
  std::vector<Span> spans(static_cast<size_t>(rows) * cols,
                          Span{rows, cols, -1, -1, 0});
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      Span& s = spans[uf.Find(id(r, c))];
      s.r0 = std::min(s.r0, r);
      s.c0 = std::min(s.c0, c);
      s.r1 = std::max(s.r1, r);
      s.c1 = std::max(s.c1, c);
      ++s.count;
    }
  }
  std::vector<GridCell> cells;
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < cols; ++c) {
      const Span& s = spans[uf.Find(id(r, c))];
      bool rectangular = s.count == (s.r1 - s.r0 + 1) * (s.c1 - s.c0 + 1);
      GridCell cell;
      if (rectangular) {
        // Emit a merged cell once, at its top-left position.
        if (r != s.r0 || c != s.c0) continue;
        cell = {r, c, s.r1 - s.r0 + 1, s.c1 - s.c0 + 1, {}};
      } else {
        // An L-shaped gap in the rulings: keep the grid positions apart
        // rather than invent a cell shape the model cannot hold.
        cell = {r, c, 1, 1, {}};
      }
      cell.bbox = {xs[cell.col], ys[cell.row], xs[cell.col + cell.col_span],
                   ys[cell.row + cell.row_span]};
      cells.push_back(cell);
    }
  }
  if (cells.size() < 2) return {};
  std::vector<TableGrid> out;
  out.emplace_back(std::move(xs), std::move(ys), std::move(cells));
  return out;
}

// The x positions of the verticals that run along [from, to] (from < to).
std::vector<double> VerticalsAlong(const std::vector<const Segment*>& vertical,
                                   double from, double to, double tolerance) {
  std::vector<double> xs;
  for (const Segment* v : vertical) {
    if (v->y0 <= from + tolerance && v->y1 >= to - tolerance) {
      xs.push_back(v->x0);
    }
  }
  return ClusterPositions(xs, tolerance);
}

// True when `a` has a position farther than `tolerance` from all of `b`.
bool HasPositionNotIn(const std::vector<double>& a,
                      const std::vector<double>& b, double tolerance) {
  for (double x : a) {
    bool found = false;
    for (double y : b) found = found || std::abs(x - y) <= tolerance;
    if (!found) return true;
  }
  return false;
}

// The horizontal rulings at which two tables drawn edge to edge meet.
// LibreOffice (and hand-made layouts) put the next table's header right
// under the previous table's last row, so their rulings touch and form one
// connected set. A row boundary inside one table keeps its columns, or
// drops some of them (a merged cell, a spanning header); two tables each
// have columns the other lacks.
std::vector<double> TableSeams(const std::vector<const Segment*>& horizontal,
                               const std::vector<const Segment*>& vertical,
                               const GridOptions& options) {
  std::vector<double> yv;
  for (const Segment* s : horizontal) yv.push_back(s->y0);
  const double probe = 3.0;  // points above/below the boundary to look at
  std::vector<double> seams;
  for (double y : ClusterPositions(yv, options.tolerance)) {
    std::vector<double> above =
        VerticalsAlong(vertical, y - probe - options.tolerance,
                       y - options.tolerance, options.tolerance);
    std::vector<double> below =
        VerticalsAlong(vertical, y + options.tolerance,
                       y + probe + options.tolerance, options.tolerance);
    if (above.size() >= 2 && below.size() >= 2 &&
        HasPositionNotIn(above, below, options.reach) &&
        HasPositionNotIn(below, above, options.reach)) {
      seams.push_back(y);
    }
  }
  return seams;
}

// The rulings of one connected set that lie in the band [top, bottom],
// verticals clipped to it.
std::vector<Segment> ClipToBand(const std::vector<const Segment*>& horizontal,
                                const std::vector<const Segment*>& vertical,
                                double top, double bottom, double tolerance) {
  std::vector<Segment> band;
  for (const Segment* h : horizontal) {
    if (h->y0 >= top - tolerance && h->y0 <= bottom + tolerance) {
      band.push_back(*h);
    }
  }
  for (const Segment* v : vertical) {
    double y0 = std::max(v->y0, top), y1 = std::min(v->y1, bottom);
    if (y1 - y0 > tolerance) {
      Segment clipped = *v;
      clipped.y0 = y0;
      clipped.y1 = y1;
      band.push_back(clipped);
    }
  }
  return band;
}

}  // namespace

TableGrid::TableGrid(std::vector<double> xs, std::vector<double> ys,
                     std::vector<GridCell> cells)
    : xs_(std::move(xs)), ys_(std::move(ys)), cells_(std::move(cells)) {
  owner_.assign(static_cast<size_t>(std::max(0, rows() * cols())), -1);
  for (size_t i = 0; i < cells_.size(); ++i) {
    const GridCell& c = cells_[i];
    for (int r = c.row; r < c.row + c.row_span && r < rows(); ++r) {
      for (int k = c.col; k < c.col + c.col_span && k < cols(); ++k) {
        owner_[r * cols() + k] = static_cast<int>(i);
      }
    }
  }
}

int TableGrid::CellContaining(double x, double y) const {
  if (rows() < 1 || cols() < 1) return -1;
  // Written so that NaN is outside too.
  if (!(x >= xs_.front() && x <= xs_.back() && y >= ys_.front() &&
        y <= ys_.back())) {
    return -1;
  }
  int c = static_cast<int>(std::upper_bound(xs_.begin(), xs_.end(), x) -
                           xs_.begin()) -
          1;
  int r = static_cast<int>(std::upper_bound(ys_.begin(), ys_.end(), y) -
                           ys_.begin()) -
          1;
  c = std::clamp(c, 0, cols() - 1);
  r = std::clamp(r, 0, rows() - 1);
  return CellAt(r, c);
}

std::vector<TableGrid> BuildGrids(const std::vector<Segment>& input,
                                  const GridOptions& options) {
  const double tol = options.reach;
  // NaN positions would break the sorting below; NormalizeSegments() drops
  // them, but callers may pass raw pieces.
  std::vector<Segment> finite;
  for (const Segment& s : input) {
    if (std::isfinite(s.x0) && std::isfinite(s.y0) && std::isfinite(s.x1) &&
        std::isfinite(s.y1)) {
      finite.push_back(s);
    }
  }
  const std::vector<Segment>& rulings = finite;
  UnionFind uf(rulings.size());
  for (size_t i = 0; i < rulings.size(); ++i) {
    const Segment& h = rulings[i];
    if (!h.horizontal()) continue;
    for (size_t j = 0; j < rulings.size(); ++j) {
      const Segment& v = rulings[j];
      if (!v.vertical()) continue;
      if (v.x0 >= h.x0 - tol && v.x0 <= h.x1 + tol && h.y0 >= v.y0 - tol &&
          h.y0 <= v.y1 + tol) {
        uf.Union(i, j);
      }
    }
  }
  std::vector<std::vector<size_t>> groups(rulings.size());
  for (size_t i = 0; i < rulings.size(); ++i) groups[uf.Find(i)].push_back(i);

  std::vector<TableGrid> grids;
  for (const auto& members : groups) {
    std::vector<const Segment*> horizontal, vertical;
    for (size_t i : members) {
      (rulings[i].horizontal() ? horizontal : vertical).push_back(&rulings[i]);
    }
    if (horizontal.size() < 2 || vertical.size() < 2) continue;
    std::vector<double> seams = TableSeams(horizontal, vertical, options);
    if (seams.empty()) {
      for (TableGrid& g : GridOf(horizontal, vertical, options)) {
        grids.push_back(std::move(g));
      }
      continue;
    }
    // Tables drawn edge to edge: one grid per band between seams.
    seams.insert(seams.begin(), -std::numeric_limits<double>::infinity());
    seams.push_back(std::numeric_limits<double>::infinity());
    for (size_t b = 0; b + 1 < seams.size(); ++b) {
      std::vector<Segment> band = ClipToBand(horizontal, vertical, seams[b],
                                             seams[b + 1], options.tolerance);
      std::vector<const Segment*> band_h, band_v;
      for (const Segment& s : band) {
        (s.horizontal() ? band_h : band_v).push_back(&s);
      }
      if (band_h.size() < 2 || band_v.size() < 2) continue;
      for (TableGrid& g : GridOf(band_h, band_v, options)) {
        grids.push_back(std::move(g));
      }
    }
  }
  std::sort(grids.begin(), grids.end(),
            [](const TableGrid& a, const TableGrid& b) {
              return a.ys().front() < b.ys().front();
            });
  return grids;
}

}  // namespace raingan::layout
