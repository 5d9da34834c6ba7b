// Re-reading Tesseract's Thai numbers by shape (see digit_shapes.h).
//
// Candidates, within one line:
//   - a run: consecutive words not separated by a blank that each hold a
//     digit (or only punctuation), with at least one Thai digit among
//     them: "๒๕๒๓", "๑.๒"; a word of one or two letters may open the run
//     or sit inside it: "๒ว๓๑-", "ไว๗-" (Tesseract's "๖๗-"); if such a
//     run fails, its digits alone are tried ("ปี๒๕๖๘");
//   - next to a month name: a short blank-separated token with a Latin
//     letter or a digit, which is what the English model makes of Thai
//     digits it does not know ("mo" for ๓๐ in "๑ ตุลาคม ๒๕๖๗ - ๓๐
//     กันยายน");
//   - a row number with odd characters and no Thai letter: "(@)", "(๕@)",
//     "D.®" for "(๔)", "(๕)", "๖.๑".
// A candidate's glyphs are located in the image (the connected components
// in its columns and the line's consonant band; touching digits are cut at
// their thinnest column) and classified. Its text is replaced only when
// every glyph is a digit with a clear score and margin; punctuation keeps
// Tesseract's characters when their number matches the punctuation glyphs.
// Otherwise Tesseract's reading stands: a letter never becomes a digit
// unless its shape is plainly one.
#ifndef RAINGAN_OCR_DIGIT_REPAIR_H_
#define RAINGAN_OCR_DIGIT_REPAIR_H_

#include <vector>

#include "dates/lexicon.h"
#include "image/image.h"
#include "image/text_rows.h"
#include "ocr/digit_shapes.h"
#include "ocr/engine.h"

namespace raingan::ocr {

struct DigitRepairOptions {
  // A glyph of a run (Tesseract saw a Thai digit there) is a digit when
  // its best template scores at least this (on the samples' scans letters
  // score below 0.3, digits 0.45 to 0.96; the weakest are digits printed
  // thin or scanned crooked) ...
  double min_score = 0.45;
  // ... in a token Tesseract did not read as digits (Latin letters next to
  // a month, a row number, letters inside a run), at least this ...
  double min_foreign_score = 0.7;
  // ... and beats every other digit by this much. ๔ and ๕ differ only by
  // the tail of ๕: a clean ๔ beats ๕ by less than 0.1.
  double min_margin = 0.06;
  // Components lower than this fraction of the consonant height are
  // punctuation ("." "," "-"), not digits.
  double min_digit_height = 0.5;
  // Components narrower than this (× their height) are brackets or "/".
  double min_digit_aspect = 0.45;
  // A component wider than this (× its height) is several touching digits
  // (the widest single Thai digits, ๐ and ๓, are about 1.3).
  double max_digit_aspect = 1.6;
  // Typical digit width (× height), to tell how many digits touch.
  double digit_aspect = 1.0;
  // Tokens next to a month name are candidates up to this many code
  // points.
  size_t max_month_neighbour = 5;
};

// The blank-separated tokens just before and after the line in its region:
// a narrow cell breaks "๓๐ กันยายน" over two lines.
struct LineNeighbours {
  std::string before;  // last token of the line above
  std::string after;   // first token of the line below
};

// Repairs the candidates of `words` (one line read from `binary`, in its
// pixels) whose row is `row`. `months` (may be null) recognizes month
// names. Returns the number of candidates changed; a changed candidate
// becomes one word, with the lowest glyph score as its confidence.
int RepairDigits(const image::Image& binary, const image::TextRow& row,
                 const DigitShapes& shapes, const dates::PeriodLexicon* months,
                 const LineNeighbours& neighbours,
                 const DigitRepairOptions& options,
                 std::vector<OcrWord>* words);

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_DIGIT_REPAIR_H_
