#include "stages/plan/budget_table_stage.h"

#include <memory>
#include <utility>

#include "stages/block_reader.h"
#include "stages/plan/budget_check.h"
#include "stages/plan/budget_table.h"

namespace raingan {
namespace {

class BudgetTableStage : public Stage {
 public:
  BudgetTableStage(std::shared_ptr<const HeaderLexicon> headers,
                   std::shared_ptr<const PlanLexicon> plan)
      : headers_(std::move(headers)), plan_(std::move(plan)) {}

  std::string_view name() const override { return "budget_table"; }

  Status Run(Document* doc) const override {
    BudgetTableReader reader(*headers_, *plan_);
    FeedBlocks(*doc, &reader);
    BudgetTableResult r = reader.Finish();
    if (r.lines.empty() && r.totals.empty()) return Status::Ok();
    for (Issue& issue : r.issues) doc->issues.push_back(std::move(issue));
    for (std::string& w : CheckBudgetTotals(r.lines, &r.totals)) {
      doc->AddIssue(name(), "budget_mismatch", std::move(w));
    }
    LinkBudgetLines(doc->measures, &r.lines);
    doc->plan.budget_lines = std::move(r.lines);
    doc->plan.budget_totals = std::move(r.totals);
    return Status::Ok();
  }

 private:
  std::shared_ptr<const HeaderLexicon> headers_;
  std::shared_ptr<const PlanLexicon> plan_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewBudgetTableStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const PlanLexicon> plan,
                           models->Get<PlanLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<BudgetTableStage>(std::move(headers), std::move(plan)));
}

}  // namespace raingan
