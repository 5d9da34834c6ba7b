// "normalize": brings every paragraph of every page (running text and
// table cells) to clean Unicode Thai with the shared Normalizer — NFC,
// legacy-font PUA repair, SARA AM repair, whitespace collapse — and drops
// paragraphs left empty. Runs first: all later stages see normalized text.
#ifndef RAINGAN_STAGES_NORMALIZE_NORMALIZE_STAGE_H_
#define RAINGAN_STAGES_NORMALIZE_NORMALIZE_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

// Loads models/pua.tsv (textnorm::Normalizer).
Result<std::unique_ptr<Stage>> NewNormalizeStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_NORMALIZE_NORMALIZE_STAGE_H_
