// Calendar arithmetic for Thai documents: Buddhist-Era years, month
// lengths and Thai fiscal years.
#ifndef RAINGAN_DATES_CALENDAR_H_
#define RAINGAN_DATES_CALENDAR_H_

#include <optional>

#include "model/date.h"

namespace raingan::dates {

inline constexpr int kBeOffset = 543;  // BE = CE + 543

// A year as written -> BE, or nullopt when it cannot be a year:
// two digits are BE 25yy ("๖๗" = 2567); four digits are BE when in
// 2400..2700 and CE (converted) when in 1900..2200. `ce` forces the CE
// reading (the text said ค.ศ.): four digits 1900..2200, two digits 20yy.
std::optional<int> YearToBe(int value, int digits, bool ce = false);

// Days in `month` (1..12) of CE `year`; 0 for an invalid month.
int DaysInMonth(int year_ce, int month);

// A valid calendar date from a BE year, or nullopt (e.g. 31 September).
std::optional<Date> MakeDateBe(int year_be, int month, int day);

// Thai fiscal year N (BE) runs 1 October N-1 .. 30 September N.
Date FiscalYearStart(int fiscal_year_be);
Date FiscalYearEnd(int fiscal_year_be);

// The fiscal year (BE) a month of a BE calendar year belongs to.
inline int FiscalYearOf(int year_be, int month) {
  return month >= 10 ? year_be + 1 : year_be;
}

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_CALENDAR_H_
