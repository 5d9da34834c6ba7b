#include "stages/scores/scores_stage.h"

#include "stages/scores/score_reader.h"

namespace raingan {
namespace {

class ScoresStage : public Stage {
 public:
  std::string_view name() const override { return "scores"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    ScoreReader reader(ctx.models.scores);
    for (const Page& page : doc->pages) {
      for (const Block& block : page.blocks) {
        if (block.type == BlockType::kTable) {
          reader.AddTable(block.table);
        } else {
          reader.AddParagraph(block.text);
        }
      }
    }
    for (Score& s : reader.Finish()) doc->scores.push_back(std::move(s));
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewScoresStage() {
  return std::make_unique<ScoresStage>();
}

}  // namespace raingan
