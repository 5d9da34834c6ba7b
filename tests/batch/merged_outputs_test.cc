// measures.csv / measures.jsonl rebuilt with corrections: by the review
// page's rebuild and by the batch's own merge at the end of a rerun, so
// that neither undoes the other.
#include "batch/merged_outputs.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "batch/batch_test_util.h"
#include "batch/corrections.h"
#include "output/correction_json.h"
#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::RunRaingan;
using testing::SourcePath;

class MergedOutputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    out_ = dir_ + "/out";
    inputs_ = {SourcePath("samples/000_3cee52bff17396b4.txt"),
               SourcePath("samples/002_f81f378ca2341cd5.txt")};
    testing::CommandResult r =
        RunRaingan({"batch", inputs_[0], inputs_[1], "--out", out_, "--quiet"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    name_ = DocumentName(inputs_[1]);
    doc_ = testing::ReadJsonFile(out_ + "/documents/" + name_ + ".json");
  }
  void TearDown() override { fs::remove_all(dir_); }

  Correction OwnerFix(int record, std::vector<std::string> value) {
    Correction c;
    c.time = UtcTimestamp();
    c.document = name_;
    c.source_sha256 = doc_["source"]["sha256"];
    c.record = record;
    c.field = "owner";
    for (const json& o : doc_["measures"][record]["owner"]) {
      c.old_value.push_back(o);
    }
    c.new_value = std::move(value);
    return c;
  }

  std::string dir_, out_, name_;
  std::vector<std::string> inputs_;
  json doc_;
};

TEST_F(MergedOutputsTest, WithoutCorrectionsTheRebuildChangesNothing) {
  std::string csv = ReadFile(out_ + "/measures.csv").value();
  std::string jsonl = ReadFile(out_ + "/measures.jsonl").value();
  std::string results = ReadFile(out_ + "/results.jsonl").value();
  Result<MergeStats> stats = RebuildMergedOutputs(out_);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->documents, 2);
  EXPECT_EQ(ReadFile(out_ + "/measures.csv").value(), csv);
  EXPECT_EQ(ReadFile(out_ + "/measures.jsonl").value(), jsonl);
  EXPECT_EQ(ReadFile(out_ + "/results.jsonl").value(), results);
}

TEST_F(MergedOutputsTest, CorrectionsAreAppliedMarkedAndSurviveABatchRerun) {
  std::string original =
      ReadFile(out_ + "/documents/" + name_ + ".json").value();
  ASSERT_TRUE(
      AppendLinesDurably(CorrectionsPath(out_),
                         {CorrectionToJsonLine(OwnerFix(2, {"กองช่าง"}))})
          .ok());
  Result<MergeStats> stats = RebuildMergedOutputs(out_);
  ASSERT_TRUE(stats.ok()) << stats.status().message();
  EXPECT_EQ(stats->corrections_applied, 1);
  EXPECT_EQ(stats->corrected_documents, 1);

  auto check = [&] {
    std::vector<json> lines =
        batch_test::ReadJsonLines(out_ + "/measures.jsonl");
    int marked = 0;
    for (const json& l : lines) {
      if (l["corrected"].empty()) continue;
      ++marked;
      EXPECT_EQ(l["corrected"], json({"owner"}));
      EXPECT_EQ(l["measure"]["owner"], json({"กองช่าง"}));
      EXPECT_EQ(l["measure"]["id"], doc_["measures"][2]["id"]);
    }
    EXPECT_EQ(marked, 1);
    std::string csv = ReadFile(out_ + "/measures.csv").value();
    EXPECT_NE(csv.find(",กองช่าง,"), std::string::npos);
    // The corrected column, then the (empty) review column.
    EXPECT_NE(csv.find(",owner,\r\n"), std::string::npos);
  };
  check();
  // The documents keep what was extracted.
  EXPECT_EQ(ReadFile(out_ + "/documents/" + name_ + ".json").value(), original);
  // A rerun of the batch (everything resumed) merges again: still applied.
  testing::CommandResult r =
      RunRaingan({"batch", inputs_[0], inputs_[1], "--out", out_, "--quiet"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  check();
  // So does --force, which re-extracts the same bytes.
  r = RunRaingan(
      {"batch", inputs_[0], inputs_[1], "--out", out_, "--quiet", "--force"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  check();
}

TEST_F(MergedOutputsTest, UncorrectedRowsAreByteForByteTheWorkersOnes) {
  // The corrected document is written again from its JSON: its other rows
  // must come out exactly as the worker wrote them.
  std::string before = ReadFile(out_ + "/measures.jsonl").value();
  ASSERT_TRUE(AppendLinesDurably(CorrectionsPath(out_),
                                 {CorrectionToJsonLine(OwnerFix(0, {"x"}))})
                  .ok());
  ASSERT_TRUE(RebuildMergedOutputs(out_).ok());
  std::vector<std::string> a, b;
  for (std::string* text : {&before}) {
    size_t start = 0;
    while (start < text->size()) {
      size_t eol = text->find('\n', start);
      a.push_back(text->substr(start, eol - start));
      start = eol + 1;
    }
  }
  std::string after = ReadFile(out_ + "/measures.jsonl").value();
  size_t start = 0;
  while (start < after.size()) {
    size_t eol = after.find('\n', start);
    b.push_back(after.substr(start, eol - start));
    start = eol + 1;
  }
  ASSERT_EQ(a.size(), b.size());
  int differing = 0;
  for (size_t i = 0; i < a.size(); ++i) differing += a[i] != b[i];
  EXPECT_EQ(differing, 1);
}

TEST_F(MergedOutputsTest, StaleCorrectionsAreCountedNotApplied) {
  Correction c = OwnerFix(1, {"x"});
  c.old_value = {"not what the field holds"};
  ASSERT_TRUE(
      AppendLinesDurably(CorrectionsPath(out_), {CorrectionToJsonLine(c)})
          .ok());
  Result<MergeStats> stats = RebuildMergedOutputs(out_);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->corrections_applied, 0);
  EXPECT_EQ(stats->corrections_stale, 1);
  EXPECT_EQ(
      ReadFile(out_ + "/measures.jsonl").value().find("\"corrected\":[\""),
      std::string::npos);
}

TEST_F(MergedOutputsTest, ARunningBatchKeepsItsDirectory) {
  Result<BatchDir> held = BatchDir::Open(out_, "");
  ASSERT_TRUE(held.ok());
  Result<MergeStats> stats = RebuildMergedOutputs(out_);
  EXPECT_FALSE(stats.ok());
  EXPECT_NE(stats.status().message().find("another raingan batch"),
            std::string::npos);
}

TEST(MergedSetsTest, FindsEveryShardsResultsFile) {
  std::string dir = testing::MakeTempDir();
  for (const char* name : {"results.jsonl", "results-2-of-3.jsonl",
                           "results.jsonl.tmp.1", "resultsx.jsonl"}) {
    ASSERT_TRUE(WriteFileAtomic(dir + "/" + name, "").ok());
  }
  EXPECT_EQ(MergedSetSuffixes(dir), (std::vector<std::string>{"", "-2-of-3"}));
  fs::remove_all(dir);
}

}  // namespace
}  // namespace raingan::batch
