// A worker stopped from outside — SIGTERM to every process of the job, as
// Slurm's scancel, pre-emption and time limit send — must not turn its
// document into a "failed" line that the rerun would skip: the document is
// left for the next run, which processes it.
#include <dirent.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "batch/batch_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;

// The children of `parent`, from /proc.
std::vector<pid_t> Children(pid_t parent) {
  std::vector<pid_t> out;
  for (const auto& e : fs::directory_iterator("/proc")) {
    std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(e.path() / "stat");
    std::string line;
    std::getline(stat, line);
    size_t close = line.rfind(')');
    if (close == std::string::npos) continue;
    std::istringstream rest(line.substr(close + 2));
    char state;
    pid_t ppid;
    rest >> state >> ppid;
    if (ppid == parent) out.push_back(std::stoi(name));
  }
  return out;
}

TEST(BatchStopSignalTest, AWorkerGivenSigtermLeavesItsDocumentForTheRerun) {
  const std::string dir = testing::MakeTempDir();
  const std::string in = dir + "/in", out = dir + "/out";
  fs::create_directories(in);
  fs::copy_file(testing::SourcePath("samples/000_3cee52bff17396b4.txt"),
                in + "/a.txt");
  fs::copy_file(testing::SourcePath("samples/002_f81f378ca2341cd5.txt"),
                in + "/b_hang.txt");
  const std::vector<std::string> command = {"batch", in,       "--out",
                                            out,     "--jobs", "1"};
  pid_t batch = batch_test::Spawn(RAINGAN_BINARY, command,
                                  "RAINGAN_TEST_HANG_SECONDS", "600");
  ASSERT_GT(batch, 0);
  // The hanging document's worker is running once its log exists.
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  auto on_hang = [&] {
    if (!fs::exists(out + "/.raingan")) return false;
    for (const auto& e : fs::directory_iterator(out + "/.raingan")) {
      if (e.path().filename().string().starts_with("b_hang.txt.")) return true;
    }
    return false;
  };
  while (!on_hang()) {
    ASSERT_LT(std::chrono::steady_clock::now(), deadline) << "batch stalled";
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // Only the worker: the batch goes on and ends, the document not done.
  int signalled = 0;
  for (pid_t child : Children(batch)) signalled += ::kill(child, SIGTERM) == 0;
  EXPECT_GE(signalled, 1);
  int status = 0;
  ASSERT_EQ(::waitpid(batch, &status, 0), batch);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 130) << "interrupted: a document not run";
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out + "/results.jsonl");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0]["path"], in + "/a.txt");

  testing::CommandResult r = testing::RunRaingan(command);
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("2 ok, 0 partial, 0 failed (1 done by an earlier run)"),
            std::string::npos)
      << r.out;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace raingan
