// The row stage on model tables built from real rows: sub-rows, rows cut
// by page breaks, repeated headers, column order by wording.
#include "stages/tables/measure_tables_stage.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::ElementsAre;

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
  EXPECT_TRUE(testing::RunStage(&NewMeasureTablesStage, &doc).ok());
  return doc.measures;
}

// A row as OCR reads it: its measure cell's confidence below a text
// layer's 1.0 (the misread-number rules apply to OCR only).
TableRow OcrRow(std::initializer_list<const char*> cells, int page,
                double confidence = 0.8) {
  TableRow row = Row(cells, page);
  row.cells[0].paragraphs[0].confidence = confidence;
  return row;
}

// Page 1 of a table numbered "๖.๑": one measure, every cell filled.
Page PageWithMeasureSixOne() {
  Page p;
  p.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"๖.๑ มาตรการยกระดับมาตรฐานคุณธรรม", "๑. จัดทำคำสั่ง",
                          "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "ออกคำสั่ง", ""})}));
  return p;
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

// The 200-dpi sample scan: OCR read "(๗)" as "(ต)" on the row that opens
// page 2, and the same measure goes on at the top of page 3.
TEST(MeasureTablesStageTest, NumberOcrReadAsALetterStillStartsAMeasure) {
  // ๗ read as ต (the 200-dpi sample scan), ๕ as @ (a noisy 200-dpi copy of
  // the borderless report), ๘ and ๙ as @ with a bracket lost (a 1-bit
  // copy of the Kinnari print).
  for (const char* misread : {"(ต) ", "(@) ", "(@ ", "@) "}) {
    SCOPED_TRACE(misread);
    Page p1, p2, p3;
    p1.blocks.push_back(
        TableBlock({Row(kHeader),
                    Row({"(๖) อำนวยความสะดวก", "๑. ปรับปรุงจุดบริการ",
                         "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "พื้นที่บริการ", ""})}));
    const std::string cell =
        std::string(misread) + "กำหนดมาตรการส่งเสริมความโปร่งใสและป้องกันการ";
    p2.blocks.push_back(TableBlock(
        {Row(kHeader, 2), Row({cell.c_str(), "๑. แต่งตั้งคณะกรรมการ",
                               "ตลอดปีงบประมาณ ๒๕๖๘", "กองคลัง", "ประกาศใช้", ""},
                              2)}));
    p3.blocks.push_back(TableBlock(
        {Row(kHeader, 3),
         Row({"ทุจริต ดังนี้", "๒. ประชุมคณะกรรมการ", "", "", "", "องค์กรสะอาด"},
             3)}));
    std::vector<Measure> m = Extract({p1, p2, p3});
    ASSERT_EQ(m.size(), 2u);
    EXPECT_EQ(m[1].measure, "กำหนดมาตรการส่งเสริมความโปร่งใสและป้องกันการทุจริต ดังนี้");
    EXPECT_THAT(m[1].method, ElementsAre("แต่งตั้งคณะกรรมการ", "ประชุมคณะกรรมการ"));
    EXPECT_THAT(m[1].warnings,
                ::testing::Contains(::testing::HasSubstr("number unreadable")));
  }
}

// Scans of row-ruled prints: OCR reads the end of a rule before the
// number as a dash. The number is still the measure's; a bulleted name
// without a number keeps its bullet.
TEST(MeasureTablesStageTest, DashOcrReadBeforeTheNumber) {
  Page page;
  page.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"- ๑.๑ จัดทำคู่มือการปฏิบัติงาน", "๑. จัดทำคู่มือ", "ตลอดปีงบประมาณ ๒๕๖๘",
            "สำนักปลัด", "ทบทวนคู่มือ", "เจ้าหน้าที่มีแนวทาง"}),
       Row({"- (๓) จัดประชุมเตรียมความพร้อม", "๑. ประชุม", "ตลอดปีงบประมาณ ๒๕๖๘",
            "สำนักปลัด", "รายงาน", "บุคลากร"}),
       Row({"- จัดประชุมประจำเดือน", "๑. ประชุม", "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด",
            "รายงาน", "บุคลากร"})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].id, "1.1");
  EXPECT_EQ(m[0].measure, "จัดทำคู่มือการปฏิบัติงาน");
  EXPECT_EQ(m[1].id, "3");
  EXPECT_EQ(m[1].measure, "จัดประชุมเตรียมความพร้อม");
  EXPECT_EQ(m[2].id, "");
  EXPECT_EQ(m[2].measure, "- จัดประชุมประจำเดือน");
}

// The 300-dpi borderless sample scan: OCR read "(๙)" as "69" on the row
// after page 17's repeated header. Its last digit is the number expected
// next, so it is a new measure (with the warning); a measure cut by the
// page break that goes on with another number is still the same measure.
TEST(MeasureTablesStageTest, NumberOcrReadAsDigitsStartsTheExpectedMeasure) {
  Page p1, p2, p3;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"(๘) แผนการใช้งบประมาณประจำปี", "๑. จัดทำข้อบัญญัติ", "ตลอดปีงบประมาณ ๒๕๖๘",
            "กองคลัง", "เอกสารงบประมาณ", ""})}));
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2), Row({"69 ประสิทธิภาพการสื่อสาร", "๑. พัฒนาช่องทาง",
                             "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "สื่อ ๑๒ ชิ้น", ""},
                            2)}));
  // Measure 10, cut after "จำนวน": its rest opens with a number that is
  // not the next one (11).
  p3.blocks.push_back(
      TableBlock({Row(kHeader, 3), Row({"(๑๐) จัดซื้อครุภัณฑ์จำนวน", "๑. สำรวจ",
                                        "ตลอดปีงบประมาณ ๒๕๖๘", "กองคลัง", "", ""},
                                       3)}));
  Page p4;
  p4.blocks.push_back(
      TableBlock({Row(kHeader, 4),
                  Row({"๕ ชุด", "๒. จัดซื้อ", "", "", "ครุภัณฑ์ ๕ ชุด", ""}, 4)}));
  std::vector<Measure> m = Extract({p1, p2, p3, p4});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[1].measure, "ประสิทธิภาพการสื่อสาร");
  EXPECT_THAT(m[1].warnings,
              ::testing::Contains(::testing::HasSubstr("number unreadable")));
  EXPECT_EQ(m[2].id, "10");
  EXPECT_EQ(m[2].measure, "จัดซื้อครุภัณฑ์จำนวน ๕ ชุด");
  EXPECT_THAT(m[2].method, ElementsAre("สำรวจ", "จัดซื้อ"));
}

// A phone photo of sample 000 read "๖.๑" as "D.@" on the first row of a
// section's table: the tables before numbered their measures "๕.๑", so the
// row's number is unread, and the tail of its name cut by the next page
// break goes on it instead of becoming a record.
TEST(MeasureTablesStageTest, FirstRowOfATableKnowsTheDocumentsNumbering) {
  Page p1, p2, p3;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"๕.๑ มาตรการเผยแพร่ข้อมูล", "๑. จัดทำ",
                          "ตลอดปีงบประมาณ ๒๕๖๘", "กองคลัง", "ประกาศ", ""})}));
  TableRow row =
      OcrRow({"D.@ มาตรการยกระดับมาตรฐานคุณธรรมในการ ควบคุม", "๑. จัดทำคำสั่ง",
              "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "คำสั่ง", ""},
             2);
  // Another section's table, its result columns the other way round: a
  // new logical table.
  TableRow other_header = Row(kHeader, 2);
  std::swap(other_header.cells[4].paragraphs, other_header.cells[5].paragraphs);
  p2.blocks.push_back(TableBlock({other_header, row}));
  TableRow tail = OcrRow({"ตรวจสอบการใช้อำนาจ", "", "", "", "", ""}, 3);
  p3.blocks.push_back(TableBlock({other_header, tail}));
  std::vector<Measure> m = Extract({p1, p2, p3});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_NE(m[0].table, m[1].table);
  EXPECT_EQ(m[1].measure,
            "มาตรการยกระดับมาตรฐานคุณธรรมในการ ควบคุมตรวจสอบการใช้อำนาจ");
  EXPECT_THAT(m[1].warnings,
              ::testing::Contains(::testing::HasSubstr("number unreadable")));
}

// A noisy 200-dpi scan of sample 002 read "(๔)" as "(๑" on the row after a
// page break: it opens with the table's bracket, so it is a number's place
// and the row a measure of its own, its number unread.
TEST(MeasureTablesStageTest, BracketedNumberWithAnotherDigitStartsAMeasure) {
  Page p1, p2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"(๓) จัดประชุมเตรียมความพร้อม", "๑. ศึกษาผล",
                          "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "รายงาน", ""})}));
  TableRow row =
      OcrRow({"(๑ มีระบบและช่องทางการรับฟังความคิดเห็น", "๑. จัดทำแบบสอบถาม",
              "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "แบบสอบถาม", ""},
             2);
  p2.blocks.push_back(TableBlock({Row(kHeader, 2), row}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].measure, "มีระบบและช่องทางการรับฟังความคิดเห็น");
  EXPECT_THAT(m[1].warnings,
              ::testing::Contains(::testing::HasSubstr("number unreadable")));
}

// A 200-dpi scan read "๗.๑" as "61,6)" on the row after page 18's repeated
// header: digits and punctuation no numbering reads start a new measure,
// with the warning; a plain number going on from a cut name does not.
TEST(MeasureTablesStageTest, GarbledOutlineNumberStartsAMeasure) {
  Page p1 = PageWithMeasureSixOne(), p2, p3;
  TableRow garbled =
      OcrRow({"61,6) มาตรการต่อต้านการทุจริต", "๑. วิเคราะห์ความเสี่ยง",
              "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "รายงาน ๑ ฉบับ", ""},
             2);
  p2.blocks.push_back(TableBlock({Row(kHeader, 2), garbled}));
  p3.blocks.push_back(TableBlock(
      {Row(kHeader, 3), Row({"๕ ชุด", "๒. ติดตามผล", "", "", "", ""}, 3)}));
  std::vector<Measure> m = Extract({p1, p2, p3});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].measure, "มาตรการต่อต้านการทุจริต ๕ ชุด");
  EXPECT_THAT(m[1].warnings,
              ::testing::Contains(::testing::HasSubstr("number unreadable")));
  // The same token in a text layer is text.
  garbled.cells[0].paragraphs[0].confidence = 1.0;
  Page q2;
  q2.blocks.push_back(TableBlock({Row(kHeader, 2), garbled}));
  EXPECT_EQ(Extract({p1, q2}).size(), 1u);
}

// A 200-dpi bilevel copy of sample 000 read "๗.๑" as "ฮี.๑" on the row
// after a page break, and "๒.๑" as "๒,๑" on the first row of a table: the
// first starts a measure (its number unread), the second is numbered 2.1.
TEST(MeasureTablesStageTest, OutlineNumbersWithAMisreadSignStartAMeasure) {
  Page p1 = PageWithMeasureSixOne(), p2, p3;
  TableRow letter =
      OcrRow({"ฮี.๑ มาตรการต่อต้านการทุจริต", "๑. วิเคราะห์ความเสี่ยง",
              "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "รายงาน ๑ ฉบับ", ""},
             2);
  p2.blocks.push_back(TableBlock({Row(kHeader, 2), letter}));
  // A phone photo read "๖.๑" as "D.@", and an abbreviation is no number.
  for (const char* cell : {"D.@ มาตรการต่อต้านการทุจริต", "ต.ค. จัดอบรม"}) {
    TableRow row = letter;
    row.cells[0].paragraphs[0].text = cell;
    Page p;
    p.blocks.push_back(TableBlock({Row(kHeader, 2), row}));
    EXPECT_EQ(Extract({p1, p}).size(), cell[0] == 'D' ? 2u : 1u) << cell;
  }
  TableRow comma = OcrRow({"๘,๑ พัฒนาการให้บริการ", "๑. จัดทำระบบ",
                           "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "ระบบ ๑ ระบบ", ""},
                          3, 0.9);
  p3.blocks.push_back(TableBlock({Row(kHeader, 3), comma}));
  std::vector<Measure> m = Extract({p1, p2, p3});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].measure, "มาตรการยกระดับมาตรฐานคุณธรรม");
  EXPECT_EQ(m[1].measure, "มาตรการต่อต้านการทุจริต");
  EXPECT_THAT(m[1].warnings,
              ::testing::Contains(::testing::HasSubstr("number unreadable")));
  EXPECT_EQ(m[2].id, "8.1");
  EXPECT_EQ(m[2].measure, "พัฒนาการให้บริการ");
  // In a text layer both are text, the tail of a name cut by the break.
  letter.cells[0].paragraphs[0].confidence = 1.0;
  comma.cells[0].paragraphs[0].confidence = 1.0;
  Page q2, q3;
  q2.blocks.push_back(TableBlock({Row(kHeader, 2), letter}));
  q3.blocks.push_back(TableBlock({Row(kHeader, 3), comma}));
  std::vector<Measure> text = Extract({p1, q2, q3});
  ASSERT_EQ(text.size(), 1u);
  EXPECT_NE(text[0].measure.find("ฮี.๑ มาตรการต่อต้าน"), std::string::npos);
  EXPECT_NE(text[0].measure.find("๘,๑ พัฒนา"), std::string::npos);
}

// "(ก)" in a table numbered "1.", "2." is a letter, not a misread number.
TEST(MeasureTablesStageTest, BracketedLetterInAnotherNumberingContinues) {
  Page p1, p2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), Row({"1. จัดทำคู่มือ", "๑. จัดทำ", "ตลอดปีงบประมาณ ๒๕๖๘",
                          "สำนักปลัด", "คู่มือ", ""})}));
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2), Row({"(ก) ฉบับประชาชน", "", "", "", "", ""}, 2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
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

// Rows from a LibreOffice rendering of the same report: the next table's
// header starts at the foot of page 14 and is cut by the page break; its
// first part ("ช่วง", "ผู้") does not name every role, its tail does.
TEST(MeasureTablesStageTest, HeaderCutByAPageBreakIsJoinedNotData) {
  Page p14, p15;
  p14.blocks.push_back(
      TableBlock({Row(kHeader, 14),
                  Row({"๕.๑ มาตรการเผยแพร่ ข้อมูลทางการคลัง", "๑.จัดประชุมชี้แจงข้อมูล",
                       "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", "งานพัสดุ/กองคลัง",
                       "มีการจัดทำและอัปเดต แผนการจัดซื้อจัดจ้าง", "ส่งเสริมความเสมอภาค"},
                      14)}));
  p14.blocks.push_back(
      Heading("ประเด็นที่ ๖ กระบวนการควบคุมตรวจสอบการใช้อำนาจและการบริหารงานบุคคล"));
  p14.blocks.push_back(
      TableBlock({Row({"มาตรการ", "ขั้นตอน/วิธีการ", "ช่วง", "ผู้",
                       "ผลการดำเนินการ (output)", "ผลลัพธ์/ผลฤทธิ์ใน"},
                      14)}));
  p15.blocks.push_back(TableBlock(
      {Row({"/โครงการ/กิจกรรมที่ดำเนินการ", "ปฏิบัติ", "ระยะเวลาในการดำเนินการ",
            "รับผิดชอบ", "", "การ ดำเนินงาน (outcome/result)"},
           15),
       Row({"๖.๑ มาตรการยกระดับ มาตรฐานคุณธรรม", "๑.จัดทำคำสั่งและระเบียบการ",
            "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", "สำนักปลัด", "ดำเนินการออกคำสั่ง",
            "บุคลากรรับทราบขอบเขตงาน"},
           15)}));
  std::vector<Measure> m = Extract({p14, p15});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].id, "5.1");
  EXPECT_EQ(m[1].id, "6.1");
  EXPECT_EQ(m[1].measure, "มาตรการยกระดับ มาตรฐานคุณธรรม");
  EXPECT_THAT(m[1].owner, ElementsAre("สำนักปลัด"));
  EXPECT_THAT(m[1].method, ElementsAre("จัดทำคำสั่งและระเบียบการ"));
  EXPECT_TRUE(m[1].extra.empty());
  EXPECT_EQ(m[1].section, "กระบวนการควบคุมตรวจสอบการใช้อำนาจและการบริหารงานบุคคล");
}

// Two tables drawn edge to edge with column lines that line up come out of
// the grid as one table: the second header starts a new logical table.
TEST(MeasureTablesStageTest, SecondHeaderInsideOneGridStartsATable) {
  Page page;
  page.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี", "สำนักปลัด", "ประชุม ๑๒ ครั้ง",
            "ผลลัพธ์"}),
       Row({"มาตรการ", "วิธีการ", "ผู้รับผิดชอบ", "ระยะเวลา", "ผลผลิต", "ข้อเสนอแนะ"}),
       Row({"๒.๑ อบรม", "๑. อบรม", "กองคลัง", "ม.ค. ๒๕๖๘", "อบรม ๑ ครั้ง",
            "ควรจัดทุกปี"})}));
  std::vector<Measure> m = Extract({page});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "2.1");
  EXPECT_EQ(m[1].table, 2);
  EXPECT_THAT(m[1].owner, ElementsAre("กองคลัง"));
  EXPECT_THAT(m[1].recommendation, ElementsAre("ควรจัดทุกปี"));
}

// A row of short words at the top of a page is data (here the tail of a
// cut row) when the page before ended in data, not in a header.
TEST(MeasureTablesStageTest, ShortRowAfterDataIsNotAHeaderTail) {
  Page p1, p2;
  p1.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี",
                                     "สำนักปลัด", "ประชุม ๑๒ ครั้ง", "ผลลัพธ์"})}));
  p2.blocks.push_back(
      TableBlock({Row({"", "", "", "กองคลัง", "", "ประชาชนพอใจ"}, 2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด", "กองคลัง"));
  EXPECT_THAT(m[0].outcome, ElementsAre("ผลลัพธ์ประชาชนพอใจ"));
}

// Rows from a LibreOffice rendering of report 002: measure "(๗)" lists
// eight sub-measures in its cell, and the page break falls inside that
// list. "๘." continues the list; it is not measure 8.
TEST(MeasureTablesStageTest, ListInsideAMeasureCellCutByAPageBreak) {
  const std::initializer_list<const char*> header = {
      "มาตรการ โครงการ หรือกิจกรรมที่ดำเนินการ",
      "ขั้นตอนหรือวิธีการปฏิบัติ",
      "ผู้รับผิดชอบ",
      "ช่วงระยะเวลาในการดำเนินการ",
      "ผลการดำเนินการ (Output)",
      "ผลลัพธ์หรือผลสัมฤทธิ์ในการดำเนินการ"};
  Page p15, p16;
  p15.blocks.push_back(
      TableBlock({Row(header, 15),
                  Row({"(๗) กำหนดมาตรการ ดังนี้ ๑. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ "
                       "๗. มาตรการตรวจสอบการใช้ดุลยพินิจ",
                       "๑. จัดทำประกาศ", "สำนักปลัด", "ตลอดปีงบประมาณ ๒๕๖๘",
                       "๑. ประกาศแล้ว", "๑. ประชาชนรับรู้"},
                      15)}));
  p16.blocks.push_back(TableBlock(
      {Row({"๘. มาตรการสร้างความโปร่งใสในการบริหารงานบุคคล", "", "", "", "", ""},
           16),
       Row({"(๘) แผนการใช้งบประมาณประจำปี", "๑. จัดทำข้อบัญญัติ", "กองคลัง",
            "ตลอดปีงบประมาณ ๒๕๖๘", "๑. เผยแพร่แล้ว", "๑. โปร่งใส"},
           16)}));
  std::vector<Measure> m = Extract({p15, p16});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].id, "7");
  EXPECT_THAT(m[0].measure,
              ::testing::EndsWith("๘. มาตรการสร้างความโปร่งใสในการบริหารงานบุคคล"));
  EXPECT_EQ(m[1].id, "8");
  EXPECT_EQ(m[1].measure, "แผนการใช้งบประมาณประจำปี");
}

// The same list cut with the rest of its row (the borderless Sawasdee
// print of report 002, page 10): "๒." goes on the measure cell's list
// beside the steps' and results' tails. It is neither measure 2 (the
// next measure is 8) nor a record of its own.
TEST(MeasureTablesStageTest, ListInsideAMeasureCellCutWithTheRestOfItsRow) {
  Page p9, p10;
  p9.blocks.push_back(
      TableBlock({Row(kHeader, 9),
                  Row({"(๗) กำหนดมาตรการ ดังนี้ ๑. มาตรการเผยแพร่ข้อมูลต่อสาธารณะ",
                       "- แต่งตั้งคณะกรรมการ", "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด",
                       "๑. การประกาศใช้", "๑. วัฒนธรรมองค์กร"},
                      9)}));
  p10.blocks.push_back(
      TableBlock({Row({"๒. มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม", "แก่บุคลากรในหน่วยงาน",
                       "", "", "และคู่มือการจัดการเรื่องร้องเรียน", "ลดความเสี่ยง"},
                      10)}));
  std::vector<Measure> m = Extract({p9, p10});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].id, "7");
  EXPECT_THAT(m[0].measure,
              ::testing::EndsWith("๒. มาตรการให้ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม"));
  EXPECT_THAT(m[0].method, ElementsAre("แต่งตั้งคณะกรรมการแก่บุคลากรในหน่วยงาน"));
}

// The same shape of numbering with nothing else in the row is a measure
// of its own (a group heading row), not a continuation.
TEST(MeasureTablesStageTest, MeasureRowOfTheTablesOwnNumberingStartsARecord) {
  Page p1, p2;
  p1.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี",
                                     "สำนักปลัด", "ประชุม ๑๒ ครั้ง", "ผลลัพธ์"})}));
  p2.blocks.push_back(
      TableBlock({Row({"๑.๒ อบรมคุณธรรม", "", "", "", "", ""}, 2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "1.2");
}

// A landscape rendering of report 000, page 14: the tail of measure 4.1,
// then the next table's header and the first line of its data row
// ("๕.๑ มาตรการ" | ... | "งาน"), all in one grid. Short as it is, that
// numbered line is data, not a second header row.
TEST(MeasureTablesStageTest, ShortNumberedRowUnderAHeaderIsData) {
  Page p13, p14, p15;
  p13.blocks.push_back(TableBlock(
      {Row(kHeader, 13), Row({"๔.๑", "๑. จัดทำคู่มือ", "๑ ตุลาคม", "งา",
                              "ดำเนินการจัดทำคู่มือ", "เจ้าหน้าที่มีความตระหนัก"},
                             13)}));
  p14.blocks.push_back(
      TableBlock({Row({"มาตรการป้องกันและ กำกับดูแลการใช้ทรัพย์สิน ราชการ",
                       "๒. กำหนดข้อปฏิบัติ", "๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘", "นพัสดุ/กองคลัง",
                       "คำสั่งควบคุม", "ใช้ทรัพย์สินอย่างประหยัด"},
                      14),
                  Row(kHeader, 14),
                  Row({"๕.๑ มาตรการ", "๑.จัดประชุมชี้แจงข้อมูล", "๑ ตุลาคม ๒๕๖๗ –",
                       "งาน", "มีการจัดทำ", "ผลลัพธ์"},
                      14)}));
  p15.blocks.push_back(
      TableBlock({Row({"เผยแพร่ ข้อมูลทางการคลัง", "ข้อมูล", "๓๐ กันยายน ๒๕๖๘",
                       "พัสดุ/กองคลัง", "แผนการจัดซื้อ", "ความเสมอภาค"},
                      15)}));
  std::vector<Measure> m = Extract({p13, p14, p15});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].id, "4.1");
  EXPECT_EQ(m[0].measure, "มาตรการป้องกันและ กำกับดูแลการใช้ทรัพย์สิน ราชการ");
  EXPECT_TRUE(m[0].warnings.empty());
  EXPECT_EQ(m[1].id, "5.1");
  EXPECT_EQ(m[1].period.text, "๑ ตุลาคม ๒๕๖๗ – ๓๐ กันยายน ๒๕๖๘");
}

// OCR reads the measure repeated after a page break a little differently
// ("คุณะกรรมการ" | "คณะกรรมการ"); the same printed number makes it the
// same record. Without a number, names must match exactly.
TEST(MeasureTablesStageTest, RepeatedMeasureReadSlightlyDifferentlyByOcr) {
  Page p3, p4;
  p3.blocks.push_back(TableBlock(
      {Row(kHeader, 3), Row({"(๒) แต่งตั้งคุณะกรรมการประเมินคุณธรรมและความโปร่งใส",
                             "๑. จัดทำคำสั่ง", "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด",
                             "๑. คำสั่งแต่งตั้ง", "๑. ความเป็นเอกภาพ"},
                            3)}));
  p4.blocks.push_back(TableBlock(
      {Row(kHeader, 4),
       Row({"(๒) แต่งตั้งคณะกรรมการประเมินคุณธรรมและความโปร่งใส", "๒. ติดตามผล", "",
            "", "", ""},
           4),
       Row({"ประชุม ครั้งที่ ๑", "๑. ประชุม", "ม.ค. ๒๕๖๘", "กองคลัง", "", ""}, 4),
       Row({"ประชุม ครั้งที่ ๒", "๑. ประชุม", "ก.พ. ๒๕๖๘", "กองคลัง", "", ""}, 4)}));
  std::vector<Measure> m = Extract({p3, p4});
  ASSERT_EQ(m.size(), 3u);
  EXPECT_EQ(m[0].id, "2");
  EXPECT_THAT(m[0].method, ElementsAre("จัดทำคำสั่ง", "ติดตามผล"));
  EXPECT_EQ(m[2].measure, "ประชุม ครั้งที่ ๒");
}

// OCR confidence per field: the lowest of the cells that went into it,
// across a row continued on the next page; the warning names the fields
// to check. Text layers (confidence 1) carry none.
TEST(MeasureTablesStageTest, FieldConfidenceFromOcrCells) {
  auto with_confidence = [](TableRow row, std::vector<double> c) {
    for (size_t i = 0; i < row.cells.size(); ++i) {
      for (Paragraph& p : row.cells[i].paragraphs) p.confidence = c[i];
    }
    return row;
  };
  Page p1, p2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader), with_confidence(Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี",
                                          "สำนักปลัด", "ประชุม ๑๒ ครั้ง", "ผลลัพธ์"}),
                                     {0.95, 0.9, 0.97, 0.99, 1.0, 1.0})}));
  p2.blocks.push_back(TableBlock(
      {with_confidence(Row({"", "", "", "กองคลัง", "", "ประชาชนพอใจ"}, 2),
                       {1.0, 1.0, 1.0, 0.42, 1.0, 0.93})}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
  const std::map<std::string, double> expected = {{"measure", 0.95},
                                                  {"method", 0.9},
                                                  {"period", 0.97},
                                                  {"owner", 0.42},
                                                  {"outcome", 0.93}};
  EXPECT_EQ(m[0].field_confidence, expected);
  EXPECT_DOUBLE_EQ(m[0].confidence, 0.42);
  ASSERT_EQ(m[0].warnings.size(), 1u);
  EXPECT_EQ(m[0].warnings[0],
            "low OCR confidence (0.42) in owner: check this record against "
            "the scan");

  Page text;
  text.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"๑.๑ ประชุม", "๑. ประชุม", "ตลอดปี", "สำนักปลัด", "ประชุม", "ผลลัพธ์"})}));
  std::vector<Measure> t = Extract({text});
  ASSERT_EQ(t.size(), 1u);
  EXPECT_TRUE(t[0].field_confidence.empty());
  EXPECT_DOUBLE_EQ(t[0].confidence, 1.0);
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

// A header of two rows, as a text export writes it (a parent followed by
// empty cells; the cells beside it empty in the second row) or as a grid
// gives it (the parent with col_span, its neighbours covered; the other
// header cells spanning both rows, so covered in the second row).
std::vector<TableRow> TwoRowHeader(bool grid) {
  TableRow top = Row({"มาตรการ/กิจกรรม", "ขั้นตอนการดำเนินงาน", "ผู้รับผิดชอบ",
                      "ระยะเวลา", "", "ผลการดำเนินงาน", ""});
  TableRow sub = Row({"", "", "", "เริ่มต้น", "สิ้นสุด", "ผลผลิต", "ผลลัพธ์"});
  if (grid) {
    for (int c : {3, 5}) top.cells[c].col_span = 2;
    for (int c : {4, 6}) top.cells[c].covered = true;
    for (int c : {0, 1, 2}) {
      top.cells[c].row_span = 2;
      sub.cells[c].covered = true;
    }
  }
  return {top, sub};
}

TEST(MeasureTablesStageTest, TwoRowHeaderChildrenTakeTheirRoles) {
  for (bool grid : {false, true}) {
    SCOPED_TRACE(grid ? "grid" : "text export");
    std::vector<TableRow> rows = TwoRowHeader(grid);
    rows.push_back(Row({"๑.๑ เผยแพร่ข้อมูลการจัดซื้อจัดจ้าง", "จัดทำสรุปผล",
                        "งานพัสดุ กองคลัง", "๑ ต.ค. ๖๗", "๓๐ ก.ย. ๖๘",
                        "เผยแพร่ครบ ๑๒ เดือน", "ประชาชนตรวจสอบได้"}));
    Page page;
    page.blocks.push_back(TableBlock(std::move(rows)));
    std::vector<Measure> m = Extract({page});
    ASSERT_EQ(m.size(), 1u);  // the second header row is no record
    EXPECT_EQ(m[0].period.text, "๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘");
    EXPECT_THAT(m[0].output, ElementsAre("เผยแพร่ครบ ๑๒ เดือน"));
    EXPECT_THAT(m[0].outcome, ElementsAre("ประชาชนตรวจสอบได้"));
    EXPECT_THAT(m[0].owner, ElementsAre("งานพัสดุ กองคลัง"));
    EXPECT_TRUE(m[0].extra.empty());
  }
}

// Exporters that repeat a merged cell's text in every cell it covers.
TEST(MeasureTablesStageTest, TwoRowHeaderWithRepeatedMergedText) {
  Page page;
  page.blocks.push_back(
      TableBlock({Row({"มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลา",
                       "ระยะเวลา", "ผลการดำเนินงาน", "ผลการดำเนินงาน"}),
                  Row({"มาตรการ", "วิธีดำเนินการ", "ผู้รับผิดชอบ", "เริ่มต้น", "สิ้นสุด",
                       "ผลผลิต", "ผลลัพธ์"}),
                  Row({"๑. อบรมบุคลากร", "จัดอบรม", "สำนักปลัด", "๑ ม.ค. ๖๘",
                       "๓๑ ม.ค. ๖๘", "ผู้เข้าอบรม ๓๐ คน", "บุคลากรมีความรู้"})}));
  // The same header repeated on the next page is no record either.
  Page next;
  next.number = 2;
  next.blocks.push_back(
      TableBlock({page.blocks[0].table.rows[0], page.blocks[0].table.rows[1],
                  Row({"๒. ประกาศเจตจำนง", "จัดทำประกาศ", "สำนักปลัด", "๑ ต.ค. ๖๗",
                       "๓๑ ต.ค. ๖๗", "ประกาศ ๑ ฉบับ", "บุคลากรรับทราบ"})}));
  std::vector<Measure> m = Extract({page, next});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "2");
  EXPECT_EQ(m[0].period.text, "๑ ม.ค. ๖๘ - ๓๑ ม.ค. ๖๘");
  EXPECT_THAT(m[0].output, ElementsAre("ผู้เข้าอบรม ๓๐ คน"));
  EXPECT_THAT(m[0].outcome, ElementsAre("บุคลากรมีความรู้"));
}

TEST(MeasureTablesStageTest, SecondHeaderRowRepeatedAfterAPageBreak) {
  std::vector<TableRow> first = TwoRowHeader(false);
  first.push_back(Row({"๑.๑ เผยแพร่ข้อมูล", "จัดทำสรุปผล", "สำนักปลัด", "๑ ต.ค. ๖๗",
                       "๓๐ ก.ย. ๖๘", "เผยแพร่ครบ", "ตรวจสอบได้"}));
  std::vector<TableRow> second = TwoRowHeader(false);
  second.push_back(
      Row({"๑.๒ จัดเวทีประชาคม", "แต่งตั้งคณะทำงาน", "กองช่าง", "๑ ธ.ค. ๖๗",
           "๒๘ ก.พ. ๖๘", "จัดเวที ๘ หมู่บ้าน", "ข้อเสนอถูกบรรจุในแผน"}));
  Page p1, p2;
  p1.blocks.push_back(TableBlock(std::move(first)));
  p2.number = 2;
  p2.blocks.push_back(TableBlock(std::move(second)));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[1].id, "1.2");
  EXPECT_EQ(m[1].period.text, "๑ ธ.ค. ๖๗ - ๒๘ ก.พ. ๖๘");
}

// Rows with only their first cell filled: a group heading (a section
// marker, a cell merged across the table, or a name before a numbered
// measure) names the section of the rows below and is no record.
TEST(MeasureTablesStageTest, GroupRowsInsideTheTable) {
  struct Case {
    const char* name;
    const char* first_cell;
    bool merged;
    std::string section;  // expected of the record below
    size_t records;
  } cases[] = {
      {"aspect marker", "ด้านที่ ๒ การบริหารทรัพย์สิน", false, "การบริหารทรัพย์สิน", 2},
      {"dimension marker", "มิติที่ ๒ การบริหารราชการ", false, "การบริหารราชการ", 2},
      {"merged across", "การบริหารทรัพย์สินของราชการ", true,
       "การบริหารทรัพย์สินของราชการ", 2},
      {"unmarked, before a numbered measure", "การบริหารทรัพย์สินของราชการ", false,
       "การบริหารทรัพย์สินของราชการ", 2},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.name);
    TableRow group = Row({c.first_cell, "", "", "", "", ""});
    if (c.merged) {
      group.cells[0].col_span = 6;
      for (size_t k = 1; k < 6; ++k) group.cells[k].covered = true;
    }
    Page page;
    page.blocks.push_back(TableBlock(
        {Row(kHeader),
         Row({"๑.๑ จัดทำคู่มือ", "จัดทำคู่มือ", "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด",
              "จัดพิมพ์คู่มือ", "เจ้าหน้าที่มีแนวทาง"}),
         group,
         Row({"๑.๒ ควบคุมการยืม-คืนพัสดุ", "จัดทำทะเบียน", "ตลอดปีงบประมาณ ๒๕๖๘",
              "กองคลัง", "ทะเบียนเป็นปัจจุบัน", "ไม่พบพัสดุสูญหาย"})}));
    std::vector<Measure> m = Extract({page});
    ASSERT_EQ(m.size(), c.records);
    EXPECT_EQ(m[1].section, c.section);
    EXPECT_EQ(m[0].measure.find("ด้านที่"), std::string::npos);
  }
}

// Right after a page break an unmarked first cell alone is the rest of the
// measure name the break cut, not a group heading.
TEST(MeasureTablesStageTest, FirstCellAloneAfterABreakIsACutTail) {
  Page p1, p2;
  p1.blocks.push_back(TableBlock(
      {Row(kHeader),
       Row({"๒.๑ ควบคุมการยืม-คืนพัสดุ", "จัดทำทะเบียน", "ตลอดปีงบประมาณ ๒๕๖๘",
            "กองคลัง", "ทะเบียนเป็นปัจจุบัน", "ไม่พบพัสดุสูญหาย"})}));
  p2.number = 2;
  p2.blocks.push_back(
      TableBlock({Row(kHeader, 2), Row({"และครุภัณฑ์", "", "", "", "", ""}, 2),
                  Row({"๒.๒ ตรวจสอบพัสดุ", "แต่งตั้งคณะกรรมการ",
                       "ตลอดปีงบประมาณ ๒๕๖๘", "กองคลัง", "รายงานผล", "ข้อมูลถูกต้อง"},
                      2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].measure, "ควบคุมการยืม-คืนพัสดุและครุภัณฑ์");
  EXPECT_EQ(m[1].section, "");
}

// One table per measure, each with its header (the Kinnari print of the
// 002 report): a measure whose number OCR lost (the seed-95 bilevel scan
// read "(๘)" as "(@", not a number) below a header in mid-page starts a
// record of its own. Only a page break cuts a measure cell; on the next page
// the same row would go on the measure above.
TEST(MeasureTablesStageTest, UnnumberedMeasureBelowAHeaderInMidPageIsNew) {
  for (int page : {1, 2}) {
    SCOPED_TRACE(page);
    Page p1, p2;
    p1.blocks.push_back(TableBlock(
        {Row(kHeader),
         OcrRow({"(๗) กำหนดมาตรการส่งเสริมความโปร่งใส", "๑. แต่งตั้งคณะกรรมการ",
                 "ตลอดปีงบประมาณ ๒๕๖๘", "สำนักปลัด", "ประกาศใช้", ""},
                1)}));
    Page& next = page == 1 ? p1 : p2;
    next.blocks.push_back(TableBlock(
        {Row(kHeader, page),
         OcrRow({"แผนการใช้งบประมาณประจำปี", "๑. จัดทำและประกาศข้อบัญญัติ",
                 "ตลอดปีงบประมาณ ๒๕๖๘", "กองคลัง", "เอกสารงบประมาณ", ""},
                page)}));
    std::vector<Measure> m = Extract({p1, p2});
    if (page == 1) {
      ASSERT_EQ(m.size(), 2u);
      EXPECT_EQ(m[1].measure, "แผนการใช้งบประมาณประจำปี");
      EXPECT_THAT(m[1].owner, ElementsAre("กองคลัง"));
    } else {
      ASSERT_EQ(m.size(), 1u);
      EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด", "กองคลัง"));
    }
  }
}

// A row the page break cut in the middle of its cells: one record, its
// cells joined, the period read from the joined text.
TEST(MeasureTablesStageTest, RowCutInsideItsCells) {
  Page p1, p2;
  p1.blocks.push_back(
      TableBlock({Row(kHeader), Row({"๓. ตรวจ", "๑. แต่งตั้งคณะกรรมการ", "ม.ค.65-",
                                     "ฝ่ายการเงินและบัญชี", "รายงานผลการ", ""})}));
  p2.number = 2;
  p2.blocks.push_back(TableBlock(
      {Row(kHeader, 2), Row({"สอบการเบิกจ่ายเงิน", "๒. ตรวจสอบเอกสาร", "มี.ค. 65",
                             "กองคลัง", "ตรวจสอบครบทุกฎีกา", "เบิกจ่ายถูกต้อง"},
                            2)}));
  std::vector<Measure> m = Extract({p1, p2});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].measure, "ตรวจสอบการเบิกจ่ายเงิน");
  EXPECT_THAT(m[0].method, ElementsAre("แต่งตั้งคณะกรรมการ", "ตรวจสอบเอกสาร"));
  EXPECT_EQ(m[0].period.text, "ม.ค.65- มี.ค. 65");
  EXPECT_THAT(m[0].owner, ElementsAre("ฝ่ายการเงินและบัญชี กองคลัง"));
  EXPECT_THAT(m[0].output, ElementsAre("รายงานผลการตรวจสอบครบทุกฎีกา"));
}

}  // namespace
}  // namespace raingan
