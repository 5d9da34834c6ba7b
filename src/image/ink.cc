#include "image/ink.h"

#include <leptonica/allheaders.h>

#include <algorithm>

#include "image/leptonica_ptr.h"

namespace raingan::image {

PixelRect TrimBlankColumns(const Image& binary, const PixelRect& box) {
  if (binary.empty() || binary.depth() != 1) return box;
  const int x0 = std::max(box.x0, 0), y0 = std::max(box.y0, 0);
  const int x1 = std::min(box.x1, binary.width());
  const int y1 = std::min(box.y1, binary.height());
  if (x1 <= x0 || y1 <= y0) return box;
  BoxPtr region(boxCreate(x0, y0, x1 - x0, y1 - y0));
  if (!region) return box;
  NumaPtr counts(pixCountByColumn(binary.pix(), region.get()));
  if (!counts) return box;
  const int n = numaGetCount(counts.get());
  auto inked = [&](int i) {
    int v = 0;
    numaGetIValue(counts.get(), i, &v);
    return v > 0;
  };
  int first = 0;
  while (first < n && !inked(first)) ++first;
  if (first == n) return box;
  int last = n - 1;
  while (last > first && !inked(last)) --last;
  PixelRect trimmed = box;
  trimmed.x0 = x0 + first;
  trimmed.x1 = x0 + last + 1;
  return trimmed;
}

}  // namespace raingan::image
