#include "stages/review/review_stage.h"

#include <memory>
#include <utility>

#include "base/utf8.h"
#include "lexicon/thai_dictionary.h"
#include "stages/metadata/metadata_lexicon.h"
#include "stages/review/document_checks.h"
#include "stages/review/field_review.h"

namespace raingan {
namespace {

// The names a report writes that no dictionary holds: its administration
// without its kind (เข็กน้อย of องค์การบริหารส่วนตำบลเข็กน้อย), its district
// and province, and every province.
std::vector<std::u32string> DocumentNames(const Organization& org,
                                          const MetadataLexicon& places) {
  std::vector<std::u32string> names;
  auto add = [&names](std::string_view name) {
    if (!name.empty()) names.push_back(utf8::ToU32(name));
  };
  std::string_view place = org.name;
  size_t longest_kind = 0;
  for (const OrgType& kind : places.org_types) {
    if (kind.full.size() > longest_kind && place.size() > kind.full.size() &&
        place.substr(0, kind.full.size()) == kind.full) {
      longest_kind = kind.full.size();
    }
  }
  add(place.substr(longest_kind));
  add(org.district);
  add(org.province);
  for (const std::string& province : places.provinces) add(province);
  return names;
}

class ReviewStage : public Stage {
 public:
  ReviewStage(std::shared_ptr<const UnitLexicon> units,
              std::shared_ptr<const HeaderLexicon> headers,
              std::shared_ptr<const ThaiDictionary> dictionary,
              std::shared_ptr<const MetadataLexicon> places)
      : units_(std::move(units)),
        headers_(std::move(headers)),
        dictionary_(std::move(dictionary)),
        places_(std::move(places)) {}

  std::string_view name() const override { return "review"; }

  Status Run(Document* doc) const override {
    ReviewOptions options;
    if (doc->review_below >= 0) options.below = doc->review_below;
    options.fiscal_year = doc->info.fiscal_year;
    options.units = units_.get();
    options.dictionary = dictionary_.get();
    options.names = DocumentNames(doc->info.organization, *places_);
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
  std::shared_ptr<const ThaiDictionary> dictionary_;
  std::shared_ptr<const MetadataLexicon> places_;
};

}  // namespace

Result<std::unique_ptr<Stage>> NewReviewStage(ModelStore* models) {
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const UnitLexicon> units,
                           models->Get<UnitLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const HeaderLexicon> headers,
                           models->Get<HeaderLexicon>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const ThaiDictionary> dictionary,
                           models->Get<ThaiDictionary>());
  RAINGAN_ASSIGN_OR_RETURN(std::shared_ptr<const MetadataLexicon> places,
                           models->Get<MetadataLexicon>());
  return std::unique_ptr<Stage>(
      std::make_unique<ReviewStage>(std::move(units), std::move(headers),
                                    std::move(dictionary), std::move(places)));
}

}  // namespace raingan
