// The risk-assessment table: the real 004 table (a row continued after a
// repeated header) against its gold, and a PDF row cut inside an item.
#include "stages/plan/risk_table.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "stages/plan/plan_testing.h"
#include "stages/plan/risk_table_stage.h"
#include "testing/accuracy.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

using plan_testing::ReadExcerpt;
using plan_testing::TestModels;
using ::testing::ElementsAre;
using ::testing::SizeIs;

TEST(RiskTableTest, Real004TableMatchesGold) {
  Document doc = ReadExcerpt("004_risk_table.txt");
  ASSERT_TRUE(testing::RunStage(&NewRiskTableStage, &doc).ok());
  nlohmann::json gold = testing::ReadJsonFile(
      testing::TestDataPath("gold/004_4a7e64d5c0343923.json"))["risk_table"];
  const std::vector<RiskRow>& rows = doc.plan.risks;
  ASSERT_EQ(rows.size(), gold.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const nlohmann::json& g = gold[i];
    SCOPED_TRACE(i);
    EXPECT_EQ(rows[i].seq, g["seq"].get<int>());
    EXPECT_GE(testing::Similarity(rows[i].step, g["step"]), 0.99);
    EXPECT_EQ(rows[i].risk_score, g["risk_score"].get<std::string>());
    auto items = [](const nlohmann::json& a) {
      return a.get<std::vector<std::string>>();
    };
    ASSERT_EQ(rows[i].risks.size(), g["risks"].size());
    ASSERT_EQ(rows[i].controls.size(), g["controls"].size());
    for (size_t k = 0; k < rows[i].controls.size(); ++k) {
      EXPECT_GE(
          testing::Similarity(rows[i].controls[k], items(g["controls"])[k]),
          0.99)
          << rows[i].controls[k];
    }
  }
  // Row ๒'s fourth control is on the next page, after the header again.
  EXPECT_THAT(rows[1].controls[3], ::testing::StartsWith("มาตรการนำผลการ"));
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

Table MakeTable(std::vector<std::vector<Cell>> rows) {
  Table t;
  for (auto& cells : rows) {
    TableRow r;
    r.cells = std::move(cells);
    t.columns = std::max(t.columns, static_cast<int>(r.cells.size()));
    t.rows.push_back(std::move(r));
  }
  return t;
}

std::vector<Cell> HeaderCells() {
  return {TextCell({"ลำดับ ที่"}), TextCell({"ขั้นตอนการดำเนินงาน"}),
          TextCell({"ประเด็นความเสี่ยงการทุจริต"}), TextCell({"Risk Score"}),
          TextCell({"มาตรการ ควบคุมความเสี่ยงการทุจริต"})};
}

// Pages 8-9 of the 004 born PDF: the fifth control is cut by the page
// break ("มาตรการส่งเสริมการปฏิบัติ งานตามประมวล" | "จริยธรรมของ ...").
TEST(RiskTableTest, PdfItemCutByPageBreak) {
  RiskTableReader reader(TestModels().headers, TestModels().plan);
  EXPECT_TRUE(reader.AddTable(MakeTable({
      HeaderCells(),
      {TextCell({"๑"}), TextCell({"การบริหารงานของหน่วยงาน"}),
       TextCell({"๑. ผู้บริหารดำเนินการตามนโยบายของตนเอง"}), TextCell({"ปานกลาง"}),
       TextCell({"๑. โครงการส่งเสริมการบริหาร งานตามหลักธรรมาภิบาล",
                 "๒. มาตรการส่งเสริมการปฏิบัติ งานตามประมวล"})},
  })));
  Paragraph page_number;
  page_number.text = "- 9 -";
  reader.AddParagraph(page_number);
  EXPECT_TRUE(reader.AddTable(MakeTable({
      HeaderCells(),
      {TextCell({}), TextCell({}), TextCell({}), TextCell({}),
       TextCell({"จริยธรรมของ องค์การบริหารส่วนตำบล",
                 "๓. โครงการเสริมสร้างค่านิยม ต่อต้านการทุจริต"})},
      {TextCell({"๒"}), TextCell({"การบริหารงานบุคคล"}),
       TextCell({"การบรรจุแต่งตั้ง โยกย้าย โอน"}), TextCell({"ปานกลาง"}),
       TextCell({"๑. มาตรการสร้างความโปร่งใสใน การบริหารงานบุคคล"})},
  })));
  // A different table after text is not a continuation.
  Paragraph text;
  text.text = "๒. หลักการและเหตุผล";
  reader.AddParagraph(text);
  EXPECT_FALSE(reader.AddTable(MakeTable({
      {TextCell({}), TextCell({}), TextCell({}), TextCell({}),
       TextCell({"ข้อความอื่น"})},
  })));
  std::vector<RiskRow> rows = reader.Finish();
  ASSERT_THAT(rows, SizeIs(2));
  EXPECT_THAT(rows[0].controls,
              ElementsAre("โครงการส่งเสริมการบริหาร งานตามหลักธรรมาภิบาล",
                          "มาตรการส่งเสริมการปฏิบัติ งานตามประมวลจริยธรรมของ "
                          "องค์การบริหารส่วนตำบล",
                          "โครงการเสริมสร้างค่านิยม ต่อต้านการทุจริต"));
  EXPECT_THAT(rows[1].risks, ElementsAre("การบรรจุแต่งตั้ง โยกย้าย โอน"));
}

}  // namespace
}  // namespace raingan
