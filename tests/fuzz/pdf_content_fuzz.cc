// libFuzzer target: arbitrary page content streams through the PDF backend.
//
// The input becomes the content stream of a one-page PDF (with Helvetica,
// a standard font, as /F1), so every mutation reaches
// the page pass — text matrices, font sizes, paths, images, marked content
// — rather than dying in the file parser. Reading the page and building its
// blocks must never crash, and what comes out must keep the model's
// promises: finite glyph boxes, dense table rows.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "backends/pdf/page_builder.h"
#include "pdf/pdf_document.h"

namespace {

std::string WrapAsPage(const uint8_t* data, size_t size) {
  std::string content(reinterpret_cast<const char*>(data), size);
  std::string objects[] = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
      "<< /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" +
          content + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  };
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 6\n0000000000 65535 f \n";
  for (int i = 0; i < 5; ++i) {
    char entry[32];
    std::snprintf(entry, sizeof(entry), "%010zu 00000 n \n", pdf.size());
    xref += entry;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t start = pdf.size();
  pdf += xref + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" +
         std::to_string(start) + "\n%%EOF\n";
  return pdf;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace raingan;
  Result<pdf::PdfDocument> doc = pdf::PdfDocument::Open(WrapAsPage(data, size));
  if (!doc.ok()) return 0;
  Result<pdf::PageContent> page = doc->ReadPage(1);
  if (!page.ok()) return 0;
  for (const pdf::Glyph& g : page->glyphs) {
    if (!std::isfinite(g.bbox.x0) || !std::isfinite(g.bbox.y1)) std::abort();
  }
  Page built = pdf_backend::BuildPage(*page);
  for (const Block& b : built.blocks) {
    if (b.type != BlockType::kTable) continue;
    for (const TableRow& row : b.table.rows) {
      if (static_cast<int>(row.cells.size()) != b.table.columns) std::abort();
    }
  }
  return 0;
}
