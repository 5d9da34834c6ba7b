#include "ocr/digit_shapes.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "base/file.h"
#include "base/utf8.h"
#include "ocr/digit_repair.h"
#include "testing/run_cli.h"

namespace raingan::ocr {
namespace {

DigitShapes Shipped() {
  Result<DigitShapes> shapes =
      DigitShapes::Load(testing::SourcePath("models/ocr_digit_shapes.tsv"));
  EXPECT_TRUE(shapes.ok()) << shapes.status().ToString();
  return shapes.ok() ? std::move(shapes).value() : DigitShapes();
}

TEST(DigitShapesTest, ShippedTemplatesCoverEveryDigit) {
  DigitShapes shapes = Shipped();
  std::u32string seen;
  for (const ShapeTemplate& t : shapes.templates()) {
    seen.push_back(t.character);
    // Each template is recognized as itself, clearly.
    DigitMatch m = shapes.Classify(t.shape);
    EXPECT_EQ(m.digit, t.character);
    EXPECT_GT(m.score, 0.99);
    // ... by more than the margin the digit repair asks of a glyph: with
    // eight fonts some digits of one come within 0.07-0.1 of another
    // digit of another font (never closer).
    EXPECT_GT(m.margin, DigitRepairOptions().min_margin)
        << utf8::Encode(t.character) << " " << t.font;
  }
  for (char32_t d = U'๐'; d <= U'๙'; ++d) {
    EXPECT_NE(seen.find(d), std::u32string::npos) << utf8::Encode(d);
  }
}

TEST(DigitShapesTest, LearnedFromAnotherReportMatchTheShippedOnes) {
  // The templates were learned from sample 004; the born pages of sample
  // 000 (the same government font) give digits they recognize.
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("pdf/000_p7-9.pdf"));
  ASSERT_TRUE(bytes.ok());
  Result<pdf::PdfDocument> pdf = pdf::PdfDocument::Open(*bytes);
  ASSERT_TRUE(pdf.ok());
  Result<std::vector<ShapeTemplate>> learned =
      LearnDigitShapes(*pdf, "Laksaman");
  ASSERT_TRUE(learned.ok()) << learned.status().ToString();
  ASSERT_GE(learned->size(), 5u);  // ๐ ๑ ๒ ๓ ๕ ๖ ๗ ๘ occur on these pages
  DigitShapes shapes = Shipped();
  for (const ShapeTemplate& t : *learned) {
    DigitMatch m = shapes.Classify(t.shape);
    EXPECT_EQ(m.digit, t.character) << utf8::Encode(t.character);
    EXPECT_GT(m.score, 0.8) << utf8::Encode(t.character);
  }
}

TEST(DigitShapesTest, FormatAndLoadRoundTrip) {
  DigitShapes shapes = Shipped();
  ASSERT_FALSE(shapes.empty());
  std::string path = testing::MakeTempDir() + "/shapes.tsv";
  {
    std::ofstream out(path);
    out << "# comment\n";
    for (const ShapeTemplate& t : shapes.templates()) {
      out << DigitShapes::FormatLine(t) << "\n";
    }
  }
  Result<DigitShapes> again = DigitShapes::Load(path);
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  ASSERT_EQ(again->templates().size(), shapes.templates().size());
  for (size_t i = 0; i < shapes.templates().size(); ++i) {
    const ShapeTemplate& a = shapes.templates()[i];
    const ShapeTemplate& b = again->templates()[i];
    EXPECT_EQ(a.character, b.character);
    EXPECT_EQ(a.font, b.font);
    EXPECT_NEAR(a.shape.aspect, b.shape.aspect, 1e-3);
    for (size_t k = 0; k < a.shape.ink.size(); ++k) {
      EXPECT_NEAR(a.shape.ink[k], b.shape.ink[k], 1e-6);
    }
  }
}

TEST(DigitShapesTest, BadLinesNameFileAndLine) {
  const std::string grid(256, '0');
  struct Case {
    std::string line;
    const char* complaint;
  } cases[] = {
      {"6\tFont\t1.0\t" + grid, "Thai digit"},
      {"๖๗\tFont\t1.0\t" + grid, "Thai digit"},
      {"๖\tFont\twide\t" + grid, "aspect"},
      {"๖\tFont\t-1\t" + grid, "aspect"},
      {"๖\tFont\t1.0\t" + grid.substr(1), "256"},
      {"๖\tFont\t1.0\t" + grid.substr(1) + "g", "0-9 and a-f"},
      {"๖\tFont\t1.0", "4 tab-separated"},
  };
  const std::string dir = testing::MakeTempDir();
  for (const Case& c : cases) {
    std::string path = dir + "/bad.tsv";
    std::ofstream(path) << "# header\n" << c.line << "\n";
    Result<DigitShapes> r = DigitShapes::Load(path);
    ASSERT_FALSE(r.ok()) << c.line;
    EXPECT_NE(r.status().message().find(":2"), std::string::npos)
        << r.status().message();
    EXPECT_NE(r.status().message().find(c.complaint), std::string::npos)
        << r.status().message();
  }
  EXPECT_FALSE(DigitShapes::Load(dir + "/missing.tsv").ok());
}

TEST(DigitShapesTest, NoTemplatesNoDigit) {
  EXPECT_EQ(DigitShapes().Classify({}).digit, 0u);
}

}  // namespace
}  // namespace raingan::ocr
