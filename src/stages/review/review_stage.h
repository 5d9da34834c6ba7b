// "review": the last stage of every pipeline. Decides which fields of
// each record a clerk should check (field_review.h: Measure::review, from
// field_confidence below Document::review_below and from checks) and
// runs the document checks (document_checks.h: Document::issues and
// warnings). It changes no extracted value.
#ifndef RAINGAN_STAGES_REVIEW_REVIEW_STAGE_H_
#define RAINGAN_STAGES_REVIEW_REVIEW_STAGE_H_

#include <memory>

#include "stages/stage.h"

namespace raingan {

Result<std::unique_ptr<Stage>> NewReviewStage(ModelStore* models);

}  // namespace raingan

#endif  // RAINGAN_STAGES_REVIEW_REVIEW_STAGE_H_
