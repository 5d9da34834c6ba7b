// Text similarity for matching the same words printed (or OCRed) twice.
#ifndef RAINGAN_BASE_SIMILARITY_H_
#define RAINGAN_BASE_SIMILARITY_H_

#include <string_view>

namespace raingan {

// 1 - (Levenshtein distance / longer length), over code points of UTF-8
// text; 1 for two empty strings. Quadratic: meant for names and short
// cells (a few hundred code points), not pages.
double EditSimilarity(std::string_view a, std::string_view b);

}  // namespace raingan

#endif  // RAINGAN_BASE_SIMILARITY_H_
