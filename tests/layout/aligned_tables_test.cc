// The borderless-table finder on positioned words, no PDF or image: each
// case lays out a page the way LibreOffice and Word set a table with no
// borders (cells top-aligned or centred vertically, a header wrapping over
// lines, a parent header cell over its children) and checks the columns,
// the header rows and which words each data row holds. Negative cases are
// pages that name roles without being a table.
#include "layout/aligned_tables.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "backends/table_vocabulary.h"
#include "lexicon/header_roles.h"
#include "testing/run_cli.h"

namespace raingan::layout {
namespace {

// Role ids of the test vocabulary; 1 names the measures.
enum Role {
  kNone = 0,
  kMeasure = 1,
  kMethod,
  kOwner,
  kPeriod,
  kOutput,
  kOutcome,
  kSequence,
  kResults,
};

// Header wording as models/header_roles.tsv has it, matched whole with the
// blanks and a closing slash removed (a wrapped label is matched joined).
int RoleOf(std::string_view text) {
  static const std::map<std::string, int> kLabels = {
      {"มาตรการ", kMeasure},
      {"มาตรการ/กิจกรรม", kMeasure},
      {"โครงการ", kMeasure},
      {"โครงการ/กิจกรรม", kMeasure},
      {"มาตรการโครงการหรือกิจกรรมที่ดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงา"
       "น",
       kMeasure},
      {"ขั้นตอนการดำเนินงาน", kMethod},
      {"วิธีดำเนินการ", kMethod},
      {"ผู้รับผิดชอบ", kOwner},
      {"ระยะเวลา", kPeriod},
      {"ระยะเวลาดำเนินการ", kPeriod},
      {"ผลผลิต", kOutput},
      {"ผลลัพธ์", kOutcome},
      // As in models/header_roles.tsv, the children of ระยะเวลา name no
      // role of their own: the table stage reads them under their parent.
      {"ลำดับ", kSequence},
      {"ผลการดำเนินงาน", kResults},
  };
  std::string key;
  for (char c : text) {
    if (c != ' ') key += c;
  }
  while (!key.empty() && key.back() == '/') key.pop_back();
  auto it = kLabels.find(key);
  return it == kLabels.end() ? kNone : it->second;
}

HeaderVocabulary Vocabulary() {
  HeaderVocabulary v;
  v.role_of = RoleOf;
  v.measure_role = kMeasure;
  return v;
}

// A page of words, as the PDF backend gives the finder (one fragment per
// word; a Thai letter ~0.5 em wide, blanks 0.3 em).
class PageBuilder {
 public:
  explicit PageBuilder(double size = 12) : size_(size) {}

  // Places the words of `line` from x at `baseline`.
  void Line(const std::string& line, double x, double baseline) {
    std::istringstream words(line);
    std::string word;
    while (words >> word) {
      TextLine t;
      t.text = word;
      t.font_size = size_;
      t.baseline = baseline;
      double width = Letters(word) * 0.5 * size_;
      t.bbox = {x, baseline - 0.9 * size_, x + width, baseline + 0.3 * size_};
      fragments_.push_back(t);
      x += width + 0.3 * size_;
    }
  }

  // A row of cells, each a list of lines, at the columns' left edges from
  // `top`; cells centred vertically when `centred`. Returns the row's
  // bottom (its tallest cell's last line plus the descent).
  double Row(const std::vector<double>& lefts,
             const std::vector<std::vector<std::string>>& cells, double top,
             double pitch, bool centred) {
    size_t tallest = 0;
    for (const auto& cell : cells) tallest = std::max(tallest, cell.size());
    for (size_t c = 0; c < cells.size(); ++c) {
      double offset = centred ? (tallest - cells[c].size()) * pitch / 2 : 0.0;
      for (size_t l = 0; l < cells[c].size(); ++l) {
        Line(cells[c][l], lefts[c], top + size_ + offset + l * pitch);
      }
    }
    return top + size_ + (tallest - 1) * pitch + 0.3 * size_;
  }

  std::vector<PageText> Pages() const {
    PageText page;
    page.fragments = fragments_;
    page.height = 842;
    return {page};
  }

  const std::vector<TextLine>& fragments() const { return fragments_; }

  // Marks the last fragment as drawn in another text run than the one
  // before it (TextLine::run_break).
  void RunBreakOnLast() { fragments_.back().run_break = true; }

 private:
  // Code points that take a column (Thai marks above and below do not).
  static int Letters(const std::string& word) {
    int n = 0;
    for (size_t i = 0; i < word.size();) {
      unsigned char c = static_cast<unsigned char>(word[i]);
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      bool mark = false;
      if (len == 3 && c == 0xE0 && i + 2 < word.size()) {
        unsigned cp = ((c & 0x0F) << 12) |
                      ((static_cast<unsigned char>(word[i + 1]) & 0x3F) << 6) |
                      (static_cast<unsigned char>(word[i + 2]) & 0x3F);
        mark = cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) ||
               (cp >= 0x0E47 && cp <= 0x0E4E);
      }
      n += mark ? 0 : 1;
      i += len;
    }
    return n;
  }

  double size_;
  std::vector<TextLine> fragments_;
};

// The words whose centres fall in grid cell (row, col), in reading order.
std::string CellText(const AlignedTable& t, const std::vector<TextLine>& words,
                     int row, int col) {
  const TableGrid& g = t.grid;
  const int cell = g.CellAt(row, col);
  std::vector<const TextLine*> in;
  for (const TextLine& w : words) {
    if (g.CellContaining(w.bbox.cx(), w.baseline - 0.3 * w.font_size) == cell) {
      in.push_back(&w);
    }
  }
  std::stable_sort(in.begin(), in.end(),
                   [](const TextLine* a, const TextLine* b) {
                     if (std::abs(a->baseline - b->baseline) > 2)
                       return a->baseline < b->baseline;
                     return a->bbox.x0 < b->bbox.x0;
                   });
  std::string text;
  for (const TextLine* w : in) {
    if (!text.empty()) text += ' ';
    text += w->text;
  }
  return text;
}

std::vector<AlignedTable> Find(const PageBuilder& page) {
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables(page.Pages(), Vocabulary());
  return found.empty() ? std::vector<AlignedTable>{} : found[0];
}

// A paragraph above the table, as every memo has.
void Memo(PageBuilder* page) {
  page->Line(
      "ตามที่ได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส บัดนี้ได้ดำเนินการครบถ้วนแล้ว", 60,
      80);
  page->Line("จึงขอรายงานผลการดำเนินงานดังนี้", 60, 100);
}

const std::vector<double> kFourColumns = {60, 180, 300, 420};

TEST(AlignedTablesTest, TopAlignedCellsNumberedMeasures) {
  PageBuilder page;
  Memo(&page);
  double y =
      page.Row(kFourColumns,
               {{"มาตรการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
               130, 16, false);
  y = page.Row(kFourColumns,
               {{"๑. จัดทำคู่มือ", "การปฏิบัติงาน"},
                {"ประชุมชี้แจง"},
                {"สำนักปลัด"},
                {"คู่มือ ๑ เล่ม", "แจกทุกกอง", "ครบถ้วน"}},
               y + 8, 16, false);
  page.Row(kFourColumns,
           {{"๒. เผยแพร่ข้อมูล"},
            {"ประกาศทางเว็บไซต์", "ทุกเดือน"},
            {"กองคลัง"},
            {"๑๒ ครั้ง"}},
           y + 8, 16, false);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.grid.cols(), 4);
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(t.measure_col, 0);
  ASSERT_EQ(t.grid.rows(), 3);
  EXPECT_EQ(CellText(t, page.fragments(), 1, 0), "๑. จัดทำคู่มือ การปฏิบัติงาน");
  EXPECT_EQ(CellText(t, page.fragments(), 1, 3), "คู่มือ ๑ เล่ม แจกทุกกอง ครบถ้วน");
  EXPECT_EQ(CellText(t, page.fragments(), 2, 1), "ประกาศทางเว็บไซต์ ทุกเดือน");
}

// Cells centred vertically with a line pitch of 1.9 em (Garuda): a header
// whose one wrapped label sits with the one-line labels between its lines.
// The header's second line must not become a data row, and the page's own
// pitch tells, since no one-line label has a pitch of its own.
TEST(AlignedTablesTest, CentredHeaderWithTallLinePitch) {
  PageBuilder page(11);
  page.Line(
      "ตามที่ได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส บัดนี้ได้ดำเนินการครบถ้วนแล้ว", 60,
      60);
  page.Line("จึงขอรายงานผลการดำเนินงานดังนี้ ตามตารางด้านล่าง", 60, 81);
  const double pitch = 21;
  double y = page.Row(
      kFourColumns,
      {{"มาตรการ/", "กิจกรรม"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
      110, pitch, true);
  y = page.Row(kFourColumns,
               {{"๑.๑ เผยแพร่", "ข้อมูลการ", "จัดซื้อ"},
                {"จัดทำสรุปผล"},
                {"งานพัสดุ", "กองคลัง"},
                {"เผยแพร่ครบ ๑๒ เดือน"}},
               y + 12, pitch, true);
  page.Row(kFourColumns,
           {{"๑.๒ จัดเวที", "ประชาคม"},
            {"แต่งตั้งคณะทำงาน", "สรุปข้อเสนอ", "ของประชาชน"},
            {"สำนักปลัด"},
            {"จัดเวที ๘ หมู่บ้าน"}},
           y + 12, pitch, true);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.header_rows, 1);
  ASSERT_EQ(t.grid.rows(), 3);
  EXPECT_EQ(CellText(t, page.fragments(), 0, 0), "มาตรการ/ กิจกรรม");
  EXPECT_EQ(CellText(t, page.fragments(), 1, 0), "๑.๑ เผยแพร่ ข้อมูลการ จัดซื้อ");
  EXPECT_EQ(CellText(t, page.fragments(), 1, 2), "งานพัสดุ กองคลัง");
  EXPECT_EQ(CellText(t, page.fragments(), 2, 1),
            "แต่งตั้งคณะทำงาน สรุปข้อเสนอ ของประชาชน");
}

// A two-level header, cells centred: ระยะเวลา over เริ่มต้น | สิ้นสุด (two
// narrow columns, their dates wrapped over three lines), and
// ผลการดำเนินงาน over ผลผลิต | ผลลัพธ์; the children, one line each, sit
// half a pitch from the tallest label's lines. Then a section row right
// under the header, across the table. The result parent is set centred
// over both children (the header has two grid rows) or left in its merged
// cell, over the first child only (that column takes the child's role).
class TwoLevelHeaderTest : public ::testing::TestWithParam<bool> {};

TEST_P(TwoLevelHeaderTest, ChildrenNameTheColumnsAndNoHeaderLineIsARecord) {
  const bool centred_parent = GetParam();
  PageBuilder page(11);
  Memo(&page);
  const double pitch = 20;
  const std::vector<double> lefts = {60, 150, 250, 320, 355, 420, 500};
  page.Line("ระยะเวลา", 326, 150);
  page.Line("ผลการดำเนินงาน", centred_parent ? 435 : 420, 150);
  page.Line("มาตรการ/", 60, 160);
  page.Line("กิจกรรม", 60, 180);
  page.Line("ขั้นตอนการดำเนินงาน", 150, 170);
  page.Line("ผู้รับผิดชอบ", 250, 170);
  page.Line("เริ่มต้น", 320, 180);
  page.Line("สิ้นสุด", 355, 180);
  page.Line("ผลผลิต", 420, 190);
  page.Line("ผลลัพธ์", 500, 190);
  page.Line("ด้านที่ ๑ การเปิดเผยข้อมูลและการมีส่วนร่วมของประชาชน", 60, 230);
  double y = page.Row(lefts,
                      {{"๑.๑ เผยแพร่", "ข้อมูล"},
                       {"จัดทำสรุปผล", "เสนอผู้บริหาร"},
                       {"งานพัสดุ"},
                       {"๑", "ต.ค.", "๖๗"},
                       {"๓๐", "ก.ย.", "๖๘"},
                       {"ครบ ๑๒ เดือน"},
                       {"ประชาชนตรวจสอบได้"}},
                      250, pitch, true);
  page.Row(lefts,
           {{"๑.๒ จัดเวที", "ประชาคม"},
            {"แต่งตั้งคณะทำงาน"},
            {"สำนักปลัด"},
            {"๑", "ธ.ค.", "๖๗"},
            {"๒๘", "ก.พ.", "๖๘"},
            {"๘ หมู่บ้าน"},
            {"ข้อเสนอถูกบรรจุ", "ในแผน"}},
           y + 12, pitch, true);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  const int h = t.header_rows;
  EXPECT_EQ(h, 2);  // ระยะเวลา spans its children either way
  ASSERT_EQ(t.grid.cols(), 7);
  const std::vector<int>& roles = t.column_roles;
  EXPECT_NE(std::find(roles.begin(), roles.end(), kOutput), roles.end());
  EXPECT_NE(std::find(roles.begin(), roles.end(), kOutcome), roles.end());
  // The section row spanning the table, then the two records.
  ASSERT_EQ(t.grid.rows(), h + 3);
  EXPECT_EQ(t.grid.cells()[static_cast<size_t>(t.grid.CellAt(h, 0))].col_span,
            7);
  EXPECT_EQ(CellText(t, page.fragments(), h + 1, 0), "๑.๑ เผยแพร่ ข้อมูล");
  EXPECT_EQ(CellText(t, page.fragments(), h + 1, 3), "๑ ต.ค. ๖๗");
  EXPECT_EQ(CellText(t, page.fragments(), h + 1, 4), "๓๐ ก.ย. ๖๘");
  EXPECT_EQ(CellText(t, page.fragments(), h + 1, 5), "ครบ ๑๒ เดือน");
  EXPECT_EQ(CellText(t, page.fragments(), h + 2, 6), "ข้อเสนอถูกบรรจุ ในแผน");
}

INSTANTIATE_TEST_SUITE_P(Parents, TwoLevelHeaderTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "Centred" : "LeftAligned";
                         });

// A sequence column, unnumbered measures, cells centred: the next row's
// taller cell starts above its measure, so the measure's first line is not
// where the row breaks — the free band before it is.
TEST(AlignedTablesTest, CentredRowsWithoutNumberedMeasures) {
  PageBuilder page;
  Memo(&page);
  const std::vector<double> lefts = {60, 100, 220, 340, 440};
  const double pitch = 16;
  double y = page.Row(lefts,
                      {{"ลำดับ"},
                       {"โครงการ/", "กิจกรรม"},
                       {"วิธีดำเนินการ"},
                       {"ผู้รับผิดชอบ"},
                       {"ผลผลิต"}},
                      130, pitch, true);
  y = page.Row(lefts,
               {{"๑"},
                {"จัดทำแผน", "จัดซื้อ"},
                {"รวบรวม", "จัดทำร่าง", "ประกาศ"},
                {"งานพัสดุ"},
                {"แผน ๑ ฉบับ"}},
               y + 8, pitch, true);
  page.Row(lefts,
           {{"๒"},
            {"ลดขั้นตอน"},
            {"ทบทวนขั้นตอน"},
            {"กองช่าง"},
            {"ลดเวลา", "เหลือ ๗ วัน", "ผู้ขอพอใจ", "มากขึ้น"}},
           y + 8, pitch, true);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.measure_col, 1);
  ASSERT_EQ(t.grid.rows(), 3);
  EXPECT_EQ(CellText(t, page.fragments(), 1, 1), "จัดทำแผน จัดซื้อ");
  EXPECT_EQ(CellText(t, page.fragments(), 2, 1), "ลดขั้นตอน");
  EXPECT_EQ(CellText(t, page.fragments(), 2, 4),
            "ลดเวลา เหลือ ๗ วัน ผู้ขอพอใจ มากขึ้น");
}

// After a section row, a centred row whose method and output start above
// its numbered measure, each in two paragraphs (a blank line's worth of
// spacing between them, at the same height): the lines above the measure
// are that row's, not a row of their own.
TEST(AlignedTablesTest, CentredRowRightAfterASectionRow) {
  PageBuilder page;
  Memo(&page);
  const double pitch = 16;
  double y =
      page.Row(kFourColumns,
               {{"มาตรการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
               130, pitch, false);
  y = page.Row(kFourColumns,
               {{"๑. ตรวจสอบ", "การเบิกจ่าย"},
                {"แต่งตั้งคณะกรรมการ"},
                {"กองคลัง"},
                {"ครบทุกฎีกา"}},
               y + 8, pitch, true);
  page.Line("มิติที่ ๒ การบริหารราชการเพื่อป้องกันการทุจริต", 60, y + 30);
  const double top = y + 56;  // first baseline of the row
  page.Line("- ติดตั้งตู้รับ", 180, top);
  page.Line("เรื่องร้องเรียน", 180, top + pitch);
  page.Line("ช่องทางร้องเรียน", 420, top);
  page.Line("๓ ช่องทาง", 420, top + pitch);
  const double second = top + 2 * pitch + 10;  // after the paragraph space
  page.Line("- เปิดรับเรื่อง", 180, second);
  page.Line("ทางไลน์", 180, second + pitch);
  page.Line("ภาพตู้รับเรื่อง", 420, second);
  page.Line("หน้าสำนักงาน", 420, second + pitch);
  // The measure and the owner centred on the row's height.
  page.Line("๒. เปิด", 60, top + 1.5 * pitch + 5);
  page.Line("ช่องทาง", 60, top + 2.5 * pitch + 5);
  page.Line("ศูนย์ดำรงธรรม", 300, top + 2 * pitch + 5);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  ASSERT_EQ(t.grid.rows(), 4);  // header, record, section, record
  EXPECT_EQ(t.grid.cells()[static_cast<size_t>(t.grid.CellAt(2, 0))].col_span,
            4);
  EXPECT_EQ(CellText(t, page.fragments(), 3, 0), "๒. เปิด ช่องทาง");
  EXPECT_EQ(CellText(t, page.fragments(), 3, 1),
            "- ติดตั้งตู้รับ เรื่องร้องเรียน - เปิดรับเรื่อง ทางไลน์");
  EXPECT_EQ(CellText(t, page.fragments(), 3, 3),
            "ช่องทางร้องเรียน ๓ ช่องทาง ภาพตู้รับเรื่อง หน้าสำนักงาน");
}

// The vocabulary of the project's own models/header_roles.tsv, loaded
// once (the real OCR fixtures are read with it).
const HeaderVocabulary& ModelsVocabulary() {
  static const HeaderVocabulary vocabulary = [] {
    Result<HeaderLexicon> lexicon =
        HeaderLexicon::Load(RAINGAN_SOURCE_DIR "/models");
    EXPECT_TRUE(lexicon.ok()) << lexicon.status().ToString();
    return TableVocabulary(std::make_shared<const HeaderLexicon>(
        lexicon.ok() ? *lexicon : HeaderLexicon::FromEntries({})));
  }();
  return vocabulary;
}

// OCR words of a real page, one per line: text, x0, x1, y0, y1, baseline
// and font size in points (tests/data/layout/*.tsv).
PageText OcrWords(const std::string& fixture) {
  std::ifstream in(testing::TestDataPath(fixture));
  EXPECT_TRUE(in) << fixture << " missing";
  PageText page;
  page.height = 842;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    TextLine t;
    std::getline(fields, t.text, '\t');
    fields >> t.bbox.x0 >> t.bbox.x1 >> t.bbox.y0 >> t.bbox.y1 >> t.baseline >>
        t.font_size;
    page.fragments.push_back(t);
  }
  return page;
}

// OCR words of a real scan (tests/data/layout/ocr_centred_header.tsv): a
// repeated header centred in its cells, with one word OCR split in two
// ("การดําเน" | "ิน" under ช่วงระยะเวลา), then the body. The split word is
// no column of its own (the period label above it stays that column's),
// and the header ends where the body starts in several columns at once,
// though the tallest label's column alone could go on at its pitch.
TEST(AlignedTablesTest, OcrCentredHeaderFromARealScan) {
  PageText page = OcrWords("layout/ocr_centred_header.tsv");
  ASSERT_GT(page.fragments.size(), 90u);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables({page}, ModelsVocabulary());
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].size(), 1u);
  const AlignedTable& t = found[0][0];
  ASSERT_EQ(t.grid.cols(), 6);
  EXPECT_EQ(t.column_roles[3], static_cast<int>(ColumnRole::kPeriod));
  ASSERT_GE(t.grid.rows(), 2);
  // The header row holds the whole header, down to "งาน"; the first data
  // row begins with the body's first line.
  const std::string header_measure = CellText(t, page.fragments, 0, 0);
  EXPECT_NE(header_measure.find("งาน"), std::string::npos) << header_measure;
  const int h = t.header_rows;
  const std::string first_measure = CellText(t, page.fragments, h, 0);
  EXPECT_EQ(first_measure.rfind("ทางการรับ", 0), 0u) << first_measure;
  EXPECT_NE(CellText(t, page.fragments, h, 3).find("๒๕๖๘"), std::string::npos)
      << CellText(t, page.fragments, h, 3);
  EXPECT_EQ(CellText(t, page.fragments, h, 2).find("๒๕๖๘"), std::string::npos)
      << CellText(t, page.fragments, h, 2);
}

// The widest gap inside a table scales with the font's line pitch: rows
// 2.8 em apart belong to one table set in Garuda (1.9 em pitch), while in
// a font of TH Sarabun's 1.3 em pitch such a gap ends it (the space before
// the next heading).
TEST(AlignedTablesTest, BodyGapScalesWithTheLinePitch) {
  for (const double pitch_em : {1.9, 1.3}) {
    const double size = 11, pitch = pitch_em * size;
    PageBuilder page(size);
    page.Line(
        "ตามที่ได้ประกาศมาตรการส่งเสริมคุณธรรมและความโปร่งใส บัดนี้ได้ดำเนินการครบถ้วนแล้ว",
        60, 60);
    page.Line("จึงขอรายงานผลการดำเนินงานดังนี้ ตามตารางด้านล่าง", 60, 60 + pitch);
    double y =
        page.Row(kFourColumns,
                 {{"มาตรการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
                 60 + 3 * pitch, pitch, false);
    y = page.Row(kFourColumns,
                 {{"๑. จัดทำคู่มือ", "การปฏิบัติงาน"},
                  {"ประชุมชี้แจง"},
                  {"สำนักปลัด"},
                  {"คู่มือ ๑ เล่ม"}},
                 y + 0.5 * size, pitch, false);
    const double gap = 2.8 * size;
    page.Row(kFourColumns,
             {{"๒. เผยแพร่ข้อมูล", "ข่าวสาร"},
              {"ประกาศทางเว็บไซต์"},
              {"กองคลัง"},
              {"๑๒ ครั้ง"}},
             y + gap, pitch, false);
    std::vector<AlignedTable> tables = Find(page);
    ASSERT_EQ(tables.size(), 1u) << pitch_em;
    EXPECT_EQ(tables[0].grid.rows(), pitch_em > 1.5 ? 3 : 2) << pitch_em;
  }
}

// Pages that name roles and are no table.
TEST(AlignedTablesTest, NarrativeMemoContentsAndSignaturesAreNoTables) {
  PageBuilder page;
  // A memo header and a narrative paragraph that mentions the roles.
  page.Line("บันทึกข้อความ", 250, 60);
  page.Line("ส่วนราชการ สำนักปลัด องค์การบริหารส่วนตำบลหนองบัว", 60, 90);
  page.Line("เรื่อง รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรม", 60, 110);
  page.Line("ในการนี้ ผู้รับผิดชอบ ได้กำหนด ระยะเวลา ผลผลิต และ ผลลัพธ์ ของทุกมาตรการ", 60,
            140);
  page.Line("ไว้ชัดเจน และได้ติดตามผลการดำเนินงานทุกไตรมาสตามแผน", 60, 156);
  // A table of contents: labels and page numbers.
  page.Line("สารบัญ", 250, 200);
  page.Line("มาตรการ", 60, 230);
  page.Line("๑", 500, 230);
  page.Line("ผลผลิต", 60, 246);
  page.Line("๕", 500, 246);
  page.Line("ผลลัพธ์", 60, 262);
  page.Line("๙", 500, 262);
  // A signature block.
  page.Line("ลงชื่อ ผู้รายงาน", 300, 320);
  page.Line("( นางสาวสมใจ ใจดี )", 300, 336);
  page.Line("ผู้รับผิดชอบ", 300, 352);
  EXPECT_TRUE(Find(page).empty());
}

// A table whose rows continue on the next page without a repeated header:
// the finder reads the pages as one and gives each page its part.
TEST(AlignedTablesTest, TableContinuedOnTheNextPageWithoutAHeader) {
  PageBuilder first, second;
  Memo(&first);
  double y =
      first.Row(kFourColumns,
                {{"มาตรการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
                700, 16, false);
  first.Row(kFourColumns,
            {{"๑. จัดทำคู่มือ"}, {"ประชุมชี้แจง"}, {"สำนักปลัด"}, {"คู่มือ ๑ เล่ม"}}, y + 8,
            16, false);
  second.Row(kFourColumns,
             {{"๒. เผยแพร่ข้อมูล"}, {"ประกาศทางเว็บไซต์"}, {"กองคลัง"}, {"๑๒ ครั้ง"}},
             60, 16, false);
  std::vector<PageText> pages = first.Pages();
  pages.push_back(second.Pages()[0]);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables(pages, Vocabulary());
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[0].size(), 1u);
  ASSERT_EQ(found[1].size(), 1u);
  EXPECT_EQ(found[0][0].header_rows, 1);
  EXPECT_EQ(found[1][0].header_rows, 0);
  EXPECT_EQ(found[1][0].grid.cols(), 4);
  EXPECT_EQ(CellText(found[1][0], second.fragments(), 0, 0), "๒. เผยแพร่ข้อมูล");
}

// OCR words of a 1-bit copy (tests/data/layout/ocr_bilevel_noisy_header.tsv):
// specks read as "." and "'" between the period's and the output's labels
// are no columns, a measure-label line that OCR joined to the next
// column's "ะ" is no parent cell over two columns (the header stays one
// row), and the measure's lines that the wide OCR boxes above had worn
// the gap down to are no row spanning the table.
TEST(AlignedTablesTest, OcrNoiseInTheHeaderOfABilevelCopy) {
  PageText page = OcrWords("layout/ocr_bilevel_noisy_header.tsv");
  ASSERT_GT(page.fragments.size(), 70u);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables({page}, ModelsVocabulary());
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].size(), 1u);
  const AlignedTable& t = found[0][0];
  ASSERT_EQ(t.grid.cols(), 6);
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(t.column_roles[3], static_cast<int>(ColumnRole::kPeriod));
  EXPECT_EQ(t.column_roles[4], static_cast<int>(ColumnRole::kOutput));
  for (const GridCell& c : t.grid.cells()) {
    if (c.row >= t.header_rows) {
      EXPECT_EQ(c.col_span, 1) << "row " << c.row;
    }
  }
  bool together = false;
  for (int r = t.header_rows; r < t.grid.rows(); ++r) {
    const std::string m = CellText(t, page.fragments, r, 0);
    together = together || (m.find("มาตรฐานการให้") != std::string::npos &&
                            m.find("บริการได้โดย") != std::string::npos);
  }
  EXPECT_TRUE(together);
}

// OCR words of a phone photo (tests/data/layout/ocr_photo_interleaved_
// header.tsv): in the second table's header, specks and split-off words
// between the centred labels' lines make half-pitch steps in a column; the
// header's pitch is still the page's, so the header runs down to "งาน"
// and the first data row is measure (๗).
TEST(AlignedTablesTest, OcrHeaderPitchIsNotHalvedBySpecks) {
  PageText page = OcrWords("layout/ocr_photo_interleaved_header.tsv");
  ASSERT_GT(page.fragments.size(), 100u);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables({page}, ModelsVocabulary());
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].size(), 2u);
  const AlignedTable& t = found[0][1];
  ASSERT_EQ(t.header_rows, 1);
  ASSERT_GE(t.grid.rows(), 2);
  const std::string header = CellText(t, page.fragments, 0, 0);
  EXPECT_NE(header.find("งาน"), std::string::npos) << header;
  const std::string first = CellText(t, page.fragments, 1, 0);
  EXPECT_EQ(first.rfind("(๗)", 0), 0u) << first;
}

// OCR words of a noisy 200-dpi copy (tests/data/layout/ocr_noisy_dash_in_
// header.tsv): a speck read as "-" between two labels of a header line
// ("ดําเนิน (Output) - (outcome/resul") is no list item: the header runs
// down to "หน่วยงาน" and the first data row is measure (๘).
TEST(AlignedTablesTest, OcrDashBetweenLabelsDoesNotEndTheHeader) {
  PageText page = OcrWords("layout/ocr_noisy_dash_in_header.tsv");
  ASSERT_GT(page.fragments.size(), 140u);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables({page}, ModelsVocabulary());
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].size(), 1u);
  const AlignedTable& t = found[0][0];
  ASSERT_EQ(t.header_rows, 1);
  ASSERT_GE(t.grid.rows(), 2);
  const std::string header = CellText(t, page.fragments, 0, 0);
  EXPECT_NE(header.find("หน่วยงาน"), std::string::npos) << header;
  const std::string first = CellText(t, page.fragments, 1, 0);
  EXPECT_EQ(first.rfind("(๘)", 0), 0u) << first;
}

// A header repeated at the top of the next page whose first line OCR
// garbled ("มาตรวรการ" names no role, a 300-dpi scan): that page's first
// line right above a header opens a new table; the table above does not
// run on through the header.
TEST(AlignedTablesTest, GarbledTopLineOfARepeatedHeaderStillOpensIt) {
  const double pitch = 16;
  PageBuilder first, second;
  double y = first.Row(
      kFourColumns,
      {{"มาตรการ", "โครงการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
      600, pitch, true);
  first.Row(kFourColumns,
            {{"๑. จัดทำคู่มือ"}, {"ประชุมชี้แจง"}, {"สำนักปลัด"}, {"คู่มือ ๑ เล่ม"}}, y + 8,
            pitch, false);
  y = second.Row(
      kFourColumns,
      {{"มาตรวรการ", "โครงการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
      60, pitch, true);
  second.Row(kFourColumns,
             {{"๒. เผยแพร่ข้อมูล"}, {"ประกาศทางเว็บไซต์"}, {"กองคลัง"}, {"๑๒ ครั้ง"}},
             y + 8, pitch, false);
  std::vector<PageText> pages = first.Pages();
  pages.push_back(second.Pages()[0]);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables(pages, Vocabulary());
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[0].size(), 1u);
  EXPECT_EQ(found[0][0].grid.rows(), 2);
  ASSERT_EQ(found[1].size(), 1u);
  const AlignedTable& t = found[1][0];
  EXPECT_EQ(t.header_rows, 1);
  ASSERT_EQ(t.grid.rows(), 2);
  EXPECT_EQ(CellText(t, second.fragments(), 1, 0), "๒. เผยแพร่ข้อมูล");
}

// A header repeated on the next page whose narrow measure column wraps
// its long label word by word, 23 lines (the frame-only Garuda variant):
// past a plain header's height only that column goes on, and its last
// lines are still header, not the measure of the tail of the row the page
// break cut.
TEST(AlignedTablesTest, HeaderWrappingInOneNarrowColumnPastPlainHeight) {
  const double pitch = 20;
  const std::vector<double> lefts = {60, 110, 260, 360};
  const std::vector<std::string> label = {
      "มาตร", "การ",  "โครง", "การ", "หรือ",  "กิจ",   "กรรม", "ที่ดำ",
      "เนิน",  "การ",  "เพื่อ",  "ส่ง",  "เสริม", "คุณ",   "ธรรม", "และ",
      "ความ", "โปร่ง", "ใส",   "ภาย", "ใน",   "หน่วย", "งาน"};
  const std::vector<std::vector<std::string>> header = {
      label, {"ขั้นตอนการ", "ดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}};
  PageBuilder first, second;
  double y = first.Row(lefts, header, 40, pitch, false);
  first.Row(lefts,
            {{"(๑) จัด", "ทำคู่", "มือ"}, {"ประชุม", "ชี้แจง"}, {"สำนักปลัด"}, {"คู่มือ"}},
            y + 10, pitch, false);
  y = second.Row(lefts, header, 40, pitch, false);
  second.Row(lefts, {{}, {"ทุกเดือน"}, {}, {"๑ เล่ม"}}, y + 10, pitch, false);
  std::vector<PageText> pages = first.Pages();
  pages.push_back(second.Pages()[0]);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables(pages, Vocabulary());
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[1].size(), 1u);
  const AlignedTable& t = found[1][0];
  EXPECT_EQ(t.header_rows, 1);
  ASSERT_EQ(t.grid.rows(), 2);
  EXPECT_EQ(RoleOf(CellText(t, second.fragments(), 0, 0)), kMeasure);
  EXPECT_EQ(CellText(t, second.fragments(), 1, 0), "");
  EXPECT_EQ(CellText(t, second.fragments(), 1, 1), "ทุกเดือน");
}

// Header cells centred vertically, the measure label wrapped letter by
// letter over four lines (a 45-pt column, Loma 13): its first two lines,
// "มาตร" and "การ/", name nothing and lie above every other label. They
// are the header's top, not text above the table: the measure column
// keeps its whole label and its role.
TEST(AlignedTablesTest, CentredHeaderWhoseTallestLabelStartsAboveTheRest) {
  PageBuilder page;
  Memo(&page);
  const double pitch = 16;
  double y = page.Row(kFourColumns,
                      {{"มาตร", "การ/", "กิจ", "กรรม"},
                       {"ขั้นตอนการดำเนินงาน"},
                       {"ผู้รับผิดชอบ"},
                       {"ผลผลิต"}},
                      130, pitch, true);
  y = page.Row(kFourColumns,
               {{"๑. จัดทำคู่มือ"}, {"ประชุมชี้แจง"}, {"สำนักปลัด"}, {"คู่มือ ๑ เล่ม"}},
               y + 8, pitch, false);
  page.Row(kFourColumns,
           {{"๒. เผยแพร่ข้อมูล"}, {"ประกาศทางเว็บไซต์"}, {"กองคลัง"}, {"๑๒ ครั้ง"}},
           y + 8, pitch, false);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.header_rows, 1);
  EXPECT_EQ(t.measure_col, 0);
  ASSERT_EQ(t.grid.rows(), 3);
  EXPECT_EQ(CellText(t, page.fragments(), 0, 0), "มาตร การ/ กิจ กรรม");
  EXPECT_EQ(CellText(t, page.fragments(), 1, 0), "๑. จัดทำคู่มือ");
  EXPECT_EQ(CellText(t, page.fragments(), 2, 2), "กองคลัง");
}

// A header the page break cut: "มาตรการ/" and "ระยะเวลา" at the foot of
// one page, their tails "กิจกรรม" and "ดำเนินการ" at the top of the next
// (naming no other roles than the labels above them), then the
// first row after the cells' padding; the table's frame is drawn at the
// foot of the first page, under the cut header. The tails are header, in
// two columns: not a row of their own, nor the start of the first measure.
TEST(AlignedTablesTest, HeaderCutByThePageBreakGoesOnAtTheTopOfTheNext) {
  const std::vector<double> lefts = {60, 160, 300, 380, 470};
  PageBuilder first, second;
  Memo(&first);
  const double pitch = 16;
  first.Row(lefts,
            {{"มาตรการ/"},
             {"ขั้นตอนการดำเนินงาน"},
             {"ผู้รับผิดชอบ"},
             {"ผลผลิต"},
             {"ระยะเวลา"}},
            790, pitch, false);
  double y = second.Row(lefts, {{"กิจกรรม"}, {}, {}, {}, {"ดำเนินการ"}}, 40,
                        pitch, false);
  y = second.Row(lefts,
                 {{"๑. จัดทำ", "คู่มือ"},
                  {"ประชุมชี้แจง", "ทุกกอง"},
                  {"สำนักปลัด"},
                  {"คู่มือ ๑ เล่ม"},
                  {"ต.ค. ๖๗"}},
                 y + 8, pitch, false);
  second.Row(lefts,
             {{"๒. เผยแพร่", "ข้อมูล"},
              {"ประกาศทาง", "เว็บไซต์"},
              {"กองคลัง"},
              {"๑๒ ครั้ง"},
              {"ทุกเดือน"}},
             y + 8, pitch, false);
  std::vector<PageText> pages = first.Pages();
  Segment frame;
  frame.x0 = 55;
  frame.x1 = 560;
  frame.y0 = frame.y1 = 806;
  pages[0].rules.push_back(frame);
  pages.push_back(second.Pages()[0]);
  std::vector<std::vector<AlignedTable>> found =
      FindAlignedTables(pages, Vocabulary());
  ASSERT_EQ(found.size(), 2u);
  ASSERT_EQ(found[1].size(), 1u);
  const AlignedTable& t = found[1][0];
  ASSERT_EQ(t.grid.cols(), 5);
  // The labels' tails are in the header rows; the two measures are the
  // page's data rows.
  ASSERT_EQ(t.grid.rows(), t.header_rows + 2);
  EXPECT_EQ(CellText(t, second.fragments(), t.header_rows, 0), "๑. จัดทำ คู่มือ");
  EXPECT_EQ(CellText(t, second.fragments(), t.header_rows, 4), "ต.ค. ๖๗");
  EXPECT_EQ(CellText(t, second.fragments(), t.header_rows + 1, 2), "กองคลัง");
}

// One Word table per measure, a rule under the header only (Kinnari 14):
// the columns are as narrow as their longest word. The measure label's
// widest line ("การ/กิจ") ends 2 pt before the method column, beside which
// the line above has only "มาตร"; and the period label "ระยะ" | "เวลา" ends
// 0.4 pt from the owner label, drawn in another run. Six columns, none
// merged.
TEST(AlignedTablesTest, TightColumnsOfOneWordTableStayApart) {
  PageBuilder page;
  Memo(&page);
  page.Line("มาตร", 60, 140);
  page.Line("วิธีดำเนินการ", 98, 140);
  page.Line("ระยะ", 200, 140);
  page.Line("ผู้รับ", 224.4, 140);
  page.RunBreakOnLast();
  page.Line("ผลผลิต", 300, 140);
  page.Line("ผลลัพธ์", 360, 140);
  page.Line("การ/กิจ", 60, 156);
  page.Line("เวลา", 200, 156);
  page.Line("ผิดชอบ", 224.4, 156);
  page.RunBreakOnLast();
  page.Line("กรรม", 60, 172);
  page.Row(
      {60, 101, 200, 228, 300, 360},
      {{"๑.๑", "จัดทำ"}, {"ประชุม"}, {"ต.ค."}, {"กอง", "คลัง"}, {"คู่มือ"}, {"ดี"}},
      184, 16, false);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  EXPECT_EQ(t.column_roles, (std::vector<int>{kMeasure, kMethod, kPeriod,
                                              kOwner, kOutput, kOutcome}));
  ASSERT_EQ(t.grid.rows(), t.header_rows + 1);
  EXPECT_EQ(CellText(t, page.fragments(), t.header_rows, 3), "กอง คลัง");
}

// A row whose cells hold numbered lists, the third items of three columns
// starting on one line after a paragraph space: they go on the lists above
// and stay in the row. A sub-row's lists start again at ๑ (second case;
// the last row, as a sub-row before a measure is ambiguous with centred
// cells).
class ListItemsOnOneLineTest : public ::testing::TestWithParam<bool> {};

TEST_P(ListItemsOnOneLineTest, ThirdItemsStayInTheRowFirstItemsStartASubRow) {
  const bool restart = GetParam();
  PageBuilder page;
  Memo(&page);
  const double pitch = 16;
  double y =
      page.Row(kFourColumns,
               {{"มาตรการ"}, {"ขั้นตอนการดำเนินงาน"}, {"ผู้รับผิดชอบ"}, {"ผลผลิต"}},
               130, pitch, false);
  y = page.Row(kFourColumns,
               {{"(๑) จัดทำคู่มือ"},
                {"๑. ประชุม", "ชี้แจง", "๒. ยกร่าง", "ประกาศ"},
                {"สำนักปลัด"},
                {"๑. คู่มือ", "ทุกกอง", "๒. ประกาศ", "ทุกเดือน"}},
               y + 8, pitch, false);
  const std::string marker = restart ? "๑." : "๓.";
  page.Row(kFourColumns,
           {{}, {marker + " เผยแพร่", "ทางเว็บไซต์"}, {}, {marker + " รายงานผล"}},
           y + 8, pitch, false);
  std::vector<AlignedTable> tables = Find(page);
  ASSERT_EQ(tables.size(), 1u);
  const AlignedTable& t = tables[0];
  if (restart) {
    ASSERT_EQ(t.grid.rows(), 3);  // header, record, sub-row
    EXPECT_EQ(CellText(t, page.fragments(), 2, 1), "๑. เผยแพร่ ทางเว็บไซต์");
  } else {
    ASSERT_EQ(t.grid.rows(), 2);
    EXPECT_EQ(CellText(t, page.fragments(), 1, 1),
              "๑. ประชุม ชี้แจง ๒. ยกร่าง ประกาศ ๓. เผยแพร่ ทางเว็บไซต์");
    EXPECT_EQ(CellText(t, page.fragments(), 1, 3),
              "๑. คู่มือ ทุกกอง ๒. ประกาศ ทุกเดือน ๓. รายงานผล");
  }
}

INSTANTIATE_TEST_SUITE_P(Numbering, ListItemsOnOneLineTest, ::testing::Bool(),
                         [](const auto& info) {
                           return info.param ? "Restarted" : "Continued";
                         });

}  // namespace
}  // namespace raingan::layout
