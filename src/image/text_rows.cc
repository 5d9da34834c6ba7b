#include "image/text_rows.h"

#include <algorithm>
#include <cmath>
#include <memory>

#include "image/leptonica_ptr.h"

namespace raingan::image {
namespace {

struct Comp {
  int x0, y0, x1, y1;  // pixels, half-open
  int height() const { return y1 - y0; }
};

struct Row {
  std::vector<int> bodies, marks;  // indexes into the components
  int core_top = 0, core_bottom = 0;
};

int Overlap(int a0, int a1, int b0, int b1) {
  return std::max(0, std::min(a1, b1) - std::max(a0, b0));
}

int Median(std::vector<int> v) {
  std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
  return v[v.size() / 2];
}

// The consonant band of a row: median top and bottom of its bodies, which
// ignores the few that ascend (ป ฝ ฟ) or descend (ญ ฐ).
void UpdateCore(const std::vector<Comp>& comps, Row* row) {
  std::vector<int> tops, bottoms;
  for (int i : row->bodies) {
    tops.push_back(comps[i].y0);
    bottoms.push_back(comps[i].y1);
  }
  row->core_top = Median(tops);
  row->core_bottom = Median(bottoms);
}

// Vertical distance from a component to a row's consonant band.
int BandDistance(const Comp& c, const Row& row) {
  if (c.y1 <= row.core_top) return row.core_top - c.y1;
  if (c.y0 >= row.core_bottom) return c.y0 - row.core_bottom;
  return 0;
}

}  // namespace

Result<std::vector<TextRow>> FindTextRows(const Image& binary,
                                          const BBox& region,
                                          const TextRowOptions& options) {
  if (binary.empty() || binary.depth() != 1) {
    return Status::InvalidArgument("FindTextRows needs a 1-bit image");
  }
  std::vector<TextRow> out;
  const double k = binary.dpi() / 72.0;
  int x0 = std::max(0, static_cast<int>(std::floor(region.x0 * k)));
  int y0 = std::max(0, static_cast<int>(std::floor(region.y0 * k)));
  int x1 = std::min(binary.width(), static_cast<int>(std::ceil(region.x1 * k)));
  int y1 =
      std::min(binary.height(), static_cast<int>(std::ceil(region.y1 * k)));
  if (x1 <= x0 || y1 <= y0) return out;

  BoxPtr area(boxCreate(x0, y0, x1 - x0, y1 - y0));
  PixPtr clip(pixClipRectangle(binary.pix(), area.get(), nullptr));
  if (!clip) return Status::Internal("cannot crop the image");
  BoxaPtr boxes(pixConnCompBB(clip.get(), 8));
  if (!boxes) return Status::Internal("connected components failed");
  std::vector<Comp> comps;
  for (int i = 0, n = boxaGetCount(boxes.get()); i < n; ++i) {
    int x, y, w, h;
    if (boxaGetBoxGeometry(boxes.get(), i, &x, &y, &w, &h) != 0) continue;
    comps.push_back({x0 + x, y0 + y, x0 + x + w, y0 + y + h});
  }
  if (comps.empty()) return out;

  // Consonants outnumber marks in any Thai text, so a high percentile of
  // the heights is a consonant's height.
  std::vector<int> heights;
  for (const Comp& c : comps) heights.push_back(c.height());
  std::sort(heights.begin(), heights.end());
  const int core = heights[heights.size() * 7 / 10];
  const double body_min = options.body_fraction * core;

  std::vector<int> order(comps.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return comps[a].y0 + comps[a].y1 < comps[b].y0 + comps[b].y1;
  });

  std::vector<Row> rows;
  std::vector<int> small;
  for (int i : order) {
    const Comp& c = comps[i];
    // Table borders, frames and underlines left in the region are no
    // letters: they would stretch a row over the whole cell.
    const int w = c.x1 - c.x0;
    if (c.height() > options.max_glyph_height * core ||
        w > options.max_glyph_width * core) {
      continue;
    }
    if (c.height() < body_min) {
      small.push_back(i);
      continue;
    }
    Row* best = nullptr;
    int best_overlap = 0;
    for (Row& r : rows) {
      int ov = Overlap(c.y0, c.y1, r.core_top, r.core_bottom);
      int shorter = std::min(c.height(), r.core_bottom - r.core_top);
      if (ov >= options.min_overlap * shorter && ov > best_overlap) {
        best = &r;
        best_overlap = ov;
      }
    }
    if (best == nullptr) {
      rows.emplace_back();
      best = &rows.back();
    }
    best->bodies.push_back(i);
    UpdateCore(comps, best);
  }

  // Marks stacked on one letter (ธิ์) touch and form one component nearly
  // as tall as a consonant; a row of nothing else is not a line of text but
  // the marks of the line below or above it. Such a row is dissolved into
  // marks when a real row is near.
  auto weak = [&](const Row& r) {
    return r.core_bottom - r.core_top < options.weak_row * core;
  };
  std::vector<Row> strong;
  for (Row& r : rows) {
    if (!weak(r)) strong.push_back(std::move(r));
  }
  for (Row& r : rows) {
    if (r.bodies.empty() || !weak(r)) continue;
    bool near = std::any_of(strong.begin(), strong.end(), [&](const Row& s) {
      int gap =
          std::max(s.core_top - r.core_bottom, r.core_top - s.core_bottom);
      return gap <= core;
    });
    if (near) {
      small.insert(small.end(), r.bodies.begin(), r.bodies.end());
    } else {
      strong.push_back(std::move(r));
    }
  }
  rows = std::move(strong);

  // A mark belongs to the nearest consonant band; a band with no consonant
  // in the mark's columns is farther by half a consonant, so a tone mark
  // squeezed between two lines goes to the line whose letter it is on.
  const int reach = core / 3;
  for (int i : small) {
    const Comp& c = comps[i];
    Row* best = nullptr;
    int best_distance = 0;
    for (Row& r : rows) {
      bool same_columns =
          std::any_of(r.bodies.begin(), r.bodies.end(), [&](int b) {
            return Overlap(c.x0 - reach, c.x1 + reach, comps[b].x0,
                           comps[b].x1) > 0;
          });
      int d = BandDistance(c, r) + (same_columns ? 0 : core / 2);
      if (best == nullptr || d < best_distance) {
        best = &r;
        best_distance = d;
      }
    }
    // Too far from any line to be one of its marks: dirt, or what is left
    // of a border.
    if (best != nullptr &&
        BandDistance(c, *best) <= options.max_mark_gap * core) {
      best->marks.push_back(i);
    }
  }

  const double ppp = 1 / k;
  for (const Row& r : rows) {
    TextRow t;
    for (const std::vector<int>* members : {&r.bodies, &r.marks}) {
      for (int i : *members) {
        const Comp& c = comps[i];
        t.box.Extend({c.x0 * ppp, c.y0 * ppp, c.x1 * ppp, c.y1 * ppp});
      }
    }
    t.core_top = r.core_top * ppp;
    t.core_bottom = r.core_bottom * ppp;
    out.push_back(t);
  }
  std::sort(out.begin(), out.end(), [](const TextRow& a, const TextRow& b) {
    return a.core_top < b.core_top;
  });
  return out;
}

}  // namespace raingan::image
