// Month and quarter columns of a Gantt-style period (a row of month
// columns under "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘", a mark in the
// months a measure runs).
//
//   "ต.ค. ๖๗"       -> October, year 2567 as written
//   "พฤศจิกายน"     -> November, year from the fiscal year
//   "ไตรมาส ๑"      -> October..December of fiscal year N (year N-1)
//   "ไตรมาสที่ ๒"   -> January..March of fiscal year N
//
// A header cell is a month column only when it names exactly one month or
// one quarter and nothing else but a year: "ม.ค. - มี.ค." is a period, not
// a column. The month names and the quarter words are those of
// models/months.tsv and models/period_words.tsv.
#ifndef RAINGAN_DATES_MONTH_COLUMNS_H_
#define RAINGAN_DATES_MONTH_COLUMNS_H_

#include <optional>
#include <string_view>
#include <vector>

#include "dates/lexicon.h"
#include "model/date.h"

namespace raingan::dates {

struct MonthColumn {
  int quarter = 0;  // 1..4 for a fiscal quarter, 0 for a month
  int month = 0;    // 1..12 for a month column
  int year_be = 0;  // as written in the header; 0 = not written
};

// Reads one header cell; nullopt when it is not a month or quarter column.
std::optional<MonthColumn> ReadMonthColumn(std::string_view header,
                                           const PeriodLexicon& lexicon);

// The days a column covers once its year is known.
struct MonthSpan {
  Date start, end;  // first and last day, CE
};

// Dates of each column (nullopt stays nullopt). Years written in a header
// win; the others come from `fiscal_year_be` (October..December in the year
// before it). With `fiscal_year_be` 0 the fiscal year is that of the first
// column whose year is written; when no column has one, no column gets
// dates (the caller keeps the columns, and reports the period unread).
std::vector<std::optional<MonthSpan>> ResolveMonthColumns(
    const std::vector<std::optional<MonthColumn>>& columns, int fiscal_year_be);

}  // namespace raingan::dates

#endif  // RAINGAN_DATES_MONTH_COLUMNS_H_
