#include "ocr/page_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "base/file.h"
#include "image/lines.h"
#include "image/preprocess.h"
#include "pdf/pdf_document.h"
#include "testing/run_cli.h"
#include "textnorm/normalizer.h"

namespace raingan::ocr {
namespace {

class PageReaderTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const std::string models = testing::SourcePath("models");
    digits_ =
        new DigitShapes(*DigitShapes::Load(models + "/ocr_digit_shapes.tsv"));
    months_ = new dates::PeriodLexicon(*dates::PeriodLexicon::Load(models));
    words_ = new WordCorrector(*WordCorrector::Load(models));
    norm_ = new textnorm::Normalizer(*textnorm::Normalizer::Load(models));
  }
  static void TearDownTestSuite() {
    delete digits_;
    delete months_;
    delete words_;
    delete norm_;
  }
  void SetUp() override {
    Result<Engine> e = Engine::Create({});
    ASSERT_TRUE(e.ok()) << e.status().ToString();
    engine_ = std::make_unique<Engine>(std::move(e).value());
  }
  OcrModels Models() const {
    OcrModels m;
    m.digits = digits_;
    m.months = months_;
    m.words = words_;
    return m;
  }
  std::string Text(const Cell& cell) const {
    return norm_->Normalize(cell.Text());
  }

  static DigitShapes* digits_;
  static dates::PeriodLexicon* months_;
  static WordCorrector* words_;
  static textnorm::Normalizer* norm_;
  std::unique_ptr<Engine> engine_;
};
DigitShapes* PageReaderTest::digits_ = nullptr;
dates::PeriodLexicon* PageReaderTest::months_ = nullptr;
WordCorrector* PageReaderTest::words_ = nullptr;
textnorm::Normalizer* PageReaderTest::norm_ = nullptr;

image::Image Gray(int width, int height, const std::vector<uint8_t>& px) {
  return std::move(
             image::Image::FromGray8(px.data(), width, height, width, 300))
      .value();
}

// Page 8 of sample 000 as printed and scanned (tests/data/ocr), at 300 dpi.
Result<image::Image> ScannedTablePage() {
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("ocr/000_p8-9.scan.pdf"));
  if (!bytes.ok()) return bytes.status();
  Result<pdf::PdfDocument> pdf = pdf::PdfDocument::Open(*bytes);
  if (!pdf.ok()) return pdf.status();
  return pdf->Render(1, 300);
}

TEST_F(PageReaderTest, ScannedTableLandsInItsCells) {
  // Page 8 of sample 000 as printed and scanned (300 dpi, rotated 1.3°):
  // a six-column measure table, period before owner.
  Result<image::Image> scan = ScannedTablePage();
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();

  Result<ReadPage> read = ReadScannedPage(engine_.get(), *scan, 8, Models());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  const Page& page = read->page;
  EXPECT_TRUE(page.ocr);
  EXPECT_EQ(page.number, 8);
  EXPECT_NEAR(page.width, 595.4, 0.5);
  EXPECT_NEAR(std::abs(read->skew_degrees), 1.3, 0.3);

  const Table* table = nullptr;
  for (const Block& b : page.blocks) {
    if (b.type == BlockType::kTable) {
      ASSERT_EQ(table, nullptr) << "one table on this page";
      table = &b.table;
    }
    if (b.type == BlockType::kParagraph) {
      EXPECT_GT(b.text.confidence, 0) << b.text.text;
      EXPECT_LE(b.text.confidence, 1) << b.text.text;
      EXPECT_EQ(b.text.prov.page, 8);
    }
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->columns, 6);
  ASSERT_EQ(table->rows.size(), 2u);
  const std::vector<Cell>& header = table->rows[0].cells;
  EXPECT_EQ(Text(header[2]), "ช่วงระยะเวลาในการดำเนินการ");
  EXPECT_EQ(Text(header[3]), "ผู้รับผิดชอบ");
  EXPECT_EQ(Text(header[4]), "ผลการดำเนินการ (output)");
  const std::vector<Cell>& row = table->rows[1].cells;
  EXPECT_EQ(Text(row[0]), "๑.๑ จัดทำคู่มือการปฏิบัติงานและมาตรฐานการให้บริการ");
  EXPECT_EQ(Text(row[2]), "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘");
  EXPECT_EQ(Text(row[3]), "ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก");
  for (const Cell& cell : row) {
    ASSERT_FALSE(cell.paragraphs.empty());
    EXPECT_GT(cell.Confidence(), 0.5);
    EXPECT_LE(cell.Confidence(), 1.0);
  }
  // The method cell keeps its numbered steps in one paragraph per line
  // group, in reading order.
  EXPECT_EQ(Text(row[1]).rfind("๑. จัดทำคู่มือ", 0), 0u) << Text(row[1]);
}

TEST_F(PageReaderTest, AHairlineBetweenRowsStillSplitsThem) {
  // The same scanned page with the rule under the header repainted light
  // gray, as the thinnest border of a Word or LibreOffice table scans
  // (170-190 where text is 0-150): too faint to be ink, it is still the
  // only thing that ends the header row.
  Result<image::Image> rendered = ScannedTablePage();
  ASSERT_TRUE(rendered.ok()) << rendered.status().ToString();
  image::Image scan =
      std::move(image::Image::Adopt(pixConvertTo8(rendered->pix(), 0)));
  ASSERT_FALSE(scan.empty());

  Result<ReadPage> before = ReadScannedPage(engine_.get(), scan, 8, Models());
  ASSERT_TRUE(before.ok());
  const Table* table = nullptr;
  for (const Block& b : before->page.blocks) {
    if (b.type == BlockType::kTable) table = &b.table;
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 2u);
  const double rule_y = table->rows[0].prov.bbox.y1;

  // The rule on the crooked scan: the found line at that height, followed
  // along its slant (whichever way it runs), its pixels repainted light.
  Result<image::Image> binary = image::Binarize(scan, 128);
  ASSERT_TRUE(binary.ok());
  Result<std::vector<layout::Segment>> raw = image::DetectRulings(*binary);
  ASSERT_TRUE(raw.ok());
  const layout::Segment* rule = nullptr;
  for (const layout::Segment& seg : *raw) {
    if (seg.y0 == seg.y1 && std::abs(seg.y0 - rule_y) < 3) rule = &seg;
  }
  ASSERT_NE(rule, nullptr);
  Pix* pix = scan.pix();
  const double ppp = scan.points_per_pixel();
  const int x0 = static_cast<int>(rule->x0 / ppp);
  const int x1 = static_cast<int>(rule->x1 / ppp);
  const double xc = (x0 + x1) / 2.0, yc = rule->y0 / ppp;
  const double slope = std::tan(std::abs(before->skew_degrees) * M_PI / 180);
  auto dark_along = [&](double sign, int reach, bool repaint) {
    int n = 0;
    for (int x = x0; x <= x1; ++x) {
      int y = static_cast<int>(std::lround(yc + sign * slope * (x - xc)));
      for (int dy = -reach; dy <= reach; ++dy) {
        l_uint32 v = 255;
        if (pixGetPixel(pix, x, y + dy, &v) != 0 || v >= 160) continue;
        ++n;
        if (repaint) pixSetPixel(pix, x, y + dy, 185);
      }
    }
    return n;
  };
  const double sign =
      dark_along(1, 1, false) > dark_along(-1, 1, false) ? 1 : -1;
  int lightened = dark_along(sign, 3, true);
  ASSERT_GT(lightened, (x1 - x0) * 2);  // the rule is about 3 px thick

  Result<ReadPage> after = ReadScannedPage(engine_.get(), scan, 8, Models());
  ASSERT_TRUE(after.ok());
  table = nullptr;
  for (const Block& b : after->page.blocks) {
    if (b.type == BlockType::kTable) table = &b.table;
  }
  ASSERT_NE(table, nullptr);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(Text(table->rows[0].cells[3]), "ผู้รับผิดชอบ");
  EXPECT_EQ(Text(table->rows[1].cells[3]),
            "ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก");
}

// The header and first group row of a borderless table (form 011 printed
// in Garuda 11 and scanned at 300 dpi): "มาตรการ" has no mark above or
// below its consonants, so its ink block is exactly as tall as its
// letters; read without the blank around it, Tesseract made it "WG) วิโว้",
// and "มิติที่ ๑" "JAN o".
// A row of the Norasi 16 print of sample 002 (tests/data/ocr/README.md):
// its owner column is one letter wide, so "สำนักปลัด" wraps after every
// letter ("ส|ำ|นั|ก|ป|ลั|ด"). Read line by line, a lone letter has no
// context and OCR made Latin letters of it ("สา u กป a ด"); laid side by
// side, the rows read as the word they are.
TEST_F(PageReaderTest, ACellOneLetterWideIsReadAsOneLine) {
  using ::testing::AnyOf;
  using ::testing::Eq;
  using ::testing::Not;
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("ocr/002_norasi16_narrow_owner.png"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<image::Image> scan = image::Image::Decode(*bytes);
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  for (bool side_by_side : {true, false}) {
    SCOPED_TRACE(side_by_side ? "rows side by side" : "row by row");
    PageReadOptions options;
    if (!side_by_side) options.letter_wrap_width = 0;
    Result<ReadPage> read =
        ReadScannedPage(engine_.get(), *scan, 4, Models(), options);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    const Table* table = nullptr;
    for (const Block& b : read->page.blocks) {
      if (b.type == BlockType::kTable) table = &b.table;
    }
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->columns, 6);
    ASSERT_EQ(table->rows.size(), 1u);
    const std::vector<Cell>& row = table->rows[0].cells;
    std::string owner = Text(row[2]);
    // The ring of "ำ", printed before the first letter of its line, falls
    // on the cell's border and goes with it: "สานักปลัด" is what the cell
    // shows.
    if (side_by_side) {
      EXPECT_THAT(owner, AnyOf(Eq("สำนักปลัด"), Eq("สานักปลัด")));
    } else {
      EXPECT_THAT(owner, Not(AnyOf(Eq("สำนักปลัด"), Eq("สานักปลัด"))));
    }
    // A wide cell of the same row is read line by line either way.
    EXPECT_EQ(row[3].paragraphs.size(), 1u);
    EXPECT_NE(Text(row[3]).find("๒๕๖๘"), std::string::npos);
  }
}

// The same row with its rulings painted out (a table without borders):
// the owner column is a strip of the ink block, not a ruled cell, and its
// letters, one or two a line, are still read side by side.
TEST_F(PageReaderTest, AColumnOneLetterWideWithoutRulesIsReadSideBySide) {
  Result<std::string> bytes = ReadFile(
      testing::TestDataPath("ocr/002_norasi16_narrow_owner.unruled.png"));
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<image::Image> scan = image::Image::Decode(*bytes);
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  // The owner column's text, in points (x 1110..1190 px at 300 dpi).
  const double owner_x0 = 265, owner_x1 = 287;
  std::vector<size_t> counts;
  for (bool side_by_side : {true, false}) {
    SCOPED_TRACE(side_by_side ? "rows side by side" : "row by row");
    PageReadOptions options;
    if (!side_by_side) options.letter_wrap_width = 0;
    Result<ReadPage> read =
        RecognizeScannedPage(engine_.get(), *scan, 4, Models(), options);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_TRUE(read->grids.empty());
    std::vector<std::string> owner;
    for (const RecognizedLine& l : read->lines) {
      const double cx = l.line.bbox.cx();
      if (cx > owner_x0 && cx < owner_x1) owner.push_back(l.line.text);
    }
    counts.push_back(owner.size());
    if (side_by_side) {
      // Method text runs to within 9 pt of the letters, and two rows where
      // it reaches further are read across the gap ("กรรมการ โดยมี ก"):
      // between them the letters are read side by side ("ส ำ นั" as one).
      ASSERT_FALSE(owner.empty());
      EXPECT_THAT(owner[0], ::testing::AnyOf(::testing::StartsWith("สาน"),
                                             ::testing::StartsWith("สำน")));
    }
  }
  ASSERT_EQ(counts.size(), 2u);
  EXPECT_LT(counts[0], counts[1]);
}

TEST_F(PageReaderTest, InkBlocksAreReadWithTheBlankAroundThem) {
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("ocr/011_garuda11_header.scan.png"));
  ASSERT_TRUE(bytes.ok());
  Result<image::Image> scan = image::Image::Decode(*bytes);
  ASSERT_TRUE(scan.ok()) << scan.status().ToString();
  Result<ReadPage> read =
      RecognizeScannedPage(engine_.get(), *scan, 1, Models());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  std::string text;
  for (const RecognizedLine& l : read->lines)
    text += norm_->Normalize(l.line.text) + "\n";
  EXPECT_NE(text.find("มาตรการ"), std::string::npos) << text;
  EXPECT_NE(text.find("มิติที"), std::string::npos) << text;
  EXPECT_NE(text.find("การสร้างวัฒนธรรม"), std::string::npos) << text;
}

// A borderless table page fed sideways (tests/data/ocr/README.md): the
// orientation detector is unsure of it and names the wrong quarter, so
// the turn is decided by reading a strip each way. Fed either way round
// it is turned upright and says so; upright, it is left as it is.
TEST_F(PageReaderTest, SidewaysPageIsTurnedTheRightQuarter) {
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("ocr/002_sawasdee_sideways.jpg"));
  ASSERT_TRUE(bytes.ok());
  Result<image::Image> side = image::Image::Decode(*bytes);
  ASSERT_TRUE(side.ok()) << side.status().ToString();
  struct Fed {
    int quarter_turns;  // applied to the fixture
    int turned;         // degrees the reader must turn it back
  };
  for (const Fed& fed : {Fed{0, 90}, Fed{2, 270}, Fed{1, 0}}) {
    SCOPED_TRACE("fed turned " + std::to_string(fed.quarter_turns * 90));
    Result<image::Image> scan = image::RotateQuarters(*side, fed.quarter_turns);
    ASSERT_TRUE(scan.ok());
    Result<ReadPage> read = ReadScannedPage(engine_.get(), *scan, 3, Models());
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->page.turned, fed.turned);
    bool said = false;
    for (const Issue& issue : read->issues) said |= issue.code == "page_turned";
    EXPECT_EQ(said, fed.turned != 0);
    // Upright, the table's header is read.
    std::string text;
    for (const Block& b : read->page.blocks) {
      if (b.type == BlockType::kParagraph) text += b.text.text;
      for (const TableRow& row : b.table.rows) {
        for (const Cell& cell : row.cells) text += cell.Text();
      }
    }
    EXPECT_THAT(norm_->Normalize(text), ::testing::HasSubstr("ผู้รับผิดชอบ"));
  }
}

TEST_F(PageReaderTest, BlankPageIsAWarningNotAFailure) {
  image::Image blank = Gray(1240, 1754, std::vector<uint8_t>(1240 * 1754, 250));
  Result<ReadPage> read = ReadScannedPage(engine_.get(), blank, 3, Models());
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->page.blocks.empty());
  ASSERT_EQ(read->issues.size(), 1u);
  EXPECT_EQ(read->issues[0].message.rfind("page 3: blank page", 0), 0u);
  EXPECT_EQ(read->issues[0].code, "blank_page");
  EXPECT_EQ(read->issues[0].page, 3);
}

TEST_F(PageReaderTest, NoisePageIsAWarningNotAFailure) {
  // Scanner noise all over: salt and pepper at 20%.
  std::mt19937 random(42);
  std::vector<uint8_t> px(1240 * 1754);
  for (uint8_t& p : px) p = random() % 5 == 0 ? 0 : 255;
  Result<ReadPage> read =
      ReadScannedPage(engine_.get(), Gray(1240, 1754, px), 4, Models());
  ASSERT_TRUE(read.ok()) << read.status().ToString();
  EXPECT_TRUE(read->page.blocks.empty());
  ASSERT_FALSE(read->issues.empty());
  EXPECT_EQ(read->issues[0].message.rfind("page 4: ", 0), 0u);
}

TEST_F(PageReaderTest, BadArguments) {
  image::Image blank = Gray(100, 100, std::vector<uint8_t>(100 * 100, 255));
  EXPECT_FALSE(ReadScannedPage(nullptr, blank, 1, Models()).ok());
  EXPECT_FALSE(
      ReadScannedPage(engine_.get(), image::Image(), 1, Models()).ok());
}

}  // namespace
}  // namespace raingan::ocr
