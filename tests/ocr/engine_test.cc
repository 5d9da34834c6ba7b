#include "ocr/engine.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "base/file.h"
#include "image/preprocess.h"
#include "image/text_rows.h"
#include "testing/run_cli.h"

namespace raingan::ocr {
namespace {

std::string LineText(const std::vector<OcrLine>& lines) {
  std::string out;
  for (const OcrLine& l : lines) {
    for (const OcrWord& w : l.words) {
      if (!out.empty() && w.space_before) out += ' ';
      out += w.text;
    }
  }
  return out;
}

TEST(EngineTest, ReadsRowsOfARealHeaderCell) {
  // The owner header of a scanned table, "ผู้รับผิด / ชอบ" in bold: each
  // row found by FindTextRows and read as one line.
  Result<std::string> bytes =
      ReadFile(testing::TestDataPath("ocr/owner_header.png"));
  ASSERT_TRUE(bytes.ok());
  Result<image::PreparedPage> page =
      image::PreparePage(*image::Image::Decode(*bytes));
  ASSERT_TRUE(page.ok());
  Result<std::vector<image::TextRow>> rows =
      image::FindTextRows(page->binary, {12, 0, 70, 84});
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);

  Result<Engine> engine = Engine::Create({});
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  ASSERT_TRUE(engine->SetPage(page->gray).ok());
  const double k = 300 / 72.0;
  const char* expected[] = {"ผู้รับผิด", "ชอบ"};
  for (size_t i = 0; i < rows->size(); ++i) {
    const BBox& b = (*rows)[i].box;
    PixelBox region{
        static_cast<int>((b.x0 - 2) * k), static_cast<int>((b.y0 - 2) * k),
        static_cast<int>((b.x1 + 2) * k), static_cast<int>((b.y1 + 2) * k)};
    Result<std::vector<OcrLine>> lines =
        engine->Recognize(region, Segmentation::kLine);
    ASSERT_TRUE(lines.ok());
    ASSERT_EQ(lines->size(), 1u);
    EXPECT_EQ(LineText(*lines), expected[i]);
    for (const OcrWord& w : (*lines)[0].words) {
      EXPECT_GT(w.confidence, 0.5) << w.text;
      EXPECT_LE(w.confidence, 1.0);
      // Word boxes are in the page's pixels, inside the region.
      EXPECT_GE(w.box.x0, region.x0 - 1);
      EXPECT_LE(w.box.x1, region.x1 + 1);
    }
  }
  // A blank or degenerate region reads nothing, without error.
  EXPECT_TRUE(engine->Recognize({0, 0, 3, 3}, Segmentation::kBlock)->empty());
  EXPECT_TRUE(
      engine->Recognize({-50, -50, -10, -10}, Segmentation::kLine)->empty());
}

TEST(EngineTest, OneThreadPerEngine) {
  ASSERT_TRUE(Engine::Create({}).ok());
  const char* limit = std::getenv("OMP_THREAD_LIMIT");
  ASSERT_NE(limit, nullptr);
  EXPECT_STREQ(limit, "1");
}

TEST(EngineTest, ErrorsSayWhatIsMissing) {
  EngineOptions no_language;
  no_language.languages = "zzz";
  Result<Engine> a = Engine::Create(no_language);
  ASSERT_FALSE(a.ok());
  EXPECT_NE(a.status().message().find("apt-get install"), std::string::npos);

  EngineOptions no_words;
  no_words.user_words_file = "/nonexistent/ocr_words.txt";
  Result<Engine> b = Engine::Create(no_words);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().code(), Status::Code::kNotFound);

  Result<Engine> c = Engine::Create({});
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->Recognize({0, 0, 10, 10}, Segmentation::kLine).ok());
  EXPECT_FALSE(c->SetPage(image::Image()).ok());
}

}  // namespace
}  // namespace raingan::ocr
