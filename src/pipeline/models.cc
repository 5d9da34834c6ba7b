#include "pipeline/models.h"

#include "base/file.h"
#include "pipeline/data_dirs.h"

namespace raingan {
Result<std::shared_ptr<const Models>> Models::Load(const std::string& dir) {
  if (!PathExists(dir)) {
    return Status::NotFound("models directory not found: " + dir +
                            " (set --models or RAINGAN_MODELS)");
  }
  Result<textnorm::Normalizer> normalizer = textnorm::Normalizer::Load(dir);
  if (!normalizer.ok()) return normalizer.status();
  Result<dates::PeriodParser> periods = dates::PeriodParser::Load(dir);
  if (!periods.ok()) return periods.status();
  Result<HeaderLexicon> headers = HeaderLexicon::Load(dir);
  if (!headers.ok()) return headers.status();
  Result<UnitLexicon> units = UnitLexicon::Load(dir);
  if (!units.ok()) return units.status();
  Result<SectionMatcher> sections = SectionMatcher::Load(dir);
  if (!sections.ok()) return sections.status();
  Result<MetadataLexicon> metadata = MetadataLexicon::Load(dir);
  if (!metadata.ok()) return metadata.status();
  Result<PlanLexicon> plan = PlanLexicon::Load(dir);
  if (!plan.ok()) return plan.status();
  Result<ScoreLexicon> scores = ScoreLexicon::Load(dir);
  if (!scores.ok()) return scores.status();

  auto models = std::make_shared<Models>(
      Models{dir, std::move(normalizer).value(), std::move(periods).value(),
             std::move(headers).value(), std::move(units).value(),
             std::move(sections).value(), std::move(metadata).value(),
             std::move(plan).value(), std::move(scores).value()});
  return std::shared_ptr<const Models>(std::move(models));
}

std::string DefaultModelsDir() {
  return FindDataDir("RAINGAN_MODELS", "models", "header_roles.tsv",
                     RAINGAN_SOURCE_MODELS_DIR);
}

}  // namespace raingan
