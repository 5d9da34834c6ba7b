#include "batch/atomic_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "base/file.h"
#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

namespace fs = std::filesystem;

class AtomicFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = testing::MakeTempDir();
    path_ = root_ + "/results.jsonl";
    std::ofstream(path_) << "old\n";
  }
  void TearDown() override { fs::remove_all(root_); }
  std::string Content() { return ReadFile(path_).value(); }
  size_t Entries() {
    return static_cast<size_t>(
        std::distance(fs::directory_iterator(root_), fs::directory_iterator()));
  }

  std::string root_, path_;
};

TEST_F(AtomicFileTest, ReadersSeeTheOldFileUntilCommit) {
  Result<AtomicFile> f = AtomicFile::Create(path_);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->Append("new 1\n").ok());
  ASSERT_TRUE(f->Append("new 2\n").ok());
  EXPECT_EQ(Content(), "old\n");
  ASSERT_TRUE(f->Commit().ok());
  EXPECT_EQ(Content(), "new 1\nnew 2\n");
  EXPECT_EQ(Entries(), 1u);  // no temporary file left
}

TEST_F(AtomicFileTest, AbandonedWriteLeavesNothingBehind) {
  {
    Result<AtomicFile> f = AtomicFile::Create(path_);
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f->Append("half").ok());
  }
  EXPECT_EQ(Content(), "old\n");
  EXPECT_EQ(Entries(), 1u);
}

TEST_F(AtomicFileTest, CopiesWholeFiles) {
  std::string part = root_ + "/part";
  std::string big(200000, 'x');  // more than one read buffer
  std::ofstream(part) << big;
  Result<AtomicFile> f = AtomicFile::Create(path_);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->AppendFileContents(part).ok());
  ASSERT_TRUE(f->Append("!").ok());
  ASSERT_TRUE(f->Commit().ok());
  EXPECT_EQ(Content(), big + "!");
  Result<AtomicFile> g = AtomicFile::Create(path_);
  ASSERT_TRUE(g.ok());
  EXPECT_FALSE(g->AppendFileContents(root_ + "/missing").ok());
}

TEST_F(AtomicFileTest, CreateFailsInAMissingDirectory) {
  Result<AtomicFile> f = AtomicFile::Create(root_ + "/no/such/dir/x");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), Status::Code::kIoError);
}

}  // namespace
}  // namespace raingan::batch
