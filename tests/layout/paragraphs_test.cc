#include "layout/paragraphs.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::layout {
namespace {

TEST(StartsWithListMarkerTest, Markers) {
  // Openings of list items in the samples' cells and their kin.
  for (const char* line :
       {"๑. จัดทำคู่มือและแนวทาง", "๒.เผยแพร่หลักเกณฑ์การ", "1. Plan",
        "(๑) การปรับปรุงระบบ", "(12) item", "๑) จัดทำโครงการ",
        "๑.๑ จัดทำคู่มือการปฏิบัติงาน", "๓.๒.๑ ย่อย", "- ดำเนินการทบทวน", "-จัดพิมพ์คู่มือ",
        "• ข้อเสนอ", "● จุด", "ก. ด้านการเงิน", "  ๔. เว้นหน้า"}) {
    EXPECT_TRUE(StartsWithListMarker(line)) << line;
  }
}

TEST(StartsWithListMarkerTest, WrappedTextIsNotAMarker) {
  // What a wrapped line may start with in the same documents.
  for (const char* line :
       {"๒๕๖๘) ประจำปี", "พ.ศ. ๒๕๖๘", "๓๐ กันยายน ๒๕๖๘", "๑๐๐% ก่อนระยะ",
        "-๓๐ กันยายน", "– ๓๐ กันยายน", "อบต. ยางราก", "๑.๕% ของงบ", "ค.ศ. 2025",
        "-Service เผยแพร่", "(0๖)", "(๑๒) ", "(ดำเนินการเป็นประจำ", "ประชาชน",
        ""}) {
    EXPECT_FALSE(StartsWithListMarker(line)) << line;
  }
}

TEST(OpensListItemTest, ClosingParenthesisIsNotAMarker) {
  // Outcome cell of sample 002, page 8: the number wrapped away from its
  // opening parenthesis.
  EXPECT_FALSE(OpensListItem("ส่งผลให้คะแนนในเครื่องมือ EIT (ตัวชี้วัดที่",
                             "๘) บรรลุผลสัมฤทธิ์ในระดับดีเยี่ยม"));
  EXPECT_FALSE(OpensListItem("และรายไตรมาส (0", "๗)"));
  EXPECT_TRUE(OpensListItem("๑) จัดทำโครงการ (ขออนุมัติ)", "๒) ประสานงาน"));
  EXPECT_TRUE(OpensListItem("ข้อความ (ในวงเล็บ", "๒. ไม่ใช่วงเล็บ"));
  EXPECT_FALSE(OpensListItem("", "ประชาชน"));
}

TEST(JoinLineTest, ThaiWrapsInsideWords) {
  struct Case {
    const char* text;
    const char* line;
    bool trailing_space;
    const char* want;
  } cases[] = {
      // Thai wraps mid-word (page 8 of sample 000): no space.
      {"กำหนดผู้รับผิด", "ชอบ ขั้นตอน", false, "กำหนดผู้รับผิดชอบ ขั้นตอน"},
      {"ตลอดปีงบประม", "าณ ๒๕๖๘", false, "ตลอดปีงบประมาณ ๒๕๖๘"},
      // The producer drew a space before the break: keep it.
      {"เพื่อ", "สร้าง", true, "เพื่อ สร้าง"},
      // Latin words, digits and punctuation are separated.
      {"(Integrity and", "Transparency)", false,
       "(Integrity and Transparency)"},
      {"พ.ศ.", "๒๕๖๘", false, "พ.ศ. ๒๕๖๘"},
      // Slash and hyphen compounds wrap without a space.
      {"มาตรการ/", "โครงการ/", false, "มาตรการ/โครงการ/"},
      {"ผลิตคู่มือการใช้งาน E-", "Service", false, "ผลิตคู่มือการใช้งาน E-Service"},
      {"๑ ตุลาคม ๖๗ -", "๓๐ กันยายน", false, "๑ ตุลาคม ๖๗ - ๓๐ กันยายน"},
      {"ประจำปี", "๒๕๖๘", false, "ประจำปี ๒๕๖๘"},
      {"ต่าง", "ๆ ของหน่วยงาน", false, "ต่าง ๆ ของหน่วยงาน"},
      {"", "แรก", false, "แรก"},
      {"ไม่เปลี่ยน", "", false, "ไม่เปลี่ยน"},
  };
  for (const Case& c : cases) {
    std::string text = c.text;
    JoinLine(&text, c.line, c.trailing_space);
    EXPECT_EQ(text, c.want) << c.text << " + " << c.line;
  }
}

TextLine Line(std::string text, double y0, double size = 12) {
  TextLine l;
  l.text = std::move(text);
  l.font_size = size;
  l.bbox = {100, y0, 200, y0 + 1.3 * size};
  l.baseline = y0 + 0.95 * size;
  return l;
}

std::vector<std::string> Texts(const std::vector<Paragraph>& ps) {
  std::vector<std::string> out;
  for (const Paragraph& p : ps) out.push_back(p.text);
  return out;
}

TEST(CellParagraphsTest, ListItemsStartParagraphs) {
  // The method cell of measure 1.2 (page 9 of sample 000), 12 pt lines
  // 16.5 pt apart.
  std::vector<TextLine> lines = {
      Line("๑. จัดประชุม", 240),   Line("ประจำเดือนเพื่อ", 256.5),
      Line("สร้าง", 273),         Line("๒. ร่วมกันทบทวน", 289.5),
      Line("วิเคราะห์ ปัญหา", 306),
  };
  std::vector<Paragraph> ps = CellParagraphs(lines, 9);
  EXPECT_EQ(Texts(ps), (std::vector<std::string>{"๑. จัดประชุมประจำเดือนเพื่อสร้าง",
                                                 "๒. ร่วมกันทบทวนวิเคราะห์ ปัญหา"}));
  EXPECT_TRUE(ps[0].list_item);
  EXPECT_EQ(ps[1].prov.page, 9);
  EXPECT_DOUBLE_EQ(ps[1].prov.bbox.y0, 289.5);
  EXPECT_DOUBLE_EQ(ps[1].prov.bbox.y1, 306 + 1.3 * 12);
}

TEST(CellParagraphsTest, ANumberThatDoesNotCountIsTheSentenceGoingOn) {
  // Outcome cells of the 002 prints: the score wrapped to a line of its
  // own, read as an outline number "99.46" and dropped with nothing after.
  std::vector<TextLine> lines = {
      Line("ภาพรวม ITA สูงถึง", 100),
      Line("๙๙.๔๖", 116.5),
      Line("ในระดับ", 133),
      Line("๙๙.๔๖ ซึ่งสูงกว่า", 149.5),
  };
  EXPECT_EQ(
      Texts(CellParagraphs(lines, 1)),
      (std::vector<std::string>{"ภาพรวม ITA สูงถึง ๙๙.๔๖ ในระดับ ๙๙.๔๖ ซึ่งสูงกว่า"}));
  // A list counts on, one number skipped at most, and starts
  // again at 1.
  lines = {Line("๑. ก", 100),   Line("๒. ข", 116.5), Line("๓. ค", 133),
           Line("๕. จ", 149.5), Line("๘. ฉ", 166),   Line("๑.๑ ช", 182.5)};
  EXPECT_EQ(
      Texts(CellParagraphs(lines, 1)),
      (std::vector<std::string>{"๑. ก", "๒. ข", "๓. ค", "๕. จ ๘. ฉ", "๑.๑ ช"}));
  // The Norasi print of 000, method of 1.2: "๒." justified to the end of a
  // line; ๓ still opens the third item.
  lines = {Line("๑. จัดประชุม", 100), Line("หัวหน้าส่วน ๒.", 116.5),
           Line("ร่วมกันทบทวน", 133), Line("๓. นำข้อสรุป", 149.5)};
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)),
            (std::vector<std::string>{"๑. จัดประชุมหัวหน้าส่วน ๒. ร่วมกันทบทวน",
                                      "๓. นำข้อสรุป"}));
}

TEST(CellParagraphsTest, AListCutByAPageBreakGoesOnAfterAShortLine) {
  // Plan 004's budget table: the project cell goes on at the top of the
  // next page with the end of item ๒, then item ๓.
  std::vector<TextLine> lines = {Line("๒๕๖๖,๒๕๖๘ และ ๒๕๗๐", 100),
                                 Line("๓. กิจกรรมการมอบประกาศเกียรติคุณ", 116.5),
                                 Line("กรรมการชุมชน", 133)};
  lines[0].bbox.x1 = 150;  // 4 em short of the cell's longest line
  EXPECT_EQ(
      Texts(CellParagraphs(lines, 1)),
      (std::vector<std::string>{"๒๕๖๖,๒๕๖๘ และ ๒๕๗๐",
                                "๓. กิจกรรมการมอบประกาศเกียรติคุณกรรมการชุมชน"}));
  // An outline number must count on, except after a line that ended
  // short: there the item before it ended.
  lines = {Line("๒๕๖๖,๒๕๖๘ และ ๒๕๗๐", 100), Line("๒.๓ กิจกรรม", 116.5),
           Line("กรรมการชุมชน ยาวถึงขอบ", 133)};
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)).size(), 1u);  // a full line
  lines[0].bbox.x1 = 150;
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)).size(), 2u);
}

TEST(CellParagraphsTest, AFontWithTallLinesKeepsItsParagraphs) {
  // The Umpush print of report 002: 14 pt lines whose boxes are 0.7 em
  // apart inside one paragraph (here 12 pt boxes, 8.4 pt apart); each line
  // was its own list item. The table's leading says that is no gap.
  std::vector<TextLine> lines = {Line("จัด", 100), Line("ประชุม", 124),
                                 Line("ประจำเดือน", 148)};
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)).size(), 3u);  // leading unknown
  ParagraphOptions options;
  options.leading = TableLeading({0.7, 0.7, 0.72, 0.69, 1.6});
  EXPECT_NEAR(options.leading, 0.7, 0.011);
  EXPECT_EQ(Texts(CellParagraphs(lines, 1, options)),
            (std::vector<std::string>{"จัดประชุมประจำเดือน"}));
  // A paragraph gap stands out of that leading.
  lines.push_back(Line("กำหนด", 185));
  EXPECT_EQ(Texts(CellParagraphs(lines, 1, options)),
            (std::vector<std::string>{"จัดประชุมประจำเดือน", "กำหนด"}));
  EXPECT_LT(TableLeading({0.1, 0.2, 0.3}), 0);  // too few to tell
}

TEST(CellParagraphsTest, APlainNumberGoesOnAListFromThePageBefore) {
  // The Norasi print of 000, method of 1.2 on its second page: the tail of
  // item ๒ on full lines, then item ๓.
  std::vector<TextLine> lines = {Line("ร่วมกันทบทวน", 100),
                                 Line("อย่างเป็นระบบ", 116.5),
                                 Line("๓. นำข้อสรุป", 133)};
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)),
            (std::vector<std::string>{"ร่วมกันทบทวนอย่างเป็นระบบ", "๓. นำข้อสรุป"}));
}

TEST(CellParagraphsTest, AVerticalGapStartsAParagraph) {
  std::vector<TextLine> lines = {
      Line("ประจำทุก", 100), Line("เดือน", 116.5),
      Line("เดิม", 150),  // an empty line's worth of gap
  };
  EXPECT_EQ(Texts(CellParagraphs(lines, 1)),
            (std::vector<std::string>{"ประจำทุกเดือน", "เดิม"}));
  EXPECT_TRUE(CellParagraphs({}, 1).empty());
}

}  // namespace
}  // namespace raingan::layout
