#include "batch/corrections.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "output/correction_json.h"
#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

namespace fs = std::filesystem;

Correction Fix(int record, std::string field,
               std::vector<std::string> old_value,
               std::vector<std::string> new_value) {
  Correction c;
  c.time = "2025-01-31T08:15:00Z";
  c.document = "report.pdf.0011aabb";
  c.source_sha256 = "abc";
  c.record = record;
  c.field = std::move(field);
  c.old_value = std::move(old_value);
  c.new_value = std::move(new_value);
  return c;
}

Document TwoRecords() {
  Document doc;
  doc.source.sha256 = "abc";
  Measure a;
  a.id = "1.1";
  a.measure = "จัดทำคู่มือ";
  a.owner = {"กองคลัง"};
  a.period.text = "ตลอดปี";
  Measure b = a;
  b.id = "1.2";
  doc.measures = {a, b};
  return doc;
}

TEST(CorrectionLogTest, AppendsDurablyAndSkipsATornLine) {
  std::string dir = testing::MakeTempDir();
  std::string path = CorrectionsPath(dir);
  EXPECT_TRUE(ReadCorrections(path)->corrections.empty());  // no file yet
  Correction c = Fix(0, "owner", {"กองคลัง"}, {"กองช่าง"});
  ASSERT_TRUE(AppendLinesDurably(path, {CorrectionToJsonLine(c)}).ok());
  // A crash in the middle of a write leaves half a line...
  std::string text = ReadFile(path).value();
  ASSERT_TRUE(WriteFileAtomic(path, text + text.substr(0, 30)).ok());
  // ...which the next save ends before its own line.
  c.record = 1;
  ASSERT_TRUE(AppendLinesDurably(path, {CorrectionToJsonLine(c)}).ok());
  Result<CorrectionLog> log = ReadCorrections(path);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->corrections.size(), 2u);
  EXPECT_EQ(log->corrections[1].record, 1);
  EXPECT_EQ(log->bad_lines, 1);
  fs::remove_all(dir);
}

TEST(CorrectionLogTest, ReviewMarksKeepTheLastMarkOfEachRecord) {
  std::string dir = testing::MakeTempDir();
  fs::create_directories(dir + "/.raingan");
  std::string path = ReviewMarksPath(dir);
  ASSERT_TRUE(
      AppendLinesDurably(
          path, {ReviewMarkToJsonLine({"t", "d", 3, ReviewMark::kFlagged}),
                 ReviewMarkToJsonLine({"t", "d", 3, ReviewMark::kChecked}),
                 ReviewMarkToJsonLine({"t", "d", 4, ReviewMark::kFlagged})})
          .ok());
  ReviewMarks marks = ReadReviewMarks(path).value();
  EXPECT_EQ((marks[{"d", 3}]), ReviewMark::kChecked);
  EXPECT_EQ((marks[{"d", 4}]), ReviewMark::kFlagged);
  fs::remove_all(dir);
}

TEST(FieldValueTest, ReadsAndSetsEveryKindOfField) {
  Measure m;
  ASSERT_TRUE(SetFieldValue(&m, "owner", {"กองคลัง", "กองช่าง"}).ok());
  EXPECT_EQ(FieldValue(m, "owner"),
            (std::vector<std::string>{"กองคลัง", "กองช่าง"}));
  ASSERT_TRUE(SetFieldValue(&m, "period.start", {"2024-10-01"}).ok());
  EXPECT_EQ(m.period.start->Iso(), "2024-10-01");
  ASSERT_TRUE(SetFieldValue(&m, "period.start", {}).ok());
  EXPECT_FALSE(m.period.start);
  ASSERT_TRUE(SetFieldValue(&m, "budget_baht", {"50000"}).ok());
  EXPECT_EQ(*m.budget_baht, 50000);
  EXPECT_EQ(FieldValue(m, "budget_baht"), std::vector<std::string>{"50000"});
  ASSERT_TRUE(SetFieldValue(&m, "measure", {"ใหม่"}).ok());
  EXPECT_EQ(m.measure, "ใหม่");
  EXPECT_TRUE(FieldValue(m, "section").empty());  // unknown = no value
  EXPECT_FALSE(SetFieldValue(&m, "period.end", {"2024-02-30"}).ok());
  EXPECT_FALSE(SetFieldValue(&m, "period.end", {"30/09/2568"}).ok());
  EXPECT_FALSE(SetFieldValue(&m, "budget_baht", {"1,000"}).ok());
  EXPECT_FALSE(SetFieldValue(&m, "measure", {"a", "b"}).ok());
  EXPECT_FALSE(SetFieldValue(&m, "confidence", {"1"}).ok());
}

TEST(ApplyCorrectionsTest, AppliesInOrderAndMarksWhatDiffers) {
  Document doc = TwoRecords();
  std::vector<Correction> log = {
      Fix(0, "owner", {"กองคลัง"}, {"กองช่าง"}),
      Fix(0, "owner", {"กองช่าง"}, {"กองช่าง", "สำนักปลัด"}),  // builds on it
      Fix(1, "period.text", {"ตลอดปี"}, {"ตลอดปีงบประมาณ"}),
      Fix(1, "period.text", {"ตลอดปีงบประมาณ"}, {"ตลอดปี"}),  // and back
  };
  AppliedCorrections applied =
      ApplyCorrections(log, "report.pdf.0011aabb", &doc);
  EXPECT_EQ(applied.applied, 4);
  EXPECT_EQ(applied.stale, 0);
  EXPECT_EQ(doc.measures[0].owner,
            (std::vector<std::string>{"กองช่าง", "สำนักปลัด"}));
  EXPECT_EQ(applied.corrected[0], std::vector<std::string>{"owner"});
  EXPECT_TRUE(applied.corrected[1].empty());  // back to what was extracted
}

TEST(ApplyCorrectionsTest, SkipsStaleCorrections) {
  Document doc = TwoRecords();
  Correction other_document = Fix(0, "owner", {"กองคลัง"}, {"x"});
  other_document.document = "other.pdf.99";
  Correction re_extracted = Fix(0, "owner", {"กองคลัง"}, {"x"});
  re_extracted.source_sha256 = "changed";
  std::vector<Correction> log = {
      other_document, re_extracted,
      Fix(0, "owner", {"สำนักปลัด"}, {"x"}),  // not what the field holds
      Fix(7, "owner", {"กองคลัง"}, {"x"}),   // no such record
  };
  AppliedCorrections applied =
      ApplyCorrections(log, "report.pdf.0011aabb", &doc);
  EXPECT_EQ(applied.applied, 0);
  EXPECT_EQ(applied.stale, 3);  // the other document's is not counted
  EXPECT_EQ(doc.measures[0].owner, std::vector<std::string>{"กองคลัง"});
}

}  // namespace
}  // namespace raingan::batch

namespace raingan::batch {
namespace {

TEST(ApplyCorrectionsTest, WorksOnTheRecordsTheDatabaseLoaderReads) {
  DocumentRecord doc;
  doc.sha256 = "abc";
  MeasureRecord m;
  m.id = "1.1";
  m.measure = "จัดทำคู่มือ";
  m.lists = {ListRecord{"method", {"a"}}, ListRecord{"owner", {"กองคลัง"}}};
  doc.measures = {m};
  Correction owner = Fix(0, "owner", {"กองคลัง"}, {"กองช่าง"});
  Correction start = Fix(0, "period.start", {}, {"2024-10-01"});
  Correction stale = Fix(0, "method", {"not a"}, {"b"});
  Correction output = Fix(0, "output", {}, {"คู่มือ ๑ เล่ม"});
  AppliedCorrections applied = ApplyCorrections({owner, start, stale, output},
                                                "report.pdf.0011aabb", &doc);
  EXPECT_EQ(applied.applied, 3);
  EXPECT_EQ(applied.stale, 1);
  EXPECT_EQ(doc.measures[0].lists[1].items, std::vector<std::string>{"กองช่าง"});
  EXPECT_EQ(doc.measures[0].lists[0].items, std::vector<std::string>{"a"});
  EXPECT_EQ(*doc.measures[0].period_start, "2024-10-01");
  ASSERT_EQ(doc.measures[0].lists.size(), 3u);
  EXPECT_EQ(doc.measures[0].lists[2].field, "output");
  // The digest changes with every correction of the document, only.
  std::string one = CorrectionsDigest({owner}, "report.pdf.0011aabb");
  EXPECT_EQ(one.size(), 64u);
  EXPECT_NE(one, CorrectionsDigest({owner, start}, "report.pdf.0011aabb"));
  EXPECT_EQ(one, CorrectionsDigest({owner}, "report.pdf.0011aabb"));
  EXPECT_EQ(CorrectionsDigest({owner}, "other.pdf.1"), "");
}

}  // namespace
}  // namespace raingan::batch
