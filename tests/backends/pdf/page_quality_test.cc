#include "backends/pdf/page_quality.h"

#include <gtest/gtest.h>

#include <string>

namespace raingan::pdf_backend {
namespace {

TEST(AssessTextLayerTest, GoodThaiText) {
  TextLayerQuality q = AssessTextLayer("ตรวจสอบตนเองของเจ้าหน้าที่รัฐ", 0);
  EXPECT_FALSE(q.needs_ocr);
  EXPECT_EQ(q.chars, 29);
  EXPECT_EQ(q.replacement, 0);
}

TEST(AssessTextLayerTest, ScannedPagesNeedOcr) {
  TextLayerQuality image_only = AssessTextLayer("", 1.0);
  EXPECT_TRUE(image_only.needs_ocr);
  EXPECT_NE(image_only.reason.find("no text layer"), std::string::npos);
  // A scan with a stamped file name or page number is still a scan.
  TextLayerQuality stamped = AssessTextLayer("scan_0008.jpg", 0.95);
  EXPECT_TRUE(stamped.needs_ocr);
  EXPECT_NE(stamped.reason.find("95%"), std::string::npos);
  // A blank page, or a page with a logo and real text, is not.
  EXPECT_FALSE(AssessTextLayer("", 0).needs_ocr);
  EXPECT_FALSE(
      AssessTextLayer("องค์การบริหารส่วนตำบลยางราก อำเภอโคกเจริญ", 0.4).needs_ocr);
}

TEST(AssessTextLayerTest, UndecodableGlyphsNeedOcr) {
  // Glyphs without a Unicode mapping come out as U+FFFD.
  std::string text;
  for (int i = 0; i < 20; ++i) text += "\xEF\xBF\xBD";
  text += "กขค";
  TextLayerQuality q = AssessTextLayer(text, 0);
  EXPECT_TRUE(q.needs_ocr);
  EXPECT_EQ(q.replacement, 20);
  EXPECT_NE(q.reason.find("no Unicode mapping"), std::string::npos);
  // A stray one in a long page is tolerated.
  std::string mostly_good(300, 'a');
  mostly_good += "\xEF\xBF\xBD";
  EXPECT_FALSE(AssessTextLayer(mostly_good, 0).needs_ocr);
}

TEST(AssessTextLayerTest, RepairableDefectsAreCountedNotRouted) {
  // PUA glyphs of legacy Thai fonts and a split SARA AM are repaired by
  // the normalize stage; they are counted for the report only.
  TextLayerQuality q =
      AssessTextLayer("ก\xEF\x9C\x81น ทํา ส\xEF\x9C\x82", 0);  // U+F701, U+F702
  EXPECT_FALSE(q.needs_ocr);
  EXPECT_EQ(q.pua, 2);
  EXPECT_EQ(q.split_sara_am, 1);
}

TEST(AssessTextLayerTest, LegacyEncodedThaiNeedsOcr) {
  // TIS-620 bytes shown through a Latin-1 font: "ÃÒÂ§Ò¹¼Å¡ÒÃ" is
  // "รายงานผลการ".
  TextLayerQuality q = AssessTextLayer("ÃÒÂ§Ò¹¼Å¡ÒÃ´Óà¹Ô¹§Ò¹", 0);
  EXPECT_TRUE(q.needs_ocr);
  EXPECT_NE(q.reason.find("legacy"), std::string::npos);
  EXPECT_FALSE(
      AssessTextLayer("Integrity and Transparency Assessment", 0).needs_ocr);
}

}  // namespace
}  // namespace raingan::pdf_backend
