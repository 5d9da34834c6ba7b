// The batch's core tokens: never more taken than there are, shared across
// processes, and given back by the kernel when a holder dies.
#include "batch/core_tokens.h"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/ipc.h>
#include <sys/mman.h>
#include <sys/sem.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "base/file.h"
#include "testing/run_cli.h"

namespace raingan::batch {
namespace {

using Clock = std::chrono::steady_clock;

std::shared_ptr<CoreTokens> MakeTokens(int cores) {
  Result<std::shared_ptr<CoreTokens>> tokens = CoreTokens::Create(cores);
  EXPECT_TRUE(tokens.ok()) << tokens.status().ToString();
  return tokens.ok() ? *tokens : nullptr;
}

// Waits (up to 10 s) until `tokens` has `want` tokens free.
bool WaitAvailable(const CoreTokens& tokens, int want) {
  auto deadline = Clock::now() + std::chrono::seconds(10);
  while (tokens.available() != want) {
    if (Clock::now() > deadline) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return true;
}

TEST(CoreTokensTest, NoMoreTakenThanThereAre) {
  std::shared_ptr<CoreTokens> tokens = MakeTokens(2);
  ASSERT_TRUE(tokens);
  EXPECT_EQ(tokens->total(), 2);
  EXPECT_EQ(tokens->available(), 2);
  EXPECT_TRUE(tokens->Take(0));
  EXPECT_TRUE(tokens->Take(0));
  auto start = Clock::now();
  EXPECT_FALSE(tokens->Take(0.1));  // none left: waits, then gives up
  EXPECT_GE(Clock::now() - start, std::chrono::milliseconds(90));
  tokens->Give();
  EXPECT_EQ(tokens->available(), 1);
  EXPECT_TRUE(tokens->Take(0));
  tokens->Give();
  tokens->Give();
  EXPECT_EQ(tokens->available(), 2);
}

TEST(CoreTokensTest, AWaiterGetsATokenWhenOneIsGiven) {
  std::shared_ptr<CoreTokens> tokens = MakeTokens(1);
  ASSERT_TRUE(tokens);
  ASSERT_TRUE(tokens->Take(0));
  std::atomic<bool> got{false};
  std::thread waiter([&] { got = tokens->Take(-1); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(got.load());
  tokens->Give();
  waiter.join();
  EXPECT_TRUE(got.load());
  EXPECT_EQ(tokens->available(), 0);
  tokens->Give();
}

TEST(CoreTokensTest, ProcessesTogetherNeverHoldMoreThanTheTotal) {
  std::shared_ptr<CoreTokens> tokens = MakeTokens(2);
  ASSERT_TRUE(tokens);
  // Counters the children share: holders now, most holders seen.
  auto* shared = static_cast<std::atomic<int>*>(
      ::mmap(nullptr, 2 * sizeof(std::atomic<int>), PROT_READ | PROT_WRITE,
             MAP_SHARED | MAP_ANONYMOUS, -1, 0));
  ASSERT_NE(shared, MAP_FAILED);
  new (&shared[0]) std::atomic<int>(0);
  new (&shared[1]) std::atomic<int>(0);
  std::vector<pid_t> children;
  for (int c = 0; c < 4; ++c) {
    pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      for (int round = 0; round < 20; ++round) {
        if (!tokens->Take(-1)) ::_exit(1);
        int now = shared[0].fetch_add(1) + 1;
        int seen = shared[1].load();
        while (now > seen && !shared[1].compare_exchange_weak(seen, now)) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        shared[0].fetch_sub(1);
        tokens->Give();
      }
      ::_exit(0);
    }
    children.push_back(pid);
  }
  for (pid_t pid : children) {
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  }
  EXPECT_LE(shared[1].load(), 2);
  EXPECT_GE(shared[1].load(), 1);
  EXPECT_EQ(tokens->available(), 2);
  ::munmap(shared, 2 * sizeof(std::atomic<int>));
}

TEST(CoreTokensTest, AKilledHolderGivesItsTokensBack) {
  std::shared_ptr<CoreTokens> tokens = MakeTokens(3);
  ASSERT_TRUE(tokens);
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // A worker mid-document: its own core and an OCR thread's.
    if (!tokens->Take(-1) || !tokens->Take(-1)) ::_exit(1);
    ::pause();
    ::_exit(0);
  }
  ASSERT_TRUE(WaitAvailable(*tokens, 1));
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(tokens->available(), 3);
}

TEST(CoreTokensTest, TheNextBatchRemovesTheSemaphoreAKilledOneLeft) {
  std::string dir = testing::MakeTempDir();
  std::string record = dir + "/cores";
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    // A batch that records its tokens and dies without cleaning up.
    Result<std::shared_ptr<CoreTokens>> left = CoreTokens::Create(2);
    if (!left.ok() || !(*left)->KeepRecord(record).ok()) ::_exit(1);
    ::_exit(0);  // no destructor: the semaphore stays
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  Result<std::string> text = ReadFile(record);
  ASSERT_TRUE(text.ok());
  int left_id = -1;
  ASSERT_EQ(std::sscanf(text->c_str(), "%d", &left_id), 1);
  EXPECT_GE(::semctl(left_id, 0, GETVAL), 0) << "the leftover exists";

  {
    std::shared_ptr<CoreTokens> next = MakeTokens(2);
    ASSERT_TRUE(next);
    ASSERT_TRUE(next->KeepRecord(record).ok());
    EXPECT_LT(::semctl(left_id, 0, GETVAL), 0) << "the leftover is removed";
    EXPECT_EQ(next->available(), 2);
  }
  // And this one removes its own (and its record) when done.
  EXPECT_FALSE(PathExists(record));
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace raingan::batch
