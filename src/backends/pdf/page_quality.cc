#include "backends/pdf/page_quality.h"

#include <string>

#include "base/utf8.h"
#include "textnorm/text_stats.h"

namespace raingan::pdf_backend {
namespace {

// Letters of TIS-620 Thai read as Latin-1 ("ÍÒ¨ÒÃÂì"): a font without a
// ToUnicode map over a legacy Thai encoding.
int CountLatin1Letters(std::string_view text) {
  int n = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    char32_t c = utf8::DecodeNext(text, &pos);
    if (c >= 0xA1 && c <= 0xFB) ++n;
  }
  return n;
}

std::string Percent(int part, int whole) {
  return std::to_string(whole > 0 ? (100 * part + whole / 2) / whole : 0) + "%";
}

}  // namespace

TextLayerQuality AssessTextLayer(std::string_view text, double image_coverage,
                                 const QualityOptions& options) {
  textnorm::TextStats stats = textnorm::CountTextIssues(text);
  TextLayerQuality q;
  q.chars = stats.chars;
  q.pua = stats.pua;
  q.split_sara_am = stats.split_sara_am;
  q.replacement = stats.replacement;

  if (stats.chars < options.min_chars &&
      image_coverage >= options.scan_coverage) {
    q.needs_ocr = true;
    q.reason =
        stats.chars == 0
            ? "no text layer; the page is an image"
            : "almost no text over an image covering " +
                  std::to_string(static_cast<int>(image_coverage * 100 + 0.5)) +
                  "% of the page";
    return q;
  }
  if (stats.chars == 0) return q;  // a blank page: nothing to read
  int undecodable = stats.replacement + stats.control;
  if (undecodable > options.max_undecodable * stats.chars) {
    q.needs_ocr = true;
    q.reason = Percent(undecodable, stats.chars) +
               " of the glyphs have no Unicode mapping";
    return q;
  }
  int latin1 = CountLatin1Letters(text);
  if (stats.thai == 0 && latin1 * 2 > stats.chars) {
    q.needs_ocr = true;
    q.reason = "text layer looks like legacy-encoded Thai (" +
               Percent(latin1, stats.chars) + " Latin-1 letters)";
  }
  return q;
}

}  // namespace raingan::pdf_backend
