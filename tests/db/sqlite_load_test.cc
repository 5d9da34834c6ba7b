// `raingan load OUT --db sqlite:PATH` and `raingan batch ... --db`, run as
// a user runs them, on a real batch of real reports.
#include <gtest/gtest.h>

#include <algorithm>

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

TEST(SqliteLoad, RowsMatchTheBatchFilesAndASecondLoadAddsNone) {
  BatchFixture b = MakeBatch();
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  CommandResult first = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  EXPECT_NE(first.out.find("5 inserted, 0 replaced, 0 unchanged, 0 failed"),
            std::string::npos)
      << first.out;

  std::map<std::string, int64_t> expected = ExpectedRows(b.out);
  EXPECT_EQ(expected["documents"], 5);
  EXPECT_GT(expected["measures"], 60);  // 10 + 9 + 46 + 10
  EXPECT_GT(expected["measure_items"], expected["measures"]);
  EXPECT_GT(expected["budget_lines"], 0);  // the plan
  EXPECT_GT(expected["risks"], 0);
  db::Database db(url);
  ASSERT_TRUE(db.ok()) << db.error();
  EXPECT_EQ(ActualRows(db, expected), expected);
  db_test::ExpectMeasuresMatchJsonl(db, b.out);

  CommandResult second = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("0 inserted, 0 replaced, 5 unchanged, 0 failed"),
            std::string::npos)
      << second.out;
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST(SqliteLoad, AFailedInputIsADocumentWithItsErrorAndNoMeasures) {
  BatchFixture b = MakeBatch();
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  ASSERT_EQ(RunRaingan({"load", b.out, "--db", url}).exit_code, 0);
  db::Database db(url);
  Result<std::vector<db::TextRow>> rows = db.Query(
      "SELECT status, error, measure_count, format, "
      "(SELECT COUNT(*) FROM measures m WHERE m.document_id = d.document_id) "
      "FROM documents d WHERE source_path LIKE '%empty.txt'");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  ASSERT_EQ(rows->size(), 1u);
  const db::TextRow& r = (*rows)[0];
  EXPECT_EQ(r[0], "failed");
  ASSERT_TRUE(r[1].has_value());
  EXPECT_FALSE(r[1]->empty());
  EXPECT_EQ(r[2], "0");
  EXPECT_FALSE(r[3].has_value());  // no JSON, so no format
  EXPECT_EQ(r[4], "0");
}

TEST(SqliteLoad, TheSameReportAtTwoPathsIsTwoDocuments) {
  BatchFixture b = MakeBatch();
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  ASSERT_EQ(RunRaingan({"load", b.out, "--db", url}).exit_code, 0);
  db::Database db(url);
  EXPECT_EQ(
      db_test::QueryValue(db,
                          "SELECT COUNT(DISTINCT document_id) FROM documents "
                          "WHERE source_path LIKE '%000_3cee52bff17396b4.txt'"),
      "2");
}

TEST(SqliteLoad, ADocumentExtractedWithOtherSettingsReplacesItsRows) {
  BatchFixture b = MakeBatch();
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  ASSERT_EQ(RunRaingan({"load", b.out, "--db", url}).exit_code, 0);
  // Other settings: the batch extracts every input again.
  RunRaingan(
      {"batch", b.inputs, "--out", b.out, "--ocr-dpi", "200", "--quiet"});
  CommandResult again = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  EXPECT_NE(again.out.find("0 inserted, 5 replaced, 0 unchanged"),
            std::string::npos)
      << again.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(b.out);
  EXPECT_EQ(ActualRows(db, expected), expected);
  EXPECT_EQ(db_test::QueryValue(db,
                                "SELECT COUNT(*) FROM documents "
                                "WHERE settings NOT LIKE '%at 200 dpi%'"),
            "0");
}

TEST(SqliteLoad, KillDashNineInsideADocumentLeavesItOutAndTheNextLoadAddsIt) {
  BatchFixture b = MakeBatch();
  std::string path = b.root + "/raingan.sqlite";
  std::string url = "sqlite:" + path;
  std::string pause = b.root + "/paused";
  pid_t pid = db_test::SpawnRaingan({"load", b.out, "--db", url},
                                    {{"RAINGAN_TEST_DB_PAUSE_AFTER", "2"},
                                     {"RAINGAN_TEST_DB_PAUSE_FILE", pause}},
                                    b.root + "/load.log");
  ASSERT_TRUE(db_test::WaitForFile(pause, 60))
      << db_test::ReadText(b.root + "/load.log");
  // The third document's measures are inserted, its transaction open.
  kill(pid, SIGKILL);
  EXPECT_EQ(db_test::WaitExit(pid), 128 + SIGKILL);

  {
    db::Database db(url);
    ASSERT_TRUE(db.ok()) << db.error();
    EXPECT_EQ(db_test::QueryValue(db, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(db_test::QueryValue(db, "PRAGMA foreign_key_check"), "");
    EXPECT_EQ(db_test::CountRows(db, "documents"), 2);
    EXPECT_TRUE(db_test::IncompleteDocuments(db).empty());
  }
  CommandResult next = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(next.exit_code, 0) << next.err;
  EXPECT_NE(next.out.find("3 inserted, 0 replaced, 2 unchanged"),
            std::string::npos)
      << next.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(b.out);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST(SqliteLoad, BatchWithDbLoadsEachDocumentAsItIsWritten) {
  BatchFixture b = db_test::MakeInputs();
  std::string fresh_out = b.out;
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  std::string pause = b.root + "/paused";
  // One worker, so documents finish one after the other.
  pid_t pid = db_test::SpawnRaingan(
      {"batch", b.inputs, "--out", fresh_out, "--jobs", "1", "--db", url},
      {{"RAINGAN_TEST_DB_PAUSE_AFTER", "1"},
       {"RAINGAN_TEST_DB_PAUSE_FILE", pause}},
      b.root + "/batch.log");
  ASSERT_TRUE(db_test::WaitForFile(pause, 120))
      << db_test::ReadText(b.root + "/batch.log");
  {
    // Mid-batch: the first document is in the database already, the
    // merged files are not written yet.
    db::Database db(url);
    ASSERT_TRUE(db.ok()) << db.error();
    EXPECT_EQ(db_test::CountRows(db, "documents"), 1);
    EXPECT_FALSE(db_test::fs::exists(fresh_out + "/results.jsonl"));
  }
  db_test::fs::remove(pause);
  EXPECT_EQ(db_test::WaitExit(pid), 1);  // empty.txt failed
  std::string log = db_test::ReadText(b.root + "/batch.log");
  EXPECT_NE(log.find("5 inserted, 0 replaced, 0 unchanged, 0 failed"),
            std::string::npos)
      << log;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(fresh_out);
  EXPECT_EQ(ActualRows(db, expected), expected);

  // Resuming the same batch finds every document in the database.
  CommandResult resumed = RunRaingan(
      {"batch", b.inputs, "--out", fresh_out, "--jobs", "1", "--db", url});
  EXPECT_NE(resumed.out.find("0 inserted, 0 replaced, 5 unchanged"),
            std::string::npos)
      << resumed.out << resumed.err;
  EXPECT_EQ(ActualRows(db, expected), expected);
}

TEST(SqliteLoad, ShardsLoadTogetherAndTheirMergeAddsNothing) {
  BatchFixture b = db_test::MakeInputs();
  for (const char* shard : {"1/2", "2/2"}) {
    RunRaingan(
        {"batch", b.inputs, "--out", b.out, "--shard", shard, "--quiet"});
  }
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  CommandResult shards = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(shards.exit_code, 0) << shards.err;
  EXPECT_NE(shards.out.find("5 inserted"), std::string::npos) << shards.out;
  // What merging the shards gives: the shard files one after the other.
  for (const char* name : {"results", "measures"}) {
    std::ofstream merged(b.out + "/" + name + ".jsonl");
    for (const char* suffix : {"-1-of-2", "-2-of-2"}) {
      merged << db_test::ReadText(b.out + "/" + name + suffix + ".jsonl");
    }
  }
  CommandResult merged = RunRaingan({"load", b.out, "--db", url});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_NE(merged.out.find("0 inserted, 0 replaced, 5 unchanged"),
            std::string::npos)
      << merged.out;
  db::Database db(url);
  std::map<std::string, int64_t> expected = ExpectedRows(b.out);
  EXPECT_EQ(expected["documents"], 5);
  EXPECT_EQ(ActualRows(db, expected), expected);
}

// Configuration errors stop `load` and `batch` with exit status 2 and one
// line saying what is wrong, before any document is read.
void ExpectRefused(const BatchFixture& b, const std::string& url,
                   const std::string& message) {
  CommandResult load = RunRaingan({"load", b.out, "--db", url});
  EXPECT_EQ(load.exit_code, 2) << url;
  EXPECT_NE(load.err.find(message), std::string::npos) << load.err;
  EXPECT_EQ(std::count(load.err.begin(), load.err.end(), '\n'), 1) << load.err;
  std::string out = b.root + "/never";
  CommandResult batch =
      RunRaingan({"batch", b.inputs, "--out", out, "--db", url});
  EXPECT_EQ(batch.exit_code, 2) << url;
  EXPECT_NE(batch.err.find(message), std::string::npos) << batch.err;
  EXPECT_FALSE(db_test::fs::exists(out)) << "the batch started";
}

TEST(SqliteLoad, ABadUrlIsRefusedBeforeAnyDocument) {
  BatchFixture b = MakeBatch();
  ExpectRefused(b, "mysql://localhost/x", "is not a database URL");
  ExpectRefused(b, "out.sqlite", "sqlite:out.sqlite");
  ExpectRefused(b, "sqlite:", "names no file");
}

TEST(SqliteLoad, AMissingDirectoryIsRefusedBeforeAnyDocument) {
  BatchFixture b = MakeBatch();
  ExpectRefused(b, "sqlite:/nonexistent-raingan-dir/x.sqlite",
                "the directory /nonexistent-raingan-dir does not exist");
}

TEST(SqliteLoad, AFileThatIsNotADatabaseIsRefused) {
  BatchFixture b = MakeBatch();
  std::ofstream(b.root + "/notes.sqlite")
      << "these are not the tables you want\n"
      << std::string(4096, 'x');
  ExpectRefused(b, "sqlite:" + b.root + "/notes.sqlite", "not a database");
}

TEST(SqliteLoad, AReadOnlyDatabaseIsRefusedBeforeAnyDocument) {
  BatchFixture b = MakeBatch();
  // A directory the loading user may enter, holding a database it may
  // read but not write.
  std::string dir = b.root + "/shared";
  db_test::fs::create_directories(dir);
  std::string path = dir + "/raingan.sqlite";
  ASSERT_EQ(RunRaingan({"load", b.out, "--db", "sqlite:" + path}).exit_code, 0);
  chmod(b.root.c_str(), 0755);
  chmod(dir.c_str(), 0555);
  chmod(path.c_str(), 0444);
  // Root writes read-only files anyway: run as `nobody` then.
  bool as_nobody = geteuid() == 0;
  passwd* nobody = getpwnam("nobody");
  if (as_nobody && nobody == nullptr) GTEST_SKIP() << "no 'nobody' user";
  std::string log = b.root + "/readonly.log";
  std::ofstream(log).close();
  chmod(log.c_str(), 0666);
  pid_t pid = fork();
  if (pid == 0) {
    if (as_nobody &&
        (setgroups(0, nullptr) != 0 || setgid(nobody->pw_gid) != 0 ||
         setuid(nobody->pw_uid) != 0)) {
      _exit(99);
    }
    int out = open(log.c_str(), O_WRONLY | O_TRUNC);
    dup2(out, 2);
    dup2(out, 1);
    execl(RAINGAN_BINARY, RAINGAN_BINARY, "load", b.out.c_str(), "--db",
          ("sqlite:" + path).c_str(), nullptr);
    _exit(127);
  }
  EXPECT_EQ(db_test::WaitExit(pid), 2);
  std::string err = db_test::ReadText(log);
  EXPECT_NE(err.find("read-only"), std::string::npos) << err;
  chmod(dir.c_str(), 0755);
}

TEST(SqliteLoad, ADirectoryThatIsNotABatchOutputIsRefused) {
  std::string dir = testing::MakeTempDir();
  CommandResult r =
      RunRaingan({"load", dir, "--db", "sqlite:" + dir + "/x.sqlite"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("not a batch output directory"), std::string::npos)
      << r.err;
  // Refused before the database is opened: no file is left behind.
  EXPECT_FALSE(db_test::fs::exists(dir + "/x.sqlite"));
  db_test::fs::remove_all(dir);
}

TEST(SqliteLoad, ADamagedDocumentFailsAloneAndTheOthersLoad) {
  BatchFixture b = MakeBatch();
  // Cut one document's JSON in half, as a full disk might.
  std::string victim;
  for (const auto& e : db_test::fs::directory_iterator(b.out + "/documents")) {
    if (e.path().filename().string().rfind("002_", 0) == 0) victim = e.path();
  }
  ASSERT_FALSE(victim.empty());
  std::string text = db_test::ReadText(victim);
  std::ofstream(victim, std::ios::trunc) << text.substr(0, text.size() / 2);
  std::string url = "sqlite:" + b.root + "/raingan.sqlite";
  CommandResult r = RunRaingan({"load", b.out, "--db", url});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("002_f81f378ca2341cd5.txt"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not valid JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("4 inserted, 0 replaced, 0 unchanged, 1 failed"),
            std::string::npos)
      << r.out;
}

}  // namespace
}  // namespace raingan
