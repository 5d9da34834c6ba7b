// "risk_table": reads the corruption-risk assessment table of an
// anti-corruption plan into plan.risks (see risk_table.h).
#ifndef RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_
#define RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_

#include <memory>

#include "pipeline/stage.h"

namespace raingan {

std::unique_ptr<Stage> NewRiskTableStage();

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_RISK_TABLE_STAGE_H_
