#include "image/row_strip.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>

#include "image/leptonica_ptr.h"

namespace raingan::image {

Result<RowStrip> LayRowsSideBySide(const Image& gray, const Image& binary,
                                   const std::vector<TextRow>& rows,
                                   double gap_points) {
  if (rows.empty()) return Status::InvalidArgument("no rows to lay out");
  if (gray.empty() || gray.depth() != 8) {
    return Status::InvalidArgument("row strips need an 8-bit gray image");
  }
  if (binary.empty() || binary.width() != gray.width() ||
      binary.height() != gray.height()) {
    return Status::InvalidArgument("gray and 1-bit images differ in size");
  }
  const double k = gray.dpi() / 72.0;
  const int gap = std::max(1, static_cast<int>(std::lround(gap_points * k)));
  auto to_pixels = [&](double y0, double y1, const BBox& box) {
    PixelRect r{static_cast<int>(std::floor(box.x0 * k)),
                static_cast<int>(std::floor(y0 * k)),
                static_cast<int>(std::ceil(box.x1 * k)),
                static_cast<int>(std::ceil(y1 * k))};
    r.x0 = std::clamp(r.x0, 0, gray.width());
    r.x1 = std::clamp(r.x1, r.x0, gray.width());
    r.y0 = std::clamp(r.y0, 0, gray.height());
    r.y1 = std::clamp(r.y1, r.y0, gray.height());
    return TrimBlankColumns(binary, r);
  };
  // Rows are spaced by their consonant bodies: marks above or below may
  // hang over the row before, as the ring of "ำ" wrapped onto a line of
  // its own does (over "ส" it stands on in "สำ").
  RowStrip out;
  int above = 0, below = 0;  // around the common baseline
  int cursor = 0;            // strip x of the next body, before the margin
  int leftmost = 0, rightmost = 0;
  std::vector<int> baselines;
  for (const TextRow& row : rows) {
    PixelRect r = to_pixels(row.box.y0, row.box.y1, row.box);
    PixelRect body = to_pixels(row.core_top, row.core_bottom, row.box);
    if (body.x1 <= body.x0) body = r;
    const int baseline = std::clamp(
        static_cast<int>(std::lround(row.core_bottom * k)), r.y0, r.y1);
    above = std::max(above, baseline - r.y0);
    below = std::max(below, r.y1 - baseline);
    if (!out.pieces.empty()) cursor += gap;
    const int x = cursor - (body.x0 - r.x0);
    out.pieces.push_back(StripPiece{r, x});
    baselines.push_back(baseline);
    leftmost = std::min(leftmost, x);
    rightmost = std::max(rightmost, x + (r.x1 - r.x0));
    cursor += body.x1 - body.x0;
  }
  // Blank around the text as Tesseract expects of a line image: half the
  // line's height.
  const int margin = std::max(4, (above + below) / 2);
  const int shift = margin - leftmost;
  const int strip_width = rightmost - leftmost + 2 * margin;
  const int strip_height = above + below + 2 * margin;
  PixPtr strip(pixCreate(strip_width, strip_height, 8));
  if (!strip) return Status::Internal("cannot allocate a row strip");
  pixSetAll(strip.get());  // white
  pixSetResolution(strip.get(), gray.dpi(), gray.dpi());
  l_uint32* dst = pixGetData(strip.get());
  const int dst_wpl = pixGetWpl(strip.get());
  const l_uint32* src = pixGetData(gray.pix());
  const int src_wpl = pixGetWpl(gray.pix());
  for (size_t i = 0; i < out.pieces.size(); ++i) {
    StripPiece& p = out.pieces[i];
    p.x += shift;
    const int top = margin + above - (baselines[i] - p.source.y0);
    // The darker pixel wins where a hanging mark meets the row before.
    for (int y = p.source.y0; y < p.source.y1; ++y) {
      const l_uint32* src_line = src + y * src_wpl;
      l_uint32* dst_line = dst + (top + y - p.source.y0) * dst_wpl;
      for (int x = p.source.x0; x < p.source.x1; ++x) {
        const int dx = p.x + x - p.source.x0;
        const l_uint32 v = GET_DATA_BYTE(src_line, x);
        if (v < GET_DATA_BYTE(dst_line, dx)) SET_DATA_BYTE(dst_line, dx, v);
      }
    }
  }
  out.image = Image::Adopt(strip.release());
  return out;
}

}  // namespace raingan::image
