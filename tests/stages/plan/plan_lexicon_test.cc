// The plan wording in models/: field headings of project sheets as real
// plans print them (the 004 sample and the national template's variants),
// sheet and dimension headings, page furniture and total rows.
#include "stages/plan/plan_lexicon.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "stages/plan/plan_testing.h"

namespace raingan {
namespace {

using plan_testing::TestModels;

struct LabelCase {
  const char* text;
  SheetField field;
  int number;
  bool exact;
  const char* inline_text;
};

class FieldLabelTest : public ::testing::TestWithParam<LabelCase> {};

TEST_P(FieldLabelTest, Recognized) {
  const LabelCase& c = GetParam();
  std::optional<FieldLabel> l = TestModels().plan.MatchLabel(c.text);
  ASSERT_TRUE(l.has_value()) << c.text;
  EXPECT_EQ(SheetFieldName(l->field), SheetFieldName(c.field)) << c.text;
  EXPECT_EQ(l->number, c.number) << c.text;
  EXPECT_EQ(l->exact, c.exact) << c.text;
  EXPECT_EQ(l->inline_text, c.inline_text) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Headings, FieldLabelTest,
    ::testing::Values(
        // 004 as printed: numbering with and without a space, "**".
        LabelCase{"๑.ชื่อ : โครงการพัฒนาความรู้ด้านกฎหมาย", SheetField::kName, 1,
                  true, "โครงการพัฒนาความรู้ด้านกฎหมาย"},
        LabelCase{"**๑. ชื่อโครงการ : โครงการเสริมสร้างองค์ความรู้ด้านการต่อต้าน"
                  "การทุจริต ประจำปีงบประมาณ พ.ศ.๒๕๖๗ และ ๒๕๖๘**",
                  SheetField::kName, 1, true,
                  "โครงการเสริมสร้างองค์ความรู้ด้านการต่อต้านการทุจริต "
                  "ประจำปีงบประมาณ พ.ศ.๒๕๖๗ และ ๒๕๖๘"},
        LabelCase{"๑. ชื่อโครงการ: กิจกรรมส่งเสริมชุมชนเฝ้าระวังการทุจริต",
                  SheetField::kName, 1, true, "กิจกรรมส่งเสริมชุมชนเฝ้าระวังการทุจริต"},
        LabelCase{"๒. หลักการและเหตุผล/ที่มาของโครงการ", SheetField::kRationale, 2,
                  true, ""},
        LabelCase{"๓. วัตถุประสงค์", SheetField::kObjectives, 3, true, ""},
        LabelCase{"๔.กลุ่มเป้าหมาย", SheetField::kTargetGroup, 4, true, ""},
        LabelCase{"๔. เป้าหมาย/ผลผลิต", SheetField::kTargetGroup, 4, true, ""},
        LabelCase{"๕.วิธีดำเนินการ", SheetField::kMethod, 5, true, ""},
        LabelCase{"๖.ระยะเวลาดำเนินการ", SheetField::kPeriod, 6, true, ""},
        LabelCase{"๗.งบประมาณดำเนินการ", SheetField::kBudget, 7, true, ""},
        LabelCase{"๘.ผู้รับผิดชอบโครงการ", SheetField::kOwner, 8, true, ""},
        LabelCase{"๘. หน่วยงานที่รับผิดชอบ", SheetField::kOwner, 8, true, ""},
        LabelCase{"๙. ผลผลิต/ผลลัพธ์", SheetField::kResults, 9, true, ""},
        LabelCase{"๑๐. ผลผลิต/ผลลัพธ์", SheetField::kResults, 10, true, ""},
        LabelCase{"ผลผลิต", SheetField::kOutput, 0, true, ""},
        LabelCase{"ผลลัพธ์", SheetField::kOutcome, 0, true, ""},
        // The template's other wordings.
        LabelCase{"๖. ระยะเวลาการดำเนินการ", SheetField::kPeriod, 6, true, ""},
        LabelCase{"๘. หน่วยงานรับผิดชอบ", SheetField::kOwner, 8, true, ""},
        LabelCase{"๙. ตัวชี้วัด/ผลลัพธ์", SheetField::kResults, 9, true, ""},
        LabelCase{"ผลลัพธ์ (Outcome)", SheetField::kOutcome, 0, true, ""},
        LabelCase{"๒. หลักการและเหตุผล/ความเป็นมา", SheetField::kRationale, 2,
                  true, ""},
        // Content on the heading's line without a colon.
        LabelCase{"๗. งบประมาณ ๕,๐๐๐ บาท", SheetField::kBudget, 7, false,
                  "๕,๐๐๐ บาท"},
        LabelCase{"๖. ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐",
                  SheetField::kPeriod, 6, false, "ปีงบประมาณ พ.ศ. ๒๕๖๖ - ๒๕๗๐"},
        // OCR of the 004 sheets scanned at 300 dpi: a mark changed, and
        // the colon after "ชื่อ" lost (the name starts with "โครงการ").
        LabelCase{"๕.วิธิดำเนินการ", SheetField::kMethod, 5, true, ""},
        LabelCase{"๑.ชื่อ โครงการพัฒนาความรู้ด้านกฎหมาย", SheetField::kName, 1, false,
                  "โครงการพัฒนาความรู้ด้านกฎหมาย"},
        LabelCase{"๑. ชื่อโครงการ พัฒนาความรู้ด้านกฎหมาย", SheetField::kName, 1,
                  false, "พัฒนาความรู้ด้านกฎหมาย"}));

TEST(FieldLabelTest, ContentIsNotAHeading) {
  const PlanLexicon& lex = TestModels().plan;
  for (const char* text : {
           "๑.๑ การเสริมสร้างจิตสำนึกและความตระหนักแก่บุคลากร",
           "- ๑) จัดทำโครงการเพื่ออนุมัติจากผู้บริหารท้องถิ่น",
           "๑) เพื่อให้บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น",
           "ผลผลิตของโครงการคือบุคลากรได้รับการอบรม",
           "วัตถุประสงค์ของการจัดทำแผนนี้คือการป้องกันการทุจริต",
           "สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย",
       }) {
    EXPECT_FALSE(lex.MatchLabel(text).has_value()) << text;
  }
}

TEST(SheetHeadingTest, TitleAndNumber) {
  const PlanLexicon& lex = TestModels().plan;
  SheetHeading h = lex.MatchSheetHeading("รายละเอียดโครงการ/กิจกรรม/มาตรการ");
  EXPECT_EQ(h.kind, SheetHeading::kTitle);
  EXPECT_EQ(h.number, 0);
  h = lex.MatchSheetHeading("**รายละเอียดโครงการ/กิจกรรม/มาตรการ ลำดับที่ ๗**");
  EXPECT_EQ(h.kind, SheetHeading::kTitle);
  EXPECT_EQ(h.number, 7);
  h = lex.MatchSheetHeading("ลำดับที่ ๑๐**");
  EXPECT_EQ(h.kind, SheetHeading::kNumber);
  EXPECT_EQ(h.number, 10);
  // The table of contents names part 3; that is not a sheet.
  EXPECT_EQ(lex.MatchSheetHeading("ส่วนที่ ๓ รายละเอียดโครงการ/กิจกรรม/"
                                  "มาตรการ ตามแผนปฏิบัติการฯ")
                .kind,
            SheetHeading::kNone);
}

TEST(DimensionTest, SpellingsAndFurniture) {
  const PlanLexicon& lex = TestModels().plan;
  EXPECT_EQ(lex.MatchDimension("มิติที่ ๑ การสร้าง วัฒนธรรมสุจริต"), 1);
  EXPECT_EQ(lex.MatchDimension("มติที่ ๒ การบริหารราชการด้วยความโปร่งใส"), 2);
  EXPECT_EQ(lex.MatchDimension("มติที่ ๓"), 3);
  EXPECT_FALSE(lex.MatchDimension("มิตินี้ ๑ โครงการที่ ๖").has_value());
  EXPECT_TRUE(lex.IsNoise("มิตินี้ ๑ โครงการที่ ๖"));
  EXPECT_TRUE(lex.IsNoise("โครงการที่ ๑"));
  EXPECT_TRUE(lex.IsNoise("- 17 -"));
  EXPECT_FALSE(lex.IsNoise("โครงการที่ดำเนินการในปีงบประมาณ"));
  EXPECT_TRUE(lex.IsEnd("ภาคผนวก"));
}

TEST(TotalRowTest, BudgetTableRows) {
  const PlanLexicon& lex = TestModels().plan;
  EXPECT_EQ(lex.MatchTotal("รวม"), TotalRow::kDimension);
  EXPECT_EQ(lex.MatchTotal("รวมทั้งสิ้น"), TotalRow::kGrand);
  EXPECT_EQ(lex.MatchTotal("รวมทั้งหมด"), TotalRow::kGrand);
  EXPECT_EQ(lex.MatchTotal("รวมถึงการบริหารความเสี่ยง"), TotalRow::kNone);
  EXPECT_TRUE(lex.IsCount("จำนวน ๑๕ โครงการ ๑ มาตรการ ๓ กิจกรรม"));
  EXPECT_FALSE(lex.IsCount("จำนวน ๒๒๕,๐๐๐.- บาท"));
  EXPECT_TRUE(lex.IsNoBudget("ไม่ใช่ งบประมาณ"));
  EXPECT_TRUE(lex.IsNoBudget("ไม่ใช้งบประมาณ"));
  EXPECT_TRUE(lex.IsNoBudget("-ไม่ใช้งบประมาณ-"));
  EXPECT_TRUE(lex.IsNoBudget("ไม่ใช้ งบ"));  // a PDF cell cut at a page
}

TEST(PlanLexiconTest, BadModelFileNamesFileAndLine) {
  std::string dir = ::testing::TempDir() + "/plan_lexicon_bad";
  std::filesystem::create_directories(dir);
  Result<std::string> fields =
      ReadFile(RAINGAN_SOURCE_DIR "/models/plan_sheet_fields.tsv");
  ASSERT_TRUE(fields.ok());
  ASSERT_TRUE(WriteFileAtomic(dir + "/plan_sheet_fields.tsv", *fields).ok());
  ASSERT_TRUE(WriteFileAtomic(dir + "/plan_markers.tsv",
                              "# kind\tpattern\nsheet_number\tลำดับที่ (\n")
                  .ok());
  Result<PlanLexicon> lex = PlanLexicon::Load(dir);
  ASSERT_FALSE(lex.ok());
  EXPECT_NE(lex.status().message().find("plan_markers.tsv:2"),
            std::string::npos)
      << lex.status().message();
}

}  // namespace
}  // namespace raingan
