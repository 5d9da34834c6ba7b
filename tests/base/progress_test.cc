// ProgressTracker: what an extraction reports to its listener, from many
// threads at once.
#include "base/progress.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace raingan {
namespace {

TEST(ProgressTrackerTest, WithoutCallbackNothingIsCounted) {
  ProgressTracker tracker;
  tracker.SetPagesTotal(3);
  tracker.PagesDone();
  EXPECT_EQ(tracker.Current().pages_total, 0);
}

TEST(ProgressTrackerTest, CopiesReportToTheSameListener) {
  std::vector<ExtractProgress> seen;
  ProgressTracker tracker([&](const ExtractProgress& p) { seen.push_back(p); });
  ProgressTracker copy = tracker;  // as BackendOptions is copied
  tracker.SetPagesTotal(2);
  copy.PagesDone(2);
  copy.SetOcrTotal(1);
  tracker.OcrDone();
  ASSERT_EQ(seen.size(), 4u);
  EXPECT_EQ(seen.back().pages_total, 2);
  EXPECT_EQ(seen.back().pages_done, 2);
  EXPECT_EQ(seen.back().ocr_total, 1);
  EXPECT_EQ(seen.back().ocr_done, 1);
}

TEST(ProgressTrackerTest, WorkerThreadsReportInOrderNeverConcurrently) {
  int calls = 0, inside = 0, overlapped = 0, last_done = 0, regressions = 0;
  ProgressTracker tracker([&](const ExtractProgress& p) {
    // Unsynchronized on purpose: the tracker must serialize the calls.
    if (++inside > 1) ++overlapped;
    if (p.ocr_done < last_done) ++regressions;
    last_done = p.ocr_done;
    ++calls;
    --inside;
  });
  constexpr int kThreads = 4, kPages = 500;
  tracker.SetOcrTotal(kThreads * kPages);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < kPages; ++i) tracker.OcrDone();
    });
  }
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(calls, kThreads * kPages + 1);
  EXPECT_EQ(overlapped, 0);
  EXPECT_EQ(regressions, 0);
  EXPECT_EQ(tracker.Current().ocr_done, kThreads * kPages);
}

}  // namespace
}  // namespace raingan
