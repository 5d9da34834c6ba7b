// The isolation scenario, end to end through the binary: a batch
// mixing good samples (text export, born-digital PDF, scanned image) with
// a zero-byte file, a truncated PDF, an encrypted PDF, a binary .txt, an
// image of noise and a document that hangs. Every good input must come
// out ok, every bad one failed with its reason, and the exit status must
// say that something failed.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>

#include "batch/batch_test_util.h"
#include "testing/run_cli.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

class BatchIsolationTest : public ::testing::Test {
 protected:
  void SetUp() override { dir_ = testing::MakeTempDir(); }
  void TearDown() override {
    unsetenv("RAINGAN_TEST_HANG_SECONDS");
    fs::remove_all(dir_);
  }
  std::string dir_;
};

TEST_F(BatchIsolationTest, BadInputsFailWithReasonsAndGoodOnesSucceed) {
  const std::string bad = dir_ + "/bad";
  fs::create_directories(bad);
  std::ofstream(bad + "/zero.txt");  // zero bytes
  {
    std::mt19937 rng(7);
    std::string garbage(4096, '\0');
    for (char& c : garbage) c = static_cast<char>(rng() & 0xFF);
    std::ofstream(bad + "/garbage.txt", std::ios::binary) << garbage;
  }
  {
    std::ofstream(bad + "/noise.png", std::ios::binary)
        << batch_test::NoisePng(600, 400, 6, 11);
  }
  // A copy of a good export that the test hook makes hang.
  fs::copy_file(SourcePath("samples/002_f81f378ca2341cd5.txt"),
                bad + "/hang_002.txt");
  setenv("RAINGAN_TEST_HANG_SECONDS", "600", 1);

  std::map<std::string, std::string> expect_failed = {
      {bad + "/zero.txt", "empty"},
      {bad + "/garbage.txt", "not a text file"},
      {bad + "/noise.png", "no text was found"},
      {bad + "/hang_002.txt", "timed out after 20 s"},
      {TestDataPath("pdf/truncated.pdf"), "damaged"},
      {TestDataPath("pdf/encrypted.pdf"), "encrypted"},
  };
  std::vector<std::string> good = {
      SourcePath("samples/000_3cee52bff17396b4.txt"),
      SourcePath("samples/002_f81f378ca2341cd5.txt"),
      TestDataPath("pdf/002_p1-3.pdf"),
      TestDataPath("pdf/000_p8_scan100.jpg"),
  };
  std::vector<std::string> args = {"batch",  bad, "--out",     dir_ + "/out",
                                   "--jobs", "2", "--timeout", "20"};
  for (const auto& [path, reason] : expect_failed) {
    if (path.rfind(bad, 0) != 0) args.push_back(path);
  }
  args.insert(args.end(), good.begin(), good.end());

  testing::CommandResult r = RunRaingan(args);
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;

  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(dir_ + "/out/results.jsonl");
  ASSERT_EQ(results.size(), expect_failed.size() + good.size()) << r.err;
  std::map<std::string, nlohmann::json> by_path;
  for (const nlohmann::json& line : results) by_path[line["path"]] = line;
  for (const std::string& path : good) {
    ASSERT_TRUE(by_path.count(path)) << path;
    const nlohmann::json& line = by_path[path];
    EXPECT_EQ(line["status"], "ok") << line.dump();
    EXPECT_GT(line["measures"].get<int>(), 0) << line.dump();
    EXPECT_TRUE(fs::exists(dir_ + "/out/" + line["output"].get<std::string>()));
  }
  for (const auto& [path, reason] : expect_failed) {
    ASSERT_TRUE(by_path.count(path)) << path;
    const nlohmann::json& line = by_path[path];
    EXPECT_EQ(line["status"], "failed") << line.dump();
    EXPECT_NE(line["error"].get<std::string>().find(reason), std::string::npos)
        << path << ": " << line.dump();
    EXPECT_TRUE(line["output"].is_null());
  }
  // Failures are announced as they happen and listed in the summary.
  EXPECT_NE(r.err.find("FAILED " + TestDataPath("pdf/encrypted.pdf")),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("4 ok, 0 partial, 6 failed"), std::string::npos)
      << r.out;
}

TEST_F(BatchIsolationTest, DocumentsOverTheMemoryLimitFailWithTheReason) {
  testing::CommandResult r =
      RunRaingan({"batch", TestDataPath("pdf/000_p7-9.pdf"),
                  SourcePath("samples/002_f81f378ca2341cd5.txt"), "--out",
                  dir_ + "/out", "--jobs", "1", "--max-memory", "1M"});
  EXPECT_EQ(r.exit_code, 1) << r.out << r.err;
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(dir_ + "/out/results.jsonl");
  ASSERT_EQ(results.size(), 2u) << r.err;
  for (const nlohmann::json& line : results) {
    EXPECT_EQ(line["status"], "failed") << line.dump();
    EXPECT_NE(line["error"].get<std::string>().find("out of memory"),
              std::string::npos)
        << line.dump();
  }
}

}  // namespace
}  // namespace raingan
