#include "lexicon/header_roles.h"

#include <gtest/gtest.h>

namespace raingan {
namespace {

struct HeaderCase {
  std::string text;
  ColumnRole role;
};

// Readable test names in ctest and failure messages.
void PrintTo(const HeaderCase& c, std::ostream* os) { *os << c.text; }

class HeaderRolesTest : public ::testing::TestWithParam<HeaderCase> {
 protected:
  static const HeaderLexicon& Lexicon() {
    static const HeaderLexicon lex = [] {
      Result<HeaderLexicon> r =
          HeaderLexicon::Load(RAINGAN_SOURCE_DIR "/models");
      EXPECT_TRUE(r.ok()) << r.status().ToString();
      return *r;
    }();
    return lex;
  }
};

TEST_P(HeaderRolesTest, ClassifiesRealHeaderWording) {
  EXPECT_EQ(ColumnRoleName(Lexicon().Classify(GetParam().text)),
            ColumnRoleName(GetParam().role))
      << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    SampleHeaders, HeaderRolesTest,
    ::testing::Values(
        HeaderCase{"มาตรการ/โครงการ/กิจกรรม ที่ดำเนินการ", ColumnRole::kMeasure},
        HeaderCase{"มาตรการ/โครงการ/ กิจกรรมที่ดำเนินการ", ColumnRole::kMeasure},
        HeaderCase{"มาตรการ โครงการ หรือกิจกรรมที่ ดำเนินการเพื่อส่งเสริมคุณธรรมและ "
                   "ความโปร่งใสภายในหน่วยงาน",
                   ColumnRole::kMeasure},
        HeaderCase{"ขั้นตอน/วิธีการปฏิบัติ", ColumnRole::kMethod},
        HeaderCase{"ขั้นตอนหรือวิธีการปฏิบัติ", ColumnRole::kMethod},
        HeaderCase{"ช่วงระยะเวลาในการดำเนินการ", ColumnRole::kPeriod},
        HeaderCase{"ช่วงระยะเวลา ในการ ดำเนินการ", ColumnRole::kPeriod},
        HeaderCase{"ผู้รับผิดชอบ", ColumnRole::kOwner},
        HeaderCase{"ผู้รับผิด ชอบ", ColumnRole::kOwner},
        HeaderCase{"ผลการดำเนินการ (output)", ColumnRole::kOutput},
        HeaderCase{"ผลการดำเนินการ (Output)", ColumnRole::kOutput},
        HeaderCase{"ผลลัพธ์/ผลฤทธิ์ในการ ดำเนินงาน (outcome/result)",
                   ColumnRole::kOutcome},
        HeaderCase{"ผลลัพธ์หรือผลสัมฤทธิ์ในการดำเนินการ (outcome/result)",
                   ColumnRole::kOutcome},
        HeaderCase{"ข้อเสนอแนะ", ColumnRole::kRecommendation},
        // Wordings of other administrations' report forms.
        HeaderCase{"หน่วยงานที่ดำเนินการ", ColumnRole::kOwner},
        HeaderCase{"ส่วนราชการที่รับผิดชอบ", ColumnRole::kOwner},
        HeaderCase{"วัน/เดือน/ปี ที่ดำเนินการ", ColumnRole::kPeriod},
        HeaderCase{"ผลการปฏิบัติงาน", ColumnRole::kOutput},
        HeaderCase{"ผลที่ได้", ColumnRole::kOutcome},
        HeaderCase{"ผลสำเร็จของการดำเนินการ", ColumnRole::kOutcome},
        HeaderCase{"แนวทางการดำเนินการ", ColumnRole::kMethod},
        HeaderCase{"ผลการดำเนินงาน", ColumnRole::kOutput},
        HeaderCase{"มาตรการควบคุม", ColumnRole::kControl},
        HeaderCase{"ประเด็นความเสี่ยง", ColumnRole::kRisk},
        HeaderCase{"Risk Score", ColumnRole::kRiskScore},
        HeaderCase{"ปี ๒๕๖๖", ColumnRole::kYear},
        HeaderCase{"งบประมาณ (บาท)", ColumnRole::kBudget},
        HeaderCase{"ภารกิจตามมิติ", ColumnRole::kMission},
        HeaderCase{"หมายเหตุ", ColumnRole::kRemark},
        // OCR slips in scanned headers.
        HeaderCase{"ช่วงระยะเวสาในการดำเนินการ", ColumnRole::kPeriod},
        HeaderCase{"ผู้รับผิดขอบ", ColumnRole::kOwner},
        HeaderCase{"ขั้นตอน/วิธีการปฎิบัติ", ColumnRole::kMethod},
        // SARA AM as NIKHAHIT + SARA AA, with the English label misread
        // (a noisy 200-dpi copy).
        HeaderCase{"ผลการ ด\u0e4d\u0e32เนิน การ (0นเอน)", ColumnRole::kOutput},
        // Long data cells are never matched approximately.
        HeaderCase{"จัดอบรมเชิงปฏิบัติการให้ความรู้เรื่องผลประโยชน์ทับซ้อน "
                   "และจรรยาบรรณข้าราชการท้องถิ่นแก่พนักงานทุกคนในสังกัดเป็นประจำทุกปี",
                   ColumnRole::kNone},
        HeaderCase{"ชื่อผู้รายงาน", ColumnRole::kNone},
        HeaderCase{"", ColumnRole::kNone}));

}  // namespace
}  // namespace raingan
