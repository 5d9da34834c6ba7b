// Turning text lines into paragraphs: where a paragraph starts, and how
// wrapped lines are joined back.
//
// Thai is written without spaces between words and wraps anywhere between
// two syllables, so a line break between two Thai characters is not a word
// boundary: joining "ผู้รับผิด" + "ชอบ" must give "ผู้รับผิดชอบ". Elsewhere
// (Latin words, digits, punctuation) a line break is a space.
#ifndef RAINGAN_LAYOUT_PARAGRAPHS_H_
#define RAINGAN_LAYOUT_PARAGRAPHS_H_

#include <string>
#include <string_view>
#include <vector>

#include "layout/text_lines.h"
#include "model/document.h"

namespace raingan::layout {

// True if the line opens a list item: "๑." "1." "(๑)" "๑)" "๑.๑" "ก." and
// bullets "-" "•" "●" "▪" "○" "◦" "✓" "*".
bool StartsWithListMarker(std::string_view line);

// Whether `line` opens a new list item after `text` (the paragraph so
// far): StartsWithListMarker(), except that "๘)" closing a parenthesis
// left open in `text` ("(ตัวชี้วัดที่" wrapped before "๘)") continues it.
bool OpensListItem(std::string_view text, std::string_view line);

// Appends `line` to `text`: directly when the break falls inside a word
// (between two Thai letters, after "/" or a word's "-") and the line
// before had no trailing space glyph, else after one space.
void JoinLine(std::string* text, std::string_view line,
              bool trailing_space = false);

struct ParagraphOptions {
  // A vertical gap between two lines' boxes wider than this (× font size)
  // ends a paragraph (lines of one paragraph nearly touch).
  double gap = 0.6;
  // The table's leading: the usual gap between two lines of one cell
  // (× font size; negative = unknown). Fonts with tall line boxes (Umpush:
  // 0.7 em box to box) set the lines of one paragraph farther apart than
  // `gap`; a paragraph break is then wider than the leading by
  // kParagraphLeading as well.
  double leading = -1;
};

// How much wider than the leading (× font size) a paragraph gap is.
inline constexpr double kParagraphLeading = 0.4;

// The leading of a table from the line gaps (× font size) inside its
// cells: their lower quartile, or -1 when fewer than 4 were measured.
double TableLeading(std::vector<double> gaps_em);

// The paragraphs of one table cell: `lines` in reading order. A paragraph
// starts at a list item (OpensListItem) or after a clear vertical gap; every
// paragraph gets `page` and the union of its lines' boxes as provenance.
std::vector<Paragraph> CellParagraphs(const std::vector<TextLine>& lines,
                                      int page,
                                      const ParagraphOptions& options = {});

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_PARAGRAPHS_H_
