// Page geometry and provenance shared by every item of the document model.
#ifndef RAINGAN_MODEL_GEOMETRY_H_
#define RAINGAN_MODEL_GEOMETRY_H_

#include <algorithm>

namespace raingan {

// An axis-aligned box in page coordinates: PDF points (1/72 inch), origin at
// the top-left corner of the page, y growing downwards. Scanned images are
// converted from pixels with 72/dpi so both kinds of pages share one frame.
struct BBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;

  bool empty() const { return x1 <= x0 || y1 <= y0; }
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  double cx() const { return (x0 + x1) / 2; }
  double cy() const { return (y0 + y1) / 2; }

  // Grows this box to cover `o` (an empty box is the identity).
  void Extend(const BBox& o) {
    if (o.empty()) return;
    if (empty()) {
      *this = o;
      return;
    }
    x0 = std::min(x0, o.x0);
    y0 = std::min(y0, o.y0);
    x1 = std::max(x1, o.x1);
    y1 = std::max(y1, o.y1);
  }
  bool Contains(double x, double y) const {
    return x >= x0 && x <= x1 && y >= y0 && y <= y1;
  }
};

// Where an item came from. Every block, paragraph, cell and record has one.
struct Provenance {
  int page = 0;  // 1-based page number; 0 = not paged (text exports)
  int line = 0;  // 1-based line in a text export; 0 = not applicable
  BBox bbox;     // on `page`; empty when unknown (text exports)
};

}  // namespace raingan

#endif  // RAINGAN_MODEL_GEOMETRY_H_
