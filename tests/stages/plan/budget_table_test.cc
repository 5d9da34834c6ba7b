// The budget table of a plan: the real 004 table against its hand-checked
// gold (lines and printed totals), the sum check that must report the
// sample's inconsistent dimension, and the shapes PDFs and other exports
// give the same table.
#include "stages/plan/budget_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "stages/plan/budget_check.h"
#include "stages/plan/budget_table_stage.h"
#include "stages/plan/plan_testing.h"
#include "testing/accuracy.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

using plan_testing::ReadExcerpt;
using plan_testing::TestModels;
using ::testing::ElementsAre;
using ::testing::SizeIs;

Document RunStage(Document doc) {
  EXPECT_TRUE(testing::RunStage(&NewBudgetTableStage, &doc).ok());
  return doc;
}

// Gold "by_year" {"2566": 15000, "2569": null} -> the model's map.
std::map<int, std::optional<int64_t>> Years(const nlohmann::json& j) {
  std::map<int, std::optional<int64_t>> out;
  for (const auto& [k, v] : j.items()) {
    out[std::stoi(k)] =
        v.is_null() ? std::nullopt : std::optional<int64_t>(v.get<int64_t>());
  }
  return out;
}

TEST(BudgetTableTest, Real004TableMatchesGold) {
  Document doc = RunStage(ReadExcerpt("004_budget_table.txt"));
  nlohmann::json gold = testing::ReadJsonFile(
      testing::TestDataPath("gold/004_4a7e64d5c0343923.json"));
  const auto& lines = doc.plan.budget_lines;
  ASSERT_EQ(lines.size(), gold["budget_table"].size());
  for (size_t i = 0; i < lines.size(); ++i) {
    const nlohmann::json& g = gold["budget_table"][i];
    SCOPED_TRACE(g["project"].get<std::string>());
    EXPECT_EQ(lines[i].dimension, g["dimension"].get<int>());
    EXPECT_GE(testing::Similarity(lines[i].project, g["project"]), 0.99)
        << lines[i].project;
    EXPECT_EQ(lines[i].by_year, Years(g["by_year"]));
  }
  // Totals as printed, including dimension ๓'s row whose cells sit one
  // column early and dimension ๔'s with a sixth amount in the remark.
  const auto& totals = doc.plan.budget_totals;
  ASSERT_THAT(totals, SizeIs(5));
  for (const BudgetTotal& t : totals) {
    std::string key = t.dimension == 0 ? "all" : std::to_string(t.dimension);
    EXPECT_EQ(t.stated, Years(gold["budget_totals"][key])) << key;
  }
}

TEST(BudgetTableTest, SumMismatchOfDimensionTwoIsReportedNotFixed) {
  Document doc = RunStage(ReadExcerpt("004_budget_table.txt"));
  // Dimension ๒ prints 50,000 for 2566 but three of its projects (in one
  // cell with a single amount row) have no amounts: 35,000.
  EXPECT_THAT(
      doc.warnings(),
      ::testing::Contains("budget table: dimension 2, year 2566: the total row "
                          "states 50,000 baht but its project lines add up to "
                          "35,000 (3 project amounts blank)"));
  int dimension2 = 0, grand = 0, other = 0;
  for (const std::string& w : doc.warnings()) {
    if (w.find("dimension 2,") != std::string::npos) {
      ++dimension2;
    } else if (w.find("grand total") != std::string::npos) {
      ++grand;
    } else {
      ++other;
    }
  }
  EXPECT_EQ(dimension2, 5);  // every year
  EXPECT_EQ(grand, 5);
  EXPECT_EQ(other, 0);  // dimensions ๑, ๓, ๔ add up
  for (const Issue& issue : doc.issues)
    EXPECT_EQ(issue.code, "budget_mismatch");
  const BudgetTotal& d2 = doc.plan.budget_totals[1];
  EXPECT_EQ(d2.dimension, 2);
  EXPECT_EQ(d2.stated.at(2566), 50000);  // the print is kept
  EXPECT_EQ(d2.computed.at(2566), 35000);
}

Cell TextCell(std::initializer_list<const char*> paragraphs) {
  Cell c;
  for (const char* t : paragraphs) {
    Paragraph p;
    p.text = t;
    c.paragraphs.push_back(p);
  }
  return c;
}

TableRow Row(std::vector<Cell> cells, int page = 1) {
  TableRow r;
  r.cells = std::move(cells);
  r.prov.page = page;
  return r;
}

Table MakeTable(std::vector<TableRow> rows) {
  Table t;
  for (const TableRow& r : rows) {
    t.columns = std::max(t.columns, static_cast<int>(r.cells.size()));
  }
  t.rows = std::move(rows);
  return t;
}

TableRow Header() {
  return Row({TextCell({"มิติ"}), TextCell({"ภารกิจตามมิติ"}),
              TextCell({"โครงการ/กิจกรรม/ มาตรการ"}), TextCell({"ปี ๒๕๖๖"}),
              TextCell({"ปี ๒๕๖๗"}), TextCell({"หมายเหตุ"})});
}

// Rows of the 004 born PDF (pages 26-27), cut to two years: the table
// continues on the next page without its header, a project number ends
// one page and its name starts the next, and one cell holds the "no
// budget" amounts of two projects in one run-together paragraph.
TEST(BudgetTableTest, PdfPagesContinueTheTable) {
  BudgetTableReader reader(TestModels().headers, TestModels().plan);
  EXPECT_TRUE(reader.AddTable(MakeTable({
      Header(),
      Row({TextCell({"มติที่ ๒ การบริหาร ราชการด้วย ความโปร่งใส"}),
           TextCell({"๒.๓.๓ มีการกระจายอำนาจการ ตัดสินใจ"}),
           TextCell({"๑. มาตรการออกคำสั่งมอบหมายของ องค์การบริหารส่วน"
                     "ตำบล ประจำปี ๒๕๖๖-๒๕๗๐ ๒."}),
           TextCell({"ไม่ใช้ งบประมาณไม่ใช้ งบประมาณ"}),
           TextCell({"ไม่ใช้ งบประมาณไม่ใช้ งบประมาณ"}), TextCell({})}),
  })));
  Paragraph page_number;
  page_number.text = "- 27 -";
  reader.AddParagraph(page_number);
  // Next page: no header, no dimension column.
  EXPECT_TRUE(reader.AddTable(MakeTable({
      Row({TextCell({"ใดของผู้มี อำนาจในองค์กรปกครองส่วน ท้องถิ่น"}),
           TextCell({"มาตรการกระจายอำนาจขององค์การ บริหารส่วนตำบล"}), TextCell({}),
           TextCell({}), TextCell({})},
          27),
      Row({TextCell({"รวม"}), TextCell({"จำนวน ๓ โครงการ ๙ มาตรการ"}),
           TextCell({"จำนวน ๕๐,๐๐๐.- บาท"}), TextCell({"จำนวน ๘๐,๐๐๐.- บาท"}),
           TextCell({})},
          27),
  })));
  BudgetTableResult r = reader.Finish();
  ASSERT_THAT(r.lines, SizeIs(2));
  EXPECT_EQ(r.lines[0].dimension, 2);
  EXPECT_EQ(r.lines[0].mission,
            "มีการกระจายอำนาจการ ตัดสินใจใดของผู้มี "
            "อำนาจในองค์กรปกครองส่วน ท้องถิ่น");
  EXPECT_EQ(r.lines[1].project, "มาตรการกระจายอำนาจขององค์การ บริหารส่วนตำบล");
  for (const BudgetLine& l : r.lines) {
    EXPECT_EQ(l.by_year.at(2566), 0);
    EXPECT_EQ(l.by_year.at(2567), 0);
  }
  ASSERT_THAT(r.totals, SizeIs(1));
  EXPECT_EQ(r.totals[0].dimension, 2);
  EXPECT_EQ(r.totals[0].stated.at(2567), 80000);
  EXPECT_TRUE(r.issues.empty());
}

TEST(BudgetTableTest, BlankIsUnknownAndOrphanAmountsAreReported) {
  BudgetTableReader reader(TestModels().headers, TestModels().plan);
  reader.AddTable(MakeTable({
      Header(),
      Row({TextCell({"มิติที่ ๑ การสร้างวัฒนธรรมสุจริต"}),
           TextCell({"๑.๓.๒ เสริมสร้างจิตสำนึก"}),
           TextCell({"๑. โครงการโรงเรียน(ศูนย์พัฒนาเด็กเล็ก) คุณธรรม"}),
           TextCell({"๑๐,๐๐๐"}), TextCell({}), TextCell({})}),
      Row({TextCell({}), TextCell({}), TextCell({}), TextCell({"๕,๐๐๐"}),
           TextCell({"-"}), TextCell({})}),
  }));
  BudgetTableResult r = reader.Finish();
  ASSERT_THAT(r.lines, SizeIs(1));
  EXPECT_EQ(r.lines[0].by_year.at(2566), 10000);
  EXPECT_FALSE(r.lines[0].by_year.at(2567).has_value());
  EXPECT_THAT(IssueMessages(r.issues),
              ElementsAre("budget table: amounts without a project (page 1)"));
  EXPECT_EQ(r.issues[0].code, "budget_amounts_without_project");
  EXPECT_EQ(r.issues[0].page, 1);
}

TEST(BudgetTableTest, OtherTablesAreNotBudgetTables) {
  BudgetTableReader reader(TestModels().headers, TestModels().plan);
  // The plan's target table has years but no project column.
  EXPECT_FALSE(reader.AddTable(MakeTable({
      Row({TextCell({"ค่าเป้าหมาย"}), TextCell({"ปี ๒๕๖๖"}),
           TextCell({"ปี ๒๕๖๗"})}),
      Row({TextCell({"คะแนน ITA"}), TextCell({"๙๐ คะแนน"}),
           TextCell({"๙๒ คะแนน"})}),
  })));
  EXPECT_FALSE(reader.AddTable(MakeTable({
      Row({TextCell({"(๑) นายนราพงษ์ ทรงสวัสดิ์วงศ์"}), TextCell({"ตำแหน่ง"}),
           TextCell({"นายก อบต.เข็กน้อย"})}),
  })));
  EXPECT_TRUE(reader.Finish().lines.empty());
}

// Another administration's layout: the years in a second header row under
// a spanning "งบประมาณและที่มา", Arabic years, no dimension column (the
// dimension is a row of its own) and "รวมทั้งหมด" for the grand total.
TEST(BudgetTableTest, YearsUnderASpanningHeader) {
  BudgetTableReader reader(TestModels().headers, TestModels().plan);
  EXPECT_TRUE(reader.AddTable(MakeTable({
      Row({TextCell({"ภารกิจตามมิติ"}), TextCell({"โครงการ/กิจกรรม/มาตรการ"}),
           TextCell({"งบประมาณและที่มา"}), TextCell({}), TextCell({"หมายเหตุ"})}),
      Row({TextCell({}), TextCell({}), TextCell({"2566 (บาท)"}),
           TextCell({"2567 (บาท)"}), TextCell({})}),
      Row({TextCell({"มิติที่ 1 การสร้างสังคมที่ไม่ทนต่อการทุจริต"}), TextCell({}),
           TextCell({}), TextCell({}), TextCell({})}),
      Row({TextCell({"1.1 การสร้างจิตสำนึก"}),
           TextCell({"1) โครงการอบรมคุณธรรมจริยธรรม"}), TextCell({"20,000"}),
           TextCell({"20,000"}), TextCell({})}),
      Row({TextCell({"รวมทั้งหมด"}), TextCell({"1 โครงการ"}),
           TextCell({"20,000"}), TextCell({"25,000"}), TextCell({})}),
  })));
  BudgetTableResult r = reader.Finish();
  ASSERT_THAT(r.lines, SizeIs(1));
  EXPECT_EQ(r.lines[0].dimension, 1);
  EXPECT_EQ(r.lines[0].mission, "การสร้างจิตสำนึก");
  EXPECT_EQ(r.lines[0].project, "โครงการอบรมคุณธรรมจริยธรรม");
  EXPECT_EQ(r.lines[0].by_year.at(2566), 20000);
  EXPECT_EQ(r.lines[0].by_year.at(2567), 20000);
  ASSERT_THAT(r.totals, SizeIs(1));
  EXPECT_EQ(r.totals[0].dimension, 0);
  std::vector<std::string> w = CheckBudgetTotals(r.lines, &r.totals);
  EXPECT_THAT(w, ElementsAre("budget table: grand total, year 2567: the total "
                             "row states 25,000 baht but its project lines "
                             "add up to 20,000"));
}

// Ragged and empty tables, a total row first, a header alone: read what
// can be read, never crash.
TEST(BudgetTableTest, MalformedTablesAreSurvived) {
  BudgetTableReader reader(TestModels().headers, TestModels().plan);
  EXPECT_FALSE(reader.AddTable(Table{}));
  EXPECT_TRUE(reader.AddTable(MakeTable({Header()})));
  EXPECT_TRUE(reader.AddTable(MakeTable({
      Row({TextCell({"รวม"})}),
      Row({}),
      Row({TextCell({"๑."})}),
      Row({TextCell({}), TextCell({}), TextCell({"-"}), TextCell({"-"})}),
      Row({TextCell({"๕,๐๐๐"}), TextCell({"๕,๐๐๐"}), TextCell({"๕,๐๐๐"}),
           TextCell({"๕,๐๐๐"}), TextCell({"๕,๐๐๐"}), TextCell({"๕,๐๐๐"}),
           TextCell({"๕,๐๐๐"})}),
  })));
  BudgetTableResult r = reader.Finish();
  EXPECT_THAT(r.totals, SizeIs(1));
  EXPECT_FALSE(r.issues.empty());
}

TEST(BudgetCheckTest, ComputedSumsAndWarnings) {
  std::vector<BudgetLine> lines(3);
  lines[0].dimension = 1;
  lines[0].by_year = {{2566, 15000}, {2567, 0}};
  lines[1].dimension = 1;
  lines[1].by_year = {{2566, std::nullopt}, {2567, 25000}};
  lines[2].dimension = 2;
  lines[2].by_year = {{2566, 5000}, {2567, 5000}};
  std::vector<BudgetTotal> totals(2);
  totals[0].dimension = 1;
  totals[0].stated = {{2566, 15000}, {2567, 20000}};
  totals[1].dimension = 0;
  totals[1].stated = {{2566, 20000}, {2567, std::nullopt}};
  std::vector<std::string> w = CheckBudgetTotals(lines, &totals);
  EXPECT_THAT(w, ElementsAre("budget table: dimension 1, year 2567: the total "
                             "row states 20,000 baht but its project lines "
                             "add up to 25,000"));
  EXPECT_EQ(totals[0].computed.at(2566), 15000);
  EXPECT_EQ(totals[1].computed.at(2566), 20000);
  EXPECT_EQ(totals[1].computed.at(2567), 30000);  // nothing printed: no check
}

TEST(BudgetCheckTest, LinksByNameWithinTheDimension) {
  std::vector<Measure> sheets(3);
  sheets[0].id = "1-1";
  sheets[0].measure =
      "โครงการพัฒนาความรู้ด้านกฎหมาย และระเบียบที่เกี่ยวข้อง"
      "กับการปฏิบัติงาน ประจำปี ๒๕๖๗ และ ๒๕๗๐";
  sheets[1].id = "2-1";
  sheets[1].measure = "มาตรการ NO Gift Policy ประจำปี ๒๕๖๖-๒๕๗๐";
  sheets[2].id = "3-1";
  sheets[2].measure = "มาตรการ NO Gift Policy ประจำปี ๒๕๖๖-๒๕๗๐";
  std::vector<BudgetLine> lines(3);
  // Wrapped differently in the table cell.
  lines[0].dimension = 1;
  lines[0].project =
      "โครงการพัฒนาความรู้ด้านกฎหมาย และระเบียบที่เกี่ยวข้อง"
      "กับการปฏิบัติงาน ประจำปี ๒๕๖๗ และ ๒๕๗๐";
  lines[1].dimension = 3;
  lines[1].project = "มาตรการ NO Gift Policy ประจำปี ๒๕๖๖ - ๒๕๗๐";
  lines[2].dimension = 1;
  lines[2].project = "กิจกรรมที่ไม่มีรายละเอียดโครงการ";
  LinkBudgetLines(sheets, &lines);
  EXPECT_EQ(lines[0].measure_id, "1-1");
  EXPECT_EQ(lines[1].measure_id, "3-1");  // the sheet of its own dimension
  EXPECT_EQ(lines[2].measure_id, "");
}

}  // namespace
}  // namespace raingan
