// ITA score results as reports print them: indicator lines, overall score
// and grade, score tables; and the prose about scores in plans and
// reports that is not a result.
#include "stages/scores/score_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "stages/plan/plan_testing.h"
#include "stages/scores/scores_stage.h"

namespace raingan {
namespace {

using plan_testing::TestModels;
using ::testing::SizeIs;

struct LineCase {
  const char* text;
  const char* indicator;
  const char* name;
  double score;  // < 0: none
  const char* grade;
};

class ScoreLineTest : public ::testing::TestWithParam<LineCase> {};

TEST_P(ScoreLineTest, Parsed) {
  const LineCase& c = GetParam();
  std::optional<Score> s = ParseScoreLine(c.text, TestModels().scores);
  ASSERT_TRUE(s.has_value()) << c.text;
  EXPECT_EQ(s->indicator, c.indicator);
  EXPECT_EQ(s->name, c.name);
  if (c.score < 0) {
    EXPECT_FALSE(s->score.has_value());
  } else {
    ASSERT_TRUE(s->score.has_value());
    EXPECT_DOUBLE_EQ(*s->score, c.score);
  }
  EXPECT_EQ(s->grade, c.grade);
}

INSTANTIATE_TEST_SUITE_P(
    Lines, ScoreLineTest,
    ::testing::Values(
        LineCase{"ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ 93.66 คะแนน", "1", "การปฏิบัติหน้าที่", 93.66,
                 ""},
        LineCase{"ตัวชี้วัดที่ ๒ การใช้งบประมาณ ได้คะแนน ๘๘.๒๕ คะแนน", "2",
                 "การใช้งบประมาณ", 88.25, ""},
        LineCase{"ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล : 100.00", "9", "การเปิดเผยข้อมูล", 100.0,
                 ""},
        LineCase{"ตัวชี้วัดที่ 10 การป้องกันการทุจริต 87.50 คะแนน", "10",
                 "การป้องกันการทุจริต", 87.5, ""},
        LineCase{"คะแนนรวม 92.15 ระดับ A", "overall", "คะแนนรวม", 92.15, "A"},
        LineCase{"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567 ได้คะแนน 95.42 "
                 "คะแนน อยู่ในระดับ AA ผ่านเกณฑ์การประเมิน",
                 "overall", "ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. 2567", 95.42,
                 "AA"},
        LineCase{"ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน ผ่าน", "overall",
                 "ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน", -1, "ผ่าน"},
        LineCase{"ผลการประเมิน ITA ไม่ผ่าน", "overall", "ผลการประเมิน ITA", -1,
                 "ไม่ผ่าน"}));

TEST(ScoreLineTest, ProseAndHeadingsAreNotResults) {
  const ScoreLexicon& lex = TestModels().scores;
  for (const char* text : {
           // 004: targets, not results.
           "ในปี พ.ศ. ๒๕๗๐ หน่วยงานที่เข้าร่วมการประเมิน ITA ทั้งหมด "
           "(ร้อยละ ๑๐๐) ต้องได้คะแนน ๘๕ คะแนนขึ้นไป",
           "(๒) องค์การบริหารส่วนตำบลเข็กน้อยมีคะแนน ITA เพิ่มขึ้นและผ่าน"
           "เกณฑ์ การประเมิน ITA (๘๕ คะแนนขึ้นไป)",
           // An indicator heading in an ITA report, no score.
           "ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล",
           "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ (ข้อ 1-6)",
           // A satisfaction survey is not the ITA result.
           "ผลการประเมินความพึงพอใจของประชาชน ร้อยละ 85 ผ่านเกณฑ์",
       }) {
    EXPECT_FALSE(ParseScoreLine(text, lex).has_value()) << text;
  }
}

Cell TextCell(const char* text) {
  Cell c;
  if (*text != '\0') {
    Paragraph p;
    p.text = text;
    c.paragraphs.push_back(p);
  }
  return c;
}

Table MakeTable(std::vector<std::vector<const char*>> rows) {
  Table t;
  for (const auto& cells : rows) {
    TableRow r;
    for (const char* c : cells) r.cells.push_back(TextCell(c));
    t.columns = std::max(t.columns, static_cast<int>(r.cells.size()));
    t.rows.push_back(std::move(r));
  }
  return t;
}

TEST(ScoreTableTest, IndicatorsByHeadingNameOrNumber) {
  ScoreReader reader(TestModels().scores);
  EXPECT_TRUE(reader.AddTable(MakeTable({
      {"ลำดับ", "ตัวชี้วัด", "คะแนน", "ระดับ"},
      {"1", "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่", "93.66", ""},
      {"2", "การใช้งบประมาณ", "๘๘.๒๕", ""},
      {"11", "ความพึงพอใจในการให้บริการ", "90.00", ""},
      {"", "ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", "", ""},
      {"รวม", "", "92.15", "A"},
  })));
  // The 004 target table has no indicator column: not a score table.
  EXPECT_FALSE(reader.AddTable(MakeTable({
      {"ค่าเป้าหมาย", "ปี ๒๕๖๖", "ปี ๒๕๖๗"},
      {"คะแนน ITA", "๙๐ คะแนน", "๙๒ คะแนน"},
  })));
  std::vector<Score> s = reader.Finish();
  ASSERT_THAT(s, SizeIs(4));
  EXPECT_EQ(s[0].indicator, "1");
  EXPECT_EQ(s[0].name, "การปฏิบัติหน้าที่");
  EXPECT_EQ(s[1].indicator, "2");  // known by its name
  EXPECT_DOUBLE_EQ(*s[1].score, 88.25);
  EXPECT_EQ(s[2].indicator, "11");  // unknown name: its printed number
  EXPECT_EQ(s[2].name, "ความพึงพอใจในการให้บริการ");
  EXPECT_EQ(s[3].indicator, "overall");
  EXPECT_DOUBLE_EQ(*s[3].score, 92.15);
  EXPECT_EQ(s[3].grade, "A");
}

TEST(ScoresStageTest, FirstResultPerIndicatorInDocumentOrder) {
  Document doc;
  Page page;
  for (const char* t :
       {"ผลการประเมิน ITA ประจำปี ๒๕๖๘", "ตัวชี้วัดที่ ๓ การใช้อำนาจ ๙๕.๑๒ คะแนน",
        "คะแนนรวม ๙๑.๐๗ คะแนน ระดับ A", "ตัวชี้วัดที่ ๓ การใช้อำนาจ ๙๕.๑๒ คะแนน"}) {
    Paragraph p;
    p.text = t;
    page.blocks.push_back(Block::MakeParagraph(p));
  }
  doc.pages.push_back(page);
  ASSERT_TRUE(testing::RunStage(&NewScoresStage, &doc).ok());
  ASSERT_THAT(doc.scores, SizeIs(2));
  EXPECT_EQ(doc.scores[0].indicator, "3");
  EXPECT_EQ(doc.scores[1].indicator, "overall");
  EXPECT_DOUBLE_EQ(*doc.scores[1].score, 91.07);
}

}  // namespace
}  // namespace raingan
