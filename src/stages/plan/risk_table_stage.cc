#include "stages/plan/risk_table_stage.h"

#include <memory>
#include <utility>

#include "stages/block_reader.h"
#include "stages/plan/risk_table.h"

namespace raingan {
namespace {

class RiskTableStage : public Stage {
 public:
  RiskTableStage(std::shared_ptr<const HeaderLexicon> headers,
                 std::shared_ptr<const PlanLexicon> plan)
      : headers_(std::move(headers)), plan_(std::move(plan)) {}

  std::string_view name() const override { return "risk_table"; }

  Status Run(Document* doc) const override {
    RiskTableReader reader(*headers_, *plan_);
    FeedBlocks(*doc, &reader);
    for (RiskRow& r : reader.Finish()) doc->plan.risks.push_back(std::move(r));
    return Status::Ok();
  }

 private:
  std::shared_ptr<const HeaderLexicon> headers_;
  std::shared_ptr<const PlanLexicon> plan_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewRiskTableStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const PlanLexicon> plan,
                           models->Get<PlanLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<RiskTableStage>(std::move(headers), std::move(plan)));
}

}  // namespace raingan
