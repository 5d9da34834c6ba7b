#include "textnorm/normalizer.h"

#include <dirent.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "base/file.h"
#include "base/utf8.h"
#include "textnorm/legacy_font_encoder.h"
#include "textnorm/text_stats.h"

namespace raingan::textnorm {
namespace {

const Normalizer& Norm() {
  static const Normalizer* n = [] {
    Result<Normalizer> r = Normalizer::Load(RAINGAN_SOURCE_MODELS_DIR);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new Normalizer(r.ok() ? std::move(r).value()
                                 : Normalizer(CharMap()));
  }();
  return *n;
}

struct Case {
  const char* in;
  const char* want;
};

void CheckAll(const std::vector<Case>& cases) {
  for (const Case& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(Norm().Normalize(c.in), c.want);
  }
}

// Words of the samples as PDF text layers with TH Sarabun-style fonts
// extract them (Windows PUA layout).
TEST(NormalizerTest, RepairsWindowsPuaGlyphs) {
  CheckAll({
      {"ป\uF706องกัน", "ป้องกัน"},    // MAI THO down-left on ป
      {"ผ\u0E39\uF70B", "ผู้"},      // MAI THO down
      {"ฝ\uF705าย", "ฝ่าย"},        // MAI EK down-left
      {"ประจำป\uF702", "ประจำปี"},  // SARA II left
      {"ป\uF701\uF713น", "ปิ่น"},    // SARA I left, MAI EK left
      {"ต\uF70Aอต\uF70Aาน", "ต่อต่าน"},
      {"ให\uF70B", "ให้"},
      {"ส\uF70Bม", "ส้ม"},
      {"ป\uF710\uF714น", "ปั้น"},  // MAI HAN-AKAT left
      {"ฟ\uF712น", "ฟ็น"},        // MAITAIKHU left
      {"ป\uF711\uF714า", "ป้ำ"},  // NIKHAHIT left + split SARA AM
      {"\uF70Fาณ", "ญาณ"},       // YO YING without descender
      {"\uF700\u0E38", "ฐุ"},     // THO THAN without descender
      {"ฏ\uF718", "ฏุ"},          // SARA U down
      {"ฎ\uF719", "ฎู"},          // SARA UU down
      {"ป\uF709", "ป์"},          // THANTHAKHAT down-left
      {"สิทธ\uF70E", "สิทธ์"},      // THANTHAKHAT down
      {"ก\uF71A", "กฺ"},          // PHINTHU down
  });
}

TEST(NormalizerTest, RepairsMacPuaGlyphs) {
  CheckAll({
      {"ป\uF88Fองกัน", "ป้องกัน"},
      {"ผ\u0E39\uF88E", "ผู้"},
      {"ฝ\uF88Cาย", "ฝ่าย"},
      {"ป\uF886", "ปี"},
      {"ป\uF884\uF88Dน", "ปั้น"},
      {"ป\uF899\uF88Dา", "ป้ำ"},
      {"\uF89Aาณ", "ญาณ"},
      {"\uF89E\u0E38", "ฐุ"},
      {"ฏ\uF89B", "ฏุ"},
  });
}

// Tesseract's tha model and legacy fonts write ำ as NIKHAHIT + SARA AA,
// with a tone mark between or before. Strings from the OCR of the scans.
TEST(NormalizerTest, RepairsSplitSaraAm) {
  CheckAll({
      {"ดําเนินการ", "ดำเนินการ"},
      {"ได้กําหนดมาตรการ", "ได้กำหนดมาตรการ"},
      {"ประจําปีงบประมาณ", "ประจำปีงบประมาณ"},
      {"มีสํานักปลัด", "มีสำนักปลัด"},
      {"องค์การบริหารส่วนตําบลยางราก", "องค์การบริหารส่วนตำบลยางราก"},
      {"น\u0E4D\u0E49\u0E32", "น้ำ"},  // ํ ้ า (legacy-font order)
      {"น\u0E49\u0E4D\u0E32", "น้ำ"},  // ้ ํ า
      {"ค\u0E48\u0E4D\u0E32", "ค่ำ"},
      {"ค\u0E32\u0E4D", "คำ"},  // ํ after า
      {"\u0E4D\u0E32", "ำ"},    // no consonant in front
      {"ทํา ทํา", "ทำ ทำ"},
  });
}

// pdftotext -raw of the born PDFs inserts spaces inside syllables.
TEST(NormalizerTest, DropsSpacesThatCannotBeWordBoundaries) {
  CheckAll({
      {"ข้าราชการการเมืองฝ่ าย", "ข้าราชการการเมืองฝ่าย"},
      {"ฝ่ ายสภาท้องถิ่น และฝ่ าย", "ฝ่ายสภาท้องถิ่น และฝ่าย"},
      {"เผยแพร่ผลคะแนนดัชนีการรับร ู้การทุจริต", "เผยแพร่ผลคะแนนดัชนีการรับรู้การทุจริต"},
      {"โดยไม่ฝักใฝ่ ฝ่ ายใด", "โดยไม่ฝักใฝ่ ฝ่ายใด"},
      {"งบประม\nาณ ๒๕๖๘", "งบประมาณ ๒๕๖๘"},  // broken at a line end
      {"ห น ่ว ย", "ห น่ว ย"},                 // mark after a space
      {"ร ัฐ", "รัฐ"},
      {"เ พื่อ", "เพื่อ"},  // leading vowel and consonant
      {"ที ่", "ที่"},      // tone after a vowel mark
      {"ค ํา", "คำ"},
  });
}

// Lines of the born PDF of sample 004 set with Thai distributed
// justification, as pdftotext -raw extracts them.
TEST(NormalizerTest, JoinsLetterSpacedLines) {
  CheckAll({
      {"ง า น ข อ ง ห น ่ว ย ง า น ภ า ค ร ัฐ (Integrity and Transparency",
       "งานของหน่วยงานภาครัฐ (Integrity and Transparency"},
      {"อ ง ค ์ก า ร บ ร ิห า ร ส ่ว น ต ำ บ ล เ ข ็ก น ้อ ย",
       "องค์การบริหารส่วนตำบลเข็กน้อย"},
      {"ป ร ะ ม ว ล จ ร ิย ธ ร ร ม ข อ ง อ ง ค ์ก า ร บ ร ิห า ร ส ่ว น",
       "ประมวลจริยธรรมขององค์การบริหารส่วน"},
      {"อ ง ค ์ก ร เ พ ื่อ ค ว า ม โ ป ร ่ง ใ ส น า น า ช า ต ิ (Transparency",
       "องค์กรเพื่อความโปร่งใสนานาชาติ (Transparency"},
      // A whole word among the letters ("ปรุง") ends the run.
      {"๒ ) พ ัฒ น า ป ร ับ ปรุง ข ั้น ต อ น ช ่อ ง ท า ง ก า ร ร ้อ ง เ ร ีย น",
       "๒ ) พัฒนาปรับ ปรุง ขั้นตอนช่องทางการร้องเรียน"},
      // Single letters that are not in a run of five stay apart.
      {"ปี ๒๕๖๖ ปี ๒๕๖๗ ปี ๒๕๖๘ ปี ๒๕๖๙ ปี ๒๕๗๐",
       "ปี ๒๕๖๖ ปี ๒๕๖๗ ปี ๒๕๖๘ ปี ๒๕๖๙ ปี ๒๕๗๐"},
      {"ข้อ ก ข ค และ ง", "ข้อ ก ข ค และ ง"},
  });
}

TEST(NormalizerTest, KeepsRealWordBoundaries) {
  CheckAll({
      {"ช่องทางต่าง ๆ ของหน่วยงาน", "ช่องทางต่าง ๆ ของหน่วยงาน"},  // ไม้ยมก
      {"ต่างๆ", "ต่างๆ"},
      {"นาย ก อบต. เป็นประธาน", "นาย ก อบต. เป็นประธาน"},
      {"ที่ ลป ๘๐๑๐๔ / ๑๓๑", "ที่ ลป ๘๐๑๐๔ / ๑๓๑"},
      {"(Integrity and Transparency Assessment : ITA)",
       "(Integrity and Transparency Assessment : ITA)"},
      {"ปี ๒๕๖๗ และ ๒๕๗๐", "ปี ๒๕๖๗ และ ๒๕๗๐"},
      {"ITA า", "ITA า"},  // nothing Thai to attach to
  });
}

TEST(NormalizerTest, ReordersMarks) {
  CheckAll({
      {"ท\u0E48\u0E35", "ที่"},  // tone before vowel mark
      {"ก\u0E49\u0E31น", "กั้น"},
      {"ก\u0E49\u0E38ง", "กุ้ง"},
      {"ทา\u0E48น", "ท่าน"},            // tone after SARA AA
      {"จ\u0E30\u0E4A", "จ๊ะ"},         // tone after SARA A
      {"ที\u0E48\u0E48", "ที่"},          // doubled tone
      {"\u0E48กอน", "ก่อน"},            // mark before its consonant
      {"เ\u0E49กา", "เก้า"},            // ... after a leading vowel
      {"ข้อ ๑ \u0E48กอน", "ข้อ ๑ ก่อน"},  // after a space, no host before
      {"คือ \u0E49ก", "คือ้ก"},           // a host before the space wins
  });
}

TEST(NormalizerTest, CleansInvisibleAndSpaceCharacters) {
  CheckAll({
      {"องค์การ\u00ADบริหาร", "องค์การบริหาร"},  // soft hyphen
      {"ส่วน\u200Bตำบล\u200Cยาง\u200Dราก\u2060", "ส่วนตำบลยางราก"},
      {"\uFEFFบันทึกข้อความ", "บันทึกข้อความ"},   // BOM
      {"ประจำปี\u00A0๒๕๖๘", "ประจำปี ๒๕๖๘"},  // NBSP
      {"ประจำปี\u2003\u202F๒๕๖๘", "ประจำปี ๒๕๖๘"},
      {"  ผู้รับผิดชอบ \t สำนักปลัด  ", "ผู้รับผิดชอบ สำนักปลัด"},
      {"ก\x01ข\x7F", "ก ข"},  // controls
      {"", ""},
      {" \t\n ", ""},
  });
}

TEST(NormalizerTest, NfcOnlyNeverCompatibility) {
  CheckAll({
      {"e\u0301", "\u00E9"},   // composed
      {"\uFB01", "\uFB01"},    // ﬁ ligature kept (NFKC would split it)
      {"\u2460", "\u2460"},    // ① kept
      {"ตำบล", "ตำบล"},        // ำ kept (NFKC would split it)
      {"๑๒๓ 123", "๑๒๓ 123"},  // digits never folded
  });
}

TEST(NormalizerTest, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(Norm().Normalize("ab\xFF"
                             "cd"),
            "ab\uFFFD"
            "cd");
  EXPECT_EQ(Norm().Normalize("\xE0\xB8"), "\uFFFD\uFFFD");  // truncated ก
  EXPECT_TRUE(utf8::IsValid(Norm().Normalize("\xC0\xAF\xED\xA0\x80")));
}

TEST(NormalizerTest, KeepLinesPreservesLineStructure) {
  EXPECT_EQ(Norm().NormalizeKeepLines(
                "บรรทัด ๑\r\n  บรรทัด  ๒  \n\nดําเนินการ\rท้าย\u2028"),
            "บรรทัด ๑\nบรรทัด ๒\n\nดำเนินการ\nท้าย\n");
  // A syllable broken over two lines stays on two lines: line numbers are
  // provenance.
  EXPECT_EQ(Norm().NormalizeKeepLines("งบประม\nาณ"), "งบประม\nาณ");
  EXPECT_EQ(Norm().Normalize("บรรทัด ๑\nบรรทัด ๒"), "บรรทัด ๑ บรรทัด ๒");
}

// Includes inputs libFuzzer found (tests/fuzz/normalizer_fuzz.cc).
TEST(NormalizerTest, IsIdempotent) {
  for (const char* s :
       {"ดําเนินการ", "ฝ่ าย", "ป\uF711\uF714า", "ท\u0E48\u0E35", "ห น ่ว ย",
        "\u0E48กอน", "ใ \u0E31ต", "\u0E32\u0613\u0E38", "ก\u0E38\u0E3A",
        "\u0E49ก\u0C4D", "บ\x01\u0617\u0E38"}) {
    std::string once = Norm().Normalize(s);
    EXPECT_EQ(Norm().Normalize(once), once) << s;
  }
}

// --- Whole samples ---------------------------------------------------------

std::vector<std::string> ListFiles(const std::string& dir,
                                   const std::string& suffix) {
  std::vector<std::string> out;
  if (DIR* d = opendir(dir.c_str())) {
    while (dirent* e = readdir(d)) {
      std::string name = e->d_name;
      if (name.size() > suffix.size() &&
          name.compare(name.size() - suffix.size(), suffix.size(), suffix) ==
              0) {
        out.push_back(dir + "/" + name);
      }
    }
    closedir(d);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> Lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    lines.push_back(text.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// Sample text exports, pdftotext -raw dumps of the born PDFs and Tesseract
// output of scanned pages (tests/data/textnorm/README.md).
std::vector<std::string> SampleFiles() {
  std::vector<std::string> files =
      ListFiles(std::string(RAINGAN_SOURCE_DIR) + "/samples", ".txt");
  for (const std::string& f :
       ListFiles(std::string(RAINGAN_TEST_DATA_DIR) + "/textnorm", ".txt")) {
    files.push_back(f);
  }
  return files;
}

TEST(NormalizerTest, NoSampleLineKeepsPuaOrSplitSaraAm) {
  std::vector<std::string> files = SampleFiles();
  ASSERT_GE(files.size(), 10u);
  int split_before = 0, lines = 0;
  for (const std::string& path : files) {
    Result<std::string> text = ReadFile(path);
    ASSERT_TRUE(text.ok()) << text.status().ToString();
    for (const std::string& line : Lines(*text)) {
      ++lines;
      split_before += CountTextIssues(line).split_sara_am;
      std::string out = Norm().Normalize(line);
      TextStats st = CountTextIssues(out);
      ASSERT_EQ(st.pua, 0) << path << ": " << out;
      ASSERT_EQ(st.split_sara_am, 0) << path << ": " << out;
      ASSERT_TRUE(utf8::IsValid(out));
    }
  }
  EXPECT_GT(lines, 10000);
  // The OCR pages really contain the defect this test guards against.
  EXPECT_GT(split_before, 30);
}

// Every sample line, written the way a legacy-font PDF extracts it (PUA
// glyphs, decomposed and reordered SARA AM), normalizes to the same text as
// the original line.
TEST(NormalizerTest, UndoesLegacyFontEncodingOfEverySampleLine) {
  using testing::EncodeLikeLegacyFont;
  using testing::PuaLayout;
  int pua_lines = 0;
  for (const std::string& path : SampleFiles()) {
    Result<std::string> text = ReadFile(path);
    ASSERT_TRUE(text.ok());
    for (const std::string& line : Lines(*text)) {
      std::string want = Norm().Normalize(line);
      for (PuaLayout layout : {PuaLayout::kWindows, PuaLayout::kMac}) {
        std::string encoded =
            utf8::FromU32(EncodeLikeLegacyFont(utf8::ToU32(line), layout));
        if (CountTextIssues(encoded).pua > 0) ++pua_lines;
        ASSERT_EQ(Norm().Normalize(encoded), want) << path << ": " << line;
      }
    }
  }
  EXPECT_GT(pua_lines, 1000);
}

TEST(NormalizerTest, LoadNamesTheBadLine) {
  std::string path = ::testing::TempDir() + "/pua.tsv";
  ASSERT_TRUE(WriteFileAtomic(path, "# ok\nF700\t0E10\nF7ZZ\t0E34\n").ok());
  Result<Normalizer> n = Normalizer::Load(::testing::TempDir());
  ASSERT_FALSE(n.ok());
  EXPECT_NE(n.status().message().find("pua.tsv:3"), std::string::npos)
      << n.status().message();
  EXPECT_FALSE(Normalizer::Load("/nonexistent").ok());
}

TEST(NormalizerTest, UsesTheTableItIsGiven) {
  CharMap map;
  map.Set(0xF8FF, U"\u0E01\u0E02");  // one PUA glyph for two letters
  Normalizer n(std::move(map));
  EXPECT_EQ(n.Normalize("\uF8FF"), "กข");
  EXPECT_EQ(n.Normalize("\uF705"), "\uF705");  // not in this table
}

TEST(FoldDigitsTest, BothDirections) {
  EXPECT_EQ(FoldDigitsToArabic("ที่ ลป ๘๐๑๐๔ / ๑๓๑"), "ที่ ลป 80104 / 131");
  EXPECT_EQ(FoldDigitsToArabic("๐๑๒๓๔๕๖๗๘๙"), "0123456789");
  EXPECT_EQ(FoldDigitsToArabic("O๑-O๔๓ 2568"), "O1-O43 2568");
  EXPECT_EQ(FoldDigitsToArabic("bad \xE0\xB9"), "bad \xE0\xB9");
  EXPECT_EQ(FoldDigitsToThai("พ.ศ. 2568"), "พ.ศ. ๒๕๖๘");
  EXPECT_EQ(FoldDigitsToThai("0123456789"), "๐๑๒๓๔๕๖๗๘๙");
  EXPECT_EQ(FoldDigitsToThai(FoldDigitsToArabic("๑.๒.๓")), "๑.๒.๓");
}

}  // namespace
}  // namespace raingan::textnorm
