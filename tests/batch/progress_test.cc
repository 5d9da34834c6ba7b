#include "batch/progress.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace raingan::batch {
namespace {

ProgressSnapshot Midway() {
  ProgressSnapshot s;
  s.docs_total = 250;
  s.docs_done = 37;
  s.docs_resumed = 12;
  s.failed = 1;
  s.pages_done = 412;
  s.pages_total = 1830;
  s.pages_final = true;
  s.docs_this_run = 25;
  s.pages_this_run = 300;
  s.work_this_run = 300;
  s.work_left = 1200;
  s.elapsed = 60;
  return s;
}

TEST(FormatDuration, PicksReadableUnits) {
  EXPECT_EQ(FormatDuration(0), "0s");
  EXPECT_EQ(FormatDuration(44.6), "45s");
  EXPECT_EQ(FormatDuration(125), "2m05s");
  EXPECT_EQ(FormatDuration(3720), "1h02m");
  EXPECT_EQ(FormatDuration(-3), "0s");
}

TEST(ProgressLine, ShowsCountsRatesEtaAndFailures) {
  std::string line = ProgressLine(Midway());
  EXPECT_NE(line.find("37/250 docs"), std::string::npos) << line;
  EXPECT_NE(line.find("412/1830 pages"), std::string::npos) << line;
  EXPECT_NE(line.find("0.4 docs/s"), std::string::npos) << line;  // 25/60
  EXPECT_NE(line.find("5.0 pages/s"), std::string::npos) << line;
  // 213 documents left at 25 a minute is later than 1200 pages at 300.
  EXPECT_NE(line.find("ETA 8m31s"), std::string::npos) << line;
  EXPECT_NE(line.find("1 failed"), std::string::npos) << line;
}

TEST(ProgressLine, EtaFollowsPagesWhenTheyPredictLonger) {
  ProgressSnapshot s = Midway();
  s.work_left = 6000;  // 20 min at 300 pages a minute
  EXPECT_NE(ProgressLine(s).find("ETA 20m00s"), std::string::npos)
      << ProgressLine(s);
}

TEST(ProgressLine, MarksPageTotalsStillBeingCounted) {
  ProgressSnapshot s = Midway();
  s.pages_final = false;
  EXPECT_NE(ProgressLine(s).find("412/≥1830 pages"), std::string::npos);
  s = Midway();
  s.work_this_run = 0;  // nothing done yet by this run: no rate to go by
  EXPECT_NE(ProgressLine(s).find("ETA ?"), std::string::npos);
  s = Midway();
  s.failed = 0;
  EXPECT_EQ(ProgressLine(s).find("failed"), std::string::npos);
}

TEST(ProgressLogLine, IsPlainTextWithElapsedTimeAndResumedCount) {
  std::string line = ProgressLogLine(Midway());
  EXPECT_EQ(line.rfind("[1m00s] 37/250 documents (12 done earlier)", 0), 0u)
      << line;
  EXPECT_EQ(line.find('\r'), std::string::npos);
  EXPECT_EQ(line.find('\033'), std::string::npos);
}

TEST(ProgressReporter, LogModePrintsAtTheIntervalOnly) {
  std::ostringstream out;
  ProgressReporter r(ProgressReporter::Mode::kLog, out, 10);
  ProgressSnapshot s = Midway();
  for (double t : {1.0, 5.0, 10.5, 12.0, 21.0}) {
    s.elapsed = t;
    r.Update(s);
  }
  std::string text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 2) << text;
  s.elapsed = 22;
  r.Update(s, /*force=*/true);
  text = out.str();
  EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 3);
}

TEST(ProgressReporter, TerminalModeRedrawsOneLineAndKeepsFailuresAbove) {
  std::ostringstream out;
  ProgressReporter r(ProgressReporter::Mode::kTty, out);
  ProgressSnapshot s = Midway();
  s.elapsed = 1;
  r.Update(s);
  r.Failed("a/bad.pdf", "the PDF is encrypted");
  r.Finish();
  std::string text = out.str();
  EXPECT_EQ(text.rfind("\r\033[K37/250 docs", 0), 0u) << text;
  // The failure is printed on a cleared line, then the progress line
  // comes back, and Finish() clears it for the summary.
  EXPECT_NE(text.find("\r\033[Kraingan batch: FAILED a/bad.pdf: the PDF is "
                      "encrypted\n37/250"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.substr(text.size() - 4), "\r\033[K");
}

TEST(ProgressReporter, QuietModePrintsOnlyFailures) {
  std::ostringstream out;
  ProgressReporter r(ProgressReporter::Mode::kQuiet, out);
  ProgressSnapshot s = Midway();
  r.Update(s, /*force=*/true);
  r.Finish();
  EXPECT_EQ(out.str(), "");
  r.Failed("x.txt", "the file is empty (0 bytes)");
  EXPECT_EQ(out.str(),
            "raingan batch: FAILED x.txt: the file is empty (0 bytes)\n");
}

}  // namespace
}  // namespace raingan::batch
