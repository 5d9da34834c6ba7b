// OCR noise in Thai text, table-driven: lines as raingan read them from the
// shared scans (noise) and as the reports print them (none).
#include "stages/review/ocr_noise.h"

#include <gtest/gtest.h>

#include "testing/stages.h"

namespace raingan {
namespace {

struct NoiseCase {
  const char* text;
  const char* found;  // nullptr = no noise
};

const NoiseCase kCases[] = {
    // Read so from the scans (scan300, bilevel, photo, scan200).
    {"มาตรการเผยแพร่ข้อมูลทางการคลังและ as เสริมการมีส่วนร่วมของประชาชน",
     "\"as\" between Thai words"},
    {"จัดประชุมเตรียมความพร้อมเข้ารับการประเมิน ITA naw ศึกษาและวิเคราะห์",
     "\"naw\" between Thai words"},
    {"ตลอดปีงบประมาณ. ๒๕๖๘", "a full stop after ตลอดปีงบประมาณ"},
    {"มกราคม -กันยายน. ๒๕๖๘", "a full stop after กันยายน"},
    {"สำนักปลัด .กองคลังกองช่างกองสาธารณสุขและสิ่งแวดล้อม",
     "a full stop before a Thai word"},
    // As printed.
    {"ติดตั้งกล่องรับฟังความคิดเห็น ณ จุดบริการประชาชนของ อบต.ยางราก", nullptr},
    {"แผนการจัดซื้อจัดจ้างประจำปีงบประมาณพ.ศ.๒๕๖๘", nullptr},
    {"ม.ค. - มี.ค. ๒๕๖๘ เวลา ๑๐.๓๐ น.", nullptr},
    {"ปรับปรุงจุด One Stop Service ให้ทันสมัย", nullptr},
    {"ทั้งเว็บไซต์, Facebook และ Line Official Account", nullptr},
    {"เผยแพร่บนเว็บไซต์ www.yangrak.go.th และระบบ e-Service", nullptr},
    {"เผยแพร่ครบ 100% (O27) ๑. จัดประชุม", nullptr},
    {"แนวปฏิบัติ “DOS & DON’TS”. ฝึกอบรม", nullptr},
};

TEST(OcrNoiseTest, FindsWhatOcrLeavesAndPrintDoesNot) {
  const ThaiDictionary& dict = testing::TestModel<ThaiDictionary>();
  for (const NoiseCase& c : kCases) {
    SCOPED_TRACE(c.text);
    std::optional<std::string> got = FindOcrNoise(c.text, dict);
    if (c.found == nullptr) {
      EXPECT_FALSE(got.has_value()) << *got;
    } else {
      ASSERT_TRUE(got.has_value());
      EXPECT_EQ(*got, c.found);
    }
  }
}

}  // namespace
}  // namespace raingan
