// Progress of a batch, as people watch it.
//
//   on a terminal  one line on stderr, redrawn at most 5 times a second:
//                  "37/250 docs · 412/1830 pages · 1.8 docs/s · 9.5 pages/s
//                   · ETA 2m31s · 1 failed"
//   in a log       (stderr is a file or pipe, e.g. a Slurm job) a plain
//                  line every `log_every` seconds, with the elapsed time,
//                  and nothing else that needs a terminal;
//   quiet          nothing.
// In every mode a document that fails is reported at once on its own line
// ("FAILED path: reason"): in quiet mode that is the only output.
//
// "pages" counts the pages of paginated inputs (PDFs, images); text
// exports have none. The total is known once the page survey has counted
// every input (page_survey.h); until then it is shown as "≥ N". Rates
// count the documents done by this run only, not those resumed from an
// earlier one. The ETA divides the work left by the rate of this run,
// weighing each document by its pages (an unpaged one counts as one), or
// the documents left by the document rate, whichever is later.
#ifndef RAINGAN_BATCH_PROGRESS_H_
#define RAINGAN_BATCH_PROGRESS_H_

#include <ostream>
#include <string>

namespace raingan::batch {

struct ProgressSnapshot {
  int docs_total = 0;
  int docs_done = 0;     // finished, including resumed and failed
  int docs_resumed = 0;  // done by an earlier run
  int failed = 0;
  int pages_done = 0;
  int pages_total = 0;       // pages known so far
  bool pages_final = false;  // every input has been counted
  int docs_this_run = 0;     // documents processed by this run
  int pages_this_run = 0;
  double work_this_run = 0;  // weighted as described above
  double work_left = 0;
  double elapsed = 0;  // seconds since the batch started
};

// "45s", "2m05s", "1h02m".
std::string FormatDuration(double seconds);

// The terminal line and the log line for `s` (no line end).
std::string ProgressLine(const ProgressSnapshot& s);
std::string ProgressLogLine(const ProgressSnapshot& s);

class ProgressReporter {
 public:
  enum class Mode { kQuiet, kLog, kTty };

  ProgressReporter(Mode mode, std::ostream& out, double log_every = 10)
      : mode_(mode), out_(out), log_every_(log_every) {}

  // Whether an Update at `elapsed` seconds would show anything.
  bool Due(double elapsed) const;
  // Shows `s` unless the last update was too recent (force: show anyway).
  void Update(const ProgressSnapshot& s, bool force = false);
  void Failed(const std::string& path, const std::string& reason);
  // Leaves the terminal clean for the summary.
  void Finish();

 private:
  void ClearLine();

  Mode mode_;
  std::ostream& out_;
  double log_every_;
  double last_shown_ = 0;  // first line after one interval, not at 0s
  bool line_shown_ = false;
  std::string last_line_;
};

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_PROGRESS_H_
