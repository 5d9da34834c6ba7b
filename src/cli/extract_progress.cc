#include "cli/extract_progress.h"

#include <algorithm>
#include <utility>

#include "base/utf8.h"
#include "batch/progress.h"

namespace raingan::cli {
namespace {

// Redraw period and the delay before the first line. 0.25 s keeps the
// seconds counter smooth at a negligible cost (one short write).
constexpr auto kRedrawEvery = std::chrono::milliseconds(250);
constexpr double kFirstShownAfter = 0.5;

// The first `columns` - 1 code points (the last column left free, so the
// cursor never wraps to a new row that "\r\033[K" would not erase). Thai
// marks take no column, so this cuts conservatively.
std::string FitColumns(const std::string& line, int columns) {
  if (columns <= 1 || utf8::Length(line) < static_cast<size_t>(columns)) {
    return line;
  }
  size_t pos = 0;
  for (int n = 0; n < columns - 1 && pos < line.size(); ++n) {
    utf8::DecodeNext(line, &pos);
  }
  return line.substr(0, pos);
}

}  // namespace

double EstimateSecondsLeft(const ExtractProgress& p, double phase_elapsed) {
  int done = p.pages_done, total = p.pages_total;
  if (p.ocr_total > 0) {
    done = p.ocr_done;
    total = p.ocr_total;
  }
  if (done <= 0 || phase_elapsed <= 0) return -1;
  return phase_elapsed / done * std::max(0, total - done);
}

std::string ExtractProgressLine(const std::string& name,
                                const ExtractProgress& p, double elapsed,
                                double eta) {
  std::string line = "raingan: " + name + ": " + std::to_string(p.pages_done) +
                     "/" + std::to_string(p.pages_total) + " pages read";
  if (p.ocr_total > 0) {
    line += ", " + std::to_string(p.ocr_done) + "/" +
            std::to_string(p.ocr_total) + " OCRed";
  }
  line += " · " + batch::FormatDuration(elapsed) + " elapsed · ETA " +
          (eta < 0 ? std::string("?") : batch::FormatDuration(eta));
  return line;
}

ExtractProgressDisplay::ExtractProgressDisplay(std::ostream& out,
                                               std::string name, bool enabled,
                                               int columns)
    : out_(out), name_(std::move(name)), enabled_(enabled), columns_(columns) {
  if (enabled_) ticker_ = std::thread([this] { Loop(); });
}

ExtractProgressDisplay::~ExtractProgressDisplay() { Finish(); }

ProgressCallback ExtractProgressDisplay::Callback() {
  if (!enabled_) return nullptr;
  return [this](const ExtractProgress& p) { Update(p); };
}

void ExtractProgressDisplay::Update(const ExtractProgress& p) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (p.ocr_total > 0 && !ocr_start_) ocr_start_ = Clock::now();
  latest_ = p;
}

void ExtractProgressDisplay::Redraw() {
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  if (latest_.pages_total <= 0 || elapsed < kFirstShownAfter) return;
  const double phase =
      std::chrono::duration<double>(now - (ocr_start_ ? *ocr_start_ : start_))
          .count();
  std::string line =
      FitColumns(ExtractProgressLine(name_, latest_, elapsed,
                                     EstimateSecondsLeft(latest_, phase)),
                 columns_);
  if (shown_ && line == last_line_) return;  // a terminal log stays short
  // \r + "erase to end of line": redraw in place whatever was there.
  out_ << "\r\033[K" << line << std::flush;
  last_line_ = std::move(line);
  shown_ = true;
}

void ExtractProgressDisplay::Loop() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!wake_.wait_for(lock, kRedrawEvery, [this] { return stop_; })) {
    Redraw();
  }
}

void ExtractProgressDisplay::Finish() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stop_) return;
    stop_ = true;
  }
  wake_.notify_all();
  if (ticker_.joinable()) ticker_.join();
  if (shown_) out_ << "\r\033[K" << std::flush;
  shown_ = false;
}

}  // namespace raingan::cli
