// Models: every data file in models/ loaded once, shared read-only by all
// stages (and, in a batch, by all documents a process handles).
#ifndef RAINGAN_PIPELINE_MODELS_H_
#define RAINGAN_PIPELINE_MODELS_H_

#include <memory>
#include <string>

#include "base/result.h"
#include "dates/period.h"
#include "stages/metadata/metadata_lexicon.h"
#include "stages/plan/plan_lexicon.h"
#include "stages/scores/score_lexicon.h"
#include "stages/sections/section_matcher.h"
#include "lexicon/header_roles.h"
#include "stages/tables/owners.h"
#include "textnorm/normalizer.h"

namespace raingan {

struct Models {
  std::string dir;
  textnorm::Normalizer normalizer;
  dates::PeriodParser periods;
  HeaderLexicon headers;
  UnitLexicon units;
  SectionMatcher sections;
  MetadataLexicon metadata;
  PlanLexicon plan;
  ScoreLexicon scores;

  // Loads every file; the first bad file fails with its path and line.
  static Result<std::shared_ptr<const Models>> Load(const std::string& dir);
};

// Where models/ is: $RAINGAN_MODELS, else models/ next to the executable's
// directory (an installed tree), else the source tree's models/.
std::string DefaultModelsDir();

}  // namespace raingan

#endif  // RAINGAN_PIPELINE_MODELS_H_
