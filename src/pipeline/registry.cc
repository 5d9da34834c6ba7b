#include "pipeline/registry.h"

#include "stages/metadata/metadata_stage.h"
#include "stages/normalize/normalize_stage.h"
#include "stages/periods/periods_stage.h"
#include "stages/plan/budget_table_stage.h"
#include "stages/plan/plan_sheets_stage.h"
#include "stages/plan/risk_table_stage.h"
#include "stages/review/review_stage.h"
#include "stages/scores/scores_stage.h"
#include "stages/tables/measure_tables_stage.h"

namespace raingan {
namespace {

struct Registration {
  std::string_view name;
  StageFactory create;
};

// Order here is only the order `raingan stages` lists them in.
constexpr Registration kStages[] = {
    {"normalize", &NewNormalizeStage},
    {"metadata", &NewMetadataStage},
    {"measure_tables", &NewMeasureTablesStage},
    {"plan_sheets", &NewPlanSheetsStage},
    {"budget_table", &NewBudgetTableStage},
    {"risk_table", &NewRiskTableStage},
    {"scores", &NewScoresStage},
    {"periods", &NewPeriodsStage},
    {"review", &NewReviewStage},
};

}  // namespace

StageFactory FindStageFactory(std::string_view name) {
  for (const Registration& r : kStages) {
    if (r.name == name) return r.create;
  }
  return nullptr;
}

std::vector<std::string> StageNames() {
  std::vector<std::string> names;
  for (const Registration& r : kStages) names.emplace_back(r.name);
  return names;
}

}  // namespace raingan
