// The month/quarter header reader of Gantt tables, table-driven.
#include "dates/month_columns.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "dates/period.h"

namespace raingan::dates {
namespace {

const PeriodLexicon& Lexicon() {
  static const PeriodParser* parser = [] {
    Result<PeriodParser> p = PeriodParser::Load(RAINGAN_SOURCE_MODELS_DIR);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return new PeriodParser(std::move(p).value());
  }();
  return parser->lexicon();
}

struct HeaderCase {
  const char* header;
  bool is_column;
  int month, quarter, year_be;
};

TEST(MonthColumnsTest, ReadsMonthAndQuarterHeaders) {
  const HeaderCase cases[] = {
      {"ต.ค. ๖๗", true, 10, 0, 2567},
      {"ต.ค.๖๗", true, 10, 0, 2567},
      {"ต.ค .  ๖๗", true, 10, 0, 2567},  // a header wrapped in a narrow cell
      {"เม. ย. ๖๘", true, 4, 0, 2568},
      {"มี.ค 68", true, 3, 0, 2568},
      {"ม.ค. ๒๕๖๘", true, 1, 0, 2568},
      {"พ.ย. พ.ศ. ๒๕๖๗", true, 11, 0, 2567},
      {"Dec 2024", true, 12, 0, 2567},  // CE years are converted
      {"พฤศจิกายน", true, 11, 0, 0},
      {"กุมภาพันธ์", true, 2, 0, 0},
      {"เดือนกันยายน", true, 9, 0, 0},
      {"ไตรมาส ๑", true, 0, 1, 0},
      {"ไตรมาสที่ ๔", true, 0, 4, 0},
      {"ไตรมาสที่ 2 (ปีงบประมาณ 2568)", true, 0, 2, 2568},
      {"ไตรมาส ๕", false, 0, 0, 0},
      {"ไตรมาส", false, 0, 0, 0},
      {"ม.ค. - มี.ค. ๖๘", false, 0, 0, 0},  // a period, not a column
      {"๑ ต.ค. ๖๗", false, 0, 0, 0},       // a date
      {"ต.ค. และ พ.ย.", false, 0, 0, 0},
      {"ระยะเวลาดำเนินการ", false, 0, 0, 0},
      {"ปีงบประมาณ พ.ศ. ๒๕๖๘", false, 0, 0, 0},
      {"ผู้รับผิดชอบ", false, 0, 0, 0},
      {"ตุลาการ", false, 0, 0, 0},
      {"", false, 0, 0, 0},
  };
  for (const HeaderCase& c : cases) {
    SCOPED_TRACE(c.header);
    std::optional<MonthColumn> got = ReadMonthColumn(c.header, Lexicon());
    ASSERT_EQ(got.has_value(), c.is_column);
    if (!got) continue;
    EXPECT_EQ(got->month, c.month);
    EXPECT_EQ(got->quarter, c.quarter);
    EXPECT_EQ(got->year_be, c.year_be);
  }
}

std::string Span(const std::optional<MonthSpan>& s) {
  return s ? s->start.Iso() + ".." + s->end.Iso() : "null";
}

std::vector<std::string> Resolve(const std::vector<const char*>& headers,
                                 int fiscal_year_be) {
  std::vector<std::optional<MonthColumn>> columns;
  for (const char* h : headers)
    columns.push_back(ReadMonthColumn(h, Lexicon()));
  std::vector<std::string> out;
  for (const auto& s : ResolveMonthColumns(columns, fiscal_year_be)) {
    out.push_back(Span(s));
  }
  return out;
}

TEST(MonthColumnsTest, YearsFromHeadersOrFiscalYear) {
  struct ResolveCase {
    std::vector<const char*> headers;
    int fiscal_year_be;
    std::vector<std::string> want;
  };
  const ResolveCase cases[] = {
      // Years written: they win over the fiscal year given.
      {{"ธ.ค. ๖๗", "ม.ค. ๖๘", "ก.พ. ๖๘"},
       2570,
       {"2024-12-01..2024-12-31", "2025-01-01..2025-01-31",
        "2025-02-01..2025-02-28"}},
      // No years: October..December belong to the year before the fiscal
      // year; February of a leap year has 29 days.
      {{"ตุลาคม", "ธันวาคม", "มกราคม", "กุมภาพันธ์", "กันยายน"},
       2567,
       {"2023-10-01..2023-10-31", "2023-12-01..2023-12-31",
        "2024-01-01..2024-01-31", "2024-02-01..2024-02-29",
        "2024-09-01..2024-09-30"}},
      // No fiscal year given: the first written year decides it.
      {{"ต.ค. ๖๗", "พ.ย.", "ม.ค."},
       0,
       {"2024-10-01..2024-10-31", "2024-11-01..2024-11-30",
        "2025-01-01..2025-01-31"}},
      // Quarters of the fiscal year.
      {{"ไตรมาส ๑", "ไตรมาส ๒", "ไตรมาส ๓", "ไตรมาส ๔"},
       2568,
       {"2024-10-01..2024-12-31", "2025-01-01..2025-03-31",
        "2025-04-01..2025-06-30", "2025-07-01..2025-09-30"}},
      // Not a column stays null; no year anywhere: nothing is guessed.
      {{"หมายเหตุ", "ม.ค."}, 2568, {"null", "2025-01-01..2025-01-31"}},
      {{"ม.ค.", "ก.พ."}, 0, {"null", "null"}},
  };
  for (const ResolveCase& c : cases) {
    SCOPED_TRACE(c.headers.front());
    EXPECT_EQ(Resolve(c.headers, c.fiscal_year_be), c.want);
  }
}

}  // namespace
}  // namespace raingan::dates
