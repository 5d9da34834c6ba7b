#include "ocr/worker_pool.h"

#include <gtest/gtest.h>

#include <mutex>
#include <set>
#include <vector>

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

}  // namespace
}  // namespace raingan::ocr
