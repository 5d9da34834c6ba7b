#include "batch/memory_limit.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <new>
#include <vector>

namespace raingan::batch {
namespace {

TEST(ParseMemorySize, UnderstandsUnits) {
  EXPECT_EQ(ParseMemorySize("512M").value(), 512 * kMiB);
  EXPECT_EQ(ParseMemorySize("512mb").value(), 512 * kMiB);
  EXPECT_EQ(ParseMemorySize("2G").value(), 2048 * kMiB);
  EXPECT_EQ(ParseMemorySize("1.5GiB").value(), 1536 * kMiB);
  EXPECT_EQ(ParseMemorySize("800").value(), 800 * kMiB);
  EXPECT_EQ(ParseMemorySize("2048K").value(), 2 * kMiB);
  EXPECT_EQ(ParseMemorySize("0").value(), 0u);  // no limit
}

TEST(ParseMemorySize, RejectsNonsense) {
  for (const char* bad :
       {"", "G", "2T", "-1G", "1.2.3G", ".", "512 M", "100K", "abc"}) {
    EXPECT_FALSE(ParseMemorySize(bad).ok()) << bad;
  }
}

TEST(DefaultMaxMemory, SharesMemoryAmongJobsWithAFloor) {
  EXPECT_GE(DefaultMaxMemory(1), 1024 * kMiB);
  EXPECT_GE(DefaultMaxMemory(1000), 1024 * kMiB);
  EXPECT_GE(DefaultMaxMemory(1), DefaultMaxMemory(4));
}

TEST(FormatMiB, Rounds) { EXPECT_EQ(FormatMiB(1536 * kMiB + 1), "1536 MiB"); }

// In a child process, so that the test binary keeps its own limits.
int InChild(int (*body)()) {
  pid_t pid = fork();
  if (pid == 0) _exit(body());
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
}

TEST(MemoryCap, AllocationsBeyondTheCapFailAndLiftRestores) {
  int code = InChild([] {
    const size_t big = 512 * kMiB;
    MemoryCap cap(PeakAddressSpace() + 256 * kMiB);
    try {
      std::vector<char> v(big);
      return 1;  // the cap did not hold
    } catch (const std::bad_alloc&) {
    }
    cap.Lift();
    try {
      std::vector<char> v(big);
    } catch (const std::bad_alloc&) {
      return 2;  // Lift did not restore the limit
    }
    return 0;
  });
  EXPECT_EQ(code, 0);
}

TEST(PeakAddressSpace, IsKnownOnLinux) { EXPECT_GT(PeakAddressSpace(), 0u); }

}  // namespace
}  // namespace raingan::batch
