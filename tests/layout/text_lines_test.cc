#include "layout/text_lines.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "layout/clusters.h"

namespace raingan::layout {
namespace {

Glyph MakeGlyph(std::string text, double x, double baseline, double advance,
                double size = 16, bool bold = false) {
  Glyph g;
  g.text = std::move(text);
  g.baseline = baseline;
  g.font_size = size;
  g.bold = bold;
  g.bbox = {x, baseline - 0.95 * size, x + advance, baseline + 0.35 * size};
  return g;
}

struct Typesetting {
  double size = 16;
  double letter_spacing = 0;  // added after every base glyph
  bool space_glyphs = true;   // draw spaces, or leave a gap
  double word_gap_em = 0.33;  // width of a space
  bool bold = false;
};

// Lays `text` out the way LibreOffice does: bases 0.5 em wide, marks with
// zero advance at the pen position after their base (plus spacing).
std::vector<Glyph> Typeset(const std::string& text, double x, double baseline,
                           const Typesetting& t = {}) {
  std::vector<Glyph> out;
  for (char32_t c : utf8::ToU32(text)) {
    std::string s = utf8::Encode(c);
    if (c == ' ') {
      if (t.space_glyphs) {
        out.push_back(
            MakeGlyph(s, x, baseline, t.word_gap_em * t.size, t.size, t.bold));
      }
      x += t.word_gap_em * t.size + t.letter_spacing;
    } else if (IsCombiningMark(c)) {
      out.push_back(MakeGlyph(s, x, baseline, 0, t.size, t.bold));
    } else {
      out.push_back(MakeGlyph(s, x, baseline, 0.5 * t.size, t.size, t.bold));
      x += 0.5 * t.size + t.letter_spacing;
    }
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<TextLine>& lines) {
  std::vector<std::string> out;
  for (const TextLine& l : lines) out.push_back(l.text);
  return out;
}

TEST(AssembleLinesTest, RealLetterSpacedLine) {
  // The start of a justified line on page 7 of sample 000: 1.65 pt extra
  // spacing between letters, a space glyph between words.
  std::vector<Glyph> glyphs;
  struct {
    const char* text;
    double x, advance;
  } real[] = {
      {"ร", 85.20, 7.74},  {"ั", 94.59, 0.00},    {"บ", 94.59, 10.29},
      {"ผ", 106.58, 9.17}, {"ิ", 117.46, 0.00},   {"ด", 117.46, 9.41},
      {"ช", 128.54, 9.09}, {"อ", 139.33, 9.31},  {"บ", 150.32, 10.29},
      {" ", 162.30, 5.18}, {"ก", 169.18, 9.28},  {"ร", 180.06, 7.74},
      {"อ", 189.55, 9.31}, {"บ", 200.54, 10.29}, {"เ", 212.53, 4.88},
      {"ว", 219.12, 8.05}, {"ล", 228.80, 9.17},  {"า", 239.68, 7.60},
  };
  for (const auto& g : real) {
    glyphs.push_back(MakeGlyph(g.text, g.x, 591.5, g.advance));
  }
  std::vector<TextLine> lines = AssembleLines(glyphs, {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "รับผิดชอบ กรอบเวลา");
  EXPECT_DOUBLE_EQ(lines[0].baseline, 591.5);
  EXPECT_DOUBLE_EQ(lines[0].font_size, 16);
  EXPECT_NEAR(lines[0].bbox.x0, 85.20, 1e-9);
  EXPECT_NEAR(lines[0].bbox.x1, 239.68 + 7.60, 1e-9);
}

TEST(AssembleLinesTest, SpacesWithoutSpaceGlyphsComeFromGaps) {
  // Producers that position words instead of drawing spaces.
  Typesetting t;
  t.space_glyphs = false;
  std::vector<TextLine> lines =
      AssembleLines(Typeset("ประชาชน มีส่วนร่วม (E-Service)", 85, 100, t), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "ประชาชน มีส่วนร่วม (E-Service)");
}

TEST(AssembleLinesTest, WideLetterSpacingIsNotAWordSpace) {
  // Thai "distributed" justification spreads letters 0.3 em apart; only
  // the drawn spaces separate words.
  Typesetting t;
  t.letter_spacing = 0.3 * 16;
  std::vector<TextLine> lines =
      AssembleLines(Typeset("ประเทศไทยต้องมีคะแนน ดัชนี", 85, 100, t), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "ประเทศไทยต้องมีคะแนน ดัชนี");
}

TEST(AssembleLinesTest, ColumnRulingsSplitLines) {
  // Two table cells on one baseline, 2 pt apart (overflowing text), a
  // ruling between them.
  Typesetting t;
  t.size = 12;
  std::vector<Glyph> glyphs = Typeset("ทุกส่วน", 90, 300, t);  // 5 bases
  std::vector<Glyph> right = Typeset("ราชการ", 90 + 5 * 6 + 2, 300, t);
  glyphs.insert(glyphs.end(), right.begin(), right.end());
  Segment ruling{121, 200, 121, 400, 0.75};
  EXPECT_EQ(Texts(AssembleLines(glyphs, {ruling})),
            (std::vector<std::string>{"ทุกส่วน", "ราชการ"}));
  // Without the ruling, the same glyphs are one word.
  EXPECT_EQ(Texts(AssembleLines(glyphs, {})),
            (std::vector<std::string>{"ทุกส่วนราชการ"}));
  // A horizontal ruling or one above the line does not split it.
  Segment above{121, 100, 121, 250, 0.75};
  Segment horizontal{80, 310, 400, 310, 0.75};
  EXPECT_EQ(AssembleLines(glyphs, {above, horizontal}).size(), 1u);
}

// A narrow cell wraps "ลำดับ" as "ลำดั" | "บ", and the next cell's label
// "โครงการ/" starts right where "ลำดั" ends (form 012 printed in Norasi
// with no borders). In stream order the "บ" of the line below lies between
// them: two runs, two words for the aligned-table finder. Drawn in one
// run they stay one word.
TEST(AssembleLinesTest, GlyphOfAnotherLineBetweenNeighboursSplitsWords) {
  Typesetting t;
  t.size = 14;
  std::vector<Glyph> glyphs = Typeset("ลำดั", 57, 747, t);
  std::vector<Glyph> wrapped = Typeset("บ", 57, 765, t);
  glyphs.insert(glyphs.end(), wrapped.begin(), wrapped.end());
  double pen = 57;  // where "ลำดั" ends
  for (const Glyph& g : Typeset("ลำดั", 57, 747, t))
    pen = std::max(pen, g.bbox.x1);
  std::vector<Glyph> next = Typeset("โครงการ/", pen, 747, t);
  glyphs.insert(glyphs.end(), next.begin(), next.end());
  LineOptions words;
  words.split_at_spaces = true;
  EXPECT_EQ(Texts(AssembleLines(glyphs, {}, words)),
            (std::vector<std::string>{"ลำดั", "โครงการ/", "บ"}));
  std::vector<Glyph> one_run = Typeset("ลำดั", 57, 747, t);
  one_run.insert(one_run.end(), next.begin(), next.end());
  EXPECT_EQ(Texts(AssembleLines(one_run, {}, words)),
            (std::vector<std::string>{"ลำดัโครงการ/"}));
}

// A period cell's "การดำเนิน" overflows to 0.4 pt from the owner cell's
// "ชอบ" (Kinnari 14, a rule under the header only). Drawn in another run,
// the second word says so; a word after a space glyph of the same run
// does not.
TEST(AssembleLinesTest, WordDrawnInAnotherRunIsMarked) {
  Typesetting t;
  t.size = 14;
  std::vector<Glyph> glyphs = Typeset("การดำเนิน", 178, 581, t);
  std::vector<Glyph> wrapped = Typeset("การ", 178, 606, t);
  glyphs.insert(glyphs.end(), wrapped.begin(), wrapped.end());
  double pen = 178;
  for (const Glyph& g : glyphs)
    if (g.baseline == 581) pen = std::max(pen, g.bbox.x1);
  std::vector<Glyph> owner = Typeset("ชอบ", pen + 0.4, 581, t);
  glyphs.insert(glyphs.end(), owner.begin(), owner.end());
  std::vector<Glyph> spaced = Typeset("ผู้รับ ผิด", 300, 581, t);
  glyphs.insert(glyphs.end(), spaced.begin(), spaced.end());
  LineOptions words;
  words.split_at_spaces = true;
  std::vector<TextLine> lines = AssembleLines(glyphs, {}, words);
  ASSERT_EQ(Texts(lines),
            (std::vector<std::string>{"การดำเนิน", "ชอบ", "ผู้รับ", "ผิด", "การ"}));
  EXPECT_FALSE(lines[0].run_break);
  EXPECT_TRUE(lines[1].run_break);
  EXPECT_FALSE(lines[3].run_break);  // after a space glyph of its run
}

TEST(AssembleLinesTest, WideGapSplitsALine) {
  // "(ลงชื่อ)" at the left and a name far right on the same baseline.
  std::vector<Glyph> glyphs = Typeset("(ลงชื่อ)", 85, 500);
  std::vector<Glyph> right = Typeset("ผู้รายงาน", 380, 500);
  glyphs.insert(glyphs.end(), right.begin(), right.end());
  EXPECT_EQ(Texts(AssembleLines(glyphs, {})),
            (std::vector<std::string>{"(ลงชื่อ)", "ผู้รายงาน"}));
}

TEST(AssembleLinesTest, LinesTopToBottomWhateverTheStreamOrder) {
  std::vector<Glyph> glyphs = Typeset("บรรทัดที่สอง", 85, 127.5);
  std::vector<Glyph> first = Typeset("บรรทัดแรก", 85, 100);
  glyphs.insert(glyphs.end(), first.begin(), first.end());
  std::vector<TextLine> lines = AssembleLines(glyphs, {});
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"บรรทัดแรก", "บรรทัดที่สอง"}));
}

TEST(AssembleLinesTest, BoldAndTrailingSpace) {
  Typesetting bold;
  bold.bold = true;
  std::vector<TextLine> lines =
      AssembleLines(Typeset("ประเด็นที่ ๑ ", 85, 100, bold), {});
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0].text, "ประเด็นที่ ๑");
  EXPECT_TRUE(lines[0].bold);
  EXPECT_TRUE(lines[0].trailing_space);
}

TEST(AssembleLinesTest, GlyphsWithoutAPositionAreDropped) {
  std::vector<Glyph> glyphs = Typeset("ประชาชน", 85, 100);
  glyphs.push_back(MakeGlyph("ก", std::nan(""), 100, 8));
  glyphs.push_back(MakeGlyph("ข", 200, std::nan(""), 8));
  EXPECT_EQ(Texts(AssembleLines(glyphs, {})),
            (std::vector<std::string>{"ประชาชน"}));
}

TEST(SortReadingOrderTest, SameBaselineLeftToRight) {
  std::vector<TextLine> lines(3);
  lines[0].text = "right";
  lines[0].baseline = 100.5;
  lines[0].bbox = {300, 88, 350, 105};
  lines[1].text = "below";
  lines[1].baseline = 130;
  lines[1].bbox = {85, 118, 200, 135};
  lines[2].text = "left";
  lines[2].baseline = 100;
  lines[2].bbox = {85, 88, 200, 105};
  for (TextLine& l : lines) l.font_size = 12;
  SortReadingOrder(&lines);
  EXPECT_EQ(Texts(lines), (std::vector<std::string>{"left", "right", "below"}));
}

}  // namespace
}  // namespace raingan::layout

namespace raingan::layout {
namespace {

TEST(AssembleLinesTest, RightToLeftRunIsReadInLogicalOrder) {
  // Page 174 of sample 004: an Arabic look-alike of "ริต" pasted into
  // "ทุจริต", drawn in visual order (ت ي ر from left to right). The text
  // export of the same report holds it in logical order, ر ي ت.
  std::vector<Glyph> glyphs = {
      MakeGlyph("ท", 382.66, 585.30, 10.34),
      MakeGlyph("ุ", 392.97, 585.30, 0),
      MakeGlyph("จ", 392.97, 585.30, 8.83),
      MakeGlyph("ت", 402.50, 585.30, 15.70),
      MakeGlyph("ي", 418.20, 585.30, 4.44),
      MakeGlyph("ر", 422.68, 585.30, 7.71),
      MakeGlyph(" ", 430.30, 585.30, 5.18),
      MakeGlyph("ร", 435.50, 585.30, 7.74),
  };
  EXPECT_EQ(Texts(AssembleLines(glyphs, {})),
            (std::vector<std::string>{"ทุจريت ร"}));
}

}  // namespace
}  // namespace raingan::layout
