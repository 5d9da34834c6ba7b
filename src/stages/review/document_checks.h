// Document checks: what makes a whole document doubtful even when every
// record in it looks fine — the records raingan did not find. Each finding
// is an Issue (model/issue.h) the review stage adds to Document::issues
// and, as its message, to Document::warnings; any finding makes the
// document "partial".
//
//   code                     the document has
//   table_no_records         a measure table's header (a table row, or a
//                            line of text naming the columns) but no
//                            record at all
//   records_missing          fewer records than its numbering implies
//                            (1, 2, 5 → 3 and 4 missing); a number that
//                            stands for its neighbour (1, 2, 8, 4: an OCR
//                            misreading) does not count
//   ocr_page_noise           a page that needed OCR and read as noise: the
//                            mean word confidence of its text, weighted by
//                            length, below kNoisyPageConfidence
//   page_not_read            a page without a usable text layer that OCR
//                            did not read (--no-ocr, rendering failed)
//   fiscal_year_disagrees    a fiscal year that its dated periods disagree
//                            with: the periods stage replaced it, or most
//                            (at least two) fall outside it
//
// The checks read the document after every other stage has run; they
// change nothing but issues and warnings.
#ifndef RAINGAN_STAGES_REVIEW_DOCUMENT_CHECKS_H_
#define RAINGAN_STAGES_REVIEW_DOCUMENT_CHECKS_H_

#include <vector>

#include "lexicon/header_roles.h"
#include "model/document.h"

namespace raingan {

// Tesseract's mean confidence on the pages of the samples' scans is
// 0.91-0.93 (0.85-0.9 on the noisy 200-dpi scan and the photo); on
// images of noise 0.3-0.5 (pipeline tests). Between lies text too
// damaged to trust.
inline constexpr double kNoisyPageConfidence = 0.6;

inline constexpr char kDocumentChecksStage[] = "review";

std::vector<Issue> RunDocumentChecks(const Document& doc,
                                     const HeaderLexicon& headers);

}  // namespace raingan

#endif  // RAINGAN_STAGES_REVIEW_DOCUMENT_CHECKS_H_
