// DigitShapes: recognizing Thai digits by their shape, where Tesseract
// cannot.
//
// Tesseract's Thai model has not learned the digits of TH Sarabun /
// Laksaman — the fonts Thai government documents are required to use —
// and reads ๖ as ๒, ๗ as ๓ and ๘ as ๕ or ๐๕, with high confidence. Every
// year in a report (๒๕๖๗, ๒๕๖๘) comes out wrong, and with it every
// period. DigitShapes holds one template per digit and font
// (models/ocr_digit_shapes.tsv) and classifies a glyph's shape
// (image/glyph_shapes.h) by correlation with them.
//
// Templates are learned from born-digital PDFs: LearnDigitShapes() finds
// each digit through the text layer, renders it and averages its shapes.
// Users add a font by appending its lines to the TSV.
#ifndef RAINGAN_OCR_DIGIT_SHAPES_H_
#define RAINGAN_OCR_DIGIT_SHAPES_H_

#include <string>
#include <vector>

#include "base/result.h"
#include "image/glyph_shapes.h"
#include "pdf/pdf_document.h"

namespace raingan::ocr {

struct ShapeTemplate {
  char32_t character = 0;  // ๐..๙
  std::string font;        // where it was learned, for people
  image::GlyphShape shape;
};

struct DigitMatch {
  char32_t digit = 0;  // 0 when there are no templates
  double score = -1;   // correlation with the best template, minus the
                       // aspect-ratio penalty; 1 = identical
  double margin = 0;   // score minus the best score of another digit
};

class DigitShapes {
 public:
  // Reads a TSV file: character, font, aspect ratio, and the ink grid as
  // kShapeCells² hexadecimal digits (0 = paper .. f = ink), row by row.
  static Result<DigitShapes> Load(const std::string& path);
  explicit DigitShapes(std::vector<ShapeTemplate> templates = {});

  bool empty() const { return templates_.empty(); }
  const std::vector<ShapeTemplate>& templates() const { return templates_; }

  DigitMatch Classify(const image::GlyphShape& shape) const;

  // One line of the TSV format Load() reads.
  static std::string FormatLine(const ShapeTemplate& t);

 private:
  std::vector<ShapeTemplate> templates_;
  std::vector<image::GlyphShape> smoothed_;  // what Classify() compares
};

// The mean shape of every Thai digit the text layer of `pdf` draws in a
// regular (not bold) face, rendered at `dpi`, labelled `font`. Digits that
// never occur are missing from the result.
Result<std::vector<ShapeTemplate>> LearnDigitShapes(const pdf::PdfDocument& pdf,
                                                    const std::string& font,
                                                    int dpi = 300);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_DIGIT_SHAPES_H_
