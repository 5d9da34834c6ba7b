// Checking a plan's budget table against its own totals, and linking its
// project lines to the project sheets.
#ifndef RAINGAN_STAGES_PLAN_BUDGET_CHECK_H_
#define RAINGAN_STAGES_PLAN_BUDGET_CHECK_H_

#include <string>
#include <vector>

#include "model/document.h"

namespace raingan {

// Fills each total's `computed` (per year: the sum of the lines of its
// dimension, or of all lines for the grand total; blank amounts count 0)
// and returns one message per year whose printed total differs (the stage
// reports each as an issue "budget_mismatch"):
//   "budget table: dimension 2, year 2566: the total row states 50,000
//    baht but its project lines add up to 35,000"
// The document is reported, never corrected: `stated` keeps the print.
std::vector<std::string> CheckBudgetTotals(const std::vector<BudgetLine>& lines,
                                           std::vector<BudgetTotal>* totals);

// Sets `measure_id` of each budget line to the project sheet (measure)
// with the same name in the same dimension. Names are compared without
// spacing, quotes or markup (NameKey) and must be at least
// `min_similarity` alike; each sheet is linked to one line at most, best
// matches first.
void LinkBudgetLines(const std::vector<Measure>& measures,
                     std::vector<BudgetLine>* lines,
                     double min_similarity = 0.8);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_BUDGET_CHECK_H_
