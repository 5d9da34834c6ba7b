#include "serve/review_queue.h"

#include <gtest/gtest.h>

namespace raingan::serve {
namespace {

Measure Record(std::string id, std::map<std::string, double> fields) {
  Measure m;
  m.id = std::move(id);
  m.measure = "มาตรการ " + m.id;
  m.field_confidence = std::move(fields);
  m.confidence = 1;
  for (const auto& [f, c] : m.field_confidence)
    m.confidence = std::min(m.confidence, c);
  m.period.text = "๑ ตุลาคม ๖๗ - ๓๐ กันยายน ๖๘";
  m.period.start = Date{2024, 10, 1};
  m.period.end = Date{2025, 9, 30};
  return m;
}

ReadDocument Doc(std::vector<Measure> measures) {
  ReadDocument d;
  d.doc.measures = std::move(measures);
  d.review.assign(d.doc.measures.size(), {});
  return d;
}

TEST(ReviewQueueTest, OldOutputsAreCheckedByConfidenceWarningsAndPeriods) {
  Measure clean = Record("1", {{"owner", 0.95}, {"measure", 0.97}});
  Measure low =
      Record("2", {{"owner", 0.42}, {"method", 0.55}, {"period", 0.9}});
  Measure warned = Record("3", {});
  warned.warnings = {"a row continued from the previous page"};
  Measure undated = Record("4", {});
  undated.period.start.reset();
  undated.period.text = "ตามความเหมาะสม";
  std::vector<ReviewQueueEntry> q =
      RecordsToCheck(Doc({clean, low, warned, undated}), 0.6);
  ASSERT_EQ(q.size(), 3u);
  EXPECT_EQ(q[0].record, 1);
  EXPECT_DOUBLE_EQ(q[0].score, 0.42);
  EXPECT_EQ(q[0].fields, (std::vector<std::string>{"method", "owner"}));
  EXPECT_EQ(q[0].reasons[0], "method: OCR confidence 0.550 (below 0.600)");
  EXPECT_EQ(q[1].record, 2);
  EXPECT_EQ(q[1].reasons,
            (std::vector<std::string>{
                "warning: a row continued from the previous page"}));
  EXPECT_EQ(q[2].record, 3);
  EXPECT_EQ(q[2].fields, (std::vector<std::string>{
                             "period.text", "period.start", "period.end"}));
  EXPECT_NE(q[2].reasons[0].find("ตามความเหมาะสม"), std::string::npos);
  // A higher threshold takes in the clean record too.
  EXPECT_EQ(RecordsToCheck(Doc({clean}), 0.96).size(), 1u);
}

TEST(ReviewQueueTest, APipelineReviewListDecidesAlone) {
  Measure low = Record("1", {{"owner", 0.2}});
  Measure noted = Record("2", {{"period", 0.8}});
  ReadDocument d = Doc({low, noted});
  d.has_review = true;
  d.review[1] = {ReviewNote{"period", "outside the fiscal year"}};
  std::vector<ReviewQueueEntry> q = RecordsToCheck(d, 0.6);
  ASSERT_EQ(q.size(), 1u);
  EXPECT_EQ(q[0].record, 1);
  EXPECT_EQ(q[0].reasons[0], "period: outside the fiscal year");
  EXPECT_DOUBLE_EQ(q[0].score, 0.8);
}

TEST(ReviewQueueTest, WorstFirstThenMoreReasons) {
  std::vector<ReviewQueueEntry> q(3);
  q[0].score = 0.9;
  q[0].reasons = {"a"};
  q[1].score = 0.5;
  q[1].reasons = {"a"};
  q[2].score = 0.9;
  q[2].reasons = {"a", "b"};
  for (int i = 0; i < 3; ++i) q[i].record = i;
  SortWorstFirst(&q);
  EXPECT_EQ(q[0].record, 1);
  EXPECT_EQ(q[1].record, 2);
  EXPECT_EQ(q[2].record, 0);
}

TEST(ReviewQueueTest, FieldNamesMapToTheFieldsThatCanBeCorrected) {
  EXPECT_EQ(CorrectableFieldsFor("period").size(), 3u);
  EXPECT_EQ(CorrectableFieldsFor("owner"), std::vector<std::string>{"owner"});
  EXPECT_EQ(CorrectableFieldsFor("budget"),
            std::vector<std::string>{"budget_baht"});
  EXPECT_TRUE(CorrectableFieldsFor("confidence").empty());
  Measure m = Record("1", {{"period", 0.7}});
  EXPECT_DOUBLE_EQ(*FieldConfidence(m, "period.start"), 0.7);
  EXPECT_FALSE(FieldConfidence(m, "owner"));
}

}  // namespace
}  // namespace raingan::serve
