// Thai <-> Arabic digit folding.
//
// Output policy (raingan-wide): free text keeps its digits as printed - a
// report written with Thai digits stays in Thai digits, because the text is
// quoted back to users verbatim. Identifiers (measure numbers "1.2") and
// dates (ISO "2025-09-30") are emitted with Arabic digits. The Normalizer
// never folds digits; callers fold explicitly with these functions.
#ifndef RAINGAN_TEXTNORM_DIGITS_H_
#define RAINGAN_TEXTNORM_DIGITS_H_

#include <string>
#include <string_view>

namespace raingan::textnorm {

// ๐..๙ -> 0..9; everything else (including invalid bytes) is copied as is.
std::string FoldDigitsToArabic(std::string_view text);
// 0..9 -> ๐..๙; everything else is copied as is.
std::string FoldDigitsToThai(std::string_view text);

}  // namespace raingan::textnorm

#endif  // RAINGAN_TEXTNORM_DIGITS_H_
