#include "dates/calendar.h"

namespace raingan::dates {

std::optional<int> YearToBe(int value, int digits, bool ce) {
  if (ce) {
    if (digits == 4 && value >= 1900 && value <= 2200) return value + kBeOffset;
    if (digits == 2) return 2000 + value + kBeOffset;
    return std::nullopt;
  }
  if (digits == 2) return 2500 + value;
  if (digits != 4) return std::nullopt;
  if (value >= 2400 && value <= 2700) return value;
  if (value >= 1900 && value <= 2200) return value + kBeOffset;
  return std::nullopt;
}

int DaysInMonth(int year_ce, int month) {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30,
                                    31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  if (month == 2) {
    bool leap = (year_ce % 4 == 0 && year_ce % 100 != 0) || year_ce % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

std::optional<Date> MakeDateBe(int year_be, int month, int day) {
  int year_ce = year_be - kBeOffset;
  if (day < 1 || day > DaysInMonth(year_ce, month)) return std::nullopt;
  return Date{year_ce, month, day};
}

Date FiscalYearStart(int fiscal_year_be) {
  return Date{fiscal_year_be - 1 - kBeOffset, 10, 1};
}

Date FiscalYearEnd(int fiscal_year_be) {
  return Date{fiscal_year_be - kBeOffset, 9, 30};
}

}  // namespace raingan::dates
