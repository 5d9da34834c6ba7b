// From Tesseract's lines (pixels, per-word confidences) to the positioned
// text lines that layout/ arranges into paragraphs and table cells —
// the same layout::TextLine a PDF text layer produces, so a scanned page
// goes through the same LayoutPage()/FillTable() as a born-digital one.
#ifndef RAINGAN_OCR_RECOGNIZED_LINE_H_
#define RAINGAN_OCR_RECOGNIZED_LINE_H_

#include <vector>

#include "layout/segment.h"
#include "layout/text_lines.h"
#include "ocr/engine.h"

namespace raingan::ocr {

// One OCR line: its words (kept for confidences and corrections) and the
// layout line in page points.
struct RecognizedLine {
  std::vector<OcrWord> words;
  layout::TextLine line;
  double x_height = 0;          // points; 0 when Tesseract gave none
  double points_per_pixel = 1;  // of the words' boxes

  // Mean word confidence weighted by the words' lengths in code points
  // (a one-letter misread weighs less than a long word), 0..1.
  double Confidence() const;
  // Rebuilds line.text from the words (single spaces between them).
  void RebuildText();
};

struct LineOptions {
  // Nominal font size (points) per point of x-height. Layout compares
  // gaps and sizes in font sizes; TH Sarabun and Laksaman, the fonts of
  // Thai official documents, have a consonant height of about 0.63 em
  // (7.6 pt at 12 pt, measured on the samples' born-digital PDFs).
  double font_per_x_height = 1.6;
  // The line box runs from this far (em) above the baseline to `descent`
  // below it, like the ascent/descent box of a PDF text layer, so that gaps
  // between lines do not depend on whether a line has marks above or below
  // (an ink box would make "และ" and "ผู้ที่" lines differ by half an em).
  double ascent = 0.93;
  double descent = 0.35;
  // Lines whose x-height is less than this ratio above the page's median
  // get the page's median font size: the estimate from one line wobbles by
  // more than the 10% that layout treats as a change of style, and lines
  // of Thai digits or Latin lower case are shorter than consonants without
  // being smaller type. Larger lines (16 pt titles over 12 pt tables) keep
  // their size.
  double same_size = 1.2;
};

// The box of word `i` in points.
BBox WordBox(const RecognizedLine& line, size_t i);

// The line cut where it crosses one of the vertical `separators` (points;
// only those spanning the line's height count): one line per run of words
// between two separators, words kept whole (a word belongs where its
// center is). The aligned-table finder's column gaps, applied to lines
// that OCR read across a whole table row.
std::vector<RecognizedLine> SplitAtSeparators(
    const RecognizedLine& line, const std::vector<layout::Segment>& separators);

// Converts lines read from an image with `points_per_pixel` (72 / dpi).
std::vector<RecognizedLine> ToRecognizedLines(const std::vector<OcrLine>& lines,
                                              double points_per_pixel);

// Assigns font sizes and line boxes to all lines of one page (see
// LineOptions).
void AssignFontSizes(std::vector<RecognizedLine>* lines,
                     const LineOptions& options = {});

// The layout lines, in the same order.
std::vector<layout::TextLine> LayoutLines(
    const std::vector<RecognizedLine>& lines);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_RECOGNIZED_LINE_H_
