#include "dates/period.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lexicon/tsv.h"

namespace raingan::dates {
namespace {

const PeriodParser& Parser() {
  static const PeriodParser* parser = [] {
    Result<PeriodParser> p = PeriodParser::Load(RAINGAN_SOURCE_MODELS_DIR);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return new PeriodParser(std::move(p).value());
  }();
  return *parser;
}

std::string Iso(const std::optional<Date>& d) { return d ? d->Iso() : "null"; }

std::string Join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += "[" + s + "] ";
  return out;
}

// Every period cell of the hand-checked gold records of the three samples.
TEST(PeriodParserTest, AllGoldPeriodsParse) {
  Result<std::vector<TsvRecord>> rows = ReadTsv(
      std::string(RAINGAN_TEST_DATA_DIR) + "/dates/gold_periods.tsv", 5);
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 65u);
  for (const TsvRecord& row : *rows) {
    const std::string& text = row.fields[2];
    SCOPED_TRACE(row.fields[0] + ": " + text);
    PeriodResult r = Parser().Parse(text, std::stoi(row.fields[1]));
    EXPECT_TRUE(r.recognized);
    EXPECT_EQ(Iso(r.start), row.fields[3]) << Join(r.warnings);
    EXPECT_EQ(Iso(r.end), row.fields[4]) << Join(r.warnings);
    EXPECT_TRUE(r.warnings.empty()) << Join(r.warnings);
  }
}

struct Case {
  const char* text;
  int default_fy;
  const char* start;  // "null" when the dates must stay empty
  const char* end;
  std::vector<int> fiscal_years;
  bool warns;
};

void Check(const Case& c) {
  SCOPED_TRACE(std::string(c.text) + " (default " +
               std::to_string(c.default_fy) + ")");
  PeriodResult r = Parser().Parse(c.text, c.default_fy);
  EXPECT_TRUE(r.recognized);
  EXPECT_EQ(Iso(r.start), c.start) << Join(r.warnings);
  EXPECT_EQ(Iso(r.end), c.end) << Join(r.warnings);
  EXPECT_EQ(r.fiscal_years, c.fiscal_years);
  EXPECT_EQ(!r.warnings.empty(), c.warns) << Join(r.warnings);
}

// The forms listed in the issue, as printed in the samples.
TEST(PeriodParserTest, MonthRanges) {
  const Case kCases[] = {
      {"๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘", 0, "2024-10-01", "2025-09-30", {}, false},
      {"ต.ค. ๒๕๖๕ ถึง ก.ย.๒๕๖๖", 0, "2022-10-01", "2023-09-30", {}, false},
      {"ม.ค. – เม.ย. ๒๕๖๖", 0, "2023-01-01", "2023-04-30", {}, false},
      {"ม.ค.65- มี.ค. 65", 0, "2022-01-01", "2022-03-31", {}, false},
      {"ม.ค.-มี.ค 65", 0, "2022-01-01", "2022-03-31", {}, false},
      {"มกราคม – กันยายน ๒๕๖๘ (ดำเนินการต่อเนื่องตลอดปี)",
       0,
       "2025-01-01",
       "2025-09-30",
       {},
       false},
      {"เมษายน – มิถุนายน ๒๕๖๘", 0, "2025-04-01", "2025-06-30", {}, false},
      // A left month later than the right one is in the previous year.
      {"ต.ค. – ก.ย. ๒๕๖๖", 0, "2022-10-01", "2023-09-30", {}, false},
      {"ตุลาคม ๒๕๖๗ - มีนาคม", 0, "2024-10-01", "2025-03-31", {}, false},
      {"เดือนตุลาคม ๒๕๖๗ ถึง เดือนกันยายน ๒๕๖๘",
       0,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
      {"ตั้งแต่วันที่ ๑ ตุลาคม ๒๕๖๗ ถึงวันที่ ๓๐ กันยายน ๒๕๖๘",
       0,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
      {"๑ ต.ค. ๖๗ - ๓๐ ก.ย. ๖๘", 0, "2024-10-01", "2025-09-30", {}, false},
      {"1 ต.ค. 2567 - 30 ก.ย. 2568", 0, "2024-10-01", "2025-09-30", {}, false},
      {"๑ - ๑๕ มีนาคม ๒๕๖๘", 0, "2025-03-01", "2025-03-15", {}, false},
      {"มีนาคม ๒๕๖๘", 0, "2025-03-01", "2025-03-31", {}, false},
      {"มี.ค. และ ส.ค. ๒๕๖๘", 0, "2025-03-01", "2025-08-31", {}, false},
      {"กรกฏาคม - สิงหาคม ๒๕๖๗", 0, "2024-07-01", "2024-08-31", {}, false},
      {"ตุลาคมถึงธันวาคม ๒๕๖๗", 0, "2024-10-01", "2024-12-31", {}, false},
      {"1/10/2567 - 30/9/2568", 0, "2024-10-01", "2025-09-30", {}, false},
      {"1 October 2024 - 30 September 2025",
       0,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
      {"Jan - Mar 2025", 0, "2025-01-01", "2025-03-31", {}, false},
      {"ต.ค. ค.ศ. 2024 - ก.ย. ค.ศ. 2025",
       0,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(PeriodParserTest, SingleDays) {
  const Case kCases[] = {
      {"๒๘ ก.พ. ๒๕๖๖", 0, "2023-02-28", "2023-02-28", {}, false},
      {"วันที่ ๑๕ สิงหาคม ๒๕๖๘", 0, "2025-08-15", "2025-08-15", {}, false},
      // 2567 BE = 2024 CE, a leap year.
      {"๒๙ ก.พ. ๒๕๖๗", 0, "2024-02-29", "2024-02-29", {}, false},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(PeriodParserTest, FiscalYears) {
  const Case kCases[] = {
      {"ตลอดปีงบประมาณ ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {2568}, false},
      {"ตลอด ปีงบประมาณ พ.ศ. 2565",
       0,
       "2021-10-01",
       "2022-09-30",
       {2565},
       false},
      {"ปีงบประมาณ พ.ศ.๒๕๖๖-๒๕๗๐",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2567, 2568, 2569, 2570},
       false},
      {"ปีงบประมาณ ๒๕๖๗ และ ๒๕๗๐",
       0,
       "2023-10-01",
       "2027-09-30",
       {2567, 2570},
       false},
      {"ปีงบประมาณ พ.ศ. ๒๕๖๖,๒๕๖๘ และ ๒๕๗๐",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2568, 2570},
       false},
      {"ปีงบประมาณ พ.ศ.๒๕๖๖ , ๒๕๖๘ และ ๒๕๗๐",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2568, 2570},
       false},
      {"ประจำปีงบประมาณ พ.ศ. ๒๕๖๘",
       0,
       "2024-10-01",
       "2025-09-30",
       {2568},
       false},
      {"ปีงบประมาณ 66-70",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2567, 2568, 2569, 2570},
       false},
      // The remark in parentheses does not override the fiscal year.
      {"ปีงบประมาณ ๒๕๖๘ (ต.ค. ๖๗ - มี.ค. ๖๘)",
       0,
       "2024-10-01",
       "2025-09-30",
       {2568},
       false},
      // Tesseract's Thai model writes ำ as ํ + า and ี as ึ.
      {"ประจําปีงบประมาณ ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {2568}, false},
      {"ตลอด ปึงบประมาณ ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {2568}, false},
      {"ปีงบประมาณ พ ศ. ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {2568}, false},
      // Years without ปีงบประมาณ are read as fiscal years, with a warning.
      {"พ.ศ. ๒๕๖๖ - ๒๕๗๐",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2567, 2568, 2569, 2570},
       true},
      {"๒๕๖๖ - ๒๕๗๐",
       0,
       "2022-10-01",
       "2027-09-30",
       {2566, 2567, 2568, 2569, 2570},
       true},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(PeriodParserTest, QuartersOfTheFiscalYear) {
  const Case kCases[] = {
      {"ไตรมาสที่ ๑ ปีงบประมาณ ๒๕๖๘",
       0,
       "2024-10-01",
       "2024-12-31",
       {2568},
       false},
      {"ไตรมาสที่ ๒/๒๕๖๘", 0, "2025-01-01", "2025-03-31", {2568}, false},
      {"ไตรมาส 3-4 ปีงบประมาณ พ.ศ. 2567",
       0,
       "2024-04-01",
       "2024-09-30",
       {2567},
       false},
      {"ไตรมาสที่ ๑ - ๔", 2568, "2024-10-01", "2025-09-30", {2568}, true},
      {"ไตรมาสที่ ๒ (ปีงบประมาณ ๒๕๖๖)",
       0,
       "2023-01-01",
       "2023-03-31",
       {2566},
       false},
      {"ไตรมาสที่ ๓ - ๑ ปีงบประมาณ ๒๕๖๘", 0, "null", "null", {}, true},
  };
  for (const Case& c : kCases) Check(c);
}

// Months or "ตลอดปี" without a year take the document's fiscal year, and say
// so; without one they stay empty.
TEST(PeriodParserTest, MissingYearUsesDocumentFiscalYear) {
  const Case kCases[] = {
      {"ม.ค. - มี.ค.", 2568, "2025-01-01", "2025-03-31", {}, true},
      {"ต.ค. - ธ.ค.", 2568, "2024-10-01", "2024-12-31", {}, true},
      {"พฤศจิกายน - กุมภาพันธ์", 2568, "2024-11-01", "2025-02-28", {}, true},
      {"ตลอดปี", 2568, "2024-10-01", "2025-09-30", {2568}, true},
      {"ดำเนินการตลอดทั้งปี", 2566, "2022-10-01", "2023-09-30", {2566}, true},
      {"ม.ค. - มี.ค.", 0, "null", "null", {}, true},
      // Tesseract on the 002 scan, page 3: the cell ruling read as "(",
      // ๒๕๖๘ as ๒๕๐๕ (rejected), so only "ตลอด" remains.
      {"ตลอด (ปีงบประม าณ (๒๕๐๕",
       2568,
       "2024-10-01",
       "2025-09-30",
       {2568},
       true},
      // A fiscal year written in the remark beats the document default.
      {"ม.ค. - มี.ค. (ปีงบประมาณ ๒๕๖๗)",
       2568,
       "2024-01-01",
       "2024-03-31",
       {},
       false},
  };
  for (const Case& c : kCases) Check(c);
}

// Never a guess: impossible or implausible dates give nulls and a warning.
TEST(PeriodParserTest, ImpossibleDatesAreNullWithWarning) {
  const Case kCases[] = {
      {"๓๑ ก.ย. ๒๕๖๖", 0, "null", "null", {}, true},
      {"๒๙ ก.พ. ๒๕๖๖", 0, "null", "null", {}, true},
      {"๑ ต.ค. ๒๕๖๗ - ๓๑ ก.ย. ๒๕๖๘", 0, "null", "null", {}, true},
      {"๓๐ ก.ย. ๒๕๖๘ - ๑ ต.ค. ๒๕๖๗", 0, "null", "null", {}, true},
      {"ปีงบประมาณ ๒๕๗๐ - ๒๕๖๖", 0, "null", "null", {}, true},
      {"32/13/2567", 0, "null", "null", {}, true},
      // OCR read ๒๕๖๘ as ๒๕๒๕ (observed on the 000 scan).
      {"ประจำปีงบประมาณ พ.ศ. ๒๕๒๕", 2568, "null", "null", {}, true},
      {"ต.ค. 999 - ก.ย. 68", 0, "null", "null", {}, true},
      // A range cut by a page break (born PDF of sample 002).
      {"เมษายน –", 2568, "null", "null", {}, true},
      // Tesseract on the 000 scan, page 8: the cell's lines, ๖๗ lost.
      {"๑ ตุลาคม ๒๕- ๓๐ (กันยายน ๒๕", 0, "null", "null", {}, true},
  };
  for (const Case& c : kCases) Check(c);
}

TEST(PeriodParserTest, ImpossibleDateWarningQuotesTheText) {
  PeriodResult r = Parser().Parse("๓๑ ก.ย. ๒๕๖๖");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0], "impossible date ๓๑ ก.ย. ๒๕๖๖");
}

TEST(PeriodParserTest, TextWithoutDatesIsNotRecognized) {
  for (const char* text : {"", "-", "ดำเนินการทุกเดือน", "คณะตุลาการ", "ตามแผน",
                           "ตลอดปี", "ทุกไตรมาส", "ปี"}) {
    SCOPED_TRACE(text);
    PeriodResult r = Parser().Parse(text);
    EXPECT_FALSE(r.recognized);
    EXPECT_FALSE(r.start.has_value());
    EXPECT_FALSE(r.end.has_value());
  }
}

TEST(PeriodParserTest, LoadReportsMissingModels) {
  Result<PeriodParser> p = PeriodParser::Load("/nonexistent/models");
  EXPECT_FALSE(p.ok());
}

}  // namespace
}  // namespace raingan::dates

namespace raingan::dates {
namespace {

// What OCR makes of month names and ranges on real scans: a mark too many
// or too few, a dot read as a comma. A slip the lexicon can place is read;
// a part that cannot be read leaves both dates null with a warning — never
// a one-month period made from the half that was read.
TEST(PeriodParserTest, OcrSlippedPeriods) {
  const Case kCases[] = {
      // An extra vowel mark under an abbreviation.
      {"ต.ค. ๒๕๖๗ - ก.ยุ. ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {}, false},
      {"ม.คุ. - มี.ค. ๒๕๖๘", 0, "2025-01-01", "2025-03-31", {}, false},
      // A dot read as a comma.
      {"ต.ค, ๖๗ - ก.ย. ๖๘", 0, "2024-10-01", "2025-09-30", {}, false},
      // A mark lost from a full month name.
      {"๑ ตุลาคม ๖๗ - ๓๐ กนยายน ๖๘", 0, "2024-10-01", "2025-09-30", {}, false},
      // An unreadable month: nothing is guessed.
      {"ต.ค. ๖๗ - ฮ.ฮ. ๖๘", 0, "null", "null", {}, true},
      // A range cut after its dash.
      {"๑ ตุลาคม ๒๕๖๗ -", 0, "null", "null", {}, true},
      // A year OCR read as Latin letters before the dash (a Garuda scan),
      // with a fiscal year to fill it: still no one-day period.
      {"9 ต.ค. ey - ๓๐ กุย. ๖๘", 2568, "null", "null", {}, true},
      // Both years read as Latin letters and the end month split in two
      // (a Garuda scan): a second date follows the unread year, so a
      // range is meant and neither end is known.
      {"๑ ตุลาคม bot ๓๐ กันยา ยน be", 2568, "null", "null", {}, true},
      // A year OCR glued to the next day number ("๒๕๒๐๓๐" for "๒๕๖๗ ๓๐"
      // with a slipped digit): the start's year is unread.
      {"๑ ตุลาคม ๒๕๒๐๓๐ - ๓๐ กันยายน ๒๕๖๘", 2568, "null", "null", {}, true},
      // A day no day can be (a noisy 200-dpi scan of a Norasi print read
      // "๑" as "๐"): the start is unknown, not the first of the month.
      {"๐ ตุลาคม ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘", 0, "null", "null", {}, true},
      {"๑ ตุลาคม ๒๕๖๗ - ๓๙ กันยายน ๒๕๖๘", 0, "null", "null", {}, true},
      // ... but a stray dot before the dash is only a dot.
      {"'เมษายน.- มิถุนายน ๒๕๖๘", 0, "2025-04-01", "2025-06-30", {}, false},
      // ... and so is a speck read as a quote between month and year (a
      // noisy 200-dpi scan of sample 000): before, the year was lost and
      // the period became one day in the document's year.
      {"๑ ตุลาคม' ๒๕๖๗ - ๓๐ กันยายน ๒๕๖๘",
       2568,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
      // A dash OCR read as "=" or "»" (the same scan), or lost (a Norasi
      // print scanned turned and at 200 dpi): both dates are read, so the
      // range is read, with a warning. Before, these were the one day
      // 1 October 2024 and the one month January 2025.
      {"๑ ตุลาคม ๒๕๖๗ = ๓๐ กันยายน ๒๕๖๘",
       2568,
       "2024-10-01",
       "2025-09-30",
       {},
       true},
      {"ต.ค. ๖๗ » ก.ย. ๖๘", 0, "2024-10-01", "2025-09-30", {}, true},
      {"มกราคม กันยายน ๒๕๖๘ (ดำเนินการต่อเนื่องตลอดปี)",
       2568,
       "2025-01-01",
       "2025-09-30",
       {},
       true},
      {"๑ ตุลาคม ๒๕๖๗ ๓๐ กันยายน ๒๕๖๘", 0, "2024-10-01", "2025-09-30", {}, true},
      // ... but a second date whose year is misread leaves the period
      // unknown (before: the one day 1 October 2024) ...
      {"๑ ตุลาคม ๒๕๖๗ กันยายนน ๒๕๒๕", 2568, "null", "null", {}, true},
      // ... and three dates side by side are a list, not a range.
      {"มกราคม เมษายน กรกฎาคม ๒๕๖๘", 2568, "null", "null", {}, true},
      // A year OCR split by a blank (a 1-bit copy of a Loma 13 print):
      // "๒๕ ๖๗" after a month is the year 2567. Before, the start was the
      // year 2525 and the period the one day 1 October 1982.
      {"๑ ตุลาคม ๒๕ ๖๗. — ๓๐ กันยายน ๒๕๖๘",
       0,
       "2024-10-01",
       "2025-09-30",
       {},
       false},
      {"1 ต.ค. 25 67 - 30 ก.ย. 2568", 0, "2024-10-01", "2025-09-30", {}, false},
      // A date right after a year and a dash is the end of a range whose
      // start OCR did not read ("ตุลาคมม." no month): unknown, not the one
      // day 30 September 2025 (the same copy).
      {"@ ตุลาคมม. ๖๗- ๓๐ กันยายน ๖๘", 0, "null", "null", {}, true},
  };
  for (const Case& c : kCases) Check(c);
}

}  // namespace
}  // namespace raingan::dates
