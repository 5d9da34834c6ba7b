// "scores": ITA score results printed in a report or plan (paragraphs and
// ตัวชี้วัด | คะแนน tables) into doc->scores (see score_reader.h).
#ifndef RAINGAN_STAGES_SCORES_SCORES_STAGE_H_
#define RAINGAN_STAGES_SCORES_SCORES_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/plan_ita_scores.tsv (ScoreLexicon).
Result<std::unique_ptr<Stage>> NewScoresStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_SCORES_SCORES_STAGE_H_
