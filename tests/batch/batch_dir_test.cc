#include "batch/batch_dir.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/file.h"
#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

namespace fs = std::filesystem;

TEST(DocumentName, SameFileNameInTwoDirectoriesGivesTwoNames) {
  std::string a = DocumentName("2566/report.pdf");
  std::string b = DocumentName("2567/report.pdf");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("report.pdf.", 0), 0u) << a;
  EXPECT_EQ(a.size(), std::string("report.pdf.").size() + 8);
  EXPECT_EQ(DocumentName("2566/report.pdf"), a);  // stable across runs
}

TEST(DocumentName, CutsLongThaiNamesOnCharacterBoundaries) {
  std::string thai;
  for (int i = 0; i < 100; ++i) thai += "ก";  // 3 bytes each
  std::string name = DocumentName("dir/" + thai + ".pdf");
  EXPECT_LE(name.size(), 200u);
  // Every byte before the ".<hash>" belongs to a whole "ก".
  std::string base = name.substr(0, name.size() - 9);
  EXPECT_EQ(base.size() % 3, 0u);
  EXPECT_EQ(base.substr(0, 3), "ก");
}

class BatchDirTest : public ::testing::Test {
 protected:
  void SetUp() override { root_ = testing::MakeTempDir(); }
  void TearDown() override { fs::remove_all(root_); }
  std::string root_;
};

TEST_F(BatchDirTest, CreatesTheLayout) {
  Result<BatchDir> dir = BatchDir::Open(root_ + "/out/province", "");
  ASSERT_TRUE(dir.ok()) << dir.status().ToString();
  EXPECT_TRUE(fs::is_directory(root_ + "/out/province/documents"));
  EXPECT_TRUE(fs::is_directory(root_ + "/out/province/.raingan"));
  EXPECT_EQ(dir->ResultsPath(), root_ + "/out/province/results.jsonl");
  DocumentFiles f = dir->FilesFor("a/report.pdf");
  EXPECT_EQ(f.json, root_ + "/out/province/" + f.json_relative);
  EXPECT_EQ(f.json_relative, "documents/" + f.name + ".json");
}

TEST_F(BatchDirTest, ShardsHaveTheirOwnMergedFiles) {
  Result<BatchDir> dir = BatchDir::Open(root_, "-2-of-3");
  ASSERT_TRUE(dir.ok());
  EXPECT_EQ(dir->ResultsPath(), root_ + "/results-2-of-3.jsonl");
  EXPECT_EQ(dir->MeasuresCsvPath(), root_ + "/measures-2-of-3.csv");
  EXPECT_EQ(dir->MeasuresJsonlPath(), root_ + "/measures-2-of-3.jsonl");
}

TEST_F(BatchDirTest, OneBatchPerDirectoryAndShardAtATime) {
  {
    Result<BatchDir> first = BatchDir::Open(root_, "");
    ASSERT_TRUE(first.ok());
    Result<BatchDir> second = BatchDir::Open(root_, "");
    ASSERT_FALSE(second.ok());
    EXPECT_NE(second.status().message().find("another raingan batch"),
              std::string::npos);
    // Another shard may share the directory.
    EXPECT_TRUE(BatchDir::Open(root_, "-1-of-2").ok());
  }
  EXPECT_TRUE(BatchDir::Open(root_, "").ok());  // released
}

TEST_F(BatchDirTest, FailsClearlyWhenTheDirectoryIsAFile) {
  std::ofstream(root_ + "/file") << "x";
  Result<BatchDir> dir = BatchDir::Open(root_ + "/file", "");
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("not a directory"), std::string::npos);
}

TEST_F(BatchDirTest, RecordsReadBackAndClearRemovesEverything) {
  Result<BatchDir> dir = BatchDir::Open(root_, "");
  ASSERT_TRUE(dir.ok());
  DocumentFiles f = dir->FilesFor("x/report.pdf");
  EXPECT_FALSE(dir->ReadRecord(f).ok());  // none yet
  EXPECT_FALSE(dir->OutputsPresent(f));

  BatchResult r;
  r.path = "x/report.pdf";
  r.sha256 = std::string(64, 'c');
  r.status = "ok";
  ASSERT_TRUE(WriteFileAtomic(f.record, BatchResultToJsonLine(r)).ok());
  for (const std::string* p : {&f.json, &f.measures_jsonl, &f.measures_csv}) {
    ASSERT_TRUE(WriteFileAtomic(*p, "").ok());
  }
  Result<BatchResult> back = dir->ReadRecord(f);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->sha256, r.sha256);
  EXPECT_TRUE(dir->OutputsPresent(f));

  ASSERT_TRUE(dir->Clear(f).ok());
  EXPECT_FALSE(PathExists(f.record));
  EXPECT_FALSE(PathExists(f.json));
  EXPECT_FALSE(dir->OutputsPresent(f));
  EXPECT_TRUE(dir->Clear(f).ok());  // nothing left to remove is fine
}

TEST_F(BatchDirTest, TruncatedRecordIsAnErrorNotACrash) {
  Result<BatchDir> dir = BatchDir::Open(root_, "");
  ASSERT_TRUE(dir.ok());
  DocumentFiles f = dir->FilesFor("x.pdf");
  std::ofstream(f.record) << "{\"path\": \"x.pdf\", \"sha";
  EXPECT_FALSE(dir->ReadRecord(f).ok());
}

}  // namespace
}  // namespace raingan::batch
