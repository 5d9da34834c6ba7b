// ProcessPool: the batch's worker processes — forked, watched, killed at
// their deadline, and reaped with the reason they ended.
//
// Why processes and not threads: Poppler and Tesseract run on untrusted
// files; a crash, a hang or a runaway allocation in one document must not
// take the batch down. A forked child shares the parent's loaded models
// copy-on-write, so starting one is cheap next to reading a document.
//
// Fork is only safe from a single-threaded process: the parent of a batch
// never starts threads (OCR threads run inside the workers).
//
// A child:
//   - runs in its own process group, so a Ctrl-C at the terminal reaches
//     only the parent, which then decides what to do with the children;
//   - dies with the parent (PR_SET_PDEATHSIG), so a batch killed with
//     kill -9 leaves no worker behind to race with its rerun;
//   - dumps no core file (a crash is reported in results.jsonl);
//   - leaves through _exit(): the parent's atexit handlers and static
//     destructors must not run twice.
//
// While a pool exists, SIGCHLD is blocked in the calling thread so that
// Wait() can sleep until a child ends (sigtimedwait) without a race.
#ifndef RAINGAN_BATCH_PROCESS_POOL_H_
#define RAINGAN_BATCH_PROCESS_POOL_H_

#include <signal.h>
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <string>
#include <vector>

#include "base/result.h"

namespace raingan::batch {

struct ChildExit {
  int id = 0;              // what Start() returned
  int wait_status = 0;     // as from waitpid()
  bool timed_out = false;  // killed by the pool at its deadline
  double seconds = 0;      // wall-clock time from fork to exit
  long max_rss_kb = 0;     // the child's peak resident memory
};

class ProcessPool {
 public:
  ProcessPool();
  ~ProcessPool();  // kills and reaps the children still running
  ProcessPool(const ProcessPool&) = delete;
  ProcessPool& operator=(const ProcessPool&) = delete;

  // Forks a child that runs `body` and exits with its return value (0..255).
  // `timeout_seconds` <= 0 means no deadline. Returns the child's id.
  Result<int> Start(const std::function<int()>& body, double timeout_seconds);

  // Reaps the children that ended, first waiting up to `max_wait_seconds`
  // if none has; kills (SIGKILL) children past their deadline on the way.
  // Returns early on a signal (e.g. SIGINT) with what has ended so far.
  std::vector<ChildExit> Wait(double max_wait_seconds);

  int running() const { return static_cast<int>(children_.size()); }

  // SIGKILLs the child `id` if it is running (false if not); Wait() then
  // reports its end as usual.
  bool Kill(int id);

  // SIGKILLs every running child and reaps them; they are not reported.
  void KillAll();

 private:
  using Clock = std::chrono::steady_clock;
  struct Child {
    int id;
    pid_t pid;
    Clock::time_point start;
    bool has_deadline = false;
    Clock::time_point deadline;
    bool timed_out = false;
  };

  void KillOverdue(Clock::time_point now);
  std::vector<ChildExit> Reap();

  std::vector<Child> children_;
  int next_id_ = 1;
  sigset_t old_mask_;
};

// A person-readable reason for a child that did not exit normally with
// status 0, e.g. "timed out after 30 s (--timeout)", "crashed: SIGSEGV
// (segmentation fault)", "killed by SIGKILL (the system may have run out
// of memory)", "exited with status 3". Empty for a clean exit.
std::string DescribeExit(const ChildExit& exit, double timeout_seconds);

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_PROCESS_POOL_H_
