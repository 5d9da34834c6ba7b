// ReadImage: scanned pages stored as PNG, JPEG or (multi-page) TIFF.
#include <gtest/gtest.h>

#include <string>

#include "backends/backend.h"
#include "base/file.h"
#include "testing/run_cli.h"
#include "testing/stages.h"

namespace raingan {
namespace {

BackendOptions Options() {
  BackendOptions o;
  o.jobs = 2;
  return o;
}

Status ReadImage(const std::string& /*name*/, std::string_view bytes,
                 const BackendOptions& options, Document* doc) {
  return testing::ReadWithBackend(&NewImageBackend, bytes, options, doc);
}

Result<Document> Read(const std::string& name, const BackendOptions& o) {
  Result<std::string> bytes = ReadFile(testing::TestDataPath("ocr/" + name));
  if (!bytes.ok()) return bytes.status();
  Document doc;
  Status s = ReadImage(name, *bytes, o, &doc);
  if (!s.ok()) return s;
  return doc;
}

std::string AllText(const Page& page) {
  std::string s;
  for (const Block& b : page.blocks) s += b.text.text + "\n";
  return s;
}

TEST(ReadImageTest, PngAndJpegScans) {
  // The period cell of a scanned table, as a PNG and as a JPEG.
  for (const char* name : {"period_cell.png", "period_cell.jpg"}) {
    Result<Document> doc = Read(name, Options());
    ASSERT_TRUE(doc.ok()) << name << ": " << doc.status().ToString();
    EXPECT_EQ(doc->source.format, SourceFormat::kImage);
    EXPECT_EQ(doc->source.pages, 1);
    ASSERT_EQ(doc->pages.size(), 1u);
    const Page& page = doc->pages[0];
    EXPECT_TRUE(page.ocr);
    EXPECT_EQ(page.number, 1);
    // 275 x 354 pixels at 300 dpi.
    EXPECT_NEAR(page.width, 66, 0.5) << name;
    EXPECT_NE(AllText(page).find("ตุลาคม"), std::string::npos) << name;
  }
}

TEST(ReadImageTest, MultiPageTiffWithUnreadablePages) {
  // Page 1 a scan, page 2 blank, page 3 pure noise: the document is read,
  // the bad pages give warnings and no text.
  Result<Document> doc = Read("scan_pages.tif", Options());
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->source.pages, 3);
  ASSERT_EQ(doc->pages.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(doc->pages[i].number, i + 1);
  EXPECT_NE(AllText(doc->pages[0]).find("กันยายน"), std::string::npos);
  EXPECT_TRUE(doc->pages[1].blocks.empty());
  EXPECT_TRUE(doc->pages[2].blocks.empty());
  bool blank = false, noise = false;
  for (const std::string& w : doc->warnings()) {
    blank = blank || w.rfind("page 2: blank page", 0) == 0;
    noise = noise || w.rfind("page 3: ", 0) == 0;
  }
  EXPECT_TRUE(blank);
  EXPECT_TRUE(noise);
  EXPECT_TRUE(doc->HasIssue("blank_page"));
}

TEST(ReadImageTest, NoOcrKeepsThePagesAndWarns) {
  BackendOptions o = Options();
  o.allow_ocr = false;
  Result<Document> doc = Read("scan_pages.tif", o);
  ASSERT_TRUE(doc.ok());
  ASSERT_EQ(doc->pages.size(), 3u);
  for (const Page& p : doc->pages) EXPECT_TRUE(p.blocks.empty());
  ASSERT_EQ(doc->warnings().size(), 1u);
  EXPECT_NE(doc->warnings()[0].find("--no-ocr"), std::string::npos);
  ASSERT_EQ(doc->issues.size(), 1u);
  EXPECT_EQ(doc->issues[0].code, "page_not_read");
  EXPECT_EQ(doc->issues[0].stage, "image");
}

TEST(ReadImageTest, NotAnImageIsBadInput) {
  Document doc;
  Status s =
      ReadImage("x.png", "\x89PNG\r\n\x1a\n but then nothing", Options(), &doc);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), Status::Code::kBadInput);
  EXPECT_FALSE(ReadImage("x.tif", "II*\0\x08", Options(), &doc).ok());
}

}  // namespace
}  // namespace raingan
