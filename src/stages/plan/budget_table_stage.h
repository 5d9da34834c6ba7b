// "budget_table": reads the budget table of an anti-corruption plan into
// plan.budget_lines and plan.budget_totals (see budget_table.h), reports
// every total the lines do not add up to as a document warning, and links
// the lines to the project sheets read by "plan_sheets" (run it after).
#ifndef RAINGAN_STAGES_PLAN_BUDGET_TABLE_STAGE_H_
#define RAINGAN_STAGES_PLAN_BUDGET_TABLE_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/header_roles.tsv and the plan files (PlanLexicon).
Result<std::unique_ptr<Stage>> NewBudgetTableStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_BUDGET_TABLE_STAGE_H_
