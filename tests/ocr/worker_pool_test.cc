#include "ocr/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "batch/core_tokens.h"

namespace raingan::ocr {
namespace {

TEST(RunOnWorkersTest, EveryPageOnceOnAtMostJobsWorkers) {
  struct Case {
    int count, jobs, max_workers;
  } cases[] = {{5, 2, 2}, {3, 8, 3}, {1, 4, 1}, {4, 1, 1}};
  for (const Case& c : cases) {
    std::mutex mu;
    std::vector<int> seen(c.count, 0);
    std::set<int> workers;
    std::set<const Engine*> engines;
    Status s = RunOnWorkers(c.count, c.jobs, {},
                            [&](Engine* engine, int worker, int index) {
                              std::lock_guard<std::mutex> lock(mu);
                              ++seen[index];
                              workers.insert(worker);
                              engines.insert(engine);
                            });
    ASSERT_TRUE(s.ok()) << s.ToString();
    for (int n : seen) EXPECT_EQ(n, 1) << c.count << "/" << c.jobs;
    EXPECT_LE(static_cast<int>(workers.size()), c.max_workers);
    for (int w : workers) EXPECT_LT(w, c.max_workers);
    // One Engine per worker, reused for all its pages.
    EXPECT_EQ(engines.size(), workers.size());
  }
}

TEST(RunOnWorkersTest, NothingToDo) {
  int calls = 0;
  EXPECT_TRUE(RunOnWorkers(0, 4, {}, [&](Engine*, int, int) { ++calls; }).ok());
  EXPECT_EQ(calls, 0);
}

TEST(RunOnWorkersTest, NoEngineNoPages) {
  EngineOptions bad;
  bad.languages = "zzz";
  int calls = 0;
  Status s = RunOnWorkers(3, 2, bad, [&](Engine*, int, int) { ++calls; });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(calls, 0);
}

// Pages that take a while, counting how many run at once.
struct Concurrency {
  std::atomic<int> now{0};
  std::atomic<int> most{0};
  void Page() {
    int n = now.fetch_add(1) + 1;
    int seen = most.load();
    while (n > seen && !most.compare_exchange_weak(seen, n)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(40));
    now.fetch_sub(1);
  }
};

std::shared_ptr<batch::CoreTokens> Tokens(int cores) {
  auto tokens = batch::CoreTokens::Create(cores);
  EXPECT_TRUE(tokens.ok());
  return tokens.ok() ? *tokens : nullptr;
}

TEST(RunOnWorkersTest, WithABudgetNeverMoreBusyThreadsThanCores) {
  // Two cores; this process runs on one of them (as a batch worker does),
  // so its OCR may add one thread, though it asks for four.
  auto tokens = Tokens(2);
  ASSERT_TRUE(tokens && tokens->Take(0));
  Concurrency c;
  std::vector<std::atomic<int>> seen(40);
  Status s = RunOnWorkers(
      40, 4, {},
      [&](Engine*, int, int index) {
        ++seen[index];
        c.Page();
      },
      tokens.get());
  ASSERT_TRUE(s.ok()) << s.ToString();
  for (auto& n : seen) EXPECT_EQ(n.load(), 1);
  EXPECT_EQ(c.most.load(), 2);
  EXPECT_EQ(tokens->available(), 1);  // the pool gave back what it took
}

TEST(RunOnWorkersTest, WithEveryCoreBusyElsewhereOneThreadDoesAll) {
  auto tokens = Tokens(2);
  ASSERT_TRUE(tokens && tokens->Take(0) && tokens->Take(0));
  Concurrency c;
  std::atomic<int> pages{0};
  Status s = RunOnWorkers(
      6, 2, {},
      [&](Engine*, int, int) {
        ++pages;
        c.Page();
      },
      tokens.get());
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(pages.load(), 6);
  EXPECT_EQ(c.most.load(), 1);
}

TEST(RunOnWorkersTest, CoresFreedElsewhereAreTakenUpMidDocument) {
  // Three cores: ours, and two held by "other workers" that finish after
  // the first pages. The rest of the document then runs three at a time.
  auto tokens = Tokens(3);
  ASSERT_TRUE(tokens && tokens->Take(0) && tokens->Take(0) && tokens->Take(0));
  Concurrency c;
  std::atomic<int> done{0};
  std::thread others([&] {
    while (done.load() < 3)
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    EXPECT_EQ(c.most.load(), 1);  // alone until now
    tokens->Give();
    tokens->Give();
  });
  Status s = RunOnWorkers(
      60, 3, {},
      [&](Engine*, int, int) {
        c.Page();
        ++done;
      },
      tokens.get());
  others.join();
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(done.load(), 60);
  EXPECT_EQ(c.most.load(), 3);
  EXPECT_EQ(tokens->available(), 2);
}

}  // namespace
}  // namespace raingan::ocr
