// The row stage on model tables built from real rows: sub-rows, rows cut
// by page breaks, repeated headers, column order by wording.
#include "stages/tables/measure_tables_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "pipeline/models.h"

namespace raingan {
namespace {

using ::testing::ElementsAre;

const Models& TestModels() {
  static const std::shared_ptr<const Models> models = [] {
    auto m = Models::Load(RAINGAN_SOURCE_DIR "/models");
    EXPECT_TRUE(m.ok()) << m.status().ToString();
    return *m;
  }();
  return *models;
}

TableRow Row(std::initializer_list<const char*> cells, int page = 1) {
  TableRow row;
  row.prov.page = page;
  for (const char* c : cells) {
    Cell cell;
    if (*c != '\0') {
      Paragraph p;
      p.text = c;
      cell.paragraphs.push_back(p);
    }
    row.cells.push_back(cell);
  }
  return row;
}

const std::initializer_list<const char*> kHeader = {
    "มาตรการ/โครงการ/กิจกรรม ที่ดำเนินการ",
    "ขั้นตอน/วิธีการปฏิบัติ",
    "ช่วงระยะเวลาในการดำเนินการ",
    "ผู้รับผิดชอบ",
    "ผลการดำเนินการ (output)",
    "ผลลัพธ์/ผลฤทธิ์ในการ ดำเนินงาน (outcome/result)"};

Block TableBlock(std::vector<TableRow> rows) {
  Table t;
  t.columns = static_cast<int>(rows.front().cells.size());
  t.rows = std::move(rows);
  return Block::MakeTable(std::move(t));
}

Block Heading(const char* text) {
  Paragraph p;
  p.text = text;
  return Block::MakeParagraph(p);
}

std::vector<Measure> Extract(std::vector<Page> pages) {
  Document doc;
  doc.pages = std::move(pages);
  StageContext ctx{TestModels()};
  EXPECT_TRUE(NewMeasureTablesStage()->Run(ctx, &doc).ok());
  return doc.measures;
}

TEST(MeasureTablesStageTest, RowsBecomeRecordsWithSectionAndId) {
  Page page;
  page.blocks.push_back(
      Heading("ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ"));
  page.blocks.push_back(
      TableBlock({Row(kHeader),
                  Row({"๑.๑ จัดทำคู่มือการปฏิบัติงาน", "๑. จัดทำคู่มือ ๒. แจกเวียนบุคลากร",
                       "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘", "งานพัสดุ/กองคลัง",
                       "- ทบทวนคู่มือ - จัดพิมพ์คู่มือ", "เจ้าหน้าที่มีแนวทาง"})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "1.1");
  EXPECT_EQ(m[0].section, "กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ");
  EXPECT_EQ(m[0].measure, "จัดทำคู่มือการปฏิบัติงาน");
  EXPECT_THAT(m[0].method, ElementsAre("จัดทำคู่มือ", "แจกเวียนบุคลากร"));
  EXPECT_THAT(m[0].owner, ElementsAre("งานพัสดุ", "กองคลัง"));
  EXPECT_EQ(m[0].period.text, "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘");
  EXPECT_THAT(m[0].output, ElementsAre("ทบทวนคู่มือ", "จัดพิมพ์คู่มือ"));
  EXPECT_THAT(m[0].outcome, ElementsAre("เจ้าหน้าที่มีแนวทาง"));
  EXPECT_EQ(m[0].table, 1);
  EXPECT_EQ(m[0].row, 1);
}

TEST(MeasureTablesStageTest, ColumnsAreFoundByWordingNotPosition) {
  Page page;
  page.blocks.push_back(
      TableBlock({Row({"ผลลัพธ์", "ผู้รับผิดชอบ", "มาตรการ", "ระยะเวลา", "ผลผลิต"}),
                  Row({"ประชาชนพึงพอใจ", "สำนักปลัด", "(๑) ประชุม",
                       "ตลอดปีงบประมาณ ๒๕๖๘", "รายงาน ๑ ฉบับ"})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].measure, "ประชุม");
  EXPECT_EQ(m[0].id, "1");
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด"));
  EXPECT_THAT(m[0].outcome, ElementsAre("ประชาชนพึงพอใจ"));
  EXPECT_THAT(m[0].output, ElementsAre("รายงาน ๑ ฉบับ"));
}

TEST(MeasureTablesStageTest, SubRowIsItsOwnRecordUnderTheMeasureAbove) {
  Page page;
  page.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"๒.๑ พัฒนาระบบ E-Service", "๑. ออกแบบ", "ต.ค. ๒๕๖๗", "สำนักปลัด",
            "เปิดระบบ", "ประชาชนสะดวก"}),
       Row({"", "๒. ประชาสัมพันธ์", "ม.ค. ๒๕๖๘", "กองคลัง", "ประกาศ", ""})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].measure, "พัฒนาระบบ E-Service");
  EXPECT_EQ(m[1].id, "2.1");
  EXPECT_THAT(m[1].method, ElementsAre("ประชาสัมพันธ์"));
  EXPECT_THAT(m[1].owner, ElementsAre("กองคลัง"));
  EXPECT_EQ(m[1].row, 2);
}

TEST(MeasureTablesStageTest, RowCutByAPageBreakIsMerged) {
  Page p1, p2;
  p1.number = 1;
  p2.number = 2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"๑.๑ จัดทำคู่มือ", "๑. จัดทำคู่มือและแนวทาง ๒. แจก",
                          "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", "สำนักปลัด", "- ทบทวน",
                          "เจ้าหน้าที่มี"})}));
  // Page 2 repeats the header; the row goes on with the tail of the method
  // list and one more output item; the outcome cell is empty.
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2),
       Row({"", "เวียนบุคลากร ๓. เผยแพร่", "", "", "- จัดพิมพ์", ""}, 2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_THAT(m[0].method,
              ElementsAre("จัดทำคู่มือและแนวทาง", "แจกเวียนบุคลากร", "เผยแพร่"));
  EXPECT_THAT(m[0].output, ElementsAre("ทบทวน", "จัดพิมพ์"));
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด"));
}

TEST(MeasureTablesStageTest,
     MeasureRepeatedAfterTheHeaderIsMergedWithoutDuplicates) {
  Page p1, p2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"๓.๑ พัฒนาศูนย์ข้อมูล", "๑. จัดสรรงบประมาณ",
                          "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "อัปเดตข้อมูล", ""})}));
  p2.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๓.๑ พัฒนาศูนย์ข้อมูล", "๑. จัดสรรงบประมาณ", "",
                                     "สำนักปลัด", "", "ประชาชนเข้าถึงข้อมูล"})}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_THAT(m[0].method, ElementsAre("จัดสรรงบประมาณ"));
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด"));
  EXPECT_THAT(m[0].outcome, ElementsAre("ประชาชนเข้าถึงข้อมูล"));
}

TEST(MeasureTablesStageTest, HeaderlessTableOfTheSameWidthContinues) {
  Page p1, p2;
  p1.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี",
                                     "สำนักปลัด", "ประชุม ๑๒ ครั้ง", "ผลลัพธ์"})}));
  p2.blocks.push_back(TableBlock({Row(
      {"๑.๒ อบรม", "๑. อบรม", "ม.ค. ๒๕๖๘", "กองคลัง", "อบรม ๑ ครั้ง", "ผลลัพธ์"},
      2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "1.2");
  EXPECT_EQ(m[1].table, 1);
}

TEST(MeasureTablesStageTest, NonMeasureTablesAreIgnored) {
  Page page;
  page.blocks.push_back(TableBlock(
      {Row({"ลำดับ", "ขั้นตอน", "ประเด็นความเสี่ยง", "Risk Score", "มาตรการควบคุม"}),
       Row({"๑", "การบริหารงาน", "ผู้บริหารแทรกแซง", "ปานกลาง", "๑. มาตรการ"})}));
  page.blocks.push_back(TableBlock(
      {Row({"(ลงชื่อ)", "ผู้รายงาน"}), Row({"นางสาวนิตยา", "เจ้าพนักงาน"})}));
  EXPECT_TRUE(Extract({page}).empty());
}

TEST(MeasureTablesStageTest, RecommendationColumnIsKept) {
  Page page;
  page.blocks.push_back(TableBlock(
      {Row({"มาตรการ", "ขั้นตอน", "ผู้รับผิดชอบ", "ผลการดำเนินการ", "ข้อเสนอแนะ"}),
       Row({"๑. ประชุม", "ประชุม", "สำนักปลัด", "ประชุมแล้ว", "ควรเพิ่มความถี่"})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_TRUE(m[0].has_recommendation);
  EXPECT_THAT(m[0].recommendation, ElementsAre("ควรเพิ่มความถี่"));
}

// Rows of 002's born PDF that a row was cut into, page after page: the
// measure, period and owner cells continue too.
TEST(MeasureTablesStageTest, EveryCellOfACutRowContinues) {
  Page p1, p2, p3;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"(๔) มีระบบและช่อง", "๑. ออกแบบระบบ พัฒนา", "มกราคม – กันยายน",
            "กองสาธารณสุ", "๑. ช่องทางประเมิน", "๑. ความสะดวก"})}));
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2),
       Row({"ทางการรับฟังความคิดเห็น", "แบบประเมินความพึงพอใจ ๒. ติดตั้งจุดประเมิน",
            "๒๕๖๘ (ดำเนินการต่อเนื่องตลอดปี)", "ข และสิ่งแวดล้อม", "", ""},
           2)}));
  // Cells of the tail mention header words ("ขั้นตอน", "ผลสัมฤทธิ์"): still
  // data, not a repeated or second header row.
  p3.blocks.push_back(TableBlock(
      {Row(kHeader, 3), Row({"", "ผู้บริหาร ๓. นำคำติชมมาปรับปรุงขั้นตอนการให้บริการ", "",
                             "", "", "บรรลุผลสัมฤทธิ์ในระดับดีเยี่ยม"},
                            3)}));
  // The last tail is one short cell that reads like a label.
  Page p4;
  p4.blocks.push_back(
      TableBlock({Row(kHeader, 4),
                  Row({"", "ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", "", "", "", ""}, 4)}));
  std::vector<Measure> m = Extract({p1, p2, p3, p4});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].measure, "มีระบบและช่องทางการรับฟังความคิดเห็น");
  EXPECT_EQ(m[0].period.text, "มกราคม – กันยายน ๒๕๖๘ (ดำเนินการต่อเนื่องตลอดปี)");
  EXPECT_THAT(m[0].owner, ElementsAre("กองสาธารณสุข และสิ่งแวดล้อม"));
  EXPECT_THAT(
      m[0].method,
      ElementsAre("ออกแบบระบบ พัฒนาแบบประเมินความพึงพอใจ", "ติดตั้งจุดประเมินผู้บริหาร",
                  "นำคำติชมมาปรับปรุงขั้นตอนการให้บริการประจำปีงบประมาณ พ.ศ. ๒๕๖๘"));
  EXPECT_THAT(m[0].outcome, ElementsAre("ความสะดวกบรรลุผลสัมฤทธิ์ในระดับดีเยี่ยม"));
}

TEST(MeasureTablesStageTest, SubRowStartingANewPageIsStillASubRow) {
  Page p1, p2;
  p1.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๒.๑ พัฒนาระบบ", "๑. ออกแบบ", "ต.ค. ๒๕๖๗",
                                     "สำนักปลัด", "เปิดระบบ", ""})}));
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2),
       Row({"", "๑. ประชาสัมพันธ์", "ม.ค. – มี.ค. ๒๕๖๘", "กองคลัง", "ประกาศ", ""},
           2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].measure, "พัฒนาระบบ");
  EXPECT_THAT(m[1].owner, ElementsAre("กองคลัง"));
}

}  // namespace
}  // namespace raingan
