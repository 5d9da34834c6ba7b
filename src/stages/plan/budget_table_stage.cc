#include "stages/plan/budget_table_stage.h"

#include "stages/plan/budget_check.h"
#include "stages/plan/budget_table.h"

namespace raingan {
namespace {

class BudgetTableStage : public Stage {
 public:
  std::string_view name() const override { return "budget_table"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    BudgetTableReader reader(ctx.models.headers, ctx.models.plan);
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kTable) {
          reader.AddTable(block.table);
        } else {
          reader.AddParagraph(block.text);
        }
      }
    }
    BudgetTableResult r = reader.Finish();
    if (r.lines.empty() && r.totals.empty()) return Status::Ok();
    for (std::string& w : r.warnings) doc->warnings.push_back(std::move(w));
    for (std::string& w : CheckBudgetTotals(r.lines, &r.totals)) {
      doc->warnings.push_back(std::move(w));
    }
    LinkBudgetLines(doc->measures, &r.lines);
    doc->plan.budget_lines = std::move(r.lines);
    doc->plan.budget_totals = std::move(r.totals);
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewBudgetTableStage() {
  return std::make_unique<BudgetTableStage>();
}

}  // namespace raingan
