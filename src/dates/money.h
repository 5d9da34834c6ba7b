// Amounts of money and counts as printed in Thai reports.
#ifndef RAINGAN_DATES_MONEY_H_
#define RAINGAN_DATES_MONEY_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace raingan::dates {

// Baht in a budget cell or sentence, as an integer (satang are dropped):
//   "๑๕,๐๐๐" -> 15000          "จำนวน ๕,๐๐๐ บาท" -> 5000
//   "๕,๐๐๐.- บาท" -> 5000      "1.5 ล้านบาท" -> 1500000
//   "-", "ไม่ใช้งบประมาณ", "ไม่ใช้ งบประมาณ", "ไม่ใช่ งบประมาณ" -> 0
//   "", "ตามแผน" (no amount) -> nullopt
// In a sentence, the amount directly followed by บาท wins ("... ปี ๒๕๖๖
// จำนวน ๕,๐๐๐ บาท" -> 5000); without บาท there must be exactly one number.
std::optional<int64_t> ParseBaht(std::string_view text);

// The first whole number: "จำนวน ๑๒ หมู่บ้าน" -> 12, "๗๘ คน" -> 78,
// "๑,๒๐๐ ราย" -> 1200; "-" -> 0; no number or a fraction -> nullopt.
std::optional<int64_t> ParseCount(std::string_view text);

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_MONEY_H_
