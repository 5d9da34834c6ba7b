// Resume after a crash: kill -9 the batch in the middle of a run, run the
// same command again, and every input must be in results.jsonl exactly
// once, with its measures exactly once in measures.jsonl and measures.csv.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include "base/file.h"
#include "base/sha256.h"
#include "batch/batch_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using testing::RunRaingan;
using testing::SourcePath;

class BatchResumeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    in_ = dir_ + "/in";
    out_ = dir_ + "/out";
    // Sorted order is the processing order with --jobs 1: two documents,
    // then one that hangs (test hook), then two more.
    const std::string a = SourcePath("samples/000_3cee52bff17396b4.txt");
    const std::string b = SourcePath("samples/002_f81f378ca2341cd5.txt");
    for (const auto& [name, source] :
         std::vector<std::pair<std::string, std::string>>{{"a/000.txt", a},
                                                          {"b/002.txt", b},
                                                          {"c/hang_000.txt", a},
                                                          {"d/002.txt", b},
                                                          {"e/000.txt", a}}) {
      fs::create_directories(fs::path(in_ + "/" + name).parent_path());
      fs::copy_file(source, in_ + "/" + name);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Command() const {
    return {"batch", in_, "--out", out_, "--jobs", "1"};
  }
  int Records() const {
    int n = 0;
    for (const auto& e : fs::directory_iterator(out_ + "/.raingan")) {
      n += e.path().string().ends_with(".result.json");
    }
    return n;
  }

  // Waits until the batch `pid` has recorded two documents, stops it as
  // Ctrl-C does and checks that it ended as a stopped batch (status 130).
  void CtrlCAfterTwoRecords(pid_t pid) {
    ASSERT_GT(pid, 0);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!fs::exists(out_ + "/.raingan") || Records() < 2) {
      ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "batch stalled";
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ASSERT_EQ(kill(pid, SIGINT), 0);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 130);
  }

  // Runs the batch again: it must finish, take `earlier` documents from the
  // run before and leave complete merged files.
  void RerunFinishesAfter(int earlier) {
    testing::CommandResult r = RunRaingan(Command());
    ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
    EXPECT_NE(
        r.out.find("(" + std::to_string(earlier) + " done by an earlier run)"),
        std::string::npos)
        << r.out;
    ExpectCompleteAndUnique();
  }

  // Checks the merged files against each other: every input once, and each
  // document's measures once in both measure files.
  void ExpectCompleteAndUnique() {
    std::vector<nlohmann::json> results =
        batch_test::ReadJsonLines(out_ + "/results.jsonl");
    ASSERT_EQ(results.size(), 5u);
    std::map<std::string, int> expected_measures;
    for (const nlohmann::json& r : results) {
      ASSERT_FALSE(r.is_discarded());
      EXPECT_EQ(r["status"], "ok") << r.dump();
      EXPECT_EQ(expected_measures.count(r["path"]), 0u)
          << "twice: " << r["path"];
      expected_measures[r["path"]] = r["measures"].get<int>();
    }
    std::map<std::string, int> jsonl_measures;
    for (const nlohmann::json& m :
         batch_test::ReadJsonLines(out_ + "/measures.jsonl")) {
      ASSERT_FALSE(m.is_discarded());
      ++jsonl_measures[m["source"]["path"]];
    }
    EXPECT_EQ(jsonl_measures, expected_measures);
    int total = 0;
    for (const auto& [path, n] : expected_measures) total += n;
    std::string csv = ReadFile(out_ + "/measures.csv").value();
    size_t rows = 0;
    for (size_t p = csv.find("\r\n"); p != std::string::npos;
         p = csv.find("\r\n", p + 2)) {
      ++rows;
    }
    EXPECT_EQ(rows, static_cast<size_t>(total) + 1);  // + header
    size_t documents = std::distance(
        fs::directory_iterator(out_ + "/documents"), fs::directory_iterator());
    EXPECT_EQ(documents, 5u);
    for (const auto& e : fs::recursive_directory_iterator(out_)) {
      EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos)
          << "left over: " << e.path();
    }
  }

  std::string dir_, in_, out_;
};

TEST_F(BatchResumeTest, KillNineMidRunThenRerunFinishesWithoutDuplicates) {
  pid_t pid = batch_test::Spawn(RAINGAN_BINARY, Command(),
                                "RAINGAN_TEST_HANG_SECONDS", "600");
  ASSERT_GT(pid, 0);
  // Wait until the two documents before the hanging one are recorded: the
  // batch is then stuck in the middle, with work done and work left.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!fs::exists(out_ + "/.raingan") || Records() < 2) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "batch stalled";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(kill(pid, SIGKILL), 0);
  int status = 0;
  waitpid(pid, &status, 0);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(Records(), 2);
  EXPECT_FALSE(fs::exists(out_ + "/results.jsonl"));  // never got that far

  // The rerun (no hang this time) finishes the rest. It also proves the
  // killed batch's worker died with it: otherwise it would still hold the
  // directory's lock and this run would refuse to start.
  ASSERT_NO_FATAL_FAILURE(RerunFinishesAfter(2));

  // Once more: nothing left to do, and the merged files come out the same.
  std::string before = ReadFile(out_ + "/results.jsonl").value();
  testing::CommandResult r = RunRaingan(Command());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(5 done by an earlier run)"), std::string::npos)
      << r.out;
  EXPECT_EQ(ReadFile(out_ + "/results.jsonl").value(), before);
  ExpectCompleteAndUnique();
}

TEST_F(BatchResumeTest, CtrlCStopsCleanlyAndTheRerunFinishes) {
  pid_t pid = batch_test::Spawn(RAINGAN_BINARY, Command(),
                                "RAINGAN_TEST_HANG_SECONDS", "600");
  ASSERT_NO_FATAL_FAILURE(CtrlCAfterTwoRecords(pid));
  // The documents done so far are in the merged files; the hanging one
  // was stopped without a record, so it is not "failed".
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out_ + "/results.jsonl");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(Records(), 2);

  ASSERT_NO_FATAL_FAILURE(RerunFinishesAfter(2));
}

TEST_F(BatchResumeTest, ADocumentRecordedJustBeforeTheStopIsKept) {
  // Ctrl-C between a worker's last write (its record) and its exit: the
  // document is complete and must be in the merged files. Before, it was
  // dropped from them (the flaky failure of the test above, about 1 run in
  // 20 under load); a test hook holds the worker in that moment.
  fs::rename(in_ + "/b/002.txt", in_ + "/b/linger_002.txt");
  pid_t pid = batch_test::Spawn(RAINGAN_BINARY, Command(),
                                "RAINGAN_TEST_LINGER_SECONDS", "600");
  ASSERT_NO_FATAL_FAILURE(CtrlCAfterTwoRecords(pid));
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out_ + "/results.jsonl");
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1]["status"], "ok") << results[1].dump();
  EXPECT_NE(results[1]["path"].get<std::string>().find("linger_002.txt"),
            std::string::npos)
      << results[1].dump();

  ASSERT_NO_FATAL_FAILURE(RerunFinishesAfter(2));
}

TEST_F(BatchResumeTest, ChangedInputIsProcessedAgainAndOnlyIt) {
  ASSERT_EQ(RunRaingan(Command()).exit_code, 0);
  // Same path, new content: the record's sha256 no longer matches.
  fs::copy_file(SourcePath("samples/002_f81f378ca2341cd5.txt"),
                in_ + "/a/000.txt", fs::copy_options::overwrite_existing);
  testing::CommandResult r = RunRaingan(Command());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(4 done by an earlier run)"), std::string::npos)
      << r.out;
  const std::string new_sha = Sha256Hex(ReadFile(in_ + "/a/000.txt").value());
  int seen = 0;
  for (const nlohmann::json& line :
       batch_test::ReadJsonLines(out_ + "/results.jsonl")) {
    if (line["path"] != in_ + "/a/000.txt") continue;
    ++seen;
    EXPECT_EQ(line["sha256"], new_sha);
  }
  EXPECT_EQ(seen, 1);
  ExpectCompleteAndUnique();
}

// The README invites editing models/*.tsv: a resumed batch must not keep
// outputs made with the old models, nor with an old pipeline file.
TEST_F(BatchResumeTest, EditedModelOrPipelineFileMakesEveryInputRunAgain) {
  const std::string models = dir_ + "/models";
  fs::copy(SourcePath("models"), models);
  const std::string pipeline = dir_ + "/mine.json";
  fs::copy_file(SourcePath("pipelines/default.json"), pipeline);
  std::vector<std::string> command = Command();
  for (const char* a :
       {"--models", models.c_str(), "--pipeline", pipeline.c_str()}) {
    command.emplace_back(a);
  }
  ASSERT_EQ(RunRaingan(command).exit_code, 0);
  testing::CommandResult same = RunRaingan(command);
  ASSERT_EQ(same.exit_code, 0) << same.err;
  EXPECT_NE(same.out.find("(5 done by an earlier run)"), std::string::npos)
      << same.out;

  std::ofstream(models + "/units.tsv", std::ios::app) << "# edited\n";
  testing::CommandResult edited = RunRaingan(command);
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_EQ(edited.out.find("done by an earlier run"), std::string::npos)
      << edited.out;
  ExpectCompleteAndUnique();

  std::ofstream(pipeline, std::ios::app) << "\n";
  edited = RunRaingan(command);
  ASSERT_EQ(edited.exit_code, 0) << edited.err;
  EXPECT_EQ(edited.out.find("done by an earlier run"), std::string::npos)
      << edited.out;
  ExpectCompleteAndUnique();
}

TEST_F(BatchResumeTest, FailedInputsAreRetriedOnlyWhenAsked) {
  std::ofstream(in_ + "/f_empty.txt");
  std::vector<std::string> command = Command();
  testing::CommandResult r = RunRaingan(command);
  EXPECT_EQ(r.exit_code, 1);
  r = RunRaingan(command);
  EXPECT_EQ(r.exit_code, 1);  // still failed: results.jsonl says so
  EXPECT_NE(r.out.find("(6 done by an earlier run)"), std::string::npos)
      << r.out;
  command.push_back("--retry-failed");
  r = RunRaingan(command);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("(5 done by an earlier run)"), std::string::npos)
      << r.out;
  command.back() = "--force";
  r = RunRaingan(command);
  EXPECT_EQ(r.out.find("done by an earlier run"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace raingan
