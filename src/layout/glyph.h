// A positioned character of a page's text layer: the input of line
// assembly. PDF text layers report one Glyph per drawn character; Thai
// combining marks (vowels above/below, tone marks) are separate glyphs that
// the producer may have placed at an odd position or even emitted before
// their base — see clusters.h for how they are put back.
#ifndef RAINGAN_LAYOUT_GLYPH_H_
#define RAINGAN_LAYOUT_GLYPH_H_

#include <string>

#include "model/geometry.h"

namespace raingan::layout {

struct Glyph {
  // UTF-8; usually one code point, several for ligatures, U+FFFD when the
  // font has no Unicode mapping for the glyph.
  std::string text;
  // The advance box: x from the pen position to pen + advance (zero width
  // for most Thai marks), y from ascent to descent around the baseline.
  BBox bbox;
  double baseline = 0;   // y of the baseline, points from the top
  double font_size = 0;  // effective size in points (after all matrices)
  bool bold = false;     // bold font, or fill+stroke "fake bold"
};

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_GLYPH_H_
