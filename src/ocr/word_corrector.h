// WordCorrector: fixing OCR misreads of known report vocabulary where
// Tesseract itself was unsure.
//
// Scanned reports repeat a small vocabulary — unit names (สำนักปลัด,
// กองคลัง), months, "ปีงบประมาณ", the table headers — that the stages
// after OCR look for verbatim: one wrong vowel ("ปิงบประมาณ") and the
// fiscal year is lost, one dropped tone mark and an owner column is not
// recognized. The corrector looks for lexicon terms inside each
// blank-separated token of a line allowing a few edits (approximate
// substring matching), and replaces the matched text by the term when
//   - the edit distance is small for the term's length (1 edit up to 7
//     code points, 2 up to 13, 3 beyond; terms shorter than 4 and
//     abbreviations are never used), and
//   - Tesseract's confidence in the words under the match is low.
// Confident text is never changed, and nothing is added that the image
// does not show in some form.
//
// The lexicon: models/ocr_words.txt (one term per line, also given to
// Tesseract as its user-words list), the month names of models/months.tsv
// and the Thai header patterns of models/header_roles.tsv.
#ifndef RAINGAN_OCR_WORD_CORRECTOR_H_
#define RAINGAN_OCR_WORD_CORRECTOR_H_

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ocr/engine.h"
#include "textnorm/normalizer.h"

namespace raingan::ocr {

struct CorrectorOptions {
  // Words at or above this confidence are trusted: a match touching only
  // such words is left alone. Tesseract gives 0.93-0.97 to letters it is
  // sure of.
  double max_confidence = 0.9;
  // Terms shorter than this (code points) are too easy to match by chance.
  size_t min_term_length = 4;
};

class WordCorrector {
 public:
  // Reads the lexicon files from `models_dir` (ocr_words.txt is required;
  // months.tsv and header_roles.tsv are used when present).
  static Result<WordCorrector> Load(const std::string& models_dir,
                                    const CorrectorOptions& options = {});
  WordCorrector(std::vector<std::string> terms, textnorm::Normalizer normalizer,
                const CorrectorOptions& options = {});

  size_t size() const { return terms_.size(); }

  // Corrects one OCR line in place (words in reading order, as Engine
  // returns them). Two tokens that hold a term exactly across the blank
  // between them become one token first. Each corrected token becomes one
  // word carrying the token's mean confidence. Returns the number of terms
  // put in.
  int Correct(std::vector<OcrWord>* words) const;

  // The same on plain text with one confidence per code point (exposed for
  // tests); returns the corrected, normalized text.
  std::u32string CorrectText(std::u32string text,
                             std::vector<double> confidence,
                             int* corrections) const;

 private:
  // Whether a term occurs exactly in left + right, across the join.
  bool TermAcross(const std::u32string& left,
                  const std::u32string& right) const;

  std::vector<std::u32string> terms_;  // normalized, longest first
  textnorm::Normalizer normalizer_;
  CorrectorOptions options_;
};

}  // namespace raingan::ocr

#endif  // RAINGAN_OCR_WORD_CORRECTOR_H_
