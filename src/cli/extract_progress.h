// The line `raingan extract` keeps on a terminal while it works:
//
//   raingan: scan.pdf: 18/18 pages read, 7/18 OCRed · 21s elapsed · ETA 34s
//
// redrawn in place on stderr four times a second (so the elapsed time
// moves even while one page takes seconds of OCR), first shown after half a
// second (a born PDF done in 0.1 s never flashes a line), and erased when
// the extraction ends, before anything else is written. Off (draws nothing)
// when stderr is not a terminal or with --quiet: logs and pipes stay clean.
#ifndef RAINGAN_CLI_EXTRACT_PROGRESS_H_
#define RAINGAN_CLI_EXTRACT_PROGRESS_H_

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>

#include "base/progress.h"

namespace raingan::cli {

// The text of the line (no line end). `eta` < 0: not known yet.
std::string ExtractProgressLine(const std::string& name,
                                const ExtractProgress& progress, double elapsed,
                                double eta);

// Seconds left, from the rate of the phase under way (OCR once it has
// started, else the first reading of the pages); < 0 when nothing is done
// yet to take a rate from. `phase_elapsed` is the seconds that phase has
// run.
double EstimateSecondsLeft(const ExtractProgress& progress,
                           double phase_elapsed);

class ExtractProgressDisplay {
 public:
  // `name`: what the line is about (the input's file name). `columns`: the
  // terminal width the line is cut to (0: not cut).
  ExtractProgressDisplay(std::ostream& out, std::string name, bool enabled,
                         int columns = 0);
  ~ExtractProgressDisplay();  // Finish()
  ExtractProgressDisplay(const ExtractProgressDisplay&) = delete;
  ExtractProgressDisplay& operator=(const ExtractProgressDisplay&) = delete;

  // What to pass as ExtractOptions::progress; empty when not enabled. Valid
  // while this display lives.
  ProgressCallback Callback();
  // Stops redrawing and erases the line. Idempotent.
  void Finish();

 private:
  using Clock = std::chrono::steady_clock;
  void Update(const ExtractProgress& progress);
  void Redraw();  // with mutex_ held
  void Loop();

  std::ostream& out_;
  const std::string name_;
  const bool enabled_;
  const int columns_;
  const Clock::time_point start_ = Clock::now();

  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  bool shown_ = false;
  std::string last_line_;
  ExtractProgress latest_;
  std::optional<Clock::time_point> ocr_start_;
  std::thread ticker_;
};

}  // namespace raingan::cli

#endif  // RAINGAN_CLI_EXTRACT_PROGRESS_H_
