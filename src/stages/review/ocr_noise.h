// Marks that OCR leaves in Thai text and a printed report does not hold,
// for the review of fields read by OCR (field_review.h):
//
//   a short lowercase Latin word standing between Thai words ("และ as
//   เสริม", "ITA naw ศึกษา"): Tesseract's Thai-and-English models read a
//   blurred Thai word as a few Latin letters, and a report writes English
//   as names (One Stop Service, ITA, Facebook), not as lowercase scraps;
//
//   a full stop right after a whole Thai word ("ตลอดปีงบประมาณ. ๒๕๖๘",
//   "สำนักปลัด .กองคลัง"): dust or a stamp's dot read as a character. Thai
//   puts full stops after abbreviations (อบต., พ.ศ.), and an abbreviation
//   is no word, so a stop after a dictionary word is noise.
//
// On the seven shared scans these were 12 of the 18 wrong fields that
// neither confidence nor the word check flagged. Text layers are not
// checked: there a stop after a word is the writer's.
#ifndef RAINGAN_STAGES_REVIEW_OCR_NOISE_H_
#define RAINGAN_STAGES_REVIEW_OCR_NOISE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "lexicon/thai_dictionary.h"

namespace raingan {

// What the first such mark in `text` is ("\"naw\" between Thai words",
// "a full stop after ประมาณ"), or nothing. `names` are words besides the
// dictionary's, as for ThaiDictionary::UnknownLetters.
std::optional<std::string> FindOcrNoise(
    std::string_view text, const ThaiDictionary& dictionary,
    const std::vector<std::u32string>& names = {});

}  // namespace raingan

#endif  // RAINGAN_STAGES_REVIEW_OCR_NOISE_H_
