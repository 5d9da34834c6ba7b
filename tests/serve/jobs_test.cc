#include "serve/jobs.h"

#include <gtest/gtest.h>

#include <set>
#include <thread>

namespace raingan::serve {
namespace {

TEST(JobTableTest, AdmitsUpToItsCapacity) {
  JobTable jobs(2, 10, 3600, nullptr);
  std::optional<std::string> a = jobs.Admit("a.pdf"), b = jobs.Admit("b.pdf");
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_FALSE(jobs.Admit("c.pdf"));
  jobs.Started(*a);
  EXPECT_EQ(jobs.running(), 1);
  jobs.Finished(*a, TaskEnd::kOk, "");
  EXPECT_EQ(jobs.active(), 1);
  EXPECT_TRUE(jobs.Admit("c.pdf"));
}

TEST(JobTableTest, KeepsStateProgressAndWhyItFailed) {
  JobTable jobs(4, 10, 3600, nullptr);
  std::string id = *jobs.Admit("scan.pdf");
  EXPECT_EQ(jobs.Get(id)->state, JobState::kQueued);
  jobs.Started(id);
  jobs.Progress(id, TaskProgress{2, 5, 1, 3});
  JobSnapshot s = *jobs.Get(id);
  EXPECT_EQ(s.state, JobState::kRunning);
  EXPECT_EQ(s.progress.pages_done, 2);
  EXPECT_EQ(s.progress.pages_total, 5);
  EXPECT_FALSE(jobs.Remove(id));  // still running
  jobs.Finished(id, TaskEnd::kLost, "the worker host stopped");
  s = *jobs.Get(id);
  EXPECT_EQ(s.state, JobState::kFailed);
  EXPECT_TRUE(s.lost);
  EXPECT_EQ(s.error, "the worker host stopped");
  EXPECT_GE(s.finished, s.started);
  // A second end is ignored.
  jobs.Finished(id, TaskEnd::kOk, "");
  EXPECT_EQ(jobs.Get(id)->state, JobState::kFailed);
}

TEST(JobTableTest, WaitFinishedWakesWhenTheJobEnds) {
  JobTable jobs(4, 10, 3600, nullptr);
  std::string id = *jobs.Admit("x");
  std::thread worker([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    jobs.Finished(id, TaskEnd::kOk, "");
  });
  std::optional<JobSnapshot> done = jobs.WaitFinished(id);
  worker.join();
  ASSERT_TRUE(done);
  EXPECT_EQ(done->state, JobState::kDone);
  EXPECT_FALSE(jobs.WaitFinished("unknown"));
}

TEST(JobTableTest, ForgetsTheOldestFinishedJobsAndTheirFiles) {
  std::set<std::string> expired;
  JobTable jobs(10, 2, 3600,
                [&](const std::string& id) { expired.insert(id); });
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) {
    ids.push_back(*jobs.Admit("d"));
    jobs.Finished(ids.back(), TaskEnd::kOk, "");
  }
  EXPECT_FALSE(jobs.Get(ids[0]));  // beyond keep_finished = 2
  EXPECT_TRUE(jobs.Get(ids[1]));
  EXPECT_EQ(expired, std::set<std::string>{ids[0]});
  EXPECT_TRUE(jobs.Remove(ids[1]));
  EXPECT_TRUE(expired.count(ids[1]));

  JobTable quick(10, 100, 0.05, nullptr);
  std::string id = *quick.Admit("d");
  quick.Finished(id, TaskEnd::kOk, "");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_FALSE(quick.Get(id));
}

TEST(RandomIdTest, IsLongHexAndDoesNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    std::string id = RandomId();
    EXPECT_EQ(id.size(), 32u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
    seen.insert(id);
  }
  EXPECT_EQ(seen.size(), 1000u);
}

}  // namespace
}  // namespace raingan::serve
