#include "stages/plan/plan_sheets_stage.h"

#include <memory>
#include <utility>
#include <vector>

#include "stages/plan/sheet_parser.h"

namespace raingan {
namespace {

class PlanSheetsStage : public Stage {
 public:
  PlanSheetsStage(std::shared_ptr<const PlanLexicon> plan,
                  std::shared_ptr<const UnitLexicon> units)
      : plan_(std::move(plan)), units_(std::move(units)) {}

  std::string_view name() const override { return "plan_sheets"; }

  Status Run(Document* doc) const override {
    std::vector<const Paragraph*> paragraphs;
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kParagraph) {
          paragraphs.push_back(&block.text);
        }
      }
    }
    SheetParser parser(*plan_, *units_);
    for (Measure& m : parser.Parse(paragraphs)) {
      doc->measures.push_back(std::move(m));
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const PlanLexicon> plan_;
  std::shared_ptr<const UnitLexicon> units_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewPlanSheetsStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const PlanLexicon> plan,
                           models->Get<PlanLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const UnitLexicon> units,
                           models->Get<UnitLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<PlanSheetsStage>(std::move(plan), std::move(units)));
}

}  // namespace raingan
