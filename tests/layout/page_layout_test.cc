#include "layout/page_layout.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::layout {
namespace {

TEST(IsPageNumberLineTest, PageNumbers) {
  for (const char* s : {"-8-", "- 8 -", "- ๑๒ -", "๘", "12", "หน้า ๓", "หน้า 3",
                        "3/12", "(๕)", "– 10 –"}) {
    EXPECT_TRUE(IsPageNumberLine(s)) << s;
  }
  for (const char* s :
       {"๘ มิถุนายน", "ประเด็นที่ ๑", "๒๕๖๘", "๑.", "", "ที่ ลป ๘๐๑๐๔ / ๑๓๑"}) {
    EXPECT_FALSE(IsPageNumberLine(s)) << s;
  }
}

TEST(IsCatchwordLineTest, Catchwords) {
  EXPECT_TRUE(IsCatchwordLine("/๕. ด้านความโปร่งใส..."));
  EXPECT_TRUE(IsCatchwordLine("/ข้อ ๓…"));
  EXPECT_FALSE(IsCatchwordLine("สำนักปลัด / เจ้าหน้าที่ประชาสัมพันธ์"));
  EXPECT_FALSE(IsCatchwordLine("/๕. ด้านความโปร่งใส"));
}

// A line of body text at 16 pt, 27.5 pt line pitch (page 7 of sample 000).
TextLine Line(std::string text, double x0, double x1, double baseline,
              bool bold = false, double size = 16) {
  TextLine l;
  l.text = std::move(text);
  l.font_size = size;
  l.bold = bold;
  l.baseline = baseline;
  l.bbox = {x0, baseline - 0.95 * size, x1, baseline + 0.35 * size};
  return l;
}

std::vector<std::string> Describe(const std::vector<Block>& blocks) {
  std::vector<std::string> out;
  for (const Block& b : blocks) {
    if (b.type == BlockType::kTable) {
      out.push_back("table " + std::to_string(b.table.columns));
    } else {
      out.push_back((b.text.heading ? "# " : "") + b.text.text);
    }
  }
  return out;
}

TEST(LayoutPageTest, HeadingParagraphsAndTableInReadingOrder) {
  std::vector<TextLine> lines = {
      Line("-7-", 290, 305, 89.6, false, 14),
      Line("ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใส", 85, 499, 650.6, true),
      // A paragraph: indented first line, full lines, a short last line.
      Line("การลดทอนความคลุมเครือในกระบวนการทำงาน", 156, 539, 678.1),
      Line("ความเร็วในการให้บริการแก่ประชาชน ถือเป็น", 85, 539, 705.5),
      Line("ปฏิบัติงานที่สอดคล้องกัน", 85, 300, 733.0),
      // The next paragraph, and the table further down the same page.
      Line("ตรวจสอบตนเองของเจ้าหน้าที่รัฐ", 156, 400, 760.4),
      Line("มาตรการ", 90, 140, 790),
      Line("ขั้นตอน", 160, 230, 790),
  };
  std::vector<Segment> rulings = {
      {85, 775, 539, 775, 0.75},  {85, 810, 539, 810, 0.75},
      {85, 775, 85, 810, 0.75},   {150, 775, 150, 810, 0.75},
      {539, 775, 539, 810, 0.75},
  };
  std::vector<TableGrid> grids = BuildGrids(rulings);
  ASSERT_EQ(grids.size(), 1u);
  std::vector<Block> blocks = LayoutPage(lines, grids, 7, 841.9);
  EXPECT_EQ(Describe(blocks),
            (std::vector<std::string>{
                "# ประเด็นที่ ๑ กระบวนการปฏิบัติงานที่โปร่งใส",
                "การลดทอนความคลุมเครือในกระบวนการทำงานความเร็วในการให้บริการ"
                "แก่ประชาชน ถือเป็นปฏิบัติงานที่สอดคล้องกัน",
                "ตรวจสอบตนเองของเจ้าหน้าที่รัฐ", "table 2"}));
  const Table& table = blocks.back().table;
  ASSERT_EQ(table.rows.size(), 1u);
  EXPECT_EQ(table.rows[0].cells[0].Text(), "มาตรการ");
  EXPECT_EQ(table.rows[0].cells[1].Text(), "ขั้นตอน");
  EXPECT_EQ(table.prov.page, 7);
  EXPECT_EQ(blocks[1].text.prov.page, 7);
  EXPECT_DOUBLE_EQ(blocks[1].text.prov.bbox.x0, 85);
  EXPECT_DOUBLE_EQ(blocks[1].text.prov.bbox.y0, 678.1 - 0.95 * 16);
}

TEST(LayoutPageTest, CenteredTitleWrapsButManualBreaksStay) {
  // Title page of sample 000 (page 5): the first line fills the column and
  // wraps; the next centered lines were broken by hand.
  std::vector<TextLine> lines = {
      Line("รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความ", 99, 525, 125,
           true),
      Line("โปร่งใส", 288, 336, 152.4, true),
      Line("ประจำปีงบประมาณ พ.ศ. ๒๕๖๘", 204, 420, 179.8, true),
      Line("การดำเนินงานขององค์กรปกครองส่วนท้องถิ่น", 85, 539, 220),
      Line("จำเป็นต้องตั้งอยู่บนฐานของความสุจริต", 85, 539, 247.5),
  };
  EXPECT_EQ(Describe(LayoutPage(lines, {}, 5, 841.9)),
            (std::vector<std::string>{
                "# รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส",
                "# ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
                "การดำเนินงานขององค์กรปกครองส่วนท้องถิ่นจำเป็นต้องตั้งอยู่บนฐาน"
                "ของความสุจริต"}));
}

TEST(LayoutPageTest, ListItemsAndCatchword) {
  std::vector<TextLine> lines = {
      Line("๑. ด้านกระบวนการปฏิบัติงานที่โปร่งใส", 85, 464, 650, true),
      Line("ได้จัดทำและปรับปรุงคู่มือการปฏิบัติงาน", 156, 539, 677.5),
      Line("ประชาชนให้เป็นปัจจุบัน", 85, 300, 705),
      Line("/๕. ด้านความโปร่งใส...", 393, 539, 690 + 27.5 * 2),
  };
  std::vector<Block> blocks = LayoutPage(lines, {}, 2, 841.9);
  ASSERT_EQ(blocks.size(), 2u);
  EXPECT_TRUE(blocks[0].text.list_item);
  EXPECT_TRUE(blocks[0].text.heading);
  EXPECT_EQ(blocks[1].text.text,
            "ได้จัดทำและปรับปรุงคู่มือการปฏิบัติงานประชาชนให้เป็นปัจจุบัน");
  EXPECT_FALSE(blocks[1].text.heading);
}

TEST(LayoutPageTest, PageOfShortParagraphsKeepsItsLabelsApart) {
  // A project sheet of a plan printed by LibreOffice (page 57 of sample 004
  // in Norasi 16 pt): label, item, label, item, each its own paragraph.
  // Gaps between paragraphs (20.6 pt) outnumber the gaps between wrapped
  // lines (6.5 pt), so the page's median gap is a paragraph gap.
  std::vector<TextLine> lines = {
      Line("ผลผลิต", 57, 103, 500),
      Line("ผู้บริหารท้องถิ่น สมาชิกสภาท้องถิ่น พนักงานขององค์การ", 57, 561, 541.4),
      Line("ที่เข้ารับการอบรมผ่านการทดสอบความรู้ธรรมาภิบาล ร้อยละ ๙๐", 57, 546, 568.6),
      Line("ผ่านระบบทดสอบความรู้ธรรมาภิบาลออนไลน์)", 57, 507, 595.9),
      Line("ผลลัพธ์", 57, 103, 637.3),
      Line("ผู้บริหารท้องถิ่น นำหลักธรรมาภิบาลมาปรับใช้", 57, 400, 678.7),
      Line("ระยะเวลาดำเนินการ", 57, 200, 720.1),
      Line("ปีงบประมาณ ๒๕๖๖", 57, 180, 761.5),
  };
  EXPECT_EQ(Describe(LayoutPage(lines, {}, 57, 841.9)),
            (std::vector<std::string>{
                "ผลผลิต",
                "ผู้บริหารท้องถิ่น สมาชิกสภาท้องถิ่น พนักงานขององค์การ"
                "ที่เข้ารับการอบรมผ่านการทดสอบความรู้ธรรมาภิบาล ร้อยละ ๙๐ "
                "ผ่านระบบทดสอบความรู้ธรรมาภิบาลออนไลน์)",
                "ผลลัพธ์", "ผู้บริหารท้องถิ่น นำหลักธรรมาภิบาลมาปรับใช้",
                "ระยะเวลาดำเนินการ", "ปีงบประมาณ ๒๕๖๖"}));
}

TEST(LayoutPageTest, EmptyPage) {
  EXPECT_TRUE(LayoutPage({}, {}, 1, 841.9).empty());
}

}  // namespace
}  // namespace raingan::layout
