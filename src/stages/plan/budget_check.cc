#include "stages/plan/budget_check.h"

#include <algorithm>
#include <tuple>

#include "stages/plan/plan_text.h"

namespace raingan {
namespace {

// The dimension a sheet id "2-5" names; 0 when the id has none.
int IdDimension(const std::string& id) {
  size_t dash = id.find('-');
  if (dash == std::string::npos) return 0;
  return std::max(0, DigitsValue(id.substr(0, dash)));
}

}  // namespace

std::vector<std::string> CheckBudgetTotals(const std::vector<BudgetLine>& lines,
                                           std::vector<BudgetTotal>* totals) {
  std::vector<std::string> warnings;
  for (BudgetTotal& total : *totals) {
    std::string what = total.dimension == 0
                           ? std::string("grand total")
                           : "dimension " + std::to_string(total.dimension);
    for (const auto& [year, stated] : total.stated) {
      int64_t sum = 0;
      int blank = 0;
      for (const BudgetLine& line : lines) {
        if (total.dimension != 0 && line.dimension != total.dimension) {
          continue;
        }
        auto it = line.by_year.find(year);
        if (it == line.by_year.end() || !it->second) {
          ++blank;
        } else {
          sum += *it->second;
        }
      }
      total.computed[year] = sum;
      if (!stated || *stated == sum) continue;
      std::string w =
          "budget table: " + what + ", year " + std::to_string(year) +
          ": the total row states " + FormatBaht(*stated) +
          " baht but its project lines add up to " + FormatBaht(sum);
      if (blank > 0) {
        w += " (" + std::to_string(blank) + " project amount" +
             (blank > 1 ? "s" : "") + " blank)";
      }
      warnings.push_back(std::move(w));
    }
  }
  return warnings;
}

void LinkBudgetLines(const std::vector<Measure>& measures,
                     std::vector<BudgetLine>* lines, double min_similarity) {
  std::vector<std::string> measure_keys;
  for (const Measure& m : measures) measure_keys.push_back(NameKey(m.measure));
  std::vector<std::tuple<double, size_t, size_t>> pairs;  // score, line, m
  for (size_t l = 0; l < lines->size(); ++l) {
    const BudgetLine& line = (*lines)[l];
    std::string key = NameKey(line.project);
    for (size_t m = 0; m < measures.size(); ++m) {
      int d = IdDimension(measures[m].id);
      if (line.dimension > 0 && d > 0 && d != line.dimension) continue;
      double s = KeySimilarity(key, measure_keys[m]);
      if (s >= min_similarity) pairs.emplace_back(s, l, m);
    }
  }
  std::sort(pairs.begin(), pairs.end(),
            [](const auto& a, const auto& b) { return a > b; });
  std::vector<bool> line_done(lines->size()), measure_done(measures.size());
  for (const auto& [score, l, m] : pairs) {
    if (line_done[l] || measure_done[m]) continue;
    line_done[l] = measure_done[m] = true;
    (*lines)[l].measure_id = measures[m].id;
  }
}

}  // namespace raingan
