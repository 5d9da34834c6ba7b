#include "output/correction_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace raingan {
namespace {

TEST(CorrectionJsonTest, EveryKindOfValueRoundTrips) {
  for (const auto& [field, old_value, new_value] :
       std::vector<std::tuple<std::string, std::vector<std::string>,
                              std::vector<std::string>>>{
           {"owner", {"กองคลัง", "กองช่าง"}, {"สำนักปลัด"}},
           {"measure", {"เดิม"}, {"ใหม่ \"quoted\" <b>"}},
           {"period.start", {}, {"2024-10-01"}},
           {"budget_baht", {"0"}, {"125000"}},
           {"section", {"x"}, {}}}) {
    Correction c;
    c.time = "2025-01-31T08:15:00Z";
    c.document = "a.pdf.00112233";
    c.source_sha256 = "ff";
    c.record = 3;
    c.measure_id = "1.2";
    c.field = field;
    c.old_value = old_value;
    c.new_value = new_value;
    std::string line = CorrectionToJsonLine(c);
    EXPECT_EQ(line.find('\n'), std::string::npos);
    Result<Correction> back = CorrectionFromJson(line);
    ASSERT_TRUE(back.ok()) << line;
    EXPECT_EQ(back->field, field);
    EXPECT_EQ(back->old_value, old_value);
    EXPECT_EQ(back->new_value, new_value);
    EXPECT_EQ(back->record, 3);
    EXPECT_EQ(back->measure_id, "1.2");
  }
  nlohmann::json j = nlohmann::json::parse(CorrectionToJsonLine(
      Correction{"t", "d", "s", 0, "", "budget_baht", {}, {"5"}}));
  EXPECT_TRUE(j["old"].is_null());
  EXPECT_EQ(j["new"], 5);
}

TEST(CorrectionJsonTest, TornOrForeignLinesAreErrors) {
  std::string line = CorrectionToJsonLine(
      Correction{"t", "d", "s", 0, "1", "owner", {"a"}, {"b"}});
  EXPECT_FALSE(CorrectionFromJson(line.substr(0, line.size() / 2)).ok());
  EXPECT_FALSE(
      CorrectionFromJson(
          R"({"time":"t","document":"d","source_sha256":"s","record":0,"field":"rm","old":null,"new":null})")
          .ok());
  EXPECT_FALSE(
      CorrectionFromJson(
          R"({"time":"t","document":"d","source_sha256":"s","record":-1,"field":"owner","old":[],"new":[]})")
          .ok());
  EXPECT_FALSE(
      CorrectionFromJson(
          R"({"time":"t","document":"d","source_sha256":"s","record":0,"field":"owner","old":"a","new":[]})")
          .ok());
}

TEST(SaveRequestTest, ChecksShapeFieldsAndValues) {
  Result<SaveRequest> ok = SaveRequestFromJson(
      R"({"document": "d", "record": 2, "mark": "flagged",
          "changes": [{"field": "owner", "old": ["a"], "new": ["b", "c"]},
                      {"field": "period.end", "old": null, "new": ""},
                      {"field": "budget_baht", "old": 10, "new": "12"}]})");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->record, 2);
  EXPECT_EQ(*ok->mark, ReviewMark::kFlagged);
  ASSERT_EQ(ok->changes.size(), 3u);
  EXPECT_TRUE(ok->changes[1].new_value.empty());  // "" is unknown
  EXPECT_EQ(ok->changes[2].old_value, std::vector<std::string>{"10"});
  EXPECT_EQ(ok->changes[2].new_value, std::vector<std::string>{"12"});
  for (
      const char* bad :
      {"", "{}", R"({"document": "d"})", R"({"document": "d", "record": 1.5})",
       R"({"document": "d", "record": 0, "changes": {}})",
       R"({"document": "d", "record": 0, "changes": [{"field": "x", "old": null, "new": null}]})",
       R"({"document": "d", "record": 0, "changes": [{"field": "owner", "old": [1], "new": []}]})",
       R"({"document": "d", "record": 0, "changes": [{"field": "period.start", "old": null, "new": "2024-1-1"}]})",
       R"({"document": "d", "record": 0, "changes": [{"field": "budget_baht", "old": null, "new": -5}]})",
       R"({"document": "d", "record": 0, "mark": true})"}) {
    EXPECT_FALSE(SaveRequestFromJson(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace raingan
