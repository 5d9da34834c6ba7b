#include "base/similarity.h"

#include <algorithm>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace raingan {

double EditSimilarity(std::string_view a, std::string_view b) {
  std::u32string x = utf8::ToU32(a), y = utf8::ToU32(b);
  if (x.empty() && y.empty()) return 1.0;
  if (x.size() < y.size()) std::swap(x, y);
  // Two-row Levenshtein.
  std::vector<size_t> prev(y.size() + 1), cur(y.size() + 1);
  for (size_t j = 0; j <= y.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= x.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= y.size(); ++j) {
      size_t sub = prev[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return 1.0 -
         static_cast<double>(prev[y.size()]) / static_cast<double>(x.size());
}

}  // namespace raingan
