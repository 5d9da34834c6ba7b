// OCR of the PDF pages that have no text layer, through the PDF backend:
// a mixed PDF (page 1 born-digital, page 2 a scan) comes out as one
// document, and the options --no-ocr / --force-ocr do what they say.
#include "backends/pdf/ocr_fallback.h"

#include <gtest/gtest.h>

#include <string>

#include "backends/backend.h"
#include "base/file.h"
#include "testing/run_cli.h"
#include "testing/stages.h"

namespace raingan {
namespace {

Document ReadMixed(const BackendOptions& options) {
  const std::string path = testing::TestDataPath("ocr/mixed_born_scan.pdf");
  Result<std::string> bytes = ReadFile(path);
  EXPECT_TRUE(bytes.ok());
  Document doc;
  Status s = testing::ReadWithBackend(&NewPdfBackend, *bytes, options, &doc);
  EXPECT_TRUE(s.ok()) << s.ToString();
  return doc;
}

BackendOptions Options() {
  BackendOptions o;
  o.jobs = 2;
  return o;
}

std::string AllText(const Page& page) {
  std::string s;
  for (const Block& b : page.blocks) s += b.text.text + "\n";
  return s;
}

int Tables(const Page& page, int columns) {
  int n = 0;
  for (const Block& b : page.blocks) {
    n += b.type == BlockType::kTable && b.table.columns == columns;
  }
  return n;
}

TEST(PdfPagesOcrTest, MixedPdfReadsBornAndScannedPages) {
  Document doc = ReadMixed(Options());
  ASSERT_EQ(doc.pages.size(), 2u);
  const Page& born = doc.pages[0];
  const Page& scan = doc.pages[1];
  EXPECT_FALSE(born.ocr);
  EXPECT_FALSE(born.quality.needs_ocr);
  EXPECT_NE(AllText(born).find("พระราชบัญญัติการจัดซื้อจัดจ้าง"), std::string::npos);
  EXPECT_TRUE(scan.ocr);
  EXPECT_TRUE(scan.quality.needs_ocr);
  // The scanned measure table (a 100-dpi scan here) is found by the same
  // grid code and filled by OCR.
  EXPECT_EQ(Tables(scan, 6), 1);
  EXPECT_NEAR(scan.width, 595.4, 1.0);
}

TEST(PdfPagesOcrTest, NoOcrWarnsAndLeavesThePageEmpty) {
  BackendOptions o = Options();
  o.allow_ocr = false;
  Document doc = ReadMixed(o);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_FALSE(doc.pages[1].ocr);
  EXPECT_TRUE(doc.pages[1].blocks.empty());
  bool warned = false;
  for (const std::string& w : doc.warnings()) {
    warned = warned || (w.find("page 2 was not read") != std::string::npos &&
                        w.find("--no-ocr") != std::string::npos);
  }
  EXPECT_TRUE(warned);
  EXPECT_TRUE(doc.HasIssue("page_not_read"));
}

TEST(PdfPagesOcrTest, ForceOcrReadsEveryPage) {
  BackendOptions o = Options();
  o.force_ocr = true;
  Document doc = ReadMixed(o);
  ASSERT_EQ(doc.pages.size(), 2u);
  EXPECT_TRUE(doc.pages[0].ocr);
  EXPECT_TRUE(doc.pages[1].ocr);
  // OCR of the rendered born page reads the same words.
  EXPECT_NE(AllText(doc.pages[0]).find("จัดซื้อจัดจ้าง"), std::string::npos);
}

TEST(PdfPagesOcrTest, MissingLanguageDataIsAWarning) {
  // The born page is still worth having when Tesseract cannot start.
  const std::string path = testing::TestDataPath("ocr/mixed_born_scan.pdf");
  Result<std::string> bytes = ReadFile(path);
  ASSERT_TRUE(bytes.ok());
  Document doc;
  doc.pages.resize(1);
  doc.pages[0].number = 2;
  doc.pages[0].quality.needs_ocr = true;
  BackendOptions o = Options();
  ocr::ScanOptions scan;  // no word lists, no shapes
  scan.jobs = o.jobs;
  const std::string no_tessdata = testing::MakeTempDir();
  ::setenv("TESSDATA_PREFIX", no_tessdata.c_str(), 1);
  Status s = pdf_backend::ReadPdfPagesNeedingOcr(*bytes, o, scan, &doc);
  ::unsetenv("TESSDATA_PREFIX");
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_FALSE(doc.pages[0].ocr);
  ASSERT_EQ(doc.warnings().size(), 1u);
  EXPECT_NE(doc.warnings()[0].find("page 2 was not read"), std::string::npos);
  ASSERT_EQ(doc.issues.size(), 1u);
  EXPECT_EQ(doc.issues[0].code, "page_not_read");
  EXPECT_EQ(doc.issues[0].page, 2);
}

}  // namespace
}  // namespace raingan
