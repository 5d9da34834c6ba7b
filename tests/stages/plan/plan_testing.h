// Helpers for the plan stage tests: the real models/ and documents read
// from real text-export excerpts (tests/data/plan/) the way the pipeline
// reads them.
#ifndef RAINGAN_TESTS_STAGES_PLAN_PLAN_TESTING_H_
#define RAINGAN_TESTS_STAGES_PLAN_PLAN_TESTING_H_

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "backends/backend.h"
#include "base/file.h"
#include "model/document.h"
#include "stages/normalize/normalize_stage.h"
#include "stages/plan/plan_lexicon.h"
#include "stages/scores/score_lexicon.h"
#include "lexicon/header_roles.h"
#include "stages/tables/owners.h"
#include "testing/stages.h"

namespace raingan::plan_testing {

// The lexicons the plan and score stages read, from the real models/.
struct PlanModels {
  const HeaderLexicon& headers;
  const PlanLexicon& plan;
  const UnitLexicon& units;
  const ScoreLexicon& scores;
};

inline const PlanModels& TestModels() {
  static const PlanModels models{
      testing::TestModel<HeaderLexicon>(), testing::TestModel<PlanLexicon>(),
      testing::TestModel<UnitLexicon>(), testing::TestModel<ScoreLexicon>()};
  return models;
}

// tests/data/plan/<name>, read by the text backend and normalized.
inline Document ReadExcerpt(const std::string& name) {
  Document doc;
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/plan/" + name);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  if (!bytes.ok()) return doc;
  Status s = ReadTextExport(*bytes, BackendOptions{}, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  s = testing::RunStage(&NewNormalizeStage, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

inline Paragraph Para(const std::string& text, int page = 0, BBox bbox = {}) {
  Paragraph p;
  p.text = text;
  p.prov.page = page;
  p.prov.bbox = bbox;
  return p;
}

}  // namespace raingan::plan_testing

#endif  // RAINGAN_TESTS_STAGES_PLAN_PLAN_TESTING_H_
