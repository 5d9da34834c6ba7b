// `raingan merge`: the shards of a batch joined into what one machine
// running the whole batch writes, with every check a cluster user relies
// on (a shard missing or still running, a document twice or missing).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "base/file.h"
#include "batch/batch_test_util.h"
#include "batch/shard.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using testing::CommandResult;
using testing::RunRaingan;
using testing::SourcePath;

// The file's content, or `missing` when it cannot be read.
std::string ReadOr(const std::string& path, const std::string& missing) {
  Result<std::string> text = ReadFile(path);
  return text.ok() ? *text : missing;
}

// Everything a batch directory holds for its users, read back: the merged
// files' bytes (results.jsonl without its timings) and every document.
std::map<std::string, std::string> Outputs(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const char* name : {"measures.jsonl", "measures.csv"}) {
    out[name] = ReadOr(dir + "/" + name, "(missing)");
  }
  std::string results;
  for (nlohmann::json line :
       batch_test::ReadJsonLines(dir + "/results.jsonl")) {
    line.erase("seconds");
    results += line.dump() + "\n";
  }
  out["results.jsonl"] = results;
  if (fs::exists(dir + "/documents")) {
    for (const auto& e : fs::directory_iterator(dir + "/documents")) {
      out["documents/" + e.path().filename().string()] =
          ReadFile(e.path().string()).value();
    }
  }
  return out;
}

// The exact bytes of the merged files, for "merging again changes nothing".
std::string Bytes(const std::string& dir) {
  std::string all;
  for (const char* name : {"results.jsonl", "measures.jsonl", "measures.csv"}) {
    all += ReadOr(dir + "/" + name, "(missing)");
  }
  return all;
}

class MergeCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    in_ = dir_ + "/in";
    const std::vector<std::string> samples = {
        "samples/000_3cee52bff17396b4.txt", "samples/002_f81f378ca2341cd5.txt",
        "samples/004_4a7e64d5c0343923.txt"};
    for (const char* folder : {"a", "b", "c"}) {
      fs::create_directories(in_ + "/" + folder);
      for (const std::string& s : samples) {
        fs::copy_file(SourcePath(s), in_ + "/" + folder + "/" +
                                         fs::path(s).filename().string());
      }
    }
    std::ofstream(in_ + "/b/empty.txt");  // a document that fails
    single_ = dir_ + "/single";
    CommandResult r =
        RunRaingan({"batch", in_, "--out", single_, "--jobs", "2"});
    ASSERT_EQ(r.exit_code, 1) << r.out << r.err;  // the empty file
  }
  void TearDown() override { fs::remove_all(dir_); }

  CommandResult Shard(int k, const std::string& out,
                      std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {
        "batch",  in_, "--out",   out,
        "--jobs", "2", "--shard", std::to_string(k) + "/3"};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunRaingan(args);
  }
  void RunShards() {
    for (int k = 1; k <= 3; ++k) {
      CommandResult r = Shard(k, Part(k));
      ASSERT_TRUE(r.exit_code == 0 || r.exit_code == 1) << r.out << r.err;
    }
  }
  std::string Part(int k) const { return dir_ + "/shard" + std::to_string(k); }

  std::string dir_, in_, single_;
};

TEST_F(MergeCommandTest, ShardsMergeIntoWhatOneMachineWrites) {
  RunShards();
  const std::string merged = dir_ + "/merged";
  CommandResult r = RunRaingan(
      {"merge", Part(1), Part(2), Part(3), "--out", merged, "--inputs", in_});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("3 shards, 10 documents: 9 ok, 0 partial, 1 failed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("every input once"), std::string::npos) << r.out;
  std::map<std::string, std::string> expected = Outputs(single_);
  EXPECT_EQ(expected.size(), 3u + 9u);  // 3 merged files, 9 documents
  EXPECT_EQ(Outputs(merged), expected);

  // Idempotent: again, the same bytes; and nothing half-written is left.
  std::string before = Bytes(merged);
  r = RunRaingan(
      {"merge", Part(1), Part(2), Part(3), "--out", merged, "--inputs", in_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Bytes(merged), before);
  for (const auto& e : fs::recursive_directory_iterator(merged)) {
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << e.path();
  }
}

TEST_F(MergeCommandTest, ShardsThatSharedOneDirectoryMergeInPlace) {
  const std::string shared = dir_ + "/shared";
  for (int k = 1; k <= 3; ++k) Shard(k, shared);
  CommandResult r = RunRaingan({"merge", shared});
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("(inputs not checked)"), std::string::npos) << r.out;
  EXPECT_EQ(Outputs(shared), Outputs(single_));
  std::string before = Bytes(shared);
  ASSERT_EQ(RunRaingan({"merge", shared}).exit_code, 0);
  EXPECT_EQ(Bytes(shared), before);
}

TEST_F(MergeCommandTest, AMissingShardIsNamedAndNothingIsWritten) {
  RunShards();
  const std::string merged = dir_ + "/merged";
  CommandResult r = RunRaingan({"merge", Part(1), Part(3), "--out", merged});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("1 of 3 shards have no results (shard 2)"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(merged + "/results.jsonl"));
}

TEST_F(MergeCommandTest, AnInputWithoutAResultIsNamed) {
  RunShards();
  // A file the shards never saw (added after they ran).
  fs::copy_file(in_ + "/a/000_3cee52bff17396b4.txt", in_ + "/c/late.txt");
  const std::string merged = dir_ + "/merged";
  CommandResult r = RunRaingan(
      {"merge", Part(1), Part(2), Part(3), "--out", merged, "--inputs", in_});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("1 of 11 inputs have no result in any shard: " + in_ +
                       "/c/late.txt"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(merged + "/results.jsonl"));

  // A manifest that does not list everything the shards did.
  const std::string manifest = dir_ + "/list.txt";
  std::ofstream(manifest) << in_ + "/a\n";
  r = RunRaingan({"merge", Part(1), Part(2), Part(3), "--out", merged,
                  "--manifest", manifest});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("7 results are for documents that are not among the "
                       "inputs"),
            std::string::npos)
      << r.err;
}

TEST_F(MergeCommandTest, ADocumentInTwoBatchesIsRefused) {
  const std::string part_a = dir_ + "/part-a";
  ASSERT_EQ(RunRaingan({"batch", in_ + "/a", "--out", part_a}).exit_code, 0);
  const std::string merged = dir_ + "/merged";
  CommandResult r = RunRaingan({"merge", part_a, single_, "--out", merged});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("3 documents appear more than once: " + in_ +
                       "/a/000_3cee52bff17396b4.txt (" + part_a + " and " +
                       single_ + ")"),
            std::string::npos)
      << r.err;
  EXPECT_FALSE(fs::exists(merged + "/results.jsonl"));
}

TEST_F(MergeCommandTest, AShardStillRunningIsNotMerged) {
  RunShards();
  // Hold shard 2's lock as its running batch would.
  int fd = ::open((Part(2) + "/.raingan/lock-2-of-3").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(::flock(fd, LOCK_EX | LOCK_NB), 0);
  CommandResult r = RunRaingan(
      {"merge", Part(1), Part(2), Part(3), "--out", dir_ + "/merged"});
  ::close(fd);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("shard 2/3 in " + Part(2) + " is still running"),
            std::string::npos)
      << r.err;
}

TEST_F(MergeCommandTest, AShardKilledMidRunResumesAndTheMergeIsComplete) {
  // The last input of some shard hangs (test hook), so that shard is
  // killed with work done and work left; its rerun must finish it with
  // nothing lost or twice.
  // Shards follow a hash of the whole path, and the temporary directory's
  // name changes from run to run: the hanging copy is named so that its
  // shard holds other inputs too, done before it (it sorts last), or the
  // kill would find no work done (by the odds, about 1 run in 60).
  std::vector<std::string> inputs;
  for (const auto& e : fs::recursive_directory_iterator(in_)) {
    if (e.is_regular_file()) inputs.push_back(e.path().string());
  }
  auto shard_of = [](const std::string& path) {
    int k = 1;
    while (!batch::InShard(path, batch::Shard{k, 3})) ++k;
    return k;
  };
  std::string hang;
  for (int n = 0; hang.empty(); ++n) {
    std::string candidate = in_ + "/c/zz_hang" + std::to_string(n) + ".txt";
    for (const std::string& input : inputs) {
      if (shard_of(input) == shard_of(candidate)) hang = candidate;
    }
  }
  const std::string hang_name = fs::path(hang).filename().string();
  fs::copy_file(in_ + "/c/004_4a7e64d5c0343923.txt", hang);
  ASSERT_EQ(RunRaingan({"batch", in_, "--out", single_}).exit_code, 1);
  const int k = shard_of(hang);
  RunShards();  // all shards; shard k again below, killed mid-run
  fs::remove_all(Part(k));
  pid_t pid = batch_test::Spawn(RAINGAN_BINARY,
                                {"batch", in_, "--out", Part(k), "--jobs", "1",
                                 "--shard", std::to_string(k) + "/3"},
                                "RAINGAN_TEST_HANG_SECONDS", "600");
  ASSERT_GT(pid, 0);
  // Its worker is on the hanging document once that document's log exists.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto hanging = [&] {
    if (!fs::exists(Part(k) + "/.raingan")) return false;
    for (const auto& e : fs::directory_iterator(Part(k) + "/.raingan")) {
      if (e.path().filename().string().starts_with(hang_name + ".")) {
        return true;
      }
    }
    return false;
  };
  while (!hanging()) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "shard stalled";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  ::waitpid(pid, nullptr, 0);
  CommandResult merge = RunRaingan({"merge", Part(1), Part(2), Part(3), "--out",
                                    dir_ + "/merged", "--inputs", in_});
  EXPECT_EQ(merge.exit_code, 1) << "shard " << k << " was killed before its "
                                << "results: " << merge.out;

  CommandResult rerun = Shard(k, Part(k));
  ASSERT_TRUE(rerun.exit_code == 0 || rerun.exit_code == 1) << rerun.err;
  EXPECT_NE(rerun.out.find("done by an earlier run"), std::string::npos)
      << rerun.out;
  merge = RunRaingan({"merge", Part(1), Part(2), Part(3), "--out",
                      dir_ + "/merged", "--inputs", in_});
  ASSERT_EQ(merge.exit_code, 0) << merge.err;
  EXPECT_EQ(Outputs(dir_ + "/merged"), Outputs(single_));
}

TEST_F(MergeCommandTest, Usage) {
  EXPECT_EQ(RunRaingan({"merge"}).exit_code, 2);
  EXPECT_EQ(RunRaingan({"merge", "a", "b"}).exit_code, 2);  // needs --out
  EXPECT_EQ(RunRaingan({"merge", "a", "--bogus"}).exit_code, 2);
  CommandResult r = RunRaingan({"merge", dir_ + "/nothing-here"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("no such directory"), std::string::npos) << r.err;
  r = RunRaingan({"merge", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("usage: raingan merge"), std::string::npos);
}

}  // namespace
}  // namespace raingan
