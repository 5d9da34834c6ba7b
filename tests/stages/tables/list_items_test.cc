// Table-driven cases from real cells of the samples (text exports, PDF).
#include "stages/tables/list_items.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace raingan {
namespace {

using ::testing::ElementsAre;

struct NumberingCase {
  std::string text, id, rest;
};

// Readable test names in ctest and failure messages.
void PrintTo(const NumberingCase& c, std::ostream* os) { *os << c.text; }

class NumberingTest : public ::testing::TestWithParam<NumberingCase> {};

TEST_P(NumberingTest, ReadsLeadingNumbering) {
  Numbering n = ReadNumbering(GetParam().text);
  EXPECT_EQ(n.id, GetParam().id) << GetParam().text;
  EXPECT_EQ(n.rest, GetParam().rest) << GetParam().text;
}

// The shape of the numbering tells a table's measures ("(๗)") from a list
// inside a measure cell ("๘.") when a cell is cut by a page break.
TEST(NumberingStyleTest, ShapeIgnoresDigitScriptAndSpaces) {
  EXPECT_EQ(ReadNumbering("(๗) กำหนดมาตรการ").style, "(9)");
  EXPECT_EQ(ReadNumbering("(7) กำหนดมาตรการ").style, "(9)");
  EXPECT_EQ(ReadNumbering("๘. มาตรการสร้างความโปร่งใส").style, "9.");
  EXPECT_EQ(ReadNumbering("๑.๑ จัดทำคู่มือ").style, "9.9");
  EXPECT_EQ(ReadNumbering("12.3 จัดทำคู่มือ").style, "9.9");
  EXPECT_EQ(ReadNumbering("การอำนวยความสะดวก").style, "");
}

INSTANTIATE_TEST_SUITE_P(
    RealMeasureCells, NumberingTest,
    ::testing::Values(
        NumberingCase{"๑.๑ จัดทำคู่มือการปฏิบัติงาน และมาตรฐานการให้บริการ", "1.1",
                      "จัดทำคู่มือการปฏิบัติงาน และมาตรฐานการให้บริการ"},
        NumberingCase{"(๓) จัดประชุมเตรียมความพร้อมเข้ารับการประเมิน ITA", "3",
                      "จัดประชุมเตรียมความพร้อมเข้ารับการประเมิน ITA"},
        NumberingCase{"๗.๑ มาตรการต่อต้านการ ทุจริต", "7.1",
                      "มาตรการต่อต้านการ ทุจริต"},
        NumberingCase{"2. . ประชุมคณะทำงาน", "2", "ประชุมคณะทำงาน"},
        NumberingCase{"3) ติดตามผล", "3", "ติดตามผล"},
        NumberingCase{"๑.โครงการพัฒนาความรู้ด้านกฎหมาย", "1",
                      "โครงการพัฒนาความรู้ด้านกฎหมาย"},
        NumberingCase{"1.2.3 เผยแพร่", "1.2.3", "เผยแพร่"},
        NumberingCase{"ข้อ ๒ กำหนดมาตรการ", "2", "กำหนดมาตรการ"},
        // A page break right after the number: the name is on the next page.
        NumberingCase{"๔.๑", "4.1", ""}, NumberingCase{"(๓)", "3", ""},
        // Not numbering: dates and quantities.
        NumberingCase{"๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", "",
                      "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘"},
        NumberingCase{"การอำนวยความสะดวก", "", "การอำนวยความสะดวก"},
        NumberingCase{"๒๕๖๘ ปีแห่งความโปร่งใส", "", "๒๕๖๘ ปีแห่งความโปร่งใส"}));

TEST(SplitInlineItemsTest, SequentialThaiNumbersSplit) {
  EXPECT_THAT(
      SplitInlineItems("๑. จัดทำคู่มือและแนวทางการปฏิบัติหน้าที่ ๒. "
                       "แจกเวียนบุคลากรในหน่วยงานให้ทราบ ๓. เผยแพร่คู่มือประชาชน"),
      ElementsAre("จัดทำคู่มือและแนวทางการปฏิบัติหน้าที่", "แจกเวียนบุคลากรในหน่วยงานให้ทราบ",
                  "เผยแพร่คู่มือประชาชน"));
}

TEST(SplitInlineItemsTest, NumbersWithoutSpaceAfterTheDot) {
  EXPECT_THAT(SplitInlineItems("๑.จัดทำคำสั่ง ๒.เผยแพร่หลักเกณฑ์การ ประเมินผล"),
              ElementsAre("จัดทำคำสั่ง", "เผยแพร่หลักเกณฑ์การ ประเมินผล"));
}

TEST(SplitInlineItemsTest, NumbersInsideSentencesStay) {
  // "๙๙.๔๖" is a score, "๖ เดือน" a duration, "๓ ปี" a span.
  EXPECT_THAT(SplitInlineItems("บรรลุคะแนนในระดับ ๙๙.๔๖ ซึ่งสูงกว่าปีที่ผ่านมา"),
              ElementsAre("บรรลุคะแนนในระดับ ๙๙.๔๖ ซึ่งสูงกว่าปีที่ผ่านมา"));
  EXPECT_THAT(SplitInlineItems("แผนอัตรากำลัง ๓ ปี (พ.ศ. ๒๕๖๗ – ๒๕๖๙) และ "
                               "รายงาน (รอบ ๖ เดือน และ ๑๒ เดือน)"),
              ElementsAre("แผนอัตรากำลัง ๓ ปี (พ.ศ. ๒๕๖๗ – ๒๕๖๙) และ "
                          "รายงาน (รอบ ๖ เดือน และ ๑๒ เดือน)"));
}

TEST(SplitInlineItemsTest, NumberThatDoesNotCountUpDoesNotSplit) {
  EXPECT_THAT(SplitInlineItems("๑. จัดประชุม ครั้งที่ ๓. สรุปผล"),
              ElementsAre("จัดประชุม ครั้งที่ ๓. สรุปผล"));
}

TEST(SplitInlineItemsTest, InlineBullets) {
  EXPECT_THAT(SplitInlineItems("- ดำเนินการทบทวนคู่มือ ได้ - จัดพิมพ์คู่มือไว้ ณ จุดบริการ "
                               "- ประชาสัมพันธ์และอัปเดตคู่มือ"),
              ElementsAre("ดำเนินการทบทวนคู่มือ ได้", "จัดพิมพ์คู่มือไว้ ณ จุดบริการ",
                          "ประชาสัมพันธ์และอัปเดตคู่มือ"));
}

TEST(SplitInlineItemsTest, InlineBulletWhoseSpaceOcrDropped) {
  EXPECT_THAT(SplitInlineItems("- จัดพิมพ์คู่มือไว้ ณ จุดบริการ -ประชาสัมพันธ์และอัปเดตคู่มือ"),
              ElementsAre("จัดพิมพ์คู่มือไว้ ณ จุดบริการ", "ประชาสัมพันธ์และอัปเดตคู่มือ"));
}

TEST(SplitInlineItemsTest, HyphenInsideWordsIsNotABullet) {
  EXPECT_THAT(SplitInlineItems("ระบบการยืม-คืน พัสดุ ผ่านระบบ e-GP และ E -Service"),
              ElementsAre("ระบบการยืม-คืน พัสดุ ผ่านระบบ e-GP และ E -Service"));
}

TEST(SplitInlineItemsTest, PrefaceThenNumberedList) {
  EXPECT_THAT(SplitInlineItems("กำหนดมาตรการ ดังนี้ ๑. มาตรการเผยแพร่ข้อมูล ๒. "
                               "มาตรการป้องกันการรับสินบน"),
              ElementsAre("กำหนดมาตรการ ดังนี้", "มาตรการเผยแพร่ข้อมูล",
                          "มาตรการป้องกันการรับสินบน"));
}

TEST(SplitInlineItemsTest, BulletThenNumber) {
  EXPECT_THAT(SplitInlineItems("- ๑) จัดทำโครงการเพื่ออนุมัติจากผู้บริหารท้องถิ่น"),
              ElementsAre("จัดทำโครงการเพื่ออนุมัติจากผู้บริหารท้องถิ่น"));
}

// A PDF joins the lines of "- ๕) ..." and "- ๖) ..." (plan 004, sheet
// ๑-๑๓): the dash before "๖)" is the next item's bullet, not text.
TEST(SplitInlineItemsTest, BulletedNumbersRunTogether) {
  EXPECT_THAT(SplitInlineItems("๕) ประชาสัมพันธ์ผ่านช่องทางต่างๆ - ๖) "
                               "ดำเนินการจัดพิธี - ๗) รายงานผลการดำเนินงาน"),
              ElementsAre("ประชาสัมพันธ์ผ่านช่องทางต่างๆ", "ดำเนินการจัดพิธี",
                          "รายงานผลการดำเนินงาน"));
}

// The 004 risk table's control cell numbers ๑-๔ then ๖: one skipped
// number in a long list still splits; a skip right at the start does not
// (NumberThatDoesNotCountUpDoesNotSplit).
TEST(SplitInlineItemsTest, OneSkippedNumberInALongList) {
  EXPECT_THAT(
      SplitInlineItems("๑. มาตรการควบคุมการเบิกจ่ายเงิน ๒. กิจกรรม"
                       "วิเคราะห์ผลการจัดซื้อจัดจ้าง ๓. มาตรการป้องกัน"
                       "ผลประโยชน์ทับซ้อน ๔. มาตรการป้องกันการใช้จ่าย"
                       "งบประมาณ ๖. โครงการเสริมสร้างความรู้"),
      ElementsAre("มาตรการควบคุมการเบิกจ่ายเงิน", "กิจกรรมวิเคราะห์ผลการจัดซื้อจัดจ้าง",
                  "มาตรการป้องกันผลประโยชน์ทับซ้อน", "มาตรการป้องกันการใช้จ่ายงบประมาณ",
                  "โครงการเสริมสร้างความรู้"));
  EXPECT_THAT(SplitInlineItems("๑. ก ๒. ข ๓. ค ๕. ง ๔. จ"),
              ElementsAre("ก", "ข", "ค ๕. ง", "จ"));
}

TEST(SplitInlineItemsTest, ParenthesizedNumbers) {
  EXPECT_THAT(SplitInlineItems("(๑) เพื่อแสดงเจตจำนง (๒) เพื่อยกระดับ"),
              ElementsAre("เพื่อแสดงเจตจำนง", "เพื่อยกระดับ"));
}

TEST(SplitListItemsTest, OneItemPerParagraph) {
  std::vector<Paragraph> paras(3);
  paras[0].text = "๑. ผู้บริหารมอบหมายภารกิจ.";
  paras[1].text = "๒. จัดทำช่องทางการติดต่อสื่อสาร";
  paras[2].text = "๓. ผลิตสื่อประชาสัมพันธ์เชิงรุก";
  EXPECT_THAT(SplitListItems(paras),
              ElementsAre("ผู้บริหารมอบหมายภารกิจ.", "จัดทำช่องทางการติดต่อสื่อสาร",
                          "ผลิตสื่อประชาสัมพันธ์เชิงรุก"));
}

TEST(SplitListItemsTest, UnnumberedParagraphsDoNotCount) {
  // The output cell of measure 7 in the Garuda print of report 002: four
  // unnumbered paragraphs, then a reference list whose last number is the
  // count the paragraphs reached ("(No.๓, ๔)" in the fourth).
  std::vector<Paragraph> paras(4);
  paras[0].text = "การประกาศใช้ มีการจัดทำประกาศ";
  paras[1].text = "คู่มือแนวทางปฏิบัติ (No.๖)";
  paras[2].text = "ระบบเปิดเผยข้อมูล (No.๓)";
  paras[3].text = "จุดรับเรื่องร้องเรียน (No.๓, ๔) ที่เข้าถึงง่าย";
  EXPECT_THAT(SplitListItems(paras),
              ElementsAre("การประกาศใช้ มีการจัดทำประกาศ", "คู่มือแนวทางปฏิบัติ (No.๖)",
                          "ระบบเปิดเผยข้อมูล (No.๓)",
                          "จุดรับเรื่องร้องเรียน (No.๓, ๔) ที่เข้าถึงง่าย"));
  // Numbered paragraphs do go on counting inline.
  paras[0].text = "๑. ก";
  paras[1].text = "๒. ข";
  paras[2].text = "๓. ค";
  paras[3].text = "ง ๔. จ";
  EXPECT_THAT(SplitListItems(paras), ElementsAre("ก", "ข", "ค", "ง", "จ"));
  // A number closing an open parenthesis is inside it, in any list.
  EXPECT_THAT(SplitInlineItems("๓. ช่องทาง (No.๔, ๔) ที่เข้าถึงง่าย", 3),
              ElementsAre("ช่องทาง (No.๔, ๔) ที่เข้าถึงง่าย"));
}

TEST(JoinWrappedTest, ThaiJoinsWithoutSpaceOthersWithOne) {
  EXPECT_EQ(JoinWrapped("ผู้รับผิด", "ชอบ"), "ผู้รับผิดชอบ");
  EXPECT_EQ(JoinWrapped("ระบบ", "E-Service"), "ระบบ E-Service");
  EXPECT_EQ(JoinWrapped("ปี ๒๕๖๘", "จำนวน"), "ปี ๒๕๖๘ จำนวน");
  EXPECT_EQ(JoinWrapped("", "ชอบ"), "ชอบ");
}

TEST(StripBulletTest, KeepsTheNumber) {
  EXPECT_EQ(StripBullet("- ๑) จัดทำโครงการ"), "๑) จัดทำโครงการ");
  EXPECT_EQ(StripBullet(" - ๓.๑) การจัดการเรื่องร้องเรียน"),
            "๓.๑) การจัดการเรื่องร้องเรียน");
  EXPECT_EQ(StripBullet("๒) ประชาสัมพันธ์"), "๒) ประชาสัมพันธ์");
  EXPECT_EQ(StripBullet("ระบบการยืม-คืน"), "ระบบการยืม-คืน");
}

TEST(StripListMarkerTest, RemovesBulletsAndNumbers) {
  EXPECT_EQ(StripListMarker("• ประชุม"), "ประชุม");
  EXPECT_EQ(StripListMarker("- ๒) ประสานบุคคล"), "ประสานบุคคล");
  EXPECT_EQ(StripListMarker("(๑๐) รายงานผล"), "รายงานผล");
  EXPECT_EQ(StripListMarker("ไม่มีเครื่องหมาย"), "ไม่มีเครื่องหมาย");
}

// Items written inline in one paragraph split; a dash inside a word pair or
// a date range does not.
TEST(SplitInlineItemsTest, InlineListShapes) {
  struct Case {
    const char* text;
    std::vector<std::string> items;
  } cases[] = {
      {"- จัดทำประกาศ - เสนอผู้บริหารลงนาม - เผยแพร่ทางเว็บไซต์",
       {"จัดทำประกาศ", "เสนอผู้บริหารลงนาม", "เผยแพร่ทางเว็บไซต์"}},
      {"๑. จัดทำทะเบียนยืม-คืนพัสดุ ๒. ตรวจสอบการส่งคืน ๓. รายงานผล",
       {"จัดทำทะเบียนยืม-คืนพัสดุ", "ตรวจสอบการส่งคืน", "รายงานผล"}},
      {"1) แต่งตั้งคณะทำงาน 2) ประชาสัมพันธ์ล่วงหน้า 3) สรุปข้อเสนอ",
       {"แต่งตั้งคณะทำงาน", "ประชาสัมพันธ์ล่วงหน้า", "สรุปข้อเสนอ"}},
      {"- ควบคุมการยืม-คืนพัสดุ - รายงานผล", {"ควบคุมการยืม-คืนพัสดุ", "รายงานผล"}},
      {"- ดำเนินการระหว่าง ๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘ - รายงานผลรายไตรมาส",
       {"ดำเนินการระหว่าง ๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘", "รายงานผลรายไตรมาส"}},
      {"ระบบยืม-คืน ออนไลน์", {"ระบบยืม-คืน ออนไลน์"}},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(SplitInlineItems(c.text), c.items) << c.text;
  }
}

}  // namespace
}  // namespace raingan
