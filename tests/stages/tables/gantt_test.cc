// Gantt tables: periods from ticked month or quarter columns, through the
// table stage and the periods stage as the pipeline runs them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "stages/periods/periods_stage.h"
#include "stages/tables/measure_tables_stage.h"
#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TableRow Row(std::vector<std::string> cells) {
  TableRow row;
  row.prov.page = 1;
  for (const std::string& c : cells) {
    Cell cell;
    if (!c.empty()) {
      Paragraph p;
      p.text = c;
      cell.paragraphs.push_back(p);
    }
    row.cells.push_back(cell);
  }
  return row;
}

// seq | measure | method | owner | <months> | output | remarks
std::vector<std::string> Cells(std::vector<std::string> head,
                               std::vector<std::string> months,
                               std::vector<std::string> tail) {
  head.insert(head.end(), months.begin(), months.end());
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

const std::vector<std::string> kMonths = {
    "ต.ค. ๖๗",  "พ.ย. ๖๗", "ธ.ค. ๖๗", "ม.ค. ๖๘", "ก.พ. ๖๘", "มี.ค. ๖๘",
    "เม.ย. ๖๘", "พ.ค. ๖๘", "มิ.ย. ๖๘", "ก.ค. ๖๘", "ส.ค. ๖๘", "ก.ย. ๖๘"};

TableRow ParentHeader(size_t months, const std::string& parent) {
  std::vector<std::string> over(months);
  over[0] = parent;
  return Row(Cells({"ลำดับ", "มาตรการ/โครงการ", "วิธีการดำเนินการ", "ผู้รับผิดชอบ"},
                   over, {"ผลการดำเนินงาน", "หมายเหตุ"}));
}

TableRow MonthHeader(const std::vector<std::string>& months) {
  return Row(Cells({"", "", "", ""}, months, {"", ""}));
}

// A data row with `mark` in the months at `ticked`.
TableRow DataRow(const std::string& seq, const std::string& name,
                 const std::string& method, const std::string& owner,
                 size_t months, std::vector<size_t> ticked,
                 const std::string& mark, const std::string& output,
                 const std::string& remark = "") {
  std::vector<std::string> cells(months);
  for (size_t t : ticked) cells[t] = mark;
  return Row(Cells({seq, name, method, owner}, cells, {output, remark}));
}

std::vector<Measure> Extract(std::vector<TableRow> rows, int fiscal_year = 0) {
  Table t;
  t.columns = static_cast<int>(rows.front().cells.size());
  t.rows = std::move(rows);
  Page page;
  page.blocks.push_back(Block::MakeTable(std::move(t)));
  Document doc;
  doc.info.fiscal_year.be = doc.info.fiscal_year.be_end = fiscal_year;
  doc.pages.push_back(std::move(page));
  EXPECT_TRUE(testing::RunStage(&NewMeasureTablesStage, &doc).ok());
  EXPECT_TRUE(testing::RunStage(&NewPeriodsStage, &doc).ok());
  return doc.measures;
}

std::string Iso(const std::optional<Date>& d) { return d ? d->Iso() : "null"; }

std::vector<std::string> Runs(const Period& p) {
  std::vector<std::string> out;
  for (const PeriodRun& r : p.runs) {
    out.push_back(r.start.Iso() + ".." + r.end.Iso());
  }
  return out;
}

TEST(GanttTablesTest, TickedMonthsGiveThePeriodAndItsRuns) {
  std::vector<Measure> m =
      Extract({ParentHeader(12, "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘"),
               MonthHeader(kMonths),
               DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 12, {0, 1}, "✓",
                       "คู่มือ ๑ เล่ม", "ดำเนินการแล้ว"),
               DataRow("๒", "ประชุมชี้แจง", "๑. จัดประชุม", "กองคลัง", 12,
                       {0, 1, 6, 7}, "✓", "ประชุม ๒ ครั้ง")});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(m[0].period.text, "ต.ค. ๖๗ - พ.ย. ๖๗");
  EXPECT_EQ(Iso(m[0].period.start), "2024-10-01");
  EXPECT_EQ(Iso(m[0].period.end), "2024-11-30");
  EXPECT_THAT(Runs(m[0].period), ElementsAre("2024-10-01..2024-11-30"));
  // The month columns and the remarks are no field.
  EXPECT_THAT(m[0].output, ElementsAre("คู่มือ ๑ เล่ม"));
  EXPECT_THAT(m[0].outcome, IsEmpty());
  EXPECT_EQ(m[1].period.text, "ต.ค. ๖๗ - พ.ย. ๖๗, เม.ย. ๖๘ - พ.ค. ๖๘");
  EXPECT_EQ(Iso(m[1].period.start), "2024-10-01");
  EXPECT_EQ(Iso(m[1].period.end), "2025-05-31");
  EXPECT_THAT(Runs(m[1].period),
              ElementsAre("2024-10-01..2024-11-30", "2025-04-01..2025-05-31"));
}

TEST(GanttTablesTest, EveryMarkKindCounts) {
  for (const std::string mark : {"✓", "/", "x", "X", "●", "<--->"}) {
    SCOPED_TRACE(mark);
    std::vector<Measure> m =
        Extract({ParentHeader(12, "ระยะเวลาดำเนินการ"), MonthHeader(kMonths),
                 DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 12, {3}, mark,
                         "คู่มือ ๑ เล่ม")});
    ASSERT_EQ(m.size(), 1u);
    EXPECT_EQ(Iso(m[0].period.start), "2025-01-01");
    EXPECT_EQ(Iso(m[0].period.end), "2025-01-31");
  }
}

TEST(GanttTablesTest, DrawnMarksCountLikeTextMarks) {
  // A shaded cell or a line drawn across months, as the PDF and image
  // backends report them: no text, Cell::drawn_mark set.
  TableRow row =
      DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 12, {}, "", "คู่มือ ๑ เล่ม");
  for (size_t c : {8u, 9u, 10u}) row.cells[4 + c].drawn_mark = true;
  std::vector<Measure> m = Extract(
      {ParentHeader(12, "ระยะเวลาดำเนินการ"), MonthHeader(kMonths), row});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].period.text, "มิ.ย. ๖๘ - ส.ค. ๖๘");
  EXPECT_THAT(Runs(m[0].period), ElementsAre("2025-06-01..2025-08-31"));
}

TEST(GanttTablesTest, MonthsWithoutYearsTakeTheFiscalYear) {
  const std::vector<std::string> months = {"ตุลาคม", "พฤศจิกายน", "ธันวาคม",
                                           "มกราคม"};
  // From the parent header...
  std::vector<Measure> m = Extract(
      {ParentHeader(4, "ระยะเวลาดำเนินการ ปีงบประมาณ ๒๕๖๗"), MonthHeader(months),
       DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 4, {2, 3}, "x", "คู่มือ")},
      /*fiscal_year=*/2568);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(Iso(m[0].period.start), "2023-12-01");
  EXPECT_EQ(Iso(m[0].period.end), "2024-01-31");
  // ...else from the document.
  m = Extract(
      {ParentHeader(4, "ระยะเวลาดำเนินการ"), MonthHeader(months),
       DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 4, {0}, "x", "คู่มือ")},
      /*fiscal_year=*/2568);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(Iso(m[0].period.start), "2024-10-01");
  EXPECT_EQ(Iso(m[0].period.end), "2024-10-31");
  // Neither: the months as text, no dates, a warning; never a guess.
  m = Extract(
      {ParentHeader(4, "ระยะเวลาดำเนินการ"), MonthHeader(months),
       DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 4, {0}, "x", "คู่มือ")});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].period.text, "ตุลาคม");
  EXPECT_FALSE(m[0].period.start.has_value());
  EXPECT_THAT(m[0].period.runs, IsEmpty());
}

TEST(GanttTablesTest, QuarterColumns) {
  std::vector<Measure> m =
      Extract({ParentHeader(4, "ปีงบประมาณ พ.ศ. ๒๕๖๘"),
               MonthHeader({"ไตรมาส ๑", "ไตรมาส ๒", "ไตรมาส ๓", "ไตรมาส ๔"}),
               DataRow("๑", "จัดทำคู่มือ", "๑. จัดทำคู่มือ", "สำนักปลัด", 4, {0, 2}, "/",
                       "คู่มือ")});
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].period.text, "ไตรมาส ๑, ไตรมาส ๓");
  EXPECT_THAT(Runs(m[0].period),
              ElementsAre("2024-10-01..2024-12-31", "2025-04-01..2025-06-30"));
}

TEST(GanttTablesTest, RowRepeatedAfterARepeatedHeaderIsMerged) {
  TableRow parent = ParentHeader(12, "ระยะเวลาดำเนินการ ปีงบประมาณ พ.ศ. ๒๕๖๘");
  TableRow months = MonthHeader(kMonths);
  std::vector<Measure> m =
      Extract({parent, months,
               DataRow("๑", "จัดเวทีประชาคม", "๑. แต่งตั้งคณะกรรมการ ๒. จัดเวที",
                       "สำนักปลัด", 12, {3, 4}, "✓", "ประชาชนเข้าร่วม ๑๒๐ คน"),
               parent, months,
               DataRow("๑", "จัดเวทีประชาคม", "๓. รายงานผล", "สำนักปลัด", 12, {5},
                       "✓", "รายงานผล ๑ ฉบับ"),
               DataRow("๒", "ประชุม", "๑. จัดประชุม", "กองคลัง", 12, {11}, "✓",
                       "ประชุม ๑ ครั้ง")});
  ASSERT_EQ(m.size(), 2u);
  EXPECT_THAT(m[0].method, ElementsAre("แต่งตั้งคณะกรรมการ", "จัดเวที", "รายงานผล"));
  EXPECT_THAT(m[0].output,
              ElementsAre("ประชาชนเข้าร่วม ๑๒๐ คน", "รายงานผล ๑ ฉบับ"));
  EXPECT_THAT(m[0].owner, ElementsAre("สำนักปลัด"));
  EXPECT_THAT(Runs(m[0].period), ElementsAre("2025-01-01..2025-03-31"));
  EXPECT_EQ(m[1].measure, "ประชุม");
  EXPECT_EQ(Iso(m[1].period.start), "2025-09-01");
}

}  // namespace
}  // namespace raingan
