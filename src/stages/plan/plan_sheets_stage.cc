#include "stages/plan/plan_sheets_stage.h"

#include <vector>

#include "stages/plan/sheet_parser.h"

namespace raingan {
namespace {

class PlanSheetsStage : public Stage {
 public:
  std::string_view name() const override { return "plan_sheets"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    std::vector<const Paragraph*> paragraphs;
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          paragraphs.push_back(&block.text);
        }
      }
    }
    SheetParser parser(ctx.models.plan, ctx.models.units);
    for (Measure& m : parser.Parse(paragraphs)) {
      doc->measures.push_back(std::move(m));
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewPlanSheetsStage() {
  return std::make_unique<PlanSheetsStage>();
}

}  // namespace raingan
