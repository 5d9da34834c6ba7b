#include "batch/progress.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace raingan::batch {
namespace {

constexpr double kTtyEvery = 0.2;

std::string Rate(double count, double seconds) {
  char buf[32];
  double rate = seconds > 0 ? count / seconds : 0;
  std::snprintf(buf, sizeof(buf), rate < 10 ? "%.1f" : "%.0f", rate);
  return buf;
}

// "412/1830" or "412/≥1200" while the survey is still counting.
std::string Pages(const ProgressSnapshot& s) {
  return std::to_string(s.pages_done) + "/" + (s.pages_final ? "" : "≥") +
         std::to_string(s.pages_total);
}

std::string Eta(const ProgressSnapshot& s) {
  if (s.docs_done >= s.docs_total) return "0s";
  if (s.work_this_run <= 0 || s.docs_this_run <= 0 || s.elapsed <= 0) {
    return "?";
  }
  // Pages predict most of the work, but a page of a scan costs far more
  // than a page with a text layer; the document rate catches a batch whose
  // last documents are the slow kind. Take the later of the two.
  double by_work = s.work_left / (s.work_this_run / s.elapsed);
  double by_docs = (s.docs_total - s.docs_done) / (s.docs_this_run / s.elapsed);
  return FormatDuration(std::max(by_work, by_docs));
}

}  // namespace

std::string FormatDuration(double seconds) {
  long s = seconds > 0 ? std::lround(seconds) : 0;
  char buf[32];
  if (s < 60) {
    std::snprintf(buf, sizeof(buf), "%lds", s);
  } else if (s < 3600) {
    std::snprintf(buf, sizeof(buf), "%ldm%02lds", s / 60, s % 60);
  } else {
    std::snprintf(buf, sizeof(buf), "%ldh%02ldm", s / 3600, s % 3600 / 60);
  }
  return buf;
}

std::string ProgressLine(const ProgressSnapshot& s) {
  std::string line = std::to_string(s.docs_done) + "/" +
                     std::to_string(s.docs_total) + " docs · " + Pages(s) +
                     " pages · " + Rate(s.docs_this_run, s.elapsed) +
                     " docs/s · " + Rate(s.pages_this_run, s.elapsed) +
                     " pages/s · ETA " + Eta(s);
  if (s.failed > 0) line += " · " + std::to_string(s.failed) + " failed";
  return line;
}

std::string ProgressLogLine(const ProgressSnapshot& s) {
  std::string line = "[" + FormatDuration(s.elapsed) + "] " +
                     std::to_string(s.docs_done) + "/" +
                     std::to_string(s.docs_total) + " documents";
  if (s.docs_resumed > 0) {
    line += " (" + std::to_string(s.docs_resumed) + " done earlier)";
  }
  line += ", " + Pages(s) + " pages, " + Rate(s.docs_this_run, s.elapsed) +
          " documents/s, " + Rate(s.pages_this_run, s.elapsed) + " pages/s, " +
          std::to_string(s.failed) + " failed, " + Eta(s) + " left";
  return line;
}

bool ProgressReporter::Due(double elapsed) const {
  if (mode_ == Mode::kQuiet) return false;
  double every = mode_ == Mode::kTty ? kTtyEvery : log_every_;
  return elapsed - last_shown_ >= every;
}

void ProgressReporter::Update(const ProgressSnapshot& s, bool force) {
  if (mode_ == Mode::kQuiet || (!force && !Due(s.elapsed))) return;
  last_shown_ = s.elapsed;
  if (mode_ == Mode::kLog) {
    out_ << "raingan batch: " << ProgressLogLine(s) << "\n" << std::flush;
    return;
  }
  last_line_ = ProgressLine(s);
  // \r + "erase to end of line": redraw in place whatever was there.
  out_ << "\r\033[K" << last_line_ << std::flush;
  line_shown_ = true;
}

void ProgressReporter::Failed(const std::string& path,
                              const std::string& reason) {
  ClearLine();
  out_ << "raingan batch: FAILED " << path << ": " << reason << "\n";
  if (mode_ == Mode::kTty && !last_line_.empty()) {
    out_ << last_line_;
    line_shown_ = true;
  }
  out_ << std::flush;
}

void ProgressReporter::Finish() {
  ClearLine();
  out_ << std::flush;
}

void ProgressReporter::ClearLine() {
  if (mode_ == Mode::kTty && line_shown_) out_ << "\r\033[K";
  line_shown_ = false;
}

}  // namespace raingan::batch
