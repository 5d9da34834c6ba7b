#include "layout/clusters.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace raingan::layout {
namespace {

struct G {
  const char* text;
  double x, baseline, advance;
};

// Glyphs as the text layer reports them at 16 pt (Laksaman metrics).
std::vector<Glyph> Glyphs(const std::vector<G>& in, double size = 16) {
  std::vector<Glyph> out;
  for (const G& g : in) {
    Glyph glyph;
    glyph.text = g.text;
    glyph.baseline = g.baseline;
    glyph.font_size = size;
    glyph.bbox = {g.x, g.baseline - 0.95 * size, g.x + g.advance,
                  g.baseline + 0.35 * size};
    out.push_back(glyph);
  }
  return out;
}

std::vector<std::string> Texts(const std::vector<Cluster>& clusters) {
  std::vector<std::string> out;
  for (const Cluster& c : clusters) out.push_back(c.text);
  return out;
}

TEST(BuildClustersTest, LetterSpacedLibreOfficeLine) {
  // Page 7 of sample 000, a justified line with 1.65 pt letter-spacing:
  // each zero-width mark sits at the pen position after its base plus the
  // spacing, i.e. exactly where the *next* base starts, and the ์ of ธิ์
  // is raised by 1.1 pt. Sorting by x would put every mark on the wrong
  // consonant.
  std::vector<Glyph> glyphs = Glyphs({
      {"ส", 341.60, 591.50, 9.17},  {"ั", 352.48, 591.50, 0.00},
      {"ม", 352.48, 591.50, 9.62},  {"ฤ", 363.76, 591.50, 9.09},
      {"ท", 374.54, 591.50, 10.34}, {"ธ", 386.53, 591.50, 8.05},
      {"ิ", 396.32, 591.50, 0.00},   {"์", 398.10, 590.40, 0.00},
      {"ท", 396.80, 591.50, 10.34}, {"ี", 408.78, 591.50, 0.00},
      {"่", 408.78, 591.50, 0.00},   {"เ", 408.78, 591.50, 4.88},
      {"ก", 415.38, 591.50, 9.28},  {"ิ", 426.46, 591.50, 0.00},
      {"ด", 426.46, 591.50, 9.41},  {"ข", 437.55, 591.50, 9.09},
      {"ึ", 448.43, 591.50, 0.00},   {"้", 449.12, 591.50, 0.00},
      {"น", 448.42, 591.50, 10.10}, {" ", 489.07, 591.50, 5.18},
  });
  std::vector<Cluster> clusters = BuildClusters(glyphs);
  EXPECT_EQ(Texts(clusters),
            (std::vector<std::string>{"สั", "ม", "ฤ", "ท", "ธิ์", "ที่", "เ", "กิ",
                                      "ด", "ขึ้", "น", " "}));
  EXPECT_TRUE(clusters.back().space);
  // A cluster is as wide as its base: marks do not widen it.
  EXPECT_DOUBLE_EQ(clusters[0].bbox.x1, 341.60 + 9.17);
}

TEST(BuildClustersTest, DistributedLineKeepsMarksOnTheBaseBefore) {
  // Page 116 of sample 004 (Word, TH Sarabun 16 pt): a line of Thai
  // distributed justification, letters 1.1 em apart. Each mark is drawn
  // after its base at the next base's origin; with the gap wider than the
  // usual window the ั went onto บ ("ระดบั" for "ระดับ").
  std::vector<Glyph> glyphs = Glyphs({
      {"ร", 85.20, 267.70, 7.74},
      {"ะ", 110.59, 267.70, 8.58},
      {"ด", 136.78, 267.70, 9.41},
      {"ั", 163.87, 267.70, 0.00},
      {"บ", 163.87, 267.70, 10.29},
      {"ค", 191.76, 267.70, 9.46},
      {"ุ", 218.85, 267.70, 0.00},
      {"ณ", 218.85, 267.70, 13.05},
  });
  EXPECT_EQ(Texts(BuildClusters(glyphs)),
            (std::vector<std::string>{"ร", "ะ", "ดั", "บ", "คุ", "ณ"}));
}

TEST(BuildClustersTest, MarkBeforeItsBase) {
  // Some producers emit the mark first, at the base's origin.
  std::vector<Glyph> glyphs = Glyphs({
      {"้", 100.0, 50, 0},
      {"น", 100.0, 50, 10},
      {"ำ", 110.0, 50, 7},
  });
  EXPECT_EQ(Texts(BuildClusters(glyphs)), (std::vector<std::string>{"น้", "ำ"}));
}

TEST(BuildClustersTest, SplitSaraAmIsOneCharacter) {
  // Fonts that draw ำ as NIKHAHIT + SARA AA map the zero-width first part
  // to "ำ" and the second to "า" (page 8 of sample 000, "ดำเนิน").
  std::vector<Glyph> glyphs = Glyphs({
      {"ด", 91.50, 213.6, 7.31},
      {"ำ", 98.80, 213.6, 0.00},
      {"า", 98.80, 213.6, 6.06},
      {"เ", 104.80, 213.6, 3.74},
  });
  std::vector<Cluster> clusters = BuildClusters(glyphs);
  EXPECT_EQ(Texts(clusters), (std::vector<std::string>{"ด", "ำ", "เ"}));
  // ... and the merged character keeps the advance of the visible part.
  EXPECT_DOUBLE_EQ(clusters[1].bbox.x1, 98.80 + 6.06);
}

TEST(BuildClustersTest, RealSaraAaIsKept) {
  // "ทำงาน": the า after ง is a letter of its own.
  std::vector<Glyph> glyphs = Glyphs({
      {"ท", 0, 50, 10},
      {"ำ", 10, 50, 0},
      {"า", 10, 50, 7},
      {"ง", 17, 50, 8},
      {"า", 25, 50, 7},
      {"น", 32, 50, 10},
  });
  EXPECT_EQ(Texts(BuildClusters(glyphs)),
            (std::vector<std::string>{"ท", "ำ", "ง", "า", "น"}));
}

TEST(BuildClustersTest, ActualTextOverMarkAndVowelWidensTheCluster) {
  // LibreOffice wraps the glyphs of ่ ํ า in /ActualText "่ำ": one glyph
  // that starts with a mark but advances the pen ("สม่ำเสมอ", sample 000).
  std::vector<Glyph> glyphs = Glyphs({
      {"ส", 0, 50, 9},
      {"ม", 9, 50, 9.6},
      {"่ำ", 18.6, 50, 7.6},
      {"เ", 26.2, 50, 4.9},
  });
  std::vector<Cluster> clusters = BuildClusters(glyphs);
  EXPECT_EQ(Texts(clusters), (std::vector<std::string>{"ส", "ม่ำ", "เ"}));
  EXPECT_DOUBLE_EQ(clusters[1].bbox.x1, 26.2);
}

TEST(BuildClustersTest, StackedMarksInLogicalOrder) {
  // Tone mark emitted before the vowel above: NFC leaves Thai marks of
  // class 0 alone, so "ที่" must come out vowel first.
  std::vector<Glyph> glyphs = Glyphs({
      {"ท", 0, 50, 10},
      {"่", 10, 50, 0},
      {"ี", 10, 50, 0},
  });
  EXPECT_EQ(Texts(BuildClusters(glyphs)), (std::vector<std::string>{"ที่"}));
}

TEST(BuildClustersTest, MarkOnAnotherLineStandsAlone) {
  // A mark far from any base (a stray glyph) is kept, not glued to a base
  // on another line.
  std::vector<Glyph> glyphs = Glyphs({
      {"ก", 0, 50, 10},
      {"่", 300, 200, 0},
  });
  EXPECT_EQ(Texts(BuildClusters(glyphs)), (std::vector<std::string>{"ก", "่"}));
}

TEST(BuildClustersTest, EmptyGlyphsAreDropped) {
  std::vector<Glyph> glyphs = Glyphs({{"", 0, 50, 10}, {"ก", 10, 50, 10}});
  EXPECT_EQ(Texts(BuildClusters(glyphs)), (std::vector<std::string>{"ก"}));
  EXPECT_TRUE(BuildClusters({}).empty());
}

TEST(IsCombiningMarkTest, ThaiMarksOnly) {
  for (char32_t c : {U'\u0E31', U'\u0E34', U'\u0E38', U'\u0E47', U'\u0E48',
                     U'\u0E4C', U'\u0E4D', U'\u0301'}) {
    EXPECT_TRUE(IsCombiningMark(c)) << static_cast<int>(c);
  }
  for (char32_t c : {U'\u0E01', U'\u0E32', U'\u0E33', U'\u0E40', U'\u0E46',
                     U'\u0E51', U'a'}) {
    EXPECT_FALSE(IsCombiningMark(c)) << static_cast<int>(c);
  }
}

}  // namespace
}  // namespace raingan::layout
