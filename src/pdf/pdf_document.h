// PdfDocument: raingan's one wrapper around Poppler.
//
// Only src/pdf/*.cc include Poppler headers. The rest of raingan sees a
// PDF as pages of positioned glyphs and ruling segments (read in one pass
// over the page's content stream: no rasterization) and, for OCR or raster
// ruling detection, as rendered images.
//
// Bad input never crashes or throws: Open() reports encrypted, damaged and
// empty files as Status::BadInput with the reason, and Poppler's own
// messages (which it would print to stderr) become warnings().
//
// Not thread-safe: read the pages of one document from one thread at a
// time. Different documents may be used from different threads.
#ifndef RAINGAN_PDF_PDF_DOCUMENT_H_
#define RAINGAN_PDF_PDF_DOCUMENT_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "image/limits.h"
#include "layout/glyph.h"
#include "layout/segment.h"

namespace raingan::pdf {

using Glyph = layout::Glyph;

// What one page draws, in points with a top-left origin (page rotation
// applied, so text reads upright).
struct PageContent {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Glyph> glyphs;  // in content-stream order
  // Raw stroked lines and thin filled rectangles; pass them through
  // layout::NormalizeSegments().
  std::vector<layout::Segment> rulings;
  // Filled rectangles too thick to be rulings, in a colour darker than
  // paper: shaded cells (Gantt tables shade the months a measure runs).
  std::vector<BBox> fills;
  // Share of the page area covered by images (0..1; overlaps counted
  // twice, capped at 1): a page that is one big image is a scan.
  double image_coverage = 0;
  // Glyphs drawn rotated or mirrored (vertical header text, stamps); they
  // are not in `glyphs`.
  int skipped_rotated_glyphs = 0;
  std::vector<std::string> warnings;  // Poppler's messages for this page
};

class PdfDocument {
 public:
  // Copies `bytes`. Fails with BadInput for empty, non-PDF, damaged
  // beyond repair, password-protected or page-less files.
  static Result<PdfDocument> Open(std::string_view bytes);

  PdfDocument(PdfDocument&&) noexcept;
  PdfDocument& operator=(PdfDocument&&) noexcept;
  ~PdfDocument();

  int page_count() const;
  // Messages Poppler raised while opening (e.g. a rebuilt xref table).
  const std::vector<std::string>& warnings() const;

  // Glyphs, rulings and image coverage of page `number` (1-based).
  Result<PageContent> ReadPage(int number) const;
  // The page rasterized at `dpi` (10..1200): 8-bit gray, or 32-bit RGB
  // when `gray` is false. Refused (BadInput naming the size and the limit)
  // before anything is decoded when the rendered page, or an image the
  // page draws, would be over `max_pixels` (image/limits.h).
  Result<image::Image> Render(
      int number, int dpi, bool gray = true,
      int64_t max_pixels = image::kDefaultMaxPixels) const;

 private:
  struct Impl;
  explicit PdfDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The Poppler library in use, as it reports itself at run time ("22.12.0",
// asked of libpoppler-cpp, built from the same source as the core library
// raingan uses); with " (built against X)" when the headers raingan was
// compiled with name another version. For bug reports.
std::string PopplerVersion();

}  // namespace raingan::pdf

#endif  // RAINGAN_PDF_PDF_DOCUMENT_H_
