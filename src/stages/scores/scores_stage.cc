#include "stages/scores/scores_stage.h"

#include <memory>
#include <utility>

#include "stages/block_reader.h"
#include "stages/scores/score_lexicon.h"
#include "stages/scores/score_reader.h"

namespace raingan {
namespace {

class ScoresStage : public Stage {
 public:
  explicit ScoresStage(std::shared_ptr<const ScoreLexicon> lexicon)
      : lexicon_(std::move(lexicon)) {}

  std::string_view name() const override { return "scores"; }

  Status Run(Document* doc) const override {
    ScoreReader reader(*lexicon_);
    FeedBlocks(*doc, &reader);
    for (Score& s : reader.Finish()) doc->scores.push_back(std::move(s));
    return Status::Ok();
  }

 private:
  std::shared_ptr<const ScoreLexicon> lexicon_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewScoresStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const ScoreLexicon> lexicon,
                           models->Get<ScoreLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<ScoresStage>(std::move(lexicon)));
}

}  // namespace raingan
