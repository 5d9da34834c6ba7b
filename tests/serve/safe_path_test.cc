#include "serve/safe_path.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "base/file.h"
#include "testing/run_cli.h"

namespace raingan::serve {
namespace {

namespace fs = std::filesystem;

class SafePathTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = testing::MakeTempDir();
    root_ = dir_ + "/root";
    fs::create_directories(root_ + "/sub");
    ASSERT_TRUE(WriteFileAtomic(root_ + "/sub/page.html", "in").ok());
    ASSERT_TRUE(WriteFileAtomic(dir_ + "/outside.txt", "out").ok());
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string dir_, root_;
};

TEST_F(SafePathTest, FindsFilesInsideTheRoot) {
  Result<std::string> p = ResolveWithin(root_, "sub/page.html");
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(ReadFile(*p).value(), "in");
  // A link that stays inside is fine.
  fs::create_symlink(root_ + "/sub/page.html", root_ + "/alias.html");
  EXPECT_TRUE(ResolveWithin(root_, "alias.html").ok());
}

TEST_F(SafePathTest, RefusesEverythingThatCouldLeaveIt) {
  fs::create_symlink(dir_ + "/outside.txt", root_ + "/link.txt");
  fs::create_symlink(dir_, root_ + "/up");
  for (const std::string& name : std::vector<std::string>{
           "", "/etc/passwd", "../outside.txt", "sub/../../outside.txt",
           "sub/./page.html", "./sub/page.html", "sub//page.html", "sub/",
           "sub", "link.txt", "up/outside.txt", "sub\\page.html",
           std::string("sub/page.html\0x", 15), "sub/page.html\n",
           "missing.html"}) {
    EXPECT_FALSE(ResolveWithin(root_, name).ok()) << name;
  }
  // A root that is itself reached through a link still confines.
  fs::create_symlink(root_, dir_ + "/root-link");
  EXPECT_TRUE(ResolveWithin(dir_ + "/root-link", "sub/page.html").ok());
  EXPECT_FALSE(ResolveWithin(dir_ + "/root-link", "../outside.txt").ok());
}

TEST(PlainNameTest, IsOneHarmlessSegment) {
  EXPECT_TRUE(IsPlainName("default"));
  EXPECT_TRUE(IsPlainName("0f3a"));
  EXPECT_FALSE(IsPlainName("a/b"));
  EXPECT_FALSE(IsPlainName(".."));
  EXPECT_FALSE(IsPlainName(""));
  EXPECT_FALSE(IsPlainName("x\ty"));
}

}  // namespace
}  // namespace raingan::serve
