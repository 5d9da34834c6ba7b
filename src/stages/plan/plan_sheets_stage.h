// "plan_sheets": the project detail sheets of five-year anti-corruption
// plans become measures (see sheet_parser.h). Reads running-text
// paragraphs only, so text exports, PDFs and scans share it; documents
// without sheets are left unchanged.
#ifndef RAINGAN_STAGES_PLAN_PLAN_SHEETS_STAGE_H_
#define RAINGAN_STAGES_PLAN_PLAN_SHEETS_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads the plan files (PlanLexicon) and models/units.tsv.
Result<std::unique_ptr<Stage>> NewPlanSheetsStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_PLAN_PLAN_SHEETS_STAGE_H_
