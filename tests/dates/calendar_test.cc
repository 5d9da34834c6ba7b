#include "dates/calendar.h"

#include <gtest/gtest.h>

namespace raingan::dates {
namespace {

TEST(CalendarTest, YearToBe) {
  EXPECT_EQ(YearToBe(67, 2), 2567);    // ๖๗
  EXPECT_EQ(YearToBe(2568, 4), 2568);  // BE as written
  EXPECT_EQ(YearToBe(2024, 4), 2567);  // clearly CE
  EXPECT_EQ(YearToBe(2024, 4, true), 2567);
  EXPECT_EQ(YearToBe(24, 2, true), 2567);  // ค.ศ. 24
  EXPECT_EQ(YearToBe(2300, 4), std::nullopt);
  EXPECT_EQ(YearToBe(2568, 4, true), std::nullopt);  // not a CE year
  EXPECT_EQ(YearToBe(256, 3), std::nullopt);
}

TEST(CalendarTest, DaysInMonth) {
  EXPECT_EQ(DaysInMonth(2024, 2), 29);
  EXPECT_EQ(DaysInMonth(2023, 2), 28);
  EXPECT_EQ(DaysInMonth(2000, 2), 29);
  EXPECT_EQ(DaysInMonth(2100, 2), 28);
  EXPECT_EQ(DaysInMonth(2025, 9), 30);
  EXPECT_EQ(DaysInMonth(2025, 13), 0);
}

TEST(CalendarTest, FiscalYears) {
  EXPECT_EQ(FiscalYearStart(2568).Iso(), "2024-10-01");
  EXPECT_EQ(FiscalYearEnd(2568).Iso(), "2025-09-30");
  EXPECT_EQ(FiscalYearOf(2567, 10), 2568);
  EXPECT_EQ(FiscalYearOf(2568, 9), 2568);
  EXPECT_EQ(MakeDateBe(2566, 9, 31), std::nullopt);
  EXPECT_EQ(MakeDateBe(2567, 2, 29)->Iso(), "2024-02-29");
}

}  // namespace
}  // namespace raingan::dates
