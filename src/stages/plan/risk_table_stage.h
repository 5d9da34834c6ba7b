// "risk_table": reads the corruption-risk assessment table of an
// anti-corruption plan into plan.risks (see risk_table.h).
#ifndef RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_
#define RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/header_roles.tsv and the plan files (PlanLexicon).
Result<std::unique_ptr<Stage>> NewRiskTableStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_
