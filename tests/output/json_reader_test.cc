// Reading document JSON back: what the writer wrote comes back as the
// same values, the planned contract keys are read when present and absent
// otherwise, and a damaged file is an error that names the key.
#include "output/json_reader.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "model/document.h"
#include "output/json_writer.h"

namespace raingan {
namespace {

Document SampleDocument() {
  Document doc;
  doc.source = {"reports/อบต.pdf", std::string(64, 'a'), SourceFormat::kPdf,
                12};
  doc.info.kind = DocumentKind::kAnticorruptionPlan;
  doc.info.title = "แผนปฏิบัติการป้องกันการทุจริต";
  doc.info.organization = {"องค์การบริหารส่วนตำบลยางราก", "โคกเจริญ", "ลพบุรี"};
  doc.info.fiscal_year = {2566, 2570};
  Measure m;
  m.id = "1-2";
  m.section = "ภารกิจที่ ๑";
  m.measure = "โครงการอบรมคุณธรรม";
  m.method = {"อบรม", "ประเมินผล"};
  m.owner = {"สำนักปลัด"};
  m.period.text = "๑ ตุลาคม ๖๗- ๓๐ กันยายน ๖๘";
  m.period.start = Date{2024, 10, 1};
  m.period.end = Date{2025, 9, 30};
  m.period.fiscal_years = {2568};
  m.output = {"ผู้เข้าร่วม ๕๐ คน"};
  m.recommendation = {"ควรขยายผล"};
  m.has_recommendation = true;
  m.budget_baht = 20000;
  m.extra["objectives"] = {"เพื่อส่งเสริม"};
  m.prov.page = 8;
  m.prov.bbox = {85.1, 210.1, 538.6, 768.5};
  m.table = 1;
  m.row = 3;
  m.confidence = 0.42;
  m.field_confidence = {{"measure", 0.94}, {"owner", 0.42}};
  m.warnings = {"low OCR confidence (0.42) in owner"};
  doc.measures.push_back(m);
  Measure unknown;
  unknown.measure = "ไม่มีวันที่";
  unknown.table = 1;
  unknown.row = 4;
  doc.measures.push_back(unknown);
  BudgetLine line;
  line.dimension = 1;
  line.project = "โครงการอบรมคุณธรรม";
  line.by_year = {{2566, 20000}, {2567, std::nullopt}, {2568, 0}};
  line.measure_id = "1-2";
  doc.plan.budget_lines.push_back(line);
  BudgetTotal total;
  total.dimension = 0;
  total.stated = {{2566, 50000}};
  total.computed = {{2566, 35000}, {2567, 0}};
  doc.plan.budget_totals.push_back(total);
  RiskRow risk;
  risk.seq = 1;
  risk.step = "จัดซื้อ";
  risk.risks = {"ฮั้วประมูล"};
  risk.risk_score = "สูง";
  risk.controls = {"เปิดเผยราคากลาง", "ตรวจสอบ"};
  doc.plan.risks.push_back(risk);
  doc.scores.push_back(Score{"overall", "คะแนนรวม", 93.66, "A", {}});
  doc.AddIssue("budget_table", "budget_mismatch",
               "budget table: dimension 2 ...");
  return doc;
}

TEST(DocumentRecordFromJson, ReadsBackWhatTheWriterWrote) {
  Result<DocumentRecord> r =
      DocumentRecordFromJson(DocumentToJson(SampleDocument(), JsonOptions{}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->schema_version, "1");
  EXPECT_EQ(r->source_path, "reports/อบต.pdf");
  EXPECT_EQ(r->format, "pdf");
  EXPECT_EQ(r->pages, 12);
  EXPECT_EQ(r->kind, "anticorruption_plan");
  EXPECT_EQ(r->province, "ลพบุรี");
  EXPECT_EQ(r->fiscal_year_be, 2566);
  EXPECT_EQ(r->fiscal_year_be_end, 2570);
  ASSERT_EQ(r->measures.size(), 2u);
  const MeasureRecord& m = r->measures[0];
  EXPECT_EQ(m.id, "1-2");
  EXPECT_EQ(m.period_start, "2024-10-01");
  EXPECT_EQ(m.period_end, "2025-09-30");
  EXPECT_EQ(m.period_fiscal_years, std::vector<int>{2568});
  EXPECT_EQ(m.budget_baht, 20000);
  EXPECT_EQ(m.provenance.page, 8);
  EXPECT_FALSE(m.provenance.line.has_value());
  ASSERT_TRUE(m.provenance.bbox.has_value());
  EXPECT_DOUBLE_EQ(m.provenance.bbox->x1, 538.6);
  EXPECT_EQ(m.table, 1);
  EXPECT_EQ(m.row, 3);
  EXPECT_DOUBLE_EQ(m.confidence, 0.42);
  EXPECT_DOUBLE_EQ(m.field_confidence.at("owner"), 0.42);
  // Lists in the writer's order, the optional ones after the fixed four.
  std::vector<std::string> fields;
  for (const ListRecord& l : m.lists) fields.push_back(l.field);
  EXPECT_EQ(fields,
            (std::vector<std::string>{"method", "owner", "output", "outcome",
                                      "recommendation", "extra.objectives"}));
  EXPECT_EQ(m.lists[0].items, (std::vector<std::string>{"อบรม", "ประเมินผล"}));
  EXPECT_TRUE(m.lists[3].items.empty());
  // Unknown stays unknown: no empty strings for null.
  const MeasureRecord& u = r->measures[1];
  EXPECT_FALSE(u.id.has_value());
  EXPECT_FALSE(u.period_text.has_value());
  EXPECT_FALSE(u.period_start.has_value());
  EXPECT_FALSE(u.budget_baht.has_value());
  EXPECT_FALSE(u.provenance.bbox.has_value());
  EXPECT_EQ(u.lists.size(), 4u);

  ASSERT_EQ(r->budget_lines.size(), 1u);
  const auto& by_year = r->budget_lines[0].by_year;
  ASSERT_EQ(by_year.size(), 3u);
  EXPECT_EQ(by_year[1].first, 2567);
  EXPECT_FALSE(by_year[1].second.has_value());  // blank cell
  EXPECT_EQ(by_year[2].second, 0);              // "-"
  ASSERT_EQ(r->budget_totals.size(), 1u);
  EXPECT_FALSE(r->budget_totals[0].dimension.has_value());  // "all"
  EXPECT_EQ(r->budget_totals[0].computed.size(), 2u);
  ASSERT_EQ(r->risks.size(), 1u);
  EXPECT_EQ(r->risks[0].controls.size(), 2u);
  ASSERT_EQ(r->scores.size(), 1u);
  EXPECT_EQ(r->scores[0].score, 93.66);
  EXPECT_EQ(r->warnings.size(), 1u);
}

TEST(DocumentRecordFromJson, StatusAndIssuesAsTheWriterWritesThem) {
  Document doc = SampleDocument();
  doc.status = DocStatus::kPartial;
  doc.status_reason = "1 of 12 pages were not read (page 3: no text layer)";
  doc.AddIssue("pdf", "page_not_read", "page 3 was not read", 3);
  Result<DocumentRecord> r =
      DocumentRecordFromJson(DocumentToJson(doc, JsonOptions{}));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, "partial");
  EXPECT_EQ(r->status_reason, doc.status_reason);
  ASSERT_EQ(r->issues.size(), 2u);
  EXPECT_EQ(r->issues[0].code, "budget_mismatch");
  EXPECT_FALSE(r->issues[0].page.has_value());
  EXPECT_EQ(r->issues[1].code, "page_not_read");
  EXPECT_EQ(r->issues[1].stage, "pdf");
  EXPECT_EQ(r->issues[1].page, 3);
  EXPECT_EQ(r->warnings.size(), 2u);
}

TEST(DocumentRecordFromJson, OutputBeforeThePlannedKeysHasThemAbsent) {
  // What raingan wrote before status, status_reason and issues existed.
  nlohmann::json old =
      nlohmann::json::parse(DocumentToJson(SampleDocument(), JsonOptions{}));
  for (const char* key : {"status", "status_reason", "issues"}) old.erase(key);
  for (auto& m : old["measures"]) m.erase("review");
  Result<DocumentRecord> r = DocumentRecordFromJson(old.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->status.has_value());
  EXPECT_FALSE(r->status_reason.has_value());
  EXPECT_TRUE(r->issues.empty());
  EXPECT_TRUE(r->measures[0].review.empty());
  EXPECT_FALSE(r->measures[0].table_kind.has_value());
  EXPECT_TRUE(r->measures[0].period_runs.empty());
}

TEST(DocumentRecordFromJson, ReadsThePlannedContractKeys) {
  nlohmann::json j =
      nlohmann::json::parse(DocumentToJson(SampleDocument(), JsonOptions{}));
  j["status"] = "partial";
  j["status_reason"] = "1 of 12 pages were not read";
  j["issues"] = {
      {{"code", "table_no_records"},
       {"stage", "measure_tables"},
       {"page", 3},
       {"message", "a table without records"}},
      {{"code", "x"}, {"stage", nullptr}, {"page", nullptr}, {"message", "m"}}};
  j["measures"][0]["review"] = {
      {{"field", "period"}, {"reason", "month name not recognized"}}};
  j["measures"][0]["provenance"]["table_kind"] = "ruled";
  j["measures"][0]["period"]["runs"] = {
      {{"start", "2024-10-01"}, {"end", "2024-11-30"}},
      {{"start", "2025-02-01"}, {"end", "2025-03-31"}}};
  Result<DocumentRecord> r = DocumentRecordFromJson(j.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->status, "partial");
  EXPECT_EQ(r->status_reason, "1 of 12 pages were not read");
  ASSERT_EQ(r->issues.size(), 2u);
  EXPECT_EQ(r->issues[0].code, "table_no_records");
  EXPECT_EQ(r->issues[0].page, 3);
  EXPECT_FALSE(r->issues[1].stage.has_value());
  const MeasureRecord& m = r->measures[0];
  ASSERT_EQ(m.review.size(), 1u);
  EXPECT_EQ(m.review[0].field, "period");
  EXPECT_EQ(m.review[0].reason, "month name not recognized");
  EXPECT_EQ(m.table_kind, "ruled");
  ASSERT_EQ(m.period_runs.size(), 2u);
  EXPECT_EQ(m.period_runs[1].end, "2025-03-31");
}

TEST(DocumentRecordFromJson, ADamagedFileIsAnErrorNamingTheKey) {
  std::string good = DocumentToJson(SampleDocument(), JsonOptions{});
  Result<DocumentRecord> truncated =
      DocumentRecordFromJson(good.substr(0, good.size() / 2));
  ASSERT_FALSE(truncated.ok());
  EXPECT_NE(truncated.status().message().find("not valid JSON"),
            std::string::npos);

  nlohmann::json j = nlohmann::json::parse(good);
  j["measures"][1]["period"]["start"] = "2024/10/01";
  Result<DocumentRecord> bad_date = DocumentRecordFromJson(j.dump());
  ASSERT_FALSE(bad_date.ok());
  EXPECT_NE(bad_date.status().message().find("measures[1].period.start"),
            std::string::npos)
      << bad_date.status().message();

  j = nlohmann::json::parse(good);
  j["measures"][0]["owner"] = {"ok", 7};
  Result<DocumentRecord> bad_item = DocumentRecordFromJson(j.dump());
  ASSERT_FALSE(bad_item.ok());
  EXPECT_NE(bad_item.status().message().find("measures[0].owner[1]"),
            std::string::npos)
      << bad_item.status().message();

  j = nlohmann::json::parse(good);
  j.erase("source");
  EXPECT_FALSE(DocumentRecordFromJson(j.dump()).ok());

  j = nlohmann::json::parse(good);
  j["schema_version"] = "2";
  Result<DocumentRecord> newer = DocumentRecordFromJson(j.dump());
  ASSERT_FALSE(newer.ok());
  EXPECT_EQ(newer.status().code(), Status::Code::kUnsupported);

  EXPECT_FALSE(DocumentRecordFromJson("[1, 2]").ok());
  EXPECT_FALSE(DocumentRecordFromJson("").ok());
}

TEST(DocumentRecordFromJson, IgnoresKeysItDoesNotKnow) {
  nlohmann::json j = nlohmann::json::parse(
      DocumentToJson(SampleDocument(), JsonOptions{.layout = true}));
  j["something_new"] = {{"a", 1}};
  j["measures"][0]["also_new"] = 3;
  Result<DocumentRecord> r = DocumentRecordFromJson(j.dump());
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->measures.size(), 2u);
}

}  // namespace
}  // namespace raingan
