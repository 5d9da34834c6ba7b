// Text lines of a scanned region, found from its connected components.
//
// Thai writes vowels and tone marks above and below the consonants, up to
// three levels over one line. Tesseract's own line finder, given a small
// block such as a table cell with two bold lines, often takes a row of
// marks for a line of its own and reads "ผู้รับผิด" as three lines of
// garbage. FindTextRows() does this step with Thai in mind:
//   1. the "core" height — the height of a consonant — is estimated from
//      the taller components (marks are small, consonants are many);
//   2. components at least about that tall (consonants, digits, Latin
//      letters) are grouped into rows by vertical overlap;
//   3. rows of stacked marks alone (ธิ์ tall enough to pass for a letter)
//      are dissolved into marks;
//   4. every smaller component (a mark, a dot, a hyphen) joins the row of
//      the consonant it sits on or under: the nearest row among those with
//      a consonant in the same columns.
// Each row is then read on its own as a single line.
#ifndef RAINGAN_IMAGE_TEXT_ROWS_H_
#define RAINGAN_IMAGE_TEXT_ROWS_H_

#include <vector>

#include "base/result.h"
#include "image/image.h"
#include "model/geometry.h"

namespace raingan::image {

struct TextRow {
  BBox box;                // all components of the row, marks included (points)
  double core_top = 0;     // top of the consonant band (points)
  double core_bottom = 0;  // bottom of the consonant band: the baseline
};

struct TextRowOptions {
  // Components at least this fraction of the core height are row bodies.
  double body_fraction = 0.55;
  // Two bodies overlapping vertically by at least this fraction of the
  // shorter one are on one row.
  double min_overlap = 0.4;
  // A row whose consonant band is lower than this fraction of the core
  // height, within one core height of a proper row, is made of stacked
  // marks (ธิ์, ผู้) and joins that row.
  double weak_row = 0.7;
  // Components taller or wider than this many core heights are rulings,
  // frames or underlines, not glyphs, and are ignored. (A Thai letter with
  // its ascender and descender is about twice the core height.)
  double max_glyph_height = 3.5;
  double max_glyph_width = 12.0;
  // Marks farther than this many core heights from every consonant band
  // belong to no line (two stacked marks reach about one core height).
  double max_mark_gap = 1.2;
};

// Rows of ink of a 1-bit image inside `region` (points), top to bottom.
// An empty region gives no rows.
Result<std::vector<TextRow>> FindTextRows(const Image& binary,
                                          const BBox& region,
                                          const TextRowOptions& options = {});

}  // namespace raingan::image

#endif  // RAINGAN_IMAGE_TEXT_ROWS_H_
