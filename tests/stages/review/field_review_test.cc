// Field review rules, table-driven: each row is a record a clerk either
// must be sent to check (and for which field) or must not be bothered
// with. Periods and owners are as printed in the samples' reports.
#include "stages/review/field_review.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "base/utf8.h"
#include "testing/stages.h"

namespace raingan {
namespace {

using ::testing::HasSubstr;

std::optional<Date> Iso(const char* iso) {
  if (iso == nullptr) return std::nullopt;
  Date d;
  std::sscanf(iso, "%d-%d-%d", &d.year, &d.month, &d.day);
  return d;
}

struct Case {
  const char* name;
  const char* period_text;
  const char* start;
  const char* end;
  std::vector<std::string> owner;
  std::map<std::string, double> field_confidence;
  // Expected "field: reason fragment" items, in order; empty = nothing.
  std::vector<std::pair<std::string, std::string>> expected;
};

const Case kCases[] = {
    {"whole fiscal year, a unit",
     "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘",
     "2024-10-01",
     "2025-09-30",
     {"สำนักปลัด", "กองคลัง"},
     {},
     {}},
    {"owner with a unit inside it",
     "ตลอดปีงบประมาณ ๒๕๖๘",
     "2024-10-01",
     "2025-09-30",
     {"ทุกกองงานภายใน โดยมีสำนักปลัดเป็นหน่วยงานหลัก"},
     {},
     {}},
    {"unit after a slash",
     "เมษายน - มิถุนายน ๒๕๖๘",
     "2025-04-01",
     "2025-06-30",
     {"งานพัสดุ/กองคลัง"},
     {},
     {}},
    {"no period at all is not a finding",
     "",
     nullptr,
     nullptr,
     {"กองช่าง"},
     {},
     {}},
    {"period text without dates",
     "ตามความเหมาะสม",
     nullptr,
     nullptr,
     {"กองช่าง"},
     {},
     {{"period", "period not read"}}},
    {"one end only",
     "ตั้งแต่ ๑ ตุลาคม ๒๕๖๗",
     "2024-10-01",
     nullptr,
     {"กองช่าง"},
     {},
     {{"period", "only one end"}}},
    {"a month OCR moved into the next year",
     "มกราคม - ตุลาคม ๒๕๖๘",
     "2025-01-01",
     "2025-10-31",
     {"กองช่าง"},
     {},
     {{"period", "outside fiscal year 2568"}}},
    {"a period before the year",
     "ตุลาคม ๒๕๖๖",
     "2023-10-01",
     "2023-10-31",
     {"กองช่าง"},
     {},
     {{"period", "outside fiscal year 2568"}}},
    {"owner that is no unit (a misread cell)",
     "ตลอดปีงบประมาณ ๒๕๖๘",
     "2024-10-01",
     "2025-09-30",
     {"ดำเนินการต่อเนื่อง"},
     {},
     {{"owner", "names no unit"}}},
    {"confidence below the threshold",
     "ตลอดปีงบประมาณ ๒๕๖๘",
     "2024-10-01",
     "2025-09-30",
     {"กองคลัง"},
     {{"method", 0.42}, {"owner", 0.95}},
     {{"method", "OCR confidence 0.42 below 0.65"}}},
    {"a check's reason wins over confidence",
     "ตามความเหมาะสม",
     nullptr,
     nullptr,
     {"กองคลัง"},
     {{"period", 0.30}, {"measure", 0.20}},
     {{"measure", "OCR confidence 0.20"}, {"period", "period not read"}}},
};

TEST(FieldReviewTest, RulesTable) {
  for (const Case& c : kCases) {
    SCOPED_TRACE(c.name);
    Measure m;
    m.measure = "จัดทำคู่มือการปฏิบัติงาน";
    m.period.text = c.period_text;
    m.period.start = Iso(c.start);
    m.period.end = Iso(c.end);
    m.owner = c.owner;
    m.field_confidence = c.field_confidence;
    m.table_kind = "aligned";
    ReviewOptions options;
    options.fiscal_year = {2568, 2568};
    options.units = &testing::TestModel<UnitLexicon>();
    std::vector<ReviewItem> got = ReviewFields(m, options);
    ASSERT_EQ(got.size(), c.expected.size());
    for (size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].field, c.expected[i].first);
      EXPECT_THAT(got[i].reason, HasSubstr(c.expected[i].second));
    }
  }
}

// A range read from two dates whose dash OCR lost is in the fiscal year
// and complete, yet a guess at what joined them: the clerk is asked.
TEST(FieldReviewTest, ARangeReadWithoutItsDashIsFlagged) {
  Measure m;
  m.measure = "จัดทำคู่มือการปฏิบัติงาน";
  m.owner = {"กองคลัง"};
  m.period.text = "มกราคม กันยายน ๒๕๖๘";
  m.period.start = Iso("2025-01-01");
  m.period.end = Iso("2025-09-30");
  ReviewOptions options;
  options.fiscal_year = {2568, 2568};
  EXPECT_TRUE(ReviewFields(m, options).empty());
  m.period.doubt = "the dash between the dates was not read";
  std::vector<ReviewItem> got = ReviewFields(m, options);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].field, "period");
  EXPECT_THAT(got[0].reason, HasSubstr("dash"));
}

TEST(FieldReviewTest, RuledTextLayerOwnersAreTrusted) {
  Measure m;
  m.owner = {"เจ้าหน้าที่ประชาสัมพันธ์"};
  m.table_kind = "ruled";
  ReviewOptions options;
  options.units = &testing::TestModel<UnitLexicon>();
  EXPECT_TRUE(ReviewFields(m, options).empty());
  m.table_kind = "aligned";
  ASSERT_EQ(ReviewFields(m, options).size(), 1u);
  m.table_kind = "ruled";
  m.field_confidence = {{"owner", 0.95}};  // OCR
  ASSERT_EQ(ReviewFields(m, options).size(), 1u);
}

TEST(FieldReviewTest, ThresholdZeroListsOnlyChecks) {
  Measure m;
  m.field_confidence = {{"method", 0.05}};
  ReviewOptions options;
  options.below = 0;
  EXPECT_TRUE(ReviewFields(m, options).empty());
}

TEST(FieldReviewTest, PlanPeriodsInsideTheFiveYearsAreFine) {
  Measure m;
  m.period.text = "ปีงบประมาณ พ.ศ. ๒๕๖๖ , ๒๕๖๘ และ ๒๕๗๐";
  m.period.start = Iso("2022-10-01");
  m.period.end = Iso("2027-09-30");
  ReviewOptions options;
  options.fiscal_year = {2566, 2570};
  EXPECT_TRUE(ReviewFields(m, options).empty());
  options.fiscal_year = {2567, 2570};
  ASSERT_EQ(ReviewFields(m, options).size(), 1u);
}

TEST(FieldReviewTest, LongOcrFieldsAreLessLikelyRight) {
  Measure m;
  m.measure = "จัดทำคู่มือ";  // 11 letters
  m.method = {std::string(20, 'a') + " " + std::string(100, 'b')};
  m.field_confidence = {{"measure", 0.93}, {"method", 0.93}};
  EstimateFieldConfidence(&m);
  // Same lowest word, but 120 letters hold four chances of a misreading.
  EXPECT_GT(m.field_confidence["measure"], 0.96);
  EXPECT_NEAR(m.field_confidence["method"], std::pow(0.93, 4.0), 1e-9);
  EXPECT_DOUBLE_EQ(m.confidence, m.field_confidence["method"]);
  Measure text_layer;
  text_layer.method = m.method;
  EstimateFieldConfidence(&text_layer);
  EXPECT_TRUE(text_layer.field_confidence.empty());
  EXPECT_EQ(text_layer.confidence, 1.0);
}

// Letters no Thai word explains, in any source: an OCR misreading, a
// header piece in a cell (both from the samples), flagged on their field;
// the document's own names are words.
TEST(FieldReviewTest, LettersThatAreNoWordAreListedOnTheirField) {
  ReviewOptions options;
  options.dictionary = &testing::TestModel<ThaiDictionary>();
  Measure m;
  m.measure = "มาตรการเผยแพร่ข้อมูลข่าวสาร อบต.เข็กน้อย";
  m.owner = {"สำนักปลัด", "กองสาธารณสุขและสิ่งแวดล้อมผู้รัช่บร"};
  m.period.text = "ตลอดปีงบประมาณ 2568วงะยะ";
  m.period.start = Iso("2024-10-01");
  m.period.end = Iso("2025-09-30");
  std::vector<ReviewItem> got = ReviewFields(m, options);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].field, "measure");
  EXPECT_THAT(got[0].reason, HasSubstr("letters that are no Thai word: "));
  EXPECT_EQ(got[1].field, "owner");
  EXPECT_THAT(got[1].reason, HasSubstr("รัช่บร"));
  EXPECT_EQ(got[2].field, "period");
  EXPECT_THAT(got[2].reason, HasSubstr("วงะยะ"));

  options.names = {utf8::ToU32("เข็กน้อย")};
  got = ReviewFields(m, options);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].field, "owner");

  Measure clean;
  clean.measure = "ขับเคลื่อนนโยบายงดรับของขวัญ (No Gift Policy) พ.ศ. ๒๕๖๘";
  clean.method = {"จัดประชุมประจำเดือนทุกๆ เดือน", "เผยแพร่ ณ ที่ทำการ อบต."};
  EXPECT_TRUE(ReviewFields(clean, options).empty());
}

// OCR noise is looked for in fields OCR read, not in text layers, where
// a stop after a word is the writer's.
TEST(FieldReviewTest, OcrNoiseOnlyInOcrFields) {
  ReviewOptions options;
  options.dictionary = &testing::TestModel<ThaiDictionary>();
  Measure m;
  m.measure = "เข้ารับการประเมิน ITA naw ศึกษาและวิเคราะห์ผลการประเมิน";
  m.method = {"จัดประชุมประจำเดือน."};
  m.owner = {"สำนักปลัด"};
  m.period.text = "ตลอดปีงบประมาณ ๒๕๖๘";
  m.period.start = Iso("2024-10-01");
  m.period.end = Iso("2025-09-30");
  EXPECT_TRUE(ReviewFields(m, options).empty());
  m.field_confidence = {{"measure", 0.95}, {"method", 0.95}};
  std::vector<ReviewItem> got = ReviewFields(m, options);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].field, "measure");
  EXPECT_EQ(got[0].reason, "OCR noise: \"naw\" between Thai words");
  EXPECT_EQ(got[1].field, "method");
  EXPECT_EQ(got[1].reason, "OCR noise: a full stop after จัดประชุมประจำเดือน");
}

// Unseen scans of LibreOffice prints: a header's tail read into the first
// record's name before its number, which then was not read as the id.
TEST(FieldReviewTest, ANumberInsideTheNameOfARecordWithoutOne) {
  ReviewOptions options;
  for (const char* name : {"ร/กิจกรรมที่ดำเนินการ ๕.๑ มาตรการเผยแพร่ข้อมูลทางการคลัง",
                           "ภายในหน่วยงาน (๓) จัดประชุมเตรียมความพร้อม"}) {
    SCOPED_TRACE(name);
    Measure m;
    m.measure = name;
    std::vector<ReviewItem> got = ReviewFields(m, options);
    ASSERT_EQ(got.size(), 2u);
    EXPECT_EQ(got[0].field, "id");
    EXPECT_EQ(got[1].field, "measure");
  }
  // A list inside the name, and a name whose record has its number.
  Measure list;
  list.measure = "กำหนดมาตรการ ดังนี้ ๑. มาตรการเผยแพร่ข้อมูล ๒. มาตรการป้องกัน";
  EXPECT_TRUE(ReviewFields(list, options).empty());
  Measure numbered;
  numbered.id = "5.1";
  numbered.measure = "มาตรการเผยแพร่ข้อมูล ๕.๑ ทางการคลัง";
  EXPECT_TRUE(ReviewFields(numbered, options).empty());
}

struct NumberingCase {
  const char* name;
  std::vector<std::pair<std::string, std::string>> records;  // id, measure
  std::vector<int> flagged;  // indexes that get an "id" item
};

// An owner or period left empty where the other cells are filled: in a
// table found from alignment or read by OCR, text that went elsewhere; in
// a ruled text layer, a report that names no one.
TEST(FieldReviewTest, EmptyOwnerOrPeriodOnlyInUncertainCells) {
  ReviewOptions options;
  options.fiscal_year = {2568, 2568};
  options.units = &testing::TestModel<UnitLexicon>();
  Measure m;
  m.measure = "จัดทำคู่มือการปฏิบัติงาน";
  m.method = {"ประชุมชี้แจง"};
  m.output = {"คู่มือ ๑ เล่ม"};
  m.table_kind = "aligned";
  std::vector<ReviewItem> got = ReviewFields(m, options);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].field, "owner");
  EXPECT_EQ(got[0].reason, "no owner read");
  EXPECT_EQ(got[1].field, "period");
  EXPECT_EQ(got[1].reason, "no period read");
  m.table_kind = "ruled";
  EXPECT_TRUE(ReviewFields(m, options).empty());
  // OCR of a ruled table is uncertain too.
  m.field_confidence = {{"method", 0.95}};
  EXPECT_EQ(ReviewFields(m, options).size(), 2u);
  // A record with nothing but its name (a section-like row) is left alone.
  Measure bare;
  bare.measure = "ด้านที่ ๑";
  bare.table_kind = "aligned";
  EXPECT_TRUE(ReviewFields(bare, options).empty());
}

TEST(FieldReviewTest, NumberingTable) {
  const NumberingCase cases[] = {
      {"counts up", {{"1", "a"}, {"2", "b"}, {"3", "c"}}, {}},
      {"sub-row repeats its measure", {{"1", "a"}, {"1", "a"}, {"2", "b"}}, {}},
      {"skips", {{"1", "a"}, {"2", "b"}, {"5", "c"}}, {2}},
      {"repeats under another name", {{"1", "a"}, {"2", "b"}, {"2", "c"}}, {2}},
      {"goes back", {{"1", "a"}, {"3", "b"}, {"2", "c"}}, {1, 2}},
      {"outline numbers per prefix",
       {{"1.1", "a"}, {"1.2", "b"}, {"2.1", "c"}, {"2.2", "d"}},
       {}},
      {"plan sheets per dimension",
       {{"1-1", "a"}, {"1-2", "b"}, {"2-1", "c"}},
       {}},
      {"no numbering", {{"", "a"}, {"", "b"}}, {}},
      // "การ7.1มาตรการ..." (a header's last word glued to the number): the
      // record lost its number, the table numbers the others.
      {"a record without a number among numbered ones",
       {{"1", "a"}, {"", "b"}, {"2", "c"}},
       {1}},
  };
  for (const NumberingCase& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<Measure> measures;
    for (const auto& [id, name] : c.records) {
      Measure m;
      m.id = id;
      m.measure = name;
      m.table = 1;
      measures.push_back(m);
    }
    ReviewNumbering(&measures);
    for (size_t i = 0; i < measures.size(); ++i) {
      bool expect = std::find(c.flagged.begin(), c.flagged.end(),
                              static_cast<int>(i)) != c.flagged.end();
      EXPECT_EQ(!measures[i].review.empty(), expect) << "record " << i;
      if (expect && !measures[i].review.empty()) {
        EXPECT_EQ(measures[i].review[0].field, "id");
      }
    }
  }
}

}  // namespace
}  // namespace raingan
