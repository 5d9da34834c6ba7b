// Document checks: each on a document that must trigger it and one that
// must not. Header wording is that of the samples' measure tables.
#include "stages/review/document_checks.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;

const HeaderLexicon& Headers() { return testing::TestModel<HeaderLexicon>(); }

Paragraph Text(const std::string& text, double confidence = 1.0) {
  Paragraph p;
  p.text = text;
  p.confidence = confidence;
  return p;
}

Page PageWith(int number, std::vector<Block> blocks) {
  Page page;
  page.number = number;
  page.blocks = std::move(blocks);
  return page;
}

Block HeaderTable() {
  Table t;
  t.columns = 4;
  TableRow header;
  for (const char* h :
       {"มาตรการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ", "ระยะเวลาดำเนินการ"}) {
    Cell c;
    c.paragraphs.push_back(Text(h));
    header.cells.push_back(c);
  }
  t.rows.push_back(header);
  return Block::MakeTable(t);
}

Measure Record(const std::string& id, int table = 1, int page = 2) {
  Measure m;
  m.id = id;
  m.measure = "มาตรการที่ " + id;
  m.table = table;
  m.prov.page = page;
  return m;
}

std::vector<std::string> Codes(const Document& doc) {
  std::vector<std::string> out;
  for (const Issue& i : RunDocumentChecks(doc, Headers()))
    out.push_back(i.code);
  return out;
}

TEST(DocumentChecksTest, TableHeaderWithoutRecords) {
  Document doc;
  doc.source.pages = 3;
  doc.pages.push_back(PageWith(1, {Block::MakeParagraph(Text("บันทึกข้อความ"))}));
  doc.pages.push_back(PageWith(2, {HeaderTable()}));
  std::vector<Issue> issues = RunDocumentChecks(doc, Headers());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "table_no_records");
  EXPECT_EQ(issues[0].page, 2);
  EXPECT_THAT(issues[0].message, HasSubstr("page 2"));

  doc.measures.push_back(Record("1"));
  EXPECT_TRUE(Codes(doc).empty());
}

TEST(DocumentChecksTest, HeaderReadAsATextLine) {
  // A borderless table whose columns were not found: its header is a line.
  Document doc;
  doc.source.pages = 1;
  doc.pages.push_back(
      PageWith(1, {Block::MakeParagraph(Text("มาตรการ วิธีการ ดำเนินการ ผู้รับผิดชอบ "
                                             "ระยะเวลา ดำเนินการ"))}));
  EXPECT_EQ(Codes(doc), std::vector<std::string>{"table_no_records"});

  // Running text that mentions a measure is no header.
  Document prose;
  prose.source.pages = 1;
  prose.pages.push_back(
      PageWith(1, {Block::MakeParagraph(
                      Text("องค์การบริหารส่วนตำบลได้ดำเนินการตามมาตรการส่งเสริมคุณธรรม "
                           "และความโปร่งใส เพื่อให้การปฏิบัติงานเป็นไปด้วยความเรียบร้อย "
                           "ตามแผนที่กำหนดไว้ในปีงบประมาณ"))}));
  EXPECT_TRUE(Codes(prose).empty());
}

TEST(DocumentChecksTest, PlanSheetsAloneAreNoMissingTable) {
  Document doc;
  doc.source.pages = 1;
  doc.pages.push_back(
      PageWith(1, {Block::MakeParagraph(Text("รายละเอียดโครงการ"))}));
  Measure sheet = Record("1-1", /*table=*/0);
  doc.measures.push_back(sheet);
  EXPECT_TRUE(Codes(doc).empty());
}

TEST(DocumentChecksTest, NumberingImpliesMissingRecords) {
  Document doc;
  for (const char* id : {"1", "2", "5", "6"})
    doc.measures.push_back(Record(id));
  std::vector<Issue> issues = RunDocumentChecks(doc, Headers());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "records_missing");
  EXPECT_THAT(issues[0].message, HasSubstr("2 measures are missing"));
  EXPECT_THAT(issues[0].message, HasSubstr("3-4"));

  // Sub-rows repeat a number; an OCR-misread number (8 for 3) stands for
  // its neighbour; outline numbers count per prefix.
  Document fine;
  for (const char* id : {"1", "1", "2", "8", "4", "5"}) {
    fine.measures.push_back(Record(id));
  }
  for (const char* id : {"1.1", "1.2", "2.1", "2.2"}) {
    fine.measures.push_back(Record(id, 2));
  }
  EXPECT_TRUE(Codes(fine).empty());
}

TEST(DocumentChecksTest, OcrPageReadAsNoise) {
  Document doc;
  Page noise = PageWith(3, {Block::MakeParagraph(Text("ๆ ฯ ๅ ิ ี ึ ุ", 0.38))});
  noise.ocr = true;
  Page clean = PageWith(4, {Block::MakeParagraph(Text("สำนักปลัด", 0.92))});
  clean.ocr = true;
  doc.pages = {clean, noise};
  std::vector<Issue> issues = RunDocumentChecks(doc, Headers());
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].code, "ocr_page_noise");
  EXPECT_EQ(issues[0].page, 3);

  doc.pages = {clean};
  EXPECT_TRUE(Codes(doc).empty());
}

TEST(DocumentChecksTest, PageNotRead) {
  Document doc;
  Page page = PageWith(2, {});
  page.quality.needs_ocr = true;
  doc.pages = {page};
  EXPECT_EQ(Codes(doc), std::vector<std::string>{"page_not_read"});
  doc.pages[0].ocr = true;
  EXPECT_TRUE(Codes(doc).empty());
}

TEST(DocumentChecksTest, FiscalYearDisagreesWithPeriods) {
  auto dated = [](const char* iso_start) {
    Measure m;
    int y, mo, d;
    std::sscanf(iso_start, "%d-%d-%d", &y, &mo, &d);
    m.period.text = "x";
    m.period.start = Date{y, mo, d};
    m.period.end = Date{y, mo, d};
    return m;
  };
  Document doc;
  doc.info.fiscal_year = {2567, 2567};
  doc.measures = {dated("2025-01-01"), dated("2025-03-01"),
                  dated("2024-01-01")};
  EXPECT_EQ(Codes(doc), std::vector<std::string>{"fiscal_year_disagrees"});

  doc.info.fiscal_year = {2568, 2568};
  EXPECT_TRUE(Codes(doc).empty());  // one of three outside: a record's

  Document replaced;
  replaced.info.fiscal_year = {2568, 2568};
  replaced.AddIssue("periods", "fiscal_year_overruled_by_periods",
                    "fiscal year read as 2525, but 5 of 5 dated measure "
                    "periods fall in fiscal year 2568: using 2568");
  EXPECT_EQ(Codes(replaced), std::vector<std::string>{"fiscal_year_disagrees"});
}

}  // namespace
}  // namespace raingan
