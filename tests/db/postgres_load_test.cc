// `raingan load` and `raingan batch --db` into a real PostgreSQL server,
// which each test starts on a free localhost port and stops (db_test_util.h).
// Without the server binaries these tests skip locally and fail in CI.
#include <gtest/gtest.h>

#include "db/database.h"
#include "db/db_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

using db_test::ActualRows;
using db_test::BatchFixture;
using db_test::ExpectedRows;
using db_test::MakeBatch;
using testing::CommandResult;
using testing::RunRaingan;

class PostgresLoad : public ::testing::Test {
 protected:
  void SetUp() override {
    RAINGAN_REQUIRE_POSTGRES_BINARIES();
    ASSERT_TRUE(server_.Start()) << server_.error();
    batch_ = MakeBatch();
  }

  db_test::PostgresServer server_;
  BatchFixture batch_;
};

TEST_F(PostgresLoad, RowsMatchTheBatchFilesAndASecondLoadAddsNone) {
  std::string url = server_.Url();
  CommandResult first = RunRaingan({"load", batch_.out, "--db", url});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("5 inserted, 0 replaced, 0 unchanged, 0 failed"),
            std::string::npos)
      << first.out;
  std::map<std::string, int64_t> expected = ExpectedRows(batch_.out);
  EXPECT_GT(expected["measures"], 60);
  EXPECT_GT(expected["budget_lines"], 0);
  db::Database db(url);
  ASSERT_TRUE(db.ok()) << db.error();
  EXPECT_EQ(ActualRows(db, expected), expected);
  db_test::ExpectMeasuresMatchJsonl(db, batch_.out);
  // Typed columns: dates are dates, timestamps have a time zone.
  EXPECT_EQ(
      db_test::QueryValue(
          db, "SELECT pg_typeof(period_start)::text FROM measures LIMIT 1"),
      "date");
  EXPECT_EQ(db_test::QueryValue(
                db,
                "SELECT COUNT(*) FROM documents WHERE extracted_at IS NULL "
                "AND status <> 'failed'"),
            "0");

  CommandResult second = RunRaingan({"load", batch_.out, "--db", url});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 inserted, 0 replaced, 5 unchanged, 0 failed"),
            std::string::npos)
      << second.out;
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST_F(PostgresLoad, ADocumentExtractedWithOtherSettingsReplacesItsRows) {
  std::string url = server_.Url();
  ASSERT_EQ(RunRaingan({"load", batch_.out, "--db", url}).exit_code, 0);
  RunRaingan({"batch", batch_.inputs, "--out", batch_.out, "--ocr-dpi", "200",
              "--quiet"});
  CommandResult again = RunRaingan({"load", batch_.out, "--db", url});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 inserted, 5 replaced, 0 unchanged"),
            std::string::npos)
      << again.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(batch_.out);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST_F(PostgresLoad,
       KillDashNineInsideADocumentLeavesItOutAndTheNextLoadAddsIt) {
  std::string url = server_.Url();
  std::string pause = batch_.root + "/paused";
  pid_t pid = db_test::SpawnRaingan({"load", batch_.out, "--db", url},
                                    {{"RAINGAN_TEST_DB_PAUSE_AFTER", "2"},
                                     {"RAINGAN_TEST_DB_PAUSE_FILE", pause}},
                                    batch_.root + "/load.log");
  ASSERT_TRUE(db_test::WaitForFile(pause, 60))
      << db_test::ReadText(batch_.root + "/load.log");
  kill(pid, SIGKILL);
  EXPECT_EQ(db_test::WaitExit(pid), 128 + SIGKILL);
  {
    db::Database db(url);
    ASSERT_TRUE(db.ok()) << db.error();
    EXPECT_EQ(db_test::CountRows(db, "documents"), 2);
    EXPECT_TRUE(db_test::IncompleteDocuments(db).empty());
  }
  CommandResult next = RunRaingan({"load", batch_.out, "--db", url});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.out.find("3 inserted, 0 replaced, 2 unchanged"),
            std::string::npos)
      << next.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(batch_.out);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST_F(PostgresLoad, AServerGoneMidBatchFailsItsDocumentsAndLosesNoFile) {
  std::string url = server_.Url();
  std::string out = batch_.root + "/out2";
  std::string pause = batch_.root + "/paused";
  pid_t pid = db_test::SpawnRaingan(
      {"batch", batch_.inputs, "--out", out, "--jobs", "1", "--db", url},
      {{"RAINGAN_TEST_DB_PAUSE_AFTER", "1"},
       {"RAINGAN_TEST_DB_PAUSE_FILE", pause}},
      batch_.root + "/batch.log");
  ASSERT_TRUE(db_test::WaitForFile(pause, 120))
      << db_test::ReadText(batch_.root + "/batch.log");
  server_.Stop();  // in the middle of the second document
  db_test::fs::remove(pause);
  EXPECT_EQ(db_test::WaitExit(pid), 1);
  std::string log = db_test::ReadText(batch_.root + "/batch.log");
  EXPECT_NE(log.find("not loaded into the database"), std::string::npos) << log;
  EXPECT_NE(log.find("1 inserted, 0 replaced, 0 unchanged, 4 failed"),
            std::string::npos)
      << log;
  EXPECT_NE(log.find("raingan load " + out), std::string::npos) << log;
  // The batch itself is complete: every document has its files.
  std::vector<nlohmann::json> results =
      db_test::JsonLines(out + "/results.jsonl");
  ASSERT_EQ(results.size(), 5u);
  int ok = 0;
  for (const nlohmann::json& r : results) {
    if (r["status"] == "ok") {
      ++ok;
      EXPECT_TRUE(
          db_test::fs::exists(out + "/" + r["output"].get<std::string>()));
    }
  }
  EXPECT_EQ(ok, 4);

  // The server is back: loading the directory completes the database.
  ASSERT_TRUE(server_.Restart()) << server_.error();
  CommandResult load = RunRaingan({"load", out, "--db", url});
  ASSERT_EQ(load.exit_code, 0) << load.err;
  EXPECT_NE(load.out.find("4 inserted, 0 replaced, 1 unchanged"),
            std::string::npos)
      << load.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(out);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST_F(PostgresLoad, TwoLoadersAtOnceAddEachDocumentOnce) {
  std::string url = server_.Url();
  pid_t a = db_test::SpawnRaingan({"load", batch_.out, "--db", url}, {},
                                  batch_.root + "/a.log");
  pid_t b = db_test::SpawnRaingan({"load", batch_.out, "--db", url}, {},
                                  batch_.root + "/b.log");
  EXPECT_EQ(db_test::WaitExit(a), 0)
      << db_test::ReadText(batch_.root + "/a.log");
  EXPECT_EQ(db_test::WaitExit(b), 0)
      << db_test::ReadText(batch_.root + "/b.log");
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(batch_.out);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST_F(PostgresLoad, AReadOnlyDatabaseIsRefusedBeforeAnyDocument) {
  {
    db::Database admin(server_.Url());
    ASSERT_TRUE(admin.ok()) << admin.error();
    ASSERT_TRUE(admin.Execute("CREATE DATABASE archive").ok());
    ASSERT_TRUE(admin
                    .Execute("ALTER DATABASE archive SET "
                             "default_transaction_read_only = on")
                    .ok());
  }
  for (std::string command : {"load", "batch"}) {
    std::vector<std::string> args =
        command == "load"
            ? std::vector<std::string>{"load", batch_.out}
            : std::vector<std::string>{"batch", batch_.inputs, "--out",
                                       batch_.root + "/never"};
    args.push_back("--db");
    args.push_back(server_.Url("archive"));
    CommandResult r = RunRaingan(args);
    EXPECT_EQ(r.exit_code, 2) << command;
    EXPECT_NE(r.err.find("read-only transaction"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
  EXPECT_FALSE(db_test::fs::exists(batch_.root + "/never"));
}

// No server is needed to see that a server which is not there is refused.
TEST(PostgresUnreachable, AServerThatIsDownIsRefusedBeforeAnyDocument) {
  BatchFixture b = MakeBatch();
  std::string url =
      "postgresql://postgres@127.0.0.1:" + std::to_string(db_test::FreePort()) +
      "/postgres";
  CommandResult load = RunRaingan({"load", b.out, "--db", url});
  EXPECT_EQ(load.exit_code, 2);
  EXPECT_NE(load.err.find("cannot connect"), std::string::npos) << load.err;
  EXPECT_NE(load.err.find("refused"), std::string::npos) << load.err;
  EXPECT_EQ(std::count(load.err.begin(), load.err.end(), '\n'), 1) << load.err;
  CommandResult batch =
      RunRaingan({"batch", b.inputs, "--out", b.root + "/never", "--db", url});
  EXPECT_EQ(batch.exit_code, 2);
  EXPECT_FALSE(db_test::fs::exists(b.root + "/never"));
}

TEST(PostgresUnreachable, AMalformedUrlIsRefusedWithoutItsPassword) {
  BatchFixture b = MakeBatch();
  CommandResult r =
      RunRaingan({"load", b.out, "--db",
                  "postgresql://loader:s3cret@127.0.0.1:notaport/x"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err.find("s3cret"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("loader:***@"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace raingan
