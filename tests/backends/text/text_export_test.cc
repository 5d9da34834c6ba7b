#include "backends/text/text_export.h"

#include <gtest/gtest.h>

#include "backends/backend.h"

namespace raingan {
namespace {

Document Read(const std::string& text) {
  Document doc;
  Status s = ReadTextExport(text, BackendOptions{}, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

std::vector<const Table*> Tables(const Document& doc) {
  std::vector<const Table*> out;
  for (const Block& b : doc.pages.at(0).blocks) {
    if (b.type == BlockType::kTable) out.push_back(&b.table);
  }
  return out;
}

TEST(TextExportTest, TabLinesBecomeOneTableAcrossBlankLines) {
  Document doc = Read(
      "ประเด็นที่ ๑ กระบวนการ\n\n"
      "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n"
      "๑.๑ จัดทำคู่มือ\t๑. จัดทำ\tสำนักปลัด\n"
      "\n"
      "มาตรการ\tขั้นตอน\tผู้รับผิดชอบ\n"
      "๑.๒ ประชุม\t๑. ประชุม\tทุกส่วนราชการ\n"
      "\nข้อความหลังตาราง\n");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->columns, 3);
  ASSERT_EQ(tables[0]->rows.size(), 4u);
  EXPECT_EQ(tables[0]->rows[1].cells[0].Text(), "๑.๑ จัดทำคู่มือ");
  EXPECT_EQ(tables[0]->rows[3].prov.line, 7);
  EXPECT_EQ(doc.pages[0].blocks.back().text.text, "ข้อความหลังตาราง");
}

TEST(TextExportTest, HtmlCellsSplitIntoParagraphs) {
  Document doc = Read(
      "ก\tข\n"
      "<p>(๑) การปรับปรุง</p>\t<p>- จัดประชุม</p> <p>- ชี้แจง&amp;ติดตาม</p>\n");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const Cell& method = tables[0]->rows[1].cells[1];
  ASSERT_EQ(method.paragraphs.size(), 2u);
  EXPECT_EQ(method.paragraphs[0].text, "- จัดประชุม");
  EXPECT_EQ(method.paragraphs[1].text, "- ชี้แจง&ติดตาม");
}

TEST(TextExportTest, ShortRowsLackTheirLeftmostMergedCells) {
  Document doc = Read(
      "มิติ\tภารกิจ\tโครงการ\tปี ๒๕๖๖\n"
      "มิติที่ ๑\t๑.๑ ภารกิจ\t๑. โครงการ ก\t๕,๐๐๐\n"
      "๑.๑.๒ ภารกิจ\t๒. โครงการ ข\t-\n");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  const TableRow& short_row = tables[0]->rows[2];
  ASSERT_EQ(short_row.cells.size(), 4u);
  EXPECT_TRUE(short_row.cells[0].covered);
  EXPECT_EQ(short_row.cells[1].Text(), "๑.๑.๒ ภารกิจ");
}

// Lines of a plan's budget table (004): a trailing TAB is the empty remark
// cell, so a full-width row must not be shifted right, and a row without
// its merged dimension cell is padded by exactly that one cell.
TEST(TextExportTest, TrailingTabIsAnEmptyLastCell) {
  Document doc = Read(
      "มิติ\tภารกิจตามมิติ\tโครงการ\tปี ๒๕๖๖\tปี ๒๕๖๗\tหมายเหตุ\n"
      "มิติที่ ๑\t๑.๑ ภารกิจ\t๑.โครงการ ก\t-\t๑๕,๐๐๐\t\n"
      "๑.๑.๓ ภารกิจ\t๑. โครงการ ข\t๒๕,๐๐๐\t-\t\n"
      "\t\t\t-\t๕,๐๐๐\t\t\n");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(tables[0]->columns, 6);
  const TableRow& full = tables[0]->rows[1];
  EXPECT_FALSE(full.cells[0].covered);
  EXPECT_EQ(full.cells[2].Text(), "๑.โครงการ ก");
  EXPECT_EQ(full.cells[4].Text(), "๑๕,๐๐๐");
  const TableRow& merged = tables[0]->rows[2];
  EXPECT_TRUE(merged.cells[0].covered);
  EXPECT_EQ(merged.cells[2].Text(), "๑. โครงการ ข");
  EXPECT_EQ(merged.cells[3].Text(), "๒๕,๐๐๐");
  const TableRow& wide = tables[0]->rows[3];
  ASSERT_EQ(wide.cells.size(), 6u);
  EXPECT_EQ(wide.cells[3].Text(), "-");
  EXPECT_EQ(wide.cells[4].Text(), "๕,๐๐๐");
}

TEST(TextExportTest, MarkdownHeadingsBoldAndImagesAndCaptions) {
  Document doc = Read(
      "# รายงานผล\n\n"
      "**รายงานผลการดำเนินการ\nประจำปีงบประมาณ พ.ศ. ๒๕๖๘**\n\n"
      "![รูป](img.png)\n\n"
      "The image shows a group of officials at a meeting.\n\n"
      "ข้อความ\n");
  const auto& blocks = doc.pages.at(0).blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_TRUE(blocks[0].text.heading);
  EXPECT_EQ(blocks[0].text.text, "รายงานผล");
  EXPECT_TRUE(blocks[1].text.heading);
  EXPECT_EQ(blocks[1].text.text,
            "รายงานผลการดำเนินการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๘");
  EXPECT_EQ(blocks[2].text.text, "ข้อความ");
}

TEST(TextExportTest, PipeTables) {
  Document doc = Read(
      "| มาตรการ | ผู้รับผิดชอบ |\n"
      "|---|:--:|\n"
      "| ๑. ประชุม | สำนักปลัด |\n");
  auto tables = Tables(doc);
  ASSERT_EQ(tables.size(), 1u);
  ASSERT_EQ(tables[0]->rows.size(), 2u);
  EXPECT_EQ(tables[0]->rows[1].cells[1].Text(), "สำนักปลัด");
}

TEST(TextExportTest, ListLinesStartNewParagraphs) {
  Document doc = Read("๕.วิธีดำเนินการ\n- ๑) จัดทำโครงการ\n- ๒) ประสานงาน\nต่อ\n");
  const auto& blocks = doc.pages.at(0).blocks;
  ASSERT_EQ(blocks.size(), 3u);
  EXPECT_EQ(blocks[2].text.text, "- ๒) ประสานงาน ต่อ");
  EXPECT_TRUE(blocks[2].text.list_item);
}

TEST(TextExportTest, CrLfAndBom) {
  Document doc = Read("\xEF\xBB\xBFหัวเรื่อง\r\n\r\nย่อหน้า\r\n");
  const auto& blocks = doc.pages.at(0).blocks;
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_EQ(blocks[0].text.text, "หัวเรื่อง");
  EXPECT_EQ(blocks[1].text.prov.line, 3);
}

TEST(TextExportTest, BadInputsFailWithAReason) {
  Document doc;
  EXPECT_FALSE(ReadTextExport("", BackendOptions{}, &doc).ok());
  EXPECT_FALSE(ReadTextExport(" \n\t\n", BackendOptions{}, &doc).ok());
  std::string garbage;
  for (int i = 0; i < 2000; ++i)
    garbage.push_back(static_cast<char>((i * 37) % 256));
  Status s = ReadTextExport(garbage, BackendOptions{}, &doc);
  EXPECT_FALSE(s.ok());
  EXPECT_FALSE(s.message().empty());
}

TEST(ImageDescriptionTest, EnglishCaptionsAreNotData) {
  EXPECT_TRUE(text_export::IsImageDescription(
      "The image shows a signboard in front of the office."));
  EXPECT_TRUE(text_export::IsImageDescription("This photo depicts staff"));
  EXPECT_TRUE(text_export::IsImageDescription("![](media/image1.png)"));
  EXPECT_FALSE(text_export::IsImageDescription("E-Service"));
  EXPECT_FALSE(text_export::IsImageDescription("The image ของหน่วยงาน"));
  EXPECT_FALSE(
      text_export::IsImageDescription("Integrity and Transparency Assessment"));
}

}  // namespace
}  // namespace raingan
