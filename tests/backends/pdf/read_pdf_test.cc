// ReadPdf on excerpts of the born-digital samples: the Document model the
// table/row stage consumes, as for text exports.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "backends/backend.h"
#include "base/file.h"
#include "regex/regex.h"
#include "testing/stages.h"

namespace raingan {
namespace {

Status ReadPdf(const std::string& /*name*/, std::string_view bytes,
               const BackendOptions& options, Document* doc) {
  return testing::ReadWithBackend(&NewPdfBackend, bytes, options, doc);
}

std::string Fixture(const std::string& name) {
  Result<std::string> bytes =
      ReadFile(std::string(RAINGAN_TEST_DATA_DIR) + "/pdf/" + name);
  EXPECT_TRUE(bytes.ok()) << bytes.status().ToString();
  return bytes.ok() ? *bytes : std::string();
}

Document Read(const std::string& name) {
  Document doc;
  Status s = ReadPdf(name, Fixture(name), BackendOptions{}, &doc);
  EXPECT_TRUE(s.ok()) << name << ": " << s.ToString();
  return doc;
}

std::string NoSpaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

std::vector<const Table*> Tables(const Page& page) {
  std::vector<const Table*> out;
  for (const Block& b : page.blocks) {
    if (b.type == BlockType::kTable) out.push_back(&b.table);
  }
  return out;
}

std::vector<const Paragraph*> Paragraphs(const Page& page) {
  std::vector<const Paragraph*> out;
  for (const Block& b : page.blocks) {
    if (b.type == BlockType::kParagraph) out.push_back(&b.text);
  }
  return out;
}

TEST(ReadPdfTest, MeasureTablePage) {
  Document doc = Read("000_p7-9.pdf");
  EXPECT_EQ(doc.source.format, SourceFormat::kPdf);
  EXPECT_EQ(doc.source.pages, 3);
  ASSERT_EQ(doc.pages.size(), 3u);
  const Page& page = doc.pages[1];  // page 8 of the sample
  EXPECT_EQ(page.number, 2);
  EXPECT_FALSE(page.quality.needs_ocr);
  EXPECT_GT(page.quality.chars, 800);

  std::vector<const Table*> tables = Tables(page);
  ASSERT_EQ(tables.size(), 1u);
  const Table& t = *tables[0];
  ASSERT_EQ(t.columns, 6);
  ASSERT_EQ(t.rows.size(), 2u);
  // The header row reads the six headers (compare the text export).
  const char* headers[] = {"มาตรการ/โครงการ/กิจกรรมที่ดำเนินการ",
                           "ขั้นตอน/วิธีการปฏิบัติ",
                           "ช่วงระยะเวลาในการดำเนินการ",
                           "ผู้รับผิดชอบ",
                           "ผลการดำเนินการ(output)",
                           "ผลลัพธ์/ผลฤทธิ์ในการดำเนินงาน(outcome/result)"};
  for (int c = 0; c < 6; ++c) {
    EXPECT_EQ(NoSpaces(t.rows[0].cells[c].Text()), headers[c]) << c;
  }
  const TableRow& row = t.rows[1];
  ASSERT_EQ(row.cells.size(), 6u);
  EXPECT_EQ(NoSpaces(row.cells[0].Text()),
            NoSpaces("๑.๑ จัดทำคู่มือการปฏิบัติงาน และมาตรฐานการให้บริการ"));
  EXPECT_EQ(NoSpaces(row.cells[1].Text()),
            NoSpaces("๑. จัดทำคู่มือและแนวทางการปฏิบัติหน้าที่ของเจ้าหน้าที่"
                     "ในการให้บริการประชาชนโดยกำหนดผู้รับผิดชอบ ขั้นตอน และ"
                     "ระยะเวลาที่ชัดเจน ๒. แจกเวียนบุคลากรในหน่วยงานให้ทราบ "
                     "๓. เผยแพร่คู่มือประชาชนและคู่มือบริการผ่านเว็บไซต์หลัก, "
                     "บอร์ดประชาสัมพันธ์และระบบออนไลน์"));
  EXPECT_EQ(NoSpaces(row.cells[2].Text()),
            NoSpaces("๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘"));
  EXPECT_EQ(NoSpaces(row.cells[3].Text()),
            NoSpaces("ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก"));

  // Provenance of rows, cells and cell paragraphs.
  EXPECT_EQ(row.prov.page, 2);
  EXPECT_NEAR(row.prov.bbox.y0, 219.9, 0.5);
  EXPECT_NEAR(row.prov.bbox.y1, 655.0, 0.5);
  EXPECT_NEAR(row.cells[1].prov.bbox.x0, 149.5, 0.5);
  ASSERT_FALSE(row.cells[1].paragraphs.empty());
  EXPECT_EQ(row.cells[1].paragraphs[0].prov.page, 2);
  EXPECT_GT(row.cells[1].paragraphs[0].prov.bbox.y0, 219.9);

  // Text above the table on the same page: a paragraph, before the table.
  ASSERT_EQ(page.blocks.front().type, BlockType::kParagraph);
  EXPECT_EQ(page.blocks.front().text.text, "ตรวจสอบตนเองของเจ้าหน้าที่รัฐ");
}

TEST(ReadPdfTest, HeadingsParagraphsAndNoPageNumbers) {
  Document doc = Read("000_p7-9.pdf");
  ASSERT_EQ(doc.pages.size(), 3u);
  std::vector<const Paragraph*> ps = Paragraphs(doc.pages[0]);
  const Paragraph* heading = nullptr;
  for (const Paragraph* p : ps) {
    if (p->text.rfind("ประเด็นที่ ๑", 0) == 0) heading = p;
    EXPECT_EQ(p->prov.page, 1);
    EXPECT_FALSE(p->prov.bbox.empty());
  }
  ASSERT_NE(heading, nullptr);
  EXPECT_EQ(heading->text, "ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใสและมีประสิทธิภาพ");
  EXPECT_TRUE(heading->heading);
  // The heading is followed by its paragraph, which wraps over 4 lines.
  EXPECT_FALSE(ps.back()->heading);
  EXPECT_EQ(ps.back()->text.rfind("การลดทอนความคลุมเครือ", 0), 0u);

  // "-7-", "-8-", "-9-" are not text of the report.
  static const Regex kPageNumber(R"(^\s*-\s*[0-9๐-๙]+\s*-\s*$)");
  for (const Page& page : doc.pages) {
    for (const Paragraph* p : Paragraphs(page)) {
      EXPECT_FALSE(kPageNumber.PartialMatch(p->text)) << p->text;
    }
  }
}

TEST(ReadPdfTest, TableAcrossPagesRepeatsItsHeader) {
  // Sample 002: one measure table over pages 1-3; each page's part is its
  // own table with the repeated header and the same six columns.
  Document doc = Read("002_p1-3.pdf");
  ASSERT_EQ(doc.pages.size(), 3u);
  std::string first_header;
  for (const Page& page : doc.pages) {
    std::vector<const Table*> tables = Tables(page);
    ASSERT_EQ(tables.size(), 1u) << "page " << page.number;
    EXPECT_EQ(tables[0]->columns, 6);
    std::string header;
    for (const Cell& c : tables[0]->rows[0].cells) header += c.Text() + "|";
    if (first_header.empty()) first_header = NoSpaces(header);
    EXPECT_EQ(NoSpaces(header), first_header);
  }
  EXPECT_NE(first_header.find("ขั้นตอนหรือวิธีการปฏิบัติ"), std::string::npos);
  // A period cell wrapped mid-word ("งบประม|าณ") reads whole.
  const Table& t = *Tables(doc.pages[2])[0];
  EXPECT_EQ(NoSpaces(t.rows[1].cells[3].Text()), "ตลอดปีงบประมาณ๒๕๖๘");
  EXPECT_EQ(NoSpaces(t.rows[1].cells[2].Text()), "สำนักปลัด");
}

TEST(ReadPdfTest, PdfWithoutTables) {
  Document doc = Read("memo_no_tables.pdf");
  ASSERT_EQ(doc.pages.size(), 2u);
  for (const Page& page : doc.pages) EXPECT_TRUE(Tables(page).empty());
  std::vector<const Paragraph*> ps = Paragraphs(doc.pages[0]);
  ASSERT_GE(ps.size(), 5u);
  EXPECT_EQ(ps[0]->text, "บันทึกข้อความ");
  EXPECT_TRUE(ps[0]->heading);
  // The memo's "ส่วนราชการ" line wraps; the organization stays whole.
  EXPECT_EQ(ps[1]->text,
            "ส่วนราชการ กองการศึกษา ศาสนาและวัฒนธรรม "
            "องค์การบริหารส่วนตำบลยางราก");
  // The catchword at the bottom of page 2 announces page 3; it is dropped.
  for (const Paragraph* p : Paragraphs(doc.pages[1])) {
    EXPECT_EQ(p->text.find("..."), std::string::npos) << p->text;
  }
}

// These two check the backend's verdict, not OCR itself: with OCR off the
// pages stay as the text layer left them.
TEST(ReadPdfTest, ScannedPageIsMarkedForOcr) {
  Document doc;
  BackendOptions options;
  options.allow_ocr = false;
  ASSERT_TRUE(
      ReadPdf("scan.pdf", Fixture("scanned_page.pdf"), options, &doc).ok());
  ASSERT_EQ(doc.pages.size(), 1u);
  EXPECT_TRUE(doc.pages[0].quality.needs_ocr);
  EXPECT_NE(doc.pages[0].quality.reason.find("no text layer"),
            std::string::npos);
  EXPECT_TRUE(doc.pages[0].blocks.empty());
}

TEST(ReadPdfTest, ForcedOcrMarksEveryPage) {
  Document doc;
  BackendOptions options;
  options.force_ocr = true;
  options.allow_ocr = false;
  ASSERT_TRUE(
      ReadPdf("x.pdf", Fixture("memo_no_tables.pdf"), options, &doc).ok());
  for (const Page& page : doc.pages) EXPECT_TRUE(page.quality.needs_ocr);
}

TEST(ReadPdfTest, BrokenFilesFailWithAReason) {
  for (const char* name : {"empty.pdf", "truncated.pdf", "encrypted.pdf"}) {
    Document doc;
    Status s = ReadPdf(name, Fixture(name), BackendOptions{}, &doc);
    EXPECT_EQ(s.code(), Status::Code::kBadInput) << name;
    EXPECT_FALSE(s.message().empty()) << name;
    EXPECT_TRUE(doc.pages.empty()) << name;
  }
}

}  // namespace
}  // namespace raingan
