#include "ocr/recognized_line.h"

#include <gtest/gtest.h>

namespace raingan::ocr {
namespace {

OcrWord Word(const char* text, int x0, int x1, double confidence,
             bool space_before) {
  OcrWord w;
  w.text = text;
  w.box = {x0, 1000, x1, 1040};
  w.confidence = confidence;
  w.space_before = space_before;
  return w;
}

OcrLine Line(std::vector<OcrWord> words, double x_height) {
  OcrLine l;
  l.words = std::move(words);
  l.box = {0, 990, 2000, 1050};
  l.baseline = 1032;
  l.x_height = x_height;
  return l;
}

TEST(RecognizedLineTest, ThaiWordsJoinWithoutSpaces) {
  // Tesseract's Thai "words" are syllables; blanks only where the image
  // has them: "ทุกกองงานภายใน โดย".
  std::vector<RecognizedLine> lines =
      ToRecognizedLines({Line({Word("ทุก", 100, 160, 0.97, false),
                               Word("กอง", 160, 220, 0.93, false),
                               Word("งาน", 220, 280, 0.96, false),
                               Word("ภายใน", 280, 380, 0.95, false),
                               Word("โดย", 420, 480, 0.90, true)},
                              31)},
                        72.0 / 300);
  ASSERT_EQ(lines.size(), 1u);
  const RecognizedLine& l = lines[0];
  EXPECT_EQ(l.line.text, "ทุกกองงานภายใน โดย");
  // Points: pixels * 72 / 300.
  EXPECT_NEAR(l.line.bbox.x0, 24, 0.01);
  EXPECT_NEAR(l.line.bbox.x1, 115.2, 0.01);
  EXPECT_NEAR(l.line.baseline, 1032 * 0.24, 0.01);
  EXPECT_NEAR(l.x_height, 31 * 0.24, 0.01);
}

TEST(RecognizedLineTest, ConfidenceWeighsLongWordsMore) {
  RecognizedLine l;
  l.words = {Word("ก", 0, 1, 0.2, false), Word("ขขขขขขขขข", 1, 2, 1.0, false)};
  EXPECT_NEAR(l.Confidence(), (0.2 + 9 * 1.0) / 10, 1e-9);
  EXPECT_EQ(RecognizedLine().Confidence(), 0);
}

TEST(RecognizedLineTest, FontSizesAndBoxesLikeATextLayer) {
  // Three body lines (x-height about 7.5 pt), one of Thai digits (shorter
  // glyphs, same type size) and a title line a third larger.
  std::vector<RecognizedLine> lines(5);
  const double x_heights[] = {7.5, 7.7, 7.4, 5.8, 10.2};
  for (size_t i = 0; i < lines.size(); ++i) {
    lines[i].x_height = x_heights[i];
    lines[i].line.baseline = 100 + 20 * i;
    lines[i].line.bbox = {50, 90 + 20.0 * i, 200, 104 + 20.0 * i};
  }
  LineOptions options;
  AssignFontSizes(&lines, options);
  const double body = 7.5 * options.font_per_x_height;
  for (int i : {0, 1, 2, 3}) EXPECT_NEAR(lines[i].line.font_size, body, 1e-9);
  EXPECT_NEAR(lines[4].line.font_size, 10.2 * options.font_per_x_height, 1e-9);
  // The box depends on the baseline and size only, not on the marks.
  for (const RecognizedLine& l : lines) {
    EXPECT_NEAR(l.line.bbox.y0,
                l.line.baseline - options.ascent * l.line.font_size, 1e-9);
    EXPECT_NEAR(l.line.bbox.y1,
                l.line.baseline + options.descent * l.line.font_size, 1e-9);
  }
  EXPECT_EQ(LayoutLines(lines).size(), 5u);
}

}  // namespace
}  // namespace raingan::ocr
