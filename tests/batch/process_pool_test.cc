#include "batch/process_pool.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <thread>

namespace raingan::batch {
namespace {

// Waits until every child has ended (bounded, so a bug cannot hang tests).
std::vector<ChildExit> WaitAll(ProcessPool* pool) {
  std::vector<ChildExit> all;
  for (int i = 0; i < 200 && pool->running() > 0; ++i) {
    for (const ChildExit& e : pool->Wait(0.1)) all.push_back(e);
  }
  return all;
}

TEST(ProcessPool, ReportsExitStatusAndIds) {
  ProcessPool pool;
  Result<int> a = pool.Start([] { return 0; }, 0);
  Result<int> b = pool.Start([] { return 7; }, 0);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_EQ(pool.running(), 2);
  std::vector<ChildExit> exits = WaitAll(&pool);
  ASSERT_EQ(exits.size(), 2u);
  for (const ChildExit& e : exits) {
    ASSERT_TRUE(WIFEXITED(e.wait_status));
    EXPECT_EQ(WEXITSTATUS(e.wait_status), e.id == *a ? 0 : 7);
    EXPECT_FALSE(e.timed_out);
    EXPECT_GT(e.max_rss_kb, 0);
    EXPECT_EQ(DescribeExit(e, 0).empty(), e.id == *a);
  }
  EXPECT_EQ(pool.running(), 0);
}

TEST(ProcessPool, CrashOfAChildIsReportedNotShared) {
  ProcessPool pool;
  ASSERT_TRUE(pool.Start(
                      [] {
                        std::raise(SIGSEGV);
                        return 0;
                      },
                      0)
                  .ok());
  ASSERT_TRUE(pool.Start(
                      [] {
                        std::abort();
                        return 0;
                      },
                      0)
                  .ok());
  std::vector<ChildExit> exits = WaitAll(&pool);
  ASSERT_EQ(exits.size(), 2u);
  std::string reasons =
      DescribeExit(exits[0], 0) + " | " + DescribeExit(exits[1], 0);
  EXPECT_NE(reasons.find("crashed: SIGSEGV (segmentation fault)"),
            std::string::npos)
      << reasons;
  EXPECT_NE(reasons.find("crashed: SIGABRT"), std::string::npos) << reasons;
}

TEST(ProcessPool, KillsAChildAtItsDeadline) {
  ProcessPool pool;
  auto start = std::chrono::steady_clock::now();
  ASSERT_TRUE(pool.Start(
                      [] {
                        std::this_thread::sleep_for(std::chrono::seconds(30));
                        return 0;
                      },
                      0.3)
                  .ok());
  std::vector<ChildExit> exits = WaitAll(&pool);
  double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  ASSERT_EQ(exits.size(), 1u);
  EXPECT_TRUE(exits[0].timed_out);
  EXPECT_LT(took, 5.0);
  EXPECT_EQ(DescribeExit(exits[0], 0.3), "timed out after 0.3 s (--timeout)");
  EXPECT_EQ(DescribeExit(exits[0], 30), "timed out after 30 s (--timeout)");
}

TEST(ProcessPool, WaitReturnsAsSoonAsAChildEnds) {
  ProcessPool pool;
  ASSERT_TRUE(pool.Start([] { return 0; }, 0).ok());
  auto start = std::chrono::steady_clock::now();
  std::vector<ChildExit> exits;
  while (exits.empty()) exits = pool.Wait(10);
  double took =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
          .count();
  EXPECT_LT(took, 2.0);  // woken by SIGCHLD, not by the 10 s limit
}

TEST(ProcessPool, KillAllStopsEveryChild) {
  ProcessPool pool;
  for (int i = 0; i < 3; ++i) {
    ASSERT_TRUE(pool.Start(
                        [] {
                          pause();
                          return 0;
                        },
                        0)
                    .ok());
  }
  EXPECT_EQ(pool.running(), 3);
  pool.KillAll();
  EXPECT_EQ(pool.running(), 0);
  EXPECT_TRUE(pool.Wait(0).empty());
}

TEST(DescribeExit, NamesTheKernelsKillAsPossibleOutOfMemory) {
  ChildExit e;
  e.wait_status = SIGKILL;  // as waitpid reports a SIGKILLed child
  EXPECT_NE(DescribeExit(e, 0).find("out of memory"), std::string::npos);
  e.wait_status = 3 << 8;  // exit(3)
  EXPECT_EQ(DescribeExit(e, 0), "exited with status 3");
}

}  // namespace
}  // namespace raingan::batch
