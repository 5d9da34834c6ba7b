// The README's example queries (the ```sql blocks of its "## Database"
// section) run on both databases and answer what they say they answer.
#include <gtest/gtest.h>

#include "db/database.h"
#include "db/db_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

std::vector<std::string> ReadmeQueries() {
  std::string readme = db_test::ReadText(testing::SourcePath("README.md"));
  size_t start = readme.find("\n## Database\n");
  if (start == std::string::npos) return {};
  size_t end = readme.find("\n## ", start + 1);
  std::string section = readme.substr(start, end - start);
  std::vector<std::string> queries;
  for (size_t at = 0;
       (at = section.find("```sql\n", at)) != std::string::npos;) {
    at += 7;
    size_t close = section.find("```", at);
    queries.push_back(section.substr(at, close - at));
    at = close + 3;
  }
  return queries;
}

// A batch where exactly two fields are to be checked: the first report
// has one field listed for review (the planned `review` key) and one
// field read with low OCR confidence; every other review item the review
// stage made (the source's own typing errors, say) is removed, so the
// query's answer is known.
db_test::BatchFixture BatchWithFieldsToCheck() {
  db_test::BatchFixture b = db_test::MakeBatch();
  for (const auto& e : db_test::fs::directory_iterator(b.out + "/documents")) {
    std::string path = e.path();
    nlohmann::json doc = testing::ReadJsonFile(path);
    for (nlohmann::json& m : doc["measures"])
      m["review"] = nlohmann::json::array();
    if (e.path().filename().string().rfind("002_", 0) != 0) {
      std::ofstream(path, std::ios::trunc) << doc.dump(2);
      continue;
    }
    doc["measures"][0]["review"] = {
        {{"field", "period"}, {"reason", "month name not recognized"}}};
    doc["measures"][1]["field_confidence"] = {{"measure", 0.93},
                                              {"owner", 0.42}};
    std::ofstream(path, std::ios::trunc) << doc.dump(2);
  }
  return b;
}

void CheckQueries(db::Database& db) {
  std::vector<std::string> queries = ReadmeQueries();
  ASSERT_EQ(queries.size(), 3u) << "the README's Database section changed";
  std::vector<std::vector<db::TextRow>> answers;
  for (const std::string& sql : queries) {
    Result<std::vector<db::TextRow>> rows = db.Query(sql);
    ASSERT_TRUE(rows.ok()) << rows.status().ToString() << "\n" << sql;
    answers.push_back(*rows);
  }
  // 1: per province and year, adding up to every measure.
  int64_t sum = 0;
  for (const db::TextRow& r : answers[0]) sum += std::stoll(*r[2]);
  EXPECT_EQ(sum, db_test::CountRows(db, "measures"));
  EXPECT_GE(answers[0].size(), 2u);
  // 2: exactly the measures without a start date.
  EXPECT_EQ(
      std::to_string(answers[1].size()),
      db_test::QueryValue(
          db, "SELECT COUNT(*) FROM measures WHERE period_start IS NULL"));
  // 3: the field listed for review, and the low-confidence one.
  ASSERT_EQ(answers[2].size(), 2u);
  std::set<std::string> fields;
  for (const db::TextRow& r : answers[2]) fields.insert(*r[3]);
  EXPECT_EQ(fields, (std::set<std::string>{"period", "owner"}));
}

TEST(ReadmeQueries, RunOnSqlite) {
  db_test::BatchFixture b = BatchWithFieldsToCheck();
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  ASSERT_EQ(testing::RunRaingan({"load", b.out, "--db", url}).exit_code, 0);
  db::Database db(url);
  ASSERT_TRUE(db.ok()) << db.error();
  CheckQueries(db);
}

TEST(ReadmeQueries, RunOnPostgres) {
  RAINGAN_REQUIRE_POSTGRES_BINARIES();
  db_test::PostgresServer server;
  ASSERT_TRUE(server.Start()) << server.error();
  db_test::BatchFixture b = BatchWithFieldsToCheck();
  ASSERT_EQ(
      testing::RunRaingan({"load", b.out, "--db", server.Url()}).exit_code, 0);
  db::Database db(server.Url());
  ASSERT_TRUE(db.ok()) << db.error();
  CheckQueries(db);
}

}  // namespace
}  // namespace raingan
