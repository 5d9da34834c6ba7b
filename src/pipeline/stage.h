// Stage: one step of a pipeline. A stage reads and refines the Document
// (see model/document.h); it never reads files or writes output.
//
// Stages are stateless and const, so one instance serves many documents.
// A stage returns a non-OK Status only when the document cannot be
// processed at all; problems with parts of a document become warnings
// (doc->warnings, or a measure's warnings) and the stage carries on.
#ifndef RAINGAN_PIPELINE_STAGE_H_
#define RAINGAN_PIPELINE_STAGE_H_

#include <string_view>

#include "base/status.h"
#include "model/document.h"
#include "pipeline/models.h"
#include "stages/review/field_review.h"

namespace raingan {

struct StageContext {
  const Models& models;
  // Fields whose confidence is below this are listed for review
  // (ExtractOptions::review_below, stages/review/field_review.h).
  double review_below = kDefaultReviewBelow;
};

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual Status Run(const StageContext& ctx, Document* doc) const = 0;
};

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_STAGE_H_
