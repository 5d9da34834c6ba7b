#include "stages/plan/risk_table_stage.h"

#include "stages/plan/risk_table.h"

namespace raingan {
namespace {

class RiskTableStage : public Stage {
 public:
  std::string_view name() const override { return "risk_table"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    RiskTableReader reader(ctx.models.headers, ctx.models.plan);
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kTable) {
          reader.AddTable(block.table);
        } else {
          reader.AddParagraph(block.text);
        }
      }
    }
    for (RiskRow& r : reader.Finish()) doc->plan.risks.push_back(std::move(r));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewRiskTableStage() {
  return std::make_unique<RiskTableStage>();
}

}  // namespace raingan
