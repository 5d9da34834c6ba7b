// Text lines from positioned glyphs.
//
// AssembleLines() groups clusters (see clusters.h) that share a baseline
// into lines, left to right, and never lets a line cross a vertical ruling:
// in a ruled table every cell then gets its own lines, which is what
// FillTable() (table_fill.h) expects. Word spaces are the producer's space
// glyphs where it draws them, otherwise gaps wider than a fraction of the
// font size — measured against the line's own letter-spacing, because
// justified Thai text is often letter-spaced rather than word-spaced.
#ifndef RAINGAN_LAYOUT_TEXT_LINES_H_
#define RAINGAN_LAYOUT_TEXT_LINES_H_

#include <string>
#include <vector>

#include "layout/glyph.h"
#include "layout/segment.h"
#include "model/geometry.h"

namespace raingan::layout {

// One visual line (or the part of it inside one table cell).
struct TextLine {
  std::string text;  // clusters with single spaces between words, trimmed
  BBox bbox;         // union of the glyph advance boxes
  double baseline = 0;
  double font_size = 0;  // median over the line's glyphs
  bool bold = false;     // most non-space glyphs are bold
  // The producer drew a space glyph after the last word: the next line, if
  // the text continues there, starts a new word.
  bool trailing_space = false;
  // With LineOptions::split_at_spaces: this word was split from the word
  // before it on its band because the content stream jumped between them
  // (another text run, no space glyph) — as a neighbouring cell is drawn.
  bool run_break = false;
};

struct LineOptions {
  // Baselines closer than this (× font size) are one line.
  double same_line = 0.35;
  // A gap wider than this (× font size, beyond the line's letter-spacing)
  // is a word space when the producer draws no space glyphs.
  double word_gap = 0.2;
  // A gap wider than this (× font size) splits a line in two: tab stops,
  // columns, a signature beside a name.
  double split_gap = 2.5;
  // Also split at every space glyph, and where the content stream jumps
  // (the glyph after is not drawn right after the one before: another
  // text run, typically another table cell): words, for the aligned-table
  // finder. Cells of a borderless table may be set 1.4 pt apart.
  bool split_at_spaces = false;
  // Content-stream positions two glyphs of one run may be apart (the
  // combining marks and spaces drawn between two base glyphs).
  int max_order_jump = 6;
};

// Lines in reading order within each region: by baseline, then x. Vertical
// segments of `barriers` split lines they cross (horizontal ones are
// ignored, so all rulings of a page may be passed).
std::vector<TextLine> AssembleLines(const std::vector<Glyph>& glyphs,
                                    const std::vector<Segment>& barriers,
                                    const LineOptions& options = {});

// Sorts lines top to bottom, and left to right among lines that share a
// baseline (within LineOptions::same_line).
void SortReadingOrder(std::vector<TextLine>* lines,
                      const LineOptions& options = {});

}  // namespace raingan::layout

#endif  // RAINGAN_LAYOUT_TEXT_LINES_H_
