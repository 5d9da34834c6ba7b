#include "ocr/digit_repair.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "base/file.h"
#include "image/preprocess.h"
#include "image/text_rows.h"
#include "testing/run_cli.h"
#include "textnorm/normalizer.h"

namespace raingan::ocr {
namespace {

// One scanned fixture, its rows and what Tesseract reads on each.
struct ReadCell {
  image::PreparedPage page;
  std::vector<image::TextRow> rows;
  std::vector<std::vector<OcrWord>> words;  // per row
};

ReadCell Read(const std::string& name, const BBox& region) {
  ReadCell cell;
  Result<std::string> bytes = ReadFile(testing::TestDataPath("ocr/" + name));
  EXPECT_TRUE(bytes.ok());
  cell.page =
      std::move(image::PreparePage(*image::Image::Decode(*bytes))).value();
  cell.rows = *image::FindTextRows(cell.page.binary, region);
  Result<Engine> engine = Engine::Create({});
  EXPECT_TRUE(engine.ok());
  EXPECT_TRUE(engine->SetPage(cell.page.gray).ok());
  const double k = 300 / 72.0;
  for (const image::TextRow& row : cell.rows) {
    const BBox& b = row.box;
    PixelBox px{
        static_cast<int>((b.x0 - 2) * k), static_cast<int>((b.y0 - 2) * k),
        static_cast<int>((b.x1 + 2) * k), static_cast<int>((b.y1 + 2) * k)};
    Result<std::vector<OcrLine>> lines =
        engine->Recognize(px, Segmentation::kLine);
    EXPECT_TRUE(lines.ok());
    cell.words.push_back(lines->empty() ? std::vector<OcrWord>{}
                                        : (*lines)[0].words);
  }
  return cell;
}

std::string Text(const std::vector<OcrWord>& words) {
  std::string s;
  for (const OcrWord& w : words) {
    if (!s.empty() && w.space_before) s += ' ';
    s += w.text;
  }
  return s;
}

class DigitRepairTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<DigitShapes> shapes =
        DigitShapes::Load(testing::SourcePath("models/ocr_digit_shapes.tsv"));
    ASSERT_TRUE(shapes.ok());
    shapes_ = std::move(shapes).value();
    Result<dates::PeriodLexicon> months =
        dates::PeriodLexicon::Load(testing::SourcePath("models"));
    ASSERT_TRUE(months.ok());
    months_ = std::move(months).value();
  }
  DigitShapes shapes_;
  dates::PeriodLexicon months_;
};

TEST_F(DigitRepairTest, PeriodCellOfAScannedTable) {
  // "๑ ตุลาคม / ๖๗- ๓๐ / กันยายน / ๖๘" in TH Sarabun: Tesseract reads the
  // years as letters, English or the wrong digits; the cell must parse as
  // 1 Oct 2567 .. 30 Sep 2568.
  ReadCell cell = Read("period_cell.png", {6, 0, 66, 85});
  ASSERT_EQ(cell.rows.size(), 4u);
  Result<textnorm::Normalizer> norm =
      textnorm::Normalizer::Load(testing::SourcePath("models"));
  ASSERT_TRUE(norm.ok());
  std::vector<std::string> before, after;
  for (size_t i = 0; i < cell.rows.size(); ++i) {
    LineNeighbours around;
    if (i > 0) around.before = Text(cell.words[i - 1]);
    if (i + 1 < cell.rows.size()) around.after = Text(cell.words[i + 1]);
    before.push_back(Text(cell.words[i]));
    std::vector<OcrWord> words = cell.words[i];
    RepairDigits(cell.page.binary, cell.rows[i], shapes_, &months_, around, {},
                 &words);
    after.push_back(norm->Normalize(Text(words)));
  }
  EXPECT_EQ(after[0], "๑ ตุลาคม");
  EXPECT_EQ(after[1], "๖๗- ๓๐") << "Tesseract read: " << before[1];
  EXPECT_EQ(after[2], "กันยายน");
  EXPECT_NE(before[1], after[1]);  // the repair is what fixed it
}

TEST_F(DigitRepairTest, LettersAreNeverTurnedIntoDigits) {
  // Claim that the letters "ชอบ" were read as the digits "๒๕": their
  // shapes are no digits, so nothing changes.
  ReadCell cell = Read("owner_header.png", {12, 0, 70, 84});
  ASSERT_EQ(cell.rows.size(), 2u);
  std::vector<OcrWord> words = cell.words[1];
  ASSERT_FALSE(words.empty());
  OcrWord fake = words.front();
  fake.text = "๒๕";
  for (const OcrWord& w : words) {
    fake.box.x0 = std::min(fake.box.x0, w.box.x0);
    fake.box.x1 = std::max(fake.box.x1, w.box.x1);
  }
  std::vector<OcrWord> claimed = {fake};
  EXPECT_EQ(RepairDigits(cell.page.binary, cell.rows[1], shapes_, &months_, {},
                         {}, &claimed),
            0);
  EXPECT_EQ(claimed[0].text, "๒๕");
  // Latin letters next to a month are candidates too, but not these.
  fake.text = "co";
  claimed = {fake};
  EXPECT_EQ(RepairDigits(cell.page.binary, cell.rows[1], shapes_, &months_,
                         {"ตุลาคม", ""}, {}, &claimed),
            0);
}

TEST_F(DigitRepairTest, NothingToDoWithoutTemplates) {
  ReadCell cell = Read("period_cell.png", {6, 0, 66, 85});
  ASSERT_FALSE(cell.rows.empty());
  std::vector<OcrWord> words = cell.words[1];
  std::vector<OcrWord> copy = words;
  EXPECT_EQ(RepairDigits(cell.page.binary, cell.rows[1], DigitShapes(),
                         &months_, {}, {}, &words),
            0);
  EXPECT_EQ(Text(words), Text(copy));
}

}  // namespace
}  // namespace raingan::ocr
