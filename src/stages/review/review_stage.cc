#include "stages/review/review_stage.h"

#include "stages/review/document_checks.h"
#include "stages/review/field_review.h"

namespace raingan {
namespace {

class ReviewStage : public Stage {
 public:
  std::string_view name() const override { return "review"; }

  Status Run(const StageContext& ctx, Document* doc) const override {
    ReviewOptions options;
    options.below = ctx.review_below;
    options.fiscal_year = doc->info.fiscal_year;
    options.units = &ctx.models.units;
    for (Measure& m : doc->measures) {
      m.review.clear();
      EstimateFieldConfidence(&m);
      for (ReviewItem& item : ReviewFields(m, options)) {
        AddReview(std::move(item), &m);
      }
    }
    ReviewNumbering(&doc->measures);
    for (Issue& issue : RunDocumentChecks(*doc, ctx.models.headers)) {
      doc->warnings.push_back(issue.message);
      doc->issues.push_back(std::move(issue));
    }
    return Status::Ok();
  }
};

}  // namespace

std::unique_ptr<Stage> NewReviewStage() {
  return std::make_unique<ReviewStage>();
}

}  // namespace raingan
