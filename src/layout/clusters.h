// Thai grapheme clusters from the glyphs of a text layer.
//
// A Thai syllable is drawn as a base glyph plus zero-width combining marks
// (ั ิ ี ึ ื ุ ู ็ ่ ้ ๊ ๋ ์ ํ). Producers disagree on where those marks go:
// LibreOffice emits each mark after its base at the pen position *after*
// the base — with letter-spacing that is exactly where the next base
// starts — and other producers emit the mark first. Sorting glyphs by x
// therefore puts marks on the wrong base; BuildClusters attaches each mark
// to its base using content-stream order first and geometry second, so the
// result never splits a cluster and never invents a space inside one.
//
// It also repairs one glyph-level artefact of fonts that draw SARA AM as
// NIKHAHIT + SARA AA: the first glyph maps to "ำ" and the second to "า",
// which would read "ำา". Pure text repairs (PUA, NFC, ํ+า) are left to the
// normalize stage.
#ifndef RAINGAN_LAYOUT_CLUSTERS_H_
#define RAINGAN_LAYOUT_CLUSTERS_H_

#include <string>
#include <vector>

#include "layout/glyph.h"

namespace raingan::layout {

// A base glyph with its marks, or one space glyph.
struct Cluster {
  std::string text;  // base followed by its marks, in logical order
  BBox bbox;         // the base's advance box (marks do not widen it)
  double baseline = 0;
  double font_size = 0;
  bool bold = false;
  bool space = false;  // a space glyph: an explicit word boundary
  int order = 0;       // index of the base glyph in the input
};

// True for code points that combine with the preceding base: Thai above
// and below vowels, tone marks and signs, and the generic combining block.
bool IsCombiningMark(char32_t c);

// Groups glyphs (in content-stream order) into clusters, keeping that
// order. Glyphs with empty text are dropped.
std::vector<Cluster> BuildClusters(const std::vector<Glyph>& glyphs);

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_CLUSTERS_H_
