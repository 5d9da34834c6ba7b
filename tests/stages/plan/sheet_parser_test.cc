// Project detail sheets -> measures: a real excerpt of the 004 plan (text
// export) checked against the hand-made gold, and the template variants
// and PDF breaks other plans bring.
#include "stages/plan/sheet_parser.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "stages/plan/plan_sheets_stage.h"
#include "stages/plan/plan_testing.h"

namespace raingan {
namespace {

using plan_testing::Para;
using plan_testing::ReadExcerpt;
using plan_testing::TestModels;
using ::testing::ElementsAre;
using ::testing::SizeIs;

std::vector<Measure> RunStage(Document doc) {
  EXPECT_TRUE(testing::RunStage(&NewPlanSheetsStage, &doc).ok());
  return doc.measures;
}

std::vector<Measure> ParseTexts(const std::vector<std::string>& texts) {
  std::vector<Paragraph> paras;
  for (const std::string& t : texts) paras.push_back(Para(t));
  std::vector<const Paragraph*> ptrs;
  for (const Paragraph& p : paras) ptrs.push_back(&p);
  return SheetParser(TestModels().plan, TestModels().units).Parse(ptrs);
}

TEST(SheetParserTest, RealSheetsOf004) {
  std::vector<Measure> m = RunStage(ReadExcerpt("004_sheets_excerpt.txt"));
  // The excerpt holds the tails of ๑-๓ and ๑-๑๘ (no heading: not
  // records) and sheets ๑-๔, ๑-๕ and ๒-๑.
  ASSERT_THAT(m, SizeIs(3));
  EXPECT_EQ(m[0].id, "1-4");
  EXPECT_EQ(m[1].id, "1-5");
  EXPECT_EQ(m[2].id, "2-1");

  const Measure& s = m[1];
  EXPECT_EQ(s.section,
            "เสริมสร้างจิตสำนึกและค่านิยมความซื่อสัตย์สุจริต และการต่อต้าน"
            "การทุจริต");
  // The name wraps onto a second line in the export.
  EXPECT_EQ(s.measure,
            "โครงการส่งเสริมการบริหารงานตามหลักธรรมาภิบาลเพื่อป้องกันการทุจริต "
            "ประจำปี งบประมาณ พ.ศ.๒๕๖๖ และ ๒๕๖๗");
  // "๑) ..." then "- ๒) ..." items: markers removed.
  ASSERT_THAT(s.method, SizeIs(6));
  EXPECT_EQ(s.method[0], "จัดทำโครงการเพื่อขออนุมัติจากผู้บริหารท้องถิ่น");
  EXPECT_EQ(s.method[5], "รายงานผลการดำเนินการ");
  EXPECT_EQ(s.period.text, "ปีงบประมาณ พ.ศ.๒๕๖๖ และ ๒๕๖๗");
  EXPECT_EQ(s.budget_baht, 25000);
  EXPECT_THAT(s.owner, ElementsAre("สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย "
                                   "(งานกฎหมายและคดี) อำเภอเขาค้อ "
                                   "จังหวัดเพชรบูรณ์"));
  EXPECT_THAT(s.output, SizeIs(1));
  // "มิตินี้ ๑ โครงการที่ ๖" after the outcome list is page furniture.
  ASSERT_THAT(s.outcome, SizeIs(3));
  EXPECT_EQ(s.outcome[2].find("มิตินี้"), std::string::npos);
  EXPECT_THAT(s.extra.at("objectives"), SizeIs(4));
  EXPECT_THAT(s.extra.at("target_group"),
              ElementsAre("ผู้บริหารท้องถิ่น สมาชิกสภาท้องถิ่น พนักงานของ"
                          "องค์การบริหารส่วนตำบลเข็กน้อย จำนวนไม่เกิน ๗๘ คน"));
  EXPECT_THAT(s.extra.at("rationale"), SizeIs(2));
  EXPECT_TRUE(s.warnings.empty());

  // Sheet ๒-๑ is numbered afresh under "มติที่ ๒", below ๒.๑ / ๒.๑.๑.
  EXPECT_EQ(m[2].section, "การเปิดเผยข้อมูลการบริหารงานและการดำเนินงาน");
  EXPECT_EQ(m[2].budget_baht, 5000);
  EXPECT_THAT(m[2].method, SizeIs(12));
}

TEST(SheetParserTest, TemplateVariantsAndNoBudget) {
  std::vector<Measure> m = ParseTexts({
      "มิติที่ ๔ การยกระดับกลไกการตรวจสอบการดำเนินงานขององค์กรปกครอง"
      "ส่วนท้องถิ่น",
      "๔.๑ การจัดวางระบบตรวจสอบภายใน การควบคุมภายใน",
      "รายละเอียดโครงการ/กิจกรรม/มาตรการ",
      "ลำดับที่ ๑",
      "๑. ชื่อโครงการ : กิจกรรมติดตามประเมินผลการควบคุมภายใน",
      "๒. หลักการและเหตุผล",
      "ระบบการควบคุมภายในเป็นกลไกที่สำคัญ",
      "๓. วัตถุประสงค์",
      "๑) เพื่อติดตามผลการควบคุมภายใน ๒) เพื่อรายงานผล",
      "๔. เป้าหมาย",
      "ทุกส่วนราชการ",
      "๕. วิธีการดำเนินการ",
      "๑. แต่งตั้งคณะทำงาน",
      "๒. ประเมินผลการควบคุมภายใน",
      "๖. ระยะเวลาการดำเนินการ",
      "ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐",
      "๗. งบประมาณดำเนินการ",
      "-ไม่ใช้งบประมาณ-",
      "๘. หน่วยงานรับผิดชอบ",
      "งานพัสดุ/กองคลัง",
      "๙. ตัวชี้วัด/ผลลัพธ์",
      "มีรายงานการควบคุมภายในปีละ ๑ ครั้ง",
      "ภาคผนวก",
      "คำสั่งองค์การบริหารส่วนตำบล",
  });
  ASSERT_THAT(m, SizeIs(1));
  EXPECT_EQ(m[0].id, "4-1");
  EXPECT_EQ(m[0].section, "การจัดวางระบบตรวจสอบภายใน การควบคุมภายใน");
  EXPECT_THAT(m[0].extra.at("objectives"),
              ElementsAre("เพื่อติดตามผลการควบคุมภายใน", "เพื่อรายงานผล"));
  // Items numbered "๑." inside the method are not field headings.
  EXPECT_THAT(m[0].method,
              ElementsAre("แต่งตั้งคณะทำงาน", "ประเมินผลการควบคุมภายใน"));
  EXPECT_EQ(m[0].period.text, "ปีงบประมาณ พ.ศ. ๒๕๖๖ – ๒๕๗๐");
  EXPECT_EQ(m[0].budget_baht, 0);
  EXPECT_THAT(m[0].owner, ElementsAre("งานพัสดุ", "กองคลัง"));
  // Text right under "ตัวชี้วัด/ผลลัพธ์", no sub-heading: the outcome;
  // the appendix after it is not.
  EXPECT_THAT(m[0].outcome, ElementsAre("มีรายงานการควบคุมภายในปีละ ๑ ครั้ง"));
}

// The earlier national template (plans 2561-2564 and administrations
// that kept it): ten fields, Arabic numbers, content after colons, an
// area field, indicators and expected results as separate fields.
TEST(SheetParserTest, OlderTenFieldTemplate) {
  std::vector<Measure> m = ParseTexts({
      "มิติที่ 3 การส่งเสริมบทบาทและการมีส่วนร่วมของภาคประชาชน",
      "3.1 จัดให้มีและเผยแพร่ข้อมูลข่าวสารในช่องทางที่เป็นการอำนวยความสะดวก",
      "1. ชื่อโครงการ : โครงการจัดทำวารสารประชาสัมพันธ์ผลการดำเนินงาน",
      "2. หลักการและเหตุผล",
      "การประชาสัมพันธ์เป็นช่องทางสำคัญในการเผยแพร่ข้อมูลข่าวสาร",
      "3. วัตถุประสงค์",
      "3.1 เพื่อเผยแพร่ผลการดำเนินงาน",
      "3.2 เพื่อให้ประชาชนได้รับทราบข้อมูลข่าวสาร",
      "4. เป้าหมาย/ผลผลิต",
      "จัดทำวารสาร จำนวน 500 เล่ม",
      "5. พื้นที่ดำเนินการ : เขตเทศบาลตำบล",
      "6. วิธีดำเนินการ",
      "6.1 จัดทำโครงการเสนอผู้บริหาร",
      "6.2 จัดพิมพ์และแจกจ่ายวารสาร",
      "7. ระยะเวลาดำเนินการ : 4 ปี (ปีงบประมาณ พ.ศ. 2561 - 2564)",
      "8. งบประมาณดำเนินการ : 50,000 บาท",
      "9. ผู้รับผิดชอบโครงการ : สำนักปลัดเทศบาล",
      "10. ตัวชี้วัด/ผลลัพธ์",
      "ตัวชี้วัด : วารสาร 500 เล่ม",
      "ผลลัพธ์ : ประชาชนได้รับข้อมูลข่าวสารของเทศบาล",
  });
  ASSERT_THAT(m, SizeIs(1));
  const Measure& s = m[0];
  EXPECT_EQ(s.id, "3-1");
  EXPECT_EQ(s.section, "จัดให้มีและเผยแพร่ข้อมูลข่าวสารในช่องทางที่เป็นการอำนวยความสะดวก");
  EXPECT_EQ(s.measure, "โครงการจัดทำวารสารประชาสัมพันธ์ผลการดำเนินงาน");
  EXPECT_THAT(
      s.extra.at("objectives"),
      ElementsAre("เพื่อเผยแพร่ผลการดำเนินงาน", "เพื่อให้ประชาชนได้รับทราบข้อมูลข่าวสาร"));
  EXPECT_THAT(s.extra.at("area"), ElementsAre("เขตเทศบาลตำบล"));
  EXPECT_THAT(s.method,
              ElementsAre("จัดทำโครงการเสนอผู้บริหาร", "จัดพิมพ์และแจกจ่ายวารสาร"));
  EXPECT_EQ(s.period.text, "4 ปี (ปีงบประมาณ พ.ศ. 2561 - 2564)");
  EXPECT_EQ(s.budget_baht, 50000);
  EXPECT_THAT(s.owner, ElementsAre("สำนักปลัดเทศบาล"));
  EXPECT_THAT(s.output, ElementsAre("วารสาร 500 เล่ม"));
  EXPECT_THAT(s.outcome, ElementsAre("ประชาชนได้รับข้อมูลข่าวสารของเทศบาล"));
}

TEST(SheetParserTest, SheetsWithoutTitleStartAtTheirName) {
  std::vector<Measure> m = ParseTexts({
      "มิติที่ ๒ การบริหารราชการด้วยความโปร่งใส",
      "๑. ชื่อโครงการ : มาตรการ NO Gift Policy",
      "๕. วิธีดำเนินการ",
      "๑) ประกาศมาตรการ",
      "๖. ระยะเวลาดำเนินการ ปีงบประมาณ ๒๕๖๗",
      "๘. ผู้รับผิดชอบ",
      "ทุกสำนัก/กอง ขององค์การบริหารส่วนตำบลเข็กน้อย",
      "๑. ชื่อโครงการ : โครงการจัดทำคู่มือการปฏิบัติงาน",
      "๕. วิธีดำเนินการ",
      "๑) จัดทำคู่มือ ๒) เผยแพร่คู่มือ",
      "๗. งบประมาณ ๕,๐๐๐ บาท",
      // Content-on-the-line heading too far ahead: an item, not ๑๒.
      "๑๒. ผู้รับผิดชอบ กองคลัง",
  });
  ASSERT_THAT(m, SizeIs(2));
  EXPECT_EQ(m[0].id, "2-1");
  EXPECT_EQ(m[1].id, "2-2");
  EXPECT_EQ(m[0].period.text, "ปีงบประมาณ ๒๕๖๗");
  // "ทุกสำนัก/กอง" is one owner: its first piece is not a unit.
  EXPECT_THAT(m[0].owner,
              ElementsAre("ทุกสำนัก/กอง ขององค์การบริหารส่วนตำบลเข็กน้อย"));
  EXPECT_FALSE(m[0].budget_baht.has_value());  // no ๗ in that sheet
  EXPECT_THAT(m[1].method, ElementsAre("จัดทำคู่มือ", "เผยแพร่คู่มือ"));
  EXPECT_EQ(m[1].budget_baht, 5000);
  EXPECT_TRUE(m[1].owner.empty());
}

TEST(SheetParserTest, SecondOwnerFieldAndUnreadableBudget) {
  std::vector<Measure> m = ParseTexts({
      "รายละเอียดโครงการ/กิจกรรม/มาตรการ ลำดับที่ ๓",
      "๑. ชื่อโครงการ : มาตรการจัดการเรื่องราวร้องทุกข์/ร้องเรียน",
      "๗. งบประมาณ",
      "ตามข้อบัญญัติงบประมาณรายจ่ายประจำปี ๒๕๖๗",
      "๘. หน่วยงานที่รับผิดชอบ",
      "สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย (งานกฎหมายและคดี)",
      "๙. ผู้รับผิดชอบโครงการ",
      "องค์การบริหารส่วนตำบลเข็กน้อย",
      "๑๐. ผลผลิต/ผลลัพธ์",
      "ผลผลิต",
      "๑) มีศูนย์หรือหน่วยรับเรื่องร้องเรียน/ร้องทุกข์",
      "ผลลัพธ์",
      "ประชาชนเกิดความพึงพอใจ",
  });
  ASSERT_THAT(m, SizeIs(1));
  EXPECT_EQ(m[0].id, "3");  // no dimension heading seen
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย "
                                      "(งานกฎหมายและคดี)"));
  EXPECT_THAT(m[0].extra.at("owner_also"),
              ElementsAre("องค์การบริหารส่วนตำบลเข็กน้อย"));
  // A year is not an amount: no budget, and the user is told.
  EXPECT_FALSE(m[0].budget_baht.has_value());
  EXPECT_THAT(m[0].warnings,
              ElementsAre("budget amount not recognized: ตามข้อบัญญัติ"
                          "งบประมาณรายจ่ายประจำปี ๒๕๖๗"));
  EXPECT_THAT(m[0].output, ElementsAre("มีศูนย์หรือหน่วยรับเรื่องร้องเรียน/ร้องทุกข์"));
  EXPECT_THAT(m[0].outcome, ElementsAre("ประชาชนเกิดความพึงพอใจ"));
}

TEST(SheetParserTest, NumberedLinesInsideAFieldAreNotMissions) {
  // "๑.๑ ..." inside the method is a sub-step: no sheet or dimension
  // heading follows it, so it neither ends the sheet nor sets a section.
  std::vector<Measure> m = ParseTexts({
      "มิติที่ ๑ การสร้างวัฒนธรรมสุจริต",
      "๑.๓ การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน",
      "รายละเอียดโครงการ/กิจกรรม/มาตรการ ลำดับที่ ๑",
      "๑. ชื่อโครงการ : โครงการสร้างภูมิคุ้มกันทางสังคมให้เด็กและเยาวชน",
      "๕. วิธีดำเนินการ",
      "๑) ประชุมคณะทำงาน",
      "๑.๑ กำหนดหลักสูตร",
      "๖. ระยะเวลาดำเนินการ",
      "ปีงบประมาณ ๒๕๖๘",
  });
  ASSERT_THAT(m, SizeIs(1));
  EXPECT_EQ(m[0].section, "การสร้างจิตสำนึกและความตระหนักแก่เด็กและเยาวชน");
  EXPECT_THAT(m[0].method, ElementsAre("ประชุมคณะทำงาน", "กำหนดหลักสูตร"));
  EXPECT_EQ(m[0].period.text, "ปีงบประมาณ ๒๕๖๘");
}

TEST(SheetParserTest, ANameAloneInAReportIsNotASheet) {
  EXPECT_THAT(ParseTexts({"๑. ชื่อโครงการ : โครงการส่งเสริมคุณธรรม",
                          "ผลการดำเนินงานเป็นไปตามเป้าหมาย"}),
              SizeIs(0));
}

TEST(SheetParserTest, RepeatedNumberIsReported) {
  std::vector<Measure> m = ParseTexts({
      "มติที่ ๓",
      "รายละเอียดโครงการ/กิจกรรม/มาตรการ ลำดับที่ ๒",
      "๑. ชื่อโครงการ : กิจกรรม ก",
      "รายละเอียดโครงการ/กิจกรรม/มาตรการ ลำดับที่ ๒",
      "๑. ชื่อโครงการ : กิจกรรม ข",
  });
  ASSERT_THAT(m, SizeIs(2));
  EXPECT_EQ(m[1].id, "3-2");
  EXPECT_THAT(m[1].warnings, ElementsAre("sheet number 3-2 appears twice"));
}

// Paragraph boxes of the 004 born PDF (points): PDF lines the backend
// left apart.
TEST(JoinCutParagraphsTest, PdfBreaks) {
  // An owner cut by a page break: indented first line, continuation at the
  // margin of the next page.
  std::vector<SheetText> owner = JoinCutParagraphs({
      {"สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย (งานกฎหมาย",
       177,
       {156.0, 753.7, 538.6, 774.5}},
      {"และคดี) อำเภอเขาค้อ จังหวัดเพชรบูรณ์", 178, {85.2, 109.6, 334.6, 130.4}},
  });
  ASSERT_THAT(owner, SizeIs(1));
  EXPECT_EQ(owner[0].text,
            "สำนักปลัดองค์การบริหารส่วนตำบลเข็กน้อย (งานกฎหมายและคดี) "
            "อำเภอเขาค้อ จังหวัดเพชรบูรณ์");
  // A numbered item's wrapped line under its hanging indent, same page;
  // the next numbered item starts a new one.
  std::vector<SheetText> items = JoinCutParagraphs({
      {"๑.๓) ด้านการจัดระเบียบชุมชน/สังคม และการรักษาความสงบ",
       131,
       {113.5, 616.5, 538.3, 637.3}},
      {"เรียบร้อย", 131, {130.5, 643.9, 188.5, 664.7}},
      {"๑.๔) ด้านการวางแผน การส่งเสริมการลงทุน", 131, {113.5, 671.4, 538.1, 692.2}},
  });
  EXPECT_THAT(SheetListItems(items),
              ElementsAre("ด้านการจัดระเบียบชุมชน/สังคม และการรักษาความสงบ"
                          "เรียบร้อย",
                          "ด้านการวางแผน การส่งเสริมการลงทุน"));
  // A sentence at the margin between bullet items, same page, is its own.
  std::vector<SheetText> sentence = JoinCutParagraphs({
      {"- ไม่ให้มีการเรียกรับผลประโยชน์ส่วนตัว", 142, {113.5, 502.4, 538.1, 550.7}},
      {"โดยกำหนดจัดทำเป็นข้อตกลงรายบุคคล ได้แก่", 142, {85.2, 612.2, 538.6, 660.5}},
  });
  EXPECT_THAT(sentence, SizeIs(2));
  // Text exports have no boxes: paragraphs stay as the export has them.
  EXPECT_THAT(
      JoinCutParagraphs({{"- ๕) จัดทำรายงาน", 0, {}}, {"การทุจริต", 0, {}}}),
      SizeIs(2));
}

TEST(SheetListItemsTest, BulletsNumbersAndRanges) {
  EXPECT_THAT(SheetListItems({{"- ๑) จัดทำโครงการ ประจำปี ๒๕๖๖ - ๒๕๗๐", 0, {}},
                              {"- ๒) ประชาสัมพันธ์ - ๓) รายงานผล", 0, {}},
                              {" - ๓.๑) การจัดการเรื่องร้องเรียนทั่วไป", 0, {}}}),
              ElementsAre("จัดทำโครงการ ประจำปี ๒๕๖๖ - ๒๕๗๐", "ประชาสัมพันธ์",
                          "รายงานผล", "การจัดการเรื่องร้องเรียนทั่วไป"));
}

}  // namespace
}  // namespace raingan
