#include "stages/metadata/metadata_stage.h"

#include <gtest/gtest.h>

namespace raingan {
namespace {

const MetadataLexicon& Lexicon() {
  static const MetadataLexicon lex = [] {
    Result<MetadataLexicon> r =
        MetadataLexicon::Load(RAINGAN_SOURCE_DIR "/models");
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return *r;
  }();
  return lex;
}

TEST(MetadataTest, MemoAndTitleBlockOfAnItaReport) {
  DocumentInfo info = FindDocumentInfo(
      {"บันทึกข้อความ",
       "ส่วนราชการ กองการศึกษา ศาสนาและวัฒนธรรม องค์การบริหารส่วนตำบลยางราก",
       "วันที่ ๘ มิถุนายน พ.ศ. ๒๕๖๙",
       "เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน"
       "หน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
       "เรียน นายองค์การบริหารส่วนตำบลยางราก",
       "ได้ดำเนินการวิเคราะห์ความเสี่ยงการทุจริต จัดทำแผนป้องกันการทุจริต",
       "องค์การบริหารส่วนตำบลยางราก อำเภอโคกเจริญ จังหวัดลพบุรี"},
      Lexicon());
  EXPECT_EQ(info.kind, DocumentKind::kItaReport);
  EXPECT_EQ(info.title,
            "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน"
            "หน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
  EXPECT_EQ(info.organization.name, "องค์การบริหารส่วนตำบลยางราก");
  EXPECT_EQ(info.organization.district, "โคกเจริญ");
  EXPECT_EQ(info.organization.province, "ลพบุรี");
  // The memo's date (พ.ศ. ๒๕๖๙) is not the fiscal year reported on.
  EXPECT_EQ(info.fiscal_year.be, 2568);
  EXPECT_EQ(info.fiscal_year.be_end, 2568);
}

// OCR misread "๒๕๖๓" as "๒๕๐๓": no report is from 1960; the year is
// unknown, not a guess.
TEST(MetadataTest, ImplausibleYearIsNotTheFiscalYear) {
  DocumentInfo info = FindDocumentInfo(
      {"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส "
       "ประจำปีงบประมาณ พ.ศ. ๒๕๐๓"},
      Lexicon());
  EXPECT_EQ(info.fiscal_year.be, 0);
}

TEST(MetadataTest, FiveYearPlan) {
  DocumentInfo info = FindDocumentInfo(
      {"แผนปฏิบัติการป้องกันการทุจริต เพื่อยกระดับคุณธรรมและความโปร่งใส (พ.ศ.๒๕๖๖-๒๕๗๐)",
       "องค์การบริหารส่วนตำบลเข็กน้อย", "อำเภอเขาค้อ จังหวัดเพชรบูรณ์"},
      Lexicon());
  EXPECT_EQ(info.kind, DocumentKind::kAnticorruptionPlan);
  EXPECT_EQ(info.fiscal_year.be, 2566);
  EXPECT_EQ(info.fiscal_year.be_end, 2570);
  EXPECT_EQ(info.organization.district, "เขาค้อ");
  EXPECT_EQ(info.organization.province, "เพชรบูรณ์");
}

TEST(MetadataTest, NameGluedToTheNextWordAndCutNamesDoNotWin) {
  std::vector<std::string> paras = {
      "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ประจำปี พ.ศ. ๒๕๖๘",
      "ผลการประเมิน ITA ขององค์การบริหารส่วนตำบลหนองปากโลงประจำปีงบประมาณ ๒๕๖๗",
      // A PDF line break inside the name, once.
      "องค์การบริหารส่วนตำบลหนองปาก"};
  for (int i = 0; i < 3; ++i) {
    paras.push_back("มาตรการขององค์การบริหารส่วนตำบลหนองปากโลง ดังต่อไปนี้");
  }
  DocumentInfo info = FindDocumentInfo(paras, Lexicon());
  EXPECT_EQ(info.organization.name, "องค์การบริหารส่วนตำบลหนองปากโลง");
  EXPECT_EQ(info.organization.district, "");
  EXPECT_EQ(info.organization.province, "");
  EXPECT_EQ(info.fiscal_year.be, 2568);
}

// OCR lost the spaces after the name (the 200-dpi sample scan).
TEST(MetadataTest, NameGluedByOcrToTheWordsAfterIt) {
  std::vector<std::string> paras = {
      "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสขององค์การบริหาร"
      "ส่วนตำบลหนองปากโลงในปีงบประมาณ พ.ศ. ๒๕๖๘",
      "องค์การบริหารส่วนตำบลหนองปากโลงได้ดำเนินการตามมาตรการครบถ้วน"};
  DocumentInfo info = FindDocumentInfo(paras, Lexicon());
  EXPECT_EQ(info.organization.name, "องค์การบริหารส่วนตำบลหนองปากโลง");
}

TEST(MetadataTest, AbbreviationsAndMunicipalities) {
  DocumentInfo info = FindDocumentInfo(
      {"รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ 2567",
       "เทศบาลตำบลกระสัง อ.กระสัง จ.บุรีรัมย์"},
      Lexicon());
  EXPECT_EQ(info.organization.name, "เทศบาลตำบลกระสัง");
  EXPECT_EQ(info.organization.district, "กระสัง");
  EXPECT_EQ(info.organization.province, "บุรีรัมย์");
  EXPECT_EQ(info.fiscal_year.be, 2567);

  DocumentInfo abbreviated = FindDocumentInfo(
      {"รายงานผลการดำเนินการ อบต.โนนสูง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"}, Lexicon());
  EXPECT_EQ(abbreviated.organization.name, "องค์การบริหารส่วนตำบลโนนสูง");
}

TEST(MetadataTest, DistrictChiefIsNotADistrict) {
  DocumentInfo info = FindDocumentInfo(
      {"รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "เรียน นายอำเภอเมือง",
       "องค์การบริหารส่วนตำบลบ้านใหม่ อำเภอเมืองนครราชสีมา จังหวัดนครราชสีมา"},
      Lexicon());
  EXPECT_EQ(info.organization.district, "เมืองนครราชสีมา");
  EXPECT_EQ(info.organization.province, "นครราชสีมา");
}

TEST(MetadataTest, BareYearInTheTitleAndTheCapitalDistrict) {
  DocumentInfo info = FindDocumentInfo(
      {"อบต.หนองบัว อ.เมือง จ.อุดรธานี",
       "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส ปี ๒๕๖๘"},
      Lexicon());
  EXPECT_EQ(info.fiscal_year.be, 2568);
  // "อ.เมือง" of a province is the district named after it.
  EXPECT_EQ(info.organization.district, "เมืองอุดรธานี");
  EXPECT_EQ(info.organization.province, "อุดรธานี");

  // A memo's date is not the year reported on.
  DocumentInfo memo = FindDocumentInfo(
      {"บันทึกข้อความ", "วันที่ ๘ มิถุนายน พ.ศ. ๒๕๖๙",
       "เรื่อง รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"},
      Lexicon());
  EXPECT_EQ(memo.fiscal_year.be, 0);
}

TEST(MetadataTest, NothingFoundIsUnknownNotAGuess) {
  DocumentInfo info = FindDocumentInfo({"สวัสดี", "ข้อความทั่วไป"}, Lexicon());
  EXPECT_EQ(info.kind, DocumentKind::kUnknown);
  EXPECT_EQ(info.title, "");
  EXPECT_EQ(info.organization.name, "");
  EXPECT_EQ(info.fiscal_year.be, 0);
}

TEST(MetadataTest, YearInAnOcrMisreadTitleStillWins) {
  DocumentInfo info = FindDocumentInfo(
      {"รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
       "ประจำปิ พ.ศ. ๒๕๖๘",
       "ตามที่ได้ดำเนินการวิเคราะห์ผลการประเมิน ITA ประจำปีงบประมาณ ๒๕๖๗"},
      Lexicon());
  EXPECT_EQ(info.fiscal_year.be, 2568);
}

TEST(MetadataTest, TitleFallsBackToAHeadingNeverToACrumb) {
  DocumentInfo info = FindDocumentInfo(
      {"- คา-", "ผลการดำเนินการตามแผนงานประจำปี ของสำนักปลัด"}, Lexicon(),
      {"- คา-", "ผลการดำเนินการตามแผนงานประจำปี ของสำนักปลัด"});
  EXPECT_EQ(info.title, "ผลการดำเนินการตามแผนงานประจำปี ของสำนักปลัด");
}

// The title is the subject line or the report's own heading; a narrative
// sentence that mentions the report's wording, or a phrase cut from one,
// is never the title.
TEST(MetadataTest, TitleIsNeverANarrativeSentence) {
  const std::string kHeading =
      "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
      "ประจำปีงบประมาณ พ.ศ. ๒๕๖๗";
  const std::string kNarrative =
      "องค์การบริหารส่วนตำบลโนนสูงได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
      "ภายในหน่วยงานอย่างต่อเนื่องตลอดปีงบประมาณ พ.ศ. ๒๕๖๗";
  const std::string kSentence =
      "ตามที่องค์การบริหารส่วนตำบลหนองบัวได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
      "ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เพื่อเป็นแนวทางให้บุคลากรถือปฏิบัติ";
  struct Case {
    const char* name;
    std::vector<std::string> paras, headings;
    std::string title;
  } cases[] = {
      {"narrative before the heading",
       {kNarrative, kHeading},
       {kHeading},
       kHeading},
      {"narrative before a plain title line",
       {kNarrative, kHeading},
       {},
       kHeading},
      {"subject line after a heading",
       {kHeading, "เรื่อง " + kHeading + " (แก้ไข)"},
       {kHeading},
       kHeading + " (แก้ไข)"},
      {"only narrative", {kSentence, kNarrative}, {}, ""},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FindDocumentInfo(c.paras, Lexicon(), c.headings).title, c.title)
        << c.name;
  }
}

}  // namespace
}  // namespace raingan
