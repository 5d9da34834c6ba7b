#include "stages/review/review_stage.h"

#include <memory>
#include <utility>

#include "stages/review/document_checks.h"
#include "stages/review/field_review.h"

namespace raingan {
namespace {

class ReviewStage : public Stage {
 public:
  ReviewStage(std::shared_ptr<const UnitLexicon> units,
              std::shared_ptr<const HeaderLexicon> headers)
      : units_(std::move(units)), headers_(std::move(headers)) {}

  std::string_view name() const override { return "review"; }

  Status Run(Document* doc) const override {
    ReviewOptions options;
    if (doc->review_below >= 0) options.below = doc->review_below;
    options.fiscal_year = doc->info.fiscal_year;
    options.units = units_.get();
    for (Measure& m : doc->measures) {
      m.review.clear();
      EstimateFieldConfidence(&m);
      for (ReviewItem& item : ReviewFields(m, options)) {
        AddReview(std::move(item), &m);
      }
    }
    ReviewNumbering(&doc->measures);
    for (Issue& issue : RunDocumentChecks(*doc, *headers_)) {
      doc->issues.push_back(std::move(issue));
    }
    return Status::Ok();
  }

 private:
  std::shared_ptr<const UnitLexicon> units_;
  std::shared_ptr<const HeaderLexicon> headers_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewReviewStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const UnitLexicon> units,
                           models->Get<UnitLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<ReviewStage>(std::move(units), std::move(headers)));
}

}  // namespace raingan
