// The Thai-specific repair rules of the Normalizer, on code point strings.
// Split out so each rule can be tested on its own and read in one place.
#ifndef RAINGAN_TEXTNORM_THAI_REPAIR_H_
#define RAINGAN_TEXTNORM_THAI_REPAIR_H_

#include <string>

namespace raingan::textnorm {

// True if a space between `prev` and `next` cannot be a word boundary and so
// was inserted by extraction:
//  - before ะ า ำ ๅ, when `prev` is a consonant or a mark ("ฝ่ าย");
//  - before a mark that `prev` can carry: any mark after a consonant
//    ("ห น ่ว ย"), a tone mark or NIKHAHIT after a vowel mark, NIKHAHIT
//    after a tone mark;
//  - between a leading vowel and its consonant ("เ พื่อ") or a mark of that
//    consonant written before it.
// Spaces before ๆ are never spurious.
bool IsSpuriousSpace(char32_t prev, char32_t next);

// Thai "distributed" justification spreads every letter of a line apart,
// and text extraction turns the gaps into spaces: "ง า น ข อ ง ห น ่ว ย".
// Joins each run of at least kMinLetterSpacedRun space-separated "letters"
// (one Thai consonant or vowel letter with its marks); real Thai text never
// has five single letters in a row. Returns true if it joined any.
inline constexpr int kMinLetterSpacedRun = 5;
bool CollapseLetterSpacing(std::u32string* text);

// Removes every single space (U+0020) whose neighbours make it spurious
// (IsSpuriousSpace). Returns true if it removed any.
bool DropSpuriousSpaces(std::u32string* text);

// Rewrites each Thai syllable of `in` into canonical order and appends the
// result to *out:
//  - the marks after a consonant are stacked vowel mark, tone mark,
//    NIKHAHIT; identical repeated marks are dropped;
//  - marks written after ะ/า/ำ move before it ("กา่" -> "ก่า");
//  - NIKHAHIT + SARA AA, in any order with a tone mark, becomes tone + ำ;
//  - marks with no consonant before them (start of text, after a space, a
//    leading vowel, a digit...) that are directly followed by a consonant
//    move onto it (PDF producers that emit the mark glyph first).
// Other characters are copied unchanged. `in` should not contain spaces
// inside syllables (see IsSpuriousSpace).
void RepairThaiSyllables(const std::u32string& in, std::u32string* out);

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_THAI_REPAIR_H_
