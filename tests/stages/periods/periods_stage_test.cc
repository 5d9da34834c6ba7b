// The periods stage: dates from period cells, and the document's fiscal
// year checked against them (rows from an OCR run of report 002 at 150 dpi,
// whose memo line read "๒๕๒๕" for "๒๕๖๘").
#include "stages/periods/periods_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;

Document WithPeriods(int be, int be_end, std::vector<std::string> periods) {
  Document doc;
  doc.info.fiscal_year = {be, be_end};
  for (std::string& p : periods) {
    Measure m;
    m.period.text = std::move(p);
    doc.measures.push_back(std::move(m));
  }
  return doc;
}

void RunStage(Document* doc) {
  ASSERT_TRUE(testing::RunStage(&NewPeriodsStage, doc).ok());
}

TEST(PeriodsStageTest, MisreadDocumentYearIsOutvotedByThePeriods) {
  Document doc = WithPeriods(2525, 2525,
                             {"ตลอดปีงบประมาณ ๒๕๖๘", "ตลอดปีงบประมาณ ๒๕๖๘",
                              "มกราคม -กันยายน ๒๕๖๘ (ดำเนินการต่อเนื่องตลอดปี)",
                              "เมษายน - มิถุนายน ๒๕๖๘", "ตลอดปีงบประมาณ ๒๕๖๘"});
  RunStage(&doc);
  EXPECT_EQ(doc.info.fiscal_year.be, 2568);
  EXPECT_EQ(doc.info.fiscal_year.be_end, 2568);
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_THAT(doc.warnings()[0], HasSubstr("read as 2525"));
  EXPECT_EQ(doc.issues[0].code, "fiscal_year_overruled_by_periods");
  ASSERT_TRUE(doc.measures[0].period.start.has_value());
  EXPECT_EQ(doc.measures[0].period.start->Iso(), "2024-10-01");
  EXPECT_EQ(doc.measures[3].period.start->Iso(), "2025-04-01");
  EXPECT_TRUE(doc.measures[0].warnings.empty());
}

TEST(PeriodsStageTest, MissingDocumentYearIsTakenFromThePeriods) {
  Document doc =
      WithPeriods(0, 0,
                  {"๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘", "ต.ค. ๒๕๖๗ ถึง ก.ย.๒๕๖๘",
                   "ตลอดปีงบประมาณ ๒๕๖๘", "ม.ค. – มี.ค."});
  RunStage(&doc);
  EXPECT_EQ(doc.info.fiscal_year.be, 2568);
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_THAT(doc.warnings()[0], HasSubstr("no fiscal year"));
  EXPECT_EQ(doc.issues[0].code, "fiscal_year_from_periods");
  // The month-only period now has a year to fall in.
  ASSERT_TRUE(doc.measures[3].period.start.has_value());
  EXPECT_EQ(doc.measures[3].period.start->Iso(), "2025-01-01");
}

TEST(PeriodsStageTest, AgreeingOrTooFewPeriodsLeaveTheYearAlone) {
  Document agree = WithPeriods(
      2568, 2568,
      {"ตลอดปีงบประมาณ ๒๕๖๘", "ตลอดปีงบประมาณ ๒๕๖๘", "ตลอดปีงบประมาณ ๒๕๖๘"});
  RunStage(&agree);
  EXPECT_EQ(agree.info.fiscal_year.be, 2568);
  EXPECT_TRUE(agree.issues.empty());

  Document few =
      WithPeriods(2568, 2568, {"ตลอดปีงบประมาณ ๒๕๖๗", "ตลอดปีงบประมาณ ๒๕๖๗"});
  RunStage(&few);
  EXPECT_EQ(few.info.fiscal_year.be, 2568);
  EXPECT_TRUE(few.issues.empty());
}

TEST(PeriodsStageTest, MultiYearPlanIsNotReconciled) {
  Document plan = WithPeriods(
      2566, 2570,
      {"ปีงบประมาณ ๒๕๗๒", "ปีงบประมาณ ๒๕๗๒", "ปีงบประมาณ ๒๕๗๒", "ปีงบประมาณ ๒๕๗๒"});
  RunStage(&plan);
  EXPECT_EQ(plan.info.fiscal_year.be, 2566);
  EXPECT_EQ(plan.info.fiscal_year.be_end, 2570);
  EXPECT_TRUE(plan.issues.empty());
}

}  // namespace
}  // namespace raingan
