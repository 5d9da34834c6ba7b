// What `raingan batch` leaves in its output directory, as users and other
// programs read it: per-document JSON identical to `raingan extract`,
// results.jsonl, measures.jsonl and measures.csv that agree with each
// other, shards that split the inputs, and the command-line contract.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "base/file.h"
#include "base/sha256.h"
#include "batch/batch_test_util.h"
#include "testing/run_cli.h"
#include "testing/schema_validator.h"

namespace raingan {
namespace {

namespace fs = std::filesystem;
using testing::RunRaingan;
using testing::SourcePath;
using testing::TestDataPath;

class BatchOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    out_ = dir_ + "/out";
    // The same file name as samples/000_*.txt, in another directory.
    fs::create_directories(dir_ + "/other");
    twin_ = dir_ + "/other/000_3cee52bff17396b4.txt";
    fs::copy_file(SourcePath("samples/002_f81f378ca2341cd5.txt"), twin_);
    inputs_ = {SourcePath("samples/000_3cee52bff17396b4.txt"), twin_,
               TestDataPath("pdf/002_p1-3.pdf")};
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::vector<std::string> Command(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"batch"};
    args.insert(args.end(), inputs_.begin(), inputs_.end());
    args.insert(args.end(), {"--out", out_});
    args.insert(args.end(), extra.begin(), extra.end());
    return args;
  }

  std::string dir_, out_, twin_;
  std::vector<std::string> inputs_;
};

TEST_F(BatchOutputsTest, EachDocumentJsonIsWhatExtractWrites) {
  testing::CommandResult r = RunRaingan(Command());
  ASSERT_EQ(r.exit_code, 0) << r.out << r.err;
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out_ + "/results.jsonl");
  ASSERT_EQ(results.size(), inputs_.size());
  std::set<std::string> outputs;
  testing::SchemaValidator schema = testing::SchemaValidator::ForOutput();
  for (size_t i = 0; i < inputs_.size(); ++i) {
    const nlohmann::json& line = results[i];
    EXPECT_EQ(line["path"], inputs_[i]);  // input order
    EXPECT_EQ(line["status"], "ok");
    EXPECT_EQ(line["sha256"], Sha256Hex(ReadFile(inputs_[i]).value()));
    EXPECT_TRUE(line["error"].is_null());
    EXPECT_GE(line["seconds"].get<double>(), 0);
    outputs.insert(line["output"].get<std::string>());
    nlohmann::json doc =
        testing::ReadJsonFile(out_ + "/" + line["output"].get<std::string>());
    std::vector<std::string> errors = schema.Validate(doc);
    EXPECT_TRUE(errors.empty()) << errors.front();
    EXPECT_EQ(line["measures"], doc["measures"].size());
    testing::CommandResult extract = RunRaingan({"extract", inputs_[i]});
    ASSERT_EQ(extract.exit_code, 0);
    EXPECT_EQ(doc, nlohmann::json::parse(extract.out)) << inputs_[i];
  }
  // Two inputs named 000_3cee52bff17396b4.txt, two documents.
  EXPECT_EQ(outputs.size(), inputs_.size());
  EXPECT_EQ(results[2]["pages"], 3);
  EXPECT_TRUE(results[0]["pages"].is_null());  // text exports are unpaged
}

TEST_F(BatchOutputsTest, MergedMeasureFilesAgreeWithTheDocuments) {
  ASSERT_EQ(RunRaingan(Command()).exit_code, 0);
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out_ + "/results.jsonl");
  std::vector<nlohmann::json> measures =
      batch_test::ReadJsonLines(out_ + "/measures.jsonl");
  size_t total = 0;
  for (const nlohmann::json& r : results) total += r["measures"].get<size_t>();
  ASSERT_GT(total, 0u);
  ASSERT_EQ(measures.size(), total);
  // In input order, each line carrying its document's fields.
  EXPECT_EQ(measures.front()["source"]["path"], inputs_[0]);
  EXPECT_EQ(measures.back()["source"]["path"], inputs_[2]);
  EXPECT_EQ(measures.front()["document"]["organization"]["province"], "ลพบุรี");
  EXPECT_FALSE(
      measures.front()["measure"]["measure"].get<std::string>().empty());

  std::string csv = ReadFile(out_ + "/measures.csv").value();
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(csv.size() - 2), "\r\n");
  size_t rows = 0;
  for (size_t p = csv.find("\r\n"); p != std::string::npos;
       p = csv.find("\r\n", p + 2)) {
    ++rows;
  }
  EXPECT_EQ(rows, total + 1);
  EXPECT_NE(csv.find("องค์การบริหารส่วนตำบลยางราก"), std::string::npos);
}

TEST_F(BatchOutputsTest, SummarySaysWhereTheFilesAre) {
  testing::CommandResult r = RunRaingan(Command());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 documents: 3 ok, 0 partial, 0 failed"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("outputs in " + out_ + "/"), std::string::npos) << r.out;
  for (const char* name :
       {"documents/", "results.jsonl", "measures.csv", "measures.jsonl"}) {
    EXPECT_NE(r.out.find(name), std::string::npos) << name;
  }
  // Not a terminal here: plain log lines, no cursor control.
  EXPECT_NE(r.err.find("raingan batch: ["), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find('\r'), std::string::npos);
}

TEST_F(BatchOutputsTest, QuietPrintsNothingWhenAllIsWell) {
  testing::CommandResult r = RunRaingan(Command({"--quiet"}));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "");
}

TEST_F(BatchOutputsTest, ShardsSplitTheInputsBetweenThem) {
  for (const char* shard : {"1/2", "2/2"}) {
    testing::CommandResult r = RunRaingan(Command({"--shard", shard}));
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  std::multiset<std::string> seen;
  for (const char* name : {"results-1-of-2.jsonl", "results-2-of-2.jsonl"}) {
    for (const nlohmann::json& r :
         batch_test::ReadJsonLines(out_ + "/" + name)) {
      seen.insert(r["path"].get<std::string>());
    }
  }
  EXPECT_EQ(seen, std::multiset<std::string>(inputs_.begin(), inputs_.end()));
  EXPECT_FALSE(fs::exists(out_ + "/results.jsonl"));
}

TEST_F(BatchOutputsTest, ReadsManifestsAndDirectories) {
  std::ofstream(dir_ + "/list.txt") << "# two samples\n"
                                    << inputs_[0] << "\n\n"
                                    << TestDataPath("pdf/002_p1-3.pdf") << "\n";
  testing::CommandResult r =
      RunRaingan({"batch", "--manifest", dir_ + "/list.txt", dir_ + "/other",
                  "--out", out_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  std::vector<nlohmann::json> results =
      batch_test::ReadJsonLines(out_ + "/results.jsonl");
  ASSERT_EQ(results.size(), 3u);
  EXPECT_EQ(results[0]["path"], twin_);  // arguments before manifests
}

TEST_F(BatchOutputsTest, UsageErrorsStopBeforeAnyDocument) {
  fs::create_directories(dir_ + "/empty");
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {{"batch", inputs_[0]}, "--out"},
           {{"batch", "--out", out_}, "no inputs"},
           {{"batch", dir_ + "/missing.pdf", "--out", out_}, "missing.pdf"},
           {{"batch", inputs_[0], "--out", out_, "--shard", "3/2"}, "K/N"},
           {{"batch", inputs_[0], "--out", out_, "--jobs", "0"}, "--jobs"},
           {{"batch", inputs_[0], "--out", out_, "--max-memory", "lots"},
            "--max-memory"},
           {{"batch", inputs_[0], "--out", out_, "--pipeline", "nope"}, "nope"},
           {{"batch", inputs_[0], "--out", out_, "--frobnicate"},
            "unknown option"},
           {{"batch", dir_ + "/empty", "--out", out_}, "no documents found"}}) {
    testing::CommandResult r = RunRaingan(c.args);
    EXPECT_EQ(r.exit_code, 2) << c.message;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << r.err;
  }
  EXPECT_FALSE(fs::exists(out_ + "/results.jsonl"));
}

TEST_F(BatchOutputsTest, HelpListsTheOptions) {
  testing::CommandResult r = RunRaingan({"batch", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--out", "--jobs", "--timeout", "--max-memory",
                             "--shard", "--manifest", "--quiet"}) {
    EXPECT_NE(r.out.find(option), std::string::npos) << option;
  }
}

}  // namespace
}  // namespace raingan
