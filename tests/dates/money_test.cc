#include "dates/money.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace raingan::dates {
namespace {

struct Case {
  const char* text;
  std::optional<int64_t> want;
};

// Budget cells and sentences of sample 004 (the plan's budget table and
// the "๗. งบประมาณดำเนินการ" paragraph of its project sheets).
TEST(ParseBahtTest, RealBudgetCells) {
  const Case kCases[] = {
      {"๑๕,๐๐๐", 15000},
      {"๒๕,๐๐๐", 25000},
      {"๕,๐๐๐", 5000},
      {"-", 0},
      {"ไม่ใช่ งบประมาณ", 0},  // typo of ไม่ใช้ as printed in 004
      {"ไม่ใช้งบประมาณ", 0},
      {"ไม่ใช้ งบประมาณ", 0},
      {"ไม่ใช้งบประมาณดำเนินการ", 0},
      {"-ไม่ใช้งบประมาณ-", 0},
      {"จำนวน ๒๒๕,๐๐๐.- บาท", 225000},
      {"จำนวน ๕๐,๐๐๐.- บาท", 50000},
      {"๕,๐๐๐.- บาท", 5000},
      {"จำนวน ๕,๐๐๐ บาท", 5000},
      {"แผนงานบริหารงานทั่วไป งานบริหารงานทั่วไป ประเภทค่าใช้สอย "
       "รายจ่ายเกี่ยวกับการปฏิบัติราชการที่ไม่เข้าลักษณะรายจ่ายหมวดอื่นๆ "
       "จำนวน ๑๕,๐๐๐ บาท",
       15000},
      {"ประเภทค่าใช้จ่ายเกี่ยวกับกาปฏิบัติราชการ ที่ไม่เข้าลักษณะรายจ่าย"
       "หมวดอื่นๆ จำนวน ๒๕,๐๐๐ บาท",
       25000},
      {"15,000", 15000},
      {"15000", 15000},
      {"5,000.00 บาท", 5000},
      {"๕,๐๐๐.๕๐ บาท", 5000},  // satang dropped
      {"1.5 ล้านบาท", 1500000},
      {"๓ แสนบาท", 300000},
      {"งบประมาณ ๒๐,๐๐๐ บาท (สองหมื่นบาทถ้วน)", 20000},
      {"฿ 12,500", 12500},
      {"ปี ๒๕๖๖ จำนวน ๕,๐๐๐ บาท ปี ๒๕๖๗ จำนวน ๕,๐๐๐ บาท", 5000},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseBaht(c.text), c.want);
  }
}

TEST(ParseBahtTest, NoAmountIsNullopt) {
  for (const char* text : {"", "   ", "งบประมาณ (บาท)", "ตามแผน", "ปี ๒๕๖๖",
                           "จำนวน ๑๕ โครงการ ๑ มาตรการ ๓ กิจกรรม",
                           "๒๕๖๗ และ ๒๕๗๐", "1234567890123456 บาท"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(ParseBaht(text), std::nullopt);
  }
}

TEST(ParseCountTest, FirstWholeNumber) {
  const Case kCases[] = {
      {"จำนวน ๑๒ หมู่บ้าน", 12},
      {"บุคลากร ผู้บริหาร และสมาชิกสภาท้องถิ่น จำนวนไม่เกิน ๗๘ คน", 78},
      {"ไม่น้อยกว่า ๒ ครั้งต่อปี", 2},
      {"มีเอกสารติดตามผลการเปิดเผยข้อมูล (OIT) ครบทั้ง ๔๓ รายการ", 43},
      {"ร้อยละ ๙๐", 90},
      {"๑,๒๐๐ ราย", 1200},
      {"-", 0},
      {"ไม่มี", std::nullopt},
      {"93.66", std::nullopt},
      {"", std::nullopt},
  };
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.text);
    EXPECT_EQ(ParseCount(c.text), c.want);
  }
}

}  // namespace
}  // namespace raingan::dates
