#include "base/file.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <thread>

#include "gtest/gtest.h"

namespace raingan {
namespace {

std::string TempDir() {
  char tmpl[] = "/tmp/raingan_file_test_XXXXXX";
  char* dir = ::mkdtemp(tmpl);
  return dir == nullptr ? std::string() : std::string(dir);
}

TEST(WriteFileAtomic, ReplacesARegularFileWhole) {
  std::string dir = TempDir();
  ASSERT_FALSE(dir.empty());
  std::string path = dir + "/out.json";
  ASSERT_TRUE(WriteFileAtomic(path, "old contents, longer").ok());
  ASSERT_TRUE(WriteFileAtomic(path, "new").ok());
  Result<std::string> read = ReadFile(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(*read, "new");
  ::unlink(path.c_str());
  ::rmdir(dir.c_str());
}

// `raingan extract x.pdf -o /dev/null` must not turn the device into a
// file (renaming over it would, for every process on the machine).
TEST(WriteFileAtomic, WritesIntoAPipeInsteadOfReplacingIt) {
  std::string dir = TempDir();
  ASSERT_FALSE(dir.empty());
  std::string fifo = dir + "/pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] {
    Result<std::string> r = ReadFile(fifo);
    if (r.ok()) received = *r;
  });
  Status s = WriteFileAtomic(fifo, "through the pipe");
  reader.join();
  EXPECT_TRUE(s.ok()) << s.message();
  EXPECT_EQ(received, "through the pipe");
  struct stat st;
  ASSERT_EQ(::stat(fifo.c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  ::unlink(fifo.c_str());
  ::rmdir(dir.c_str());
}

}  // namespace
}  // namespace raingan
