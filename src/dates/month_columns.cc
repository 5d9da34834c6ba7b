#include "dates/month_columns.h"

#include "dates/calendar.h"
#include "dates/period_tokens.h"

namespace raingan::dates {
namespace {

// The calendar month a fiscal quarter starts in: Q1 = October.
int QuarterFirstMonth(int quarter) {
  return quarter == 1 ? 10 : quarter * 3 - 5;
}

// The fiscal year (BE) a column belongs to, from the year it was written
// with: a month column names a calendar year, a quarter its fiscal year.
int FiscalYearOfColumn(const MonthColumn& c) {
  if (c.year_be == 0) return 0;
  if (c.quarter != 0) return c.year_be;
  return FiscalYearOf(c.year_be, c.month);
}

}  // namespace

std::optional<MonthColumn> ReadMonthColumn(std::string_view header,
                                           const PeriodLexicon& lexicon) {
  std::vector<Token> tokens = TokenizePeriod(header, lexicon);
  MonthColumn column;
  bool ce = false;
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == TokenKind::kWord) {
      switch (t.word) {
        case WordKind::kMonth:
          if (column.month != 0 || column.quarter != 0) return std::nullopt;
          column.month = t.month;
          continue;
        case WordKind::kQuarter: {
          if (column.month != 0 || column.quarter != 0) return std::nullopt;
          if (i + 1 >= tokens.size() ||
              tokens[i + 1].kind != TokenKind::kNumber ||
              tokens[i + 1].value < 1 || tokens[i + 1].value > 4) {
            return std::nullopt;
          }
          column.quarter = static_cast<int>(tokens[++i].value);
          continue;
        }
        case WordKind::kEraBe:
        case WordKind::kYear:
        case WordKind::kFiscal:
        case WordKind::kSkip:
          continue;
        case WordKind::kEraCe:
          ce = true;
          continue;
        default:
          return std::nullopt;  // a range or a list: a period, not a column
      }
    }
    if (t.kind == TokenKind::kNumber) {
      if (column.year_be != 0 || (column.month == 0 && column.quarter == 0)) {
        return std::nullopt;  // a day before the month: a date
      }
      std::optional<int> be = YearToBe(static_cast<int>(t.value), t.digits, ce);
      if (!be) return std::nullopt;
      column.year_be = *be;
      continue;
    }
    if (t.kind == TokenKind::kOpen || t.kind == TokenKind::kClose) continue;
    return std::nullopt;
  }
  if (column.month == 0 && column.quarter == 0) return std::nullopt;
  return column;
}

std::vector<std::optional<MonthSpan>> ResolveMonthColumns(
    const std::vector<std::optional<MonthColumn>>& columns,
    int fiscal_year_be) {
  int fiscal = fiscal_year_be;
  for (const auto& c : columns) {
    if (fiscal != 0) break;
    if (c) fiscal = FiscalYearOfColumn(*c);
  }
  std::vector<std::optional<MonthSpan>> spans(columns.size());
  if (fiscal == 0) return spans;
  for (size_t i = 0; i < columns.size(); ++i) {
    if (!columns[i]) continue;
    const MonthColumn& c = *columns[i];
    int first = c.quarter != 0 ? QuarterFirstMonth(c.quarter) : c.month;
    int last = c.quarter != 0 ? first + 2 : c.month;
    int year_be;
    if (c.year_be != 0 && c.quarter == 0) {
      year_be = c.year_be;
    } else {
      int fy = c.year_be != 0 ? c.year_be : fiscal;
      year_be = first >= 10 ? fy - 1 : fy;
    }
    std::optional<Date> start = MakeDateBe(year_be, first, 1);
    if (!start) continue;
    std::optional<Date> end =
        MakeDateBe(year_be, last, DaysInMonth(start->year, last));
    if (!end) continue;
    spans[i] = MonthSpan{*start, *end};
  }
  return spans;
}

}  // namespace raingan::dates
