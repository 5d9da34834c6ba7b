#include "ocr/word_corrector.h"

#include <gtest/gtest.h>

#include "base/utf8.h"
#include "testing/run_cli.h"

namespace raingan::ocr {
namespace {

WordCorrector Shipped() {
  Result<WordCorrector> c = WordCorrector::Load(testing::SourcePath("models"));
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c).value();
}

// Confidence per code point: `sure` everywhere except the code points of
// `unsure` (a substring of `text`), which get 0.5.
std::vector<double> Confidences(const std::u32string& text,
                                const std::u32string& unsure, double sure) {
  std::vector<double> c(text.size(), sure);
  size_t at = unsure.empty() ? std::u32string::npos : text.find(unsure);
  if (at != std::u32string::npos) {
    for (size_t i = at; i < at + unsure.size(); ++i) c[i] = 0.5;
  }
  return c;
}

// One word as the engine returns it; `space` = a blank before it.
OcrWord Word(const char* text, double confidence, bool space) {
  OcrWord w;
  w.text = text;
  w.confidence = confidence;
  w.space_before = space;
  w.box = {0, 0, 10, 10};
  return w;
}

TEST(WordCorrectorTest, FixesUnsureMisreadsOfReportWords) {
  // Real misreads from the scanned samples, with the part Tesseract was
  // unsure of.
  struct Case {
    const char* ocr;
    const char* unsure;
    const char* want;
  } cases[] = {
      {"ประจำปิงบประมาณ", "ปิ", "ประจำปีงบประมาณ"},  // ิ for ี
      {"ความโปร่งไส", "ไส", "ความโปร่งใส"},         // ไ for ใ
      {"กองสาธารณสุข และสิ่งแวดลัอม", "ลัอ", "กองสาธารณสุข และสิ่งแวดล้อม"},
      {"ได้ดำเบินการ", "เบิ", "ได้ดำเนินการ"},  // บ for น
      {"หนวยงาน", "หนว", "หน่วยงาน"},       // a lost tone mark
      {"ผู้รับผิดขอบ", "ขอ", "ผู้รับผิดชอบ"},      // ข for ช
  };
  WordCorrector c = Shipped();
  for (const Case& k : cases) {
    std::u32string text = utf8::ToU32(k.ocr);
    int n = 0;
    std::u32string out =
        c.CorrectText(text, Confidences(text, utf8::ToU32(k.unsure), 0.95), &n);
    EXPECT_EQ(utf8::FromU32(out), k.want) << k.ocr;
    EXPECT_GE(n, 1) << k.ocr;
  }
}

TEST(WordCorrectorTest, LeavesConfidentAndUnknownTextAlone) {
  struct Case {
    const char* ocr;
    const char* unsure;
    const char* why;
  } cases[] = {
      {"ประจำปิงบประมาณ", "", "Tesseract was sure"},
      {"ปีงบประม", "ปีงบประม", "wrapped: the rest is on the next line"},
      {"พ.ศ์.", "ศ์", "abbreviations (พ.ค.) are not terms"},
      {"อบรม.", "อบรม", "not a lexicon word, kept as printed"},
      {"สำนักปลัด", "สำนักปลัด", "already right"},
      {"๒๕๖๘", "๒๕๖๘", "numbers are not words"},
  };
  WordCorrector c = Shipped();
  for (const Case& k : cases) {
    std::u32string text = utf8::ToU32(k.ocr);
    int n = 0;
    std::u32string out =
        c.CorrectText(text, Confidences(text, utf8::ToU32(k.unsure), 0.95), &n);
    EXPECT_EQ(utf8::FromU32(out), k.ocr) << k.why;
    EXPECT_EQ(n, 0) << k.why;
  }
}

TEST(WordCorrectorTest, CorrectsWordsOfALine) {
  // Tesseract's syllable "words" with SARA AM split (ํ + า), as the engine
  // returns them; the blank separates two tokens.
  std::vector<OcrWord> words = {
      Word("ประจ", 0.93, false),     Word("ํ", 0.93, false),
      Word("า", 0.93, false),        Word("ปิ", 0.41, false),
      Word("งบประมาณ", 0.93, false), Word("พ.ศ.", 0.95, true)};
  WordCorrector c = Shipped();
  EXPECT_EQ(c.Correct(&words), 1);
  ASSERT_EQ(words.size(), 2u);
  EXPECT_EQ(words[0].text, "ประจำปีงบประมาณ");
  // The merged word keeps the token's (doubtful) confidence.
  EXPECT_LT(words[0].confidence, 0.93);
  EXPECT_EQ(words[1].text, "พ.ศ.");
  EXPECT_TRUE(words[1].space_before);
}

// A blank OCR put inside a header word (the borderless 300-dpi scan of a
// Garuda form): the two tokens are one word again, and the tail alone is
// not "corrected" into another header word two letters away.
TEST(WordCorrectorTest, ABlankInsideAKnownWordJoinsItsTwoTokens) {
  std::vector<OcrWord> words = {Word("ขั้นต", 0.6, false),
                                Word("อนการดําเนินงาน", 0.6, true),
                                Word("ผู้รับผิดชอบ", 0.95, true)};
  WordCorrector c = Shipped();
  c.Correct(&words);
  std::string line;
  for (const OcrWord& w : words) line += (w.space_before ? " " : "") + w.text;
  EXPECT_EQ(line, "ขั้นตอนการดําเนินงาน ผู้รับผิดชอบ");
  // Two words that only together look like a term stay apart when the
  // blank is real: no term spans "สำนักปลัด" | "กองคลัง".
  std::vector<OcrWord> units = {Word("สำนักปลัด", 0.95, false),
                                Word("กองคลัง", 0.95, true)};
  c.Correct(&units);
  ASSERT_EQ(units.size(), 2u);
  EXPECT_TRUE(units[1].space_before);
}

TEST(WordCorrectorTest, LexiconComesFromModels) {
  WordCorrector c = Shipped();
  EXPECT_GT(c.size(), 100u);  // ocr_words.txt + months + headers
  Result<WordCorrector> missing = WordCorrector::Load("/nonexistent");
  EXPECT_FALSE(missing.ok());
}

}  // namespace
}  // namespace raingan::ocr
