// CoreBudget: the cores of one job, shared by all the processes and threads
// that work for it at the same time — a job server, as `make -j` has.
//
// The rule every user follows: a process (or the thread it was started
// for) runs on one core it was given; any further thread takes a core with
// Take() before it does CPU-bound work and gives it back with Give() when
// it is done, so that the number of busy threads never exceeds the budget.
// A thread should give its core back after each unit of work (a page),
// not keep it for a whole document, so that cores move to where the work
// is: when the other workers of a batch run out of documents, the one
// still reading a long scan takes their cores.
//
// This header is only the interface, so that code which spreads work over
// threads (ocr/worker_pool.h) can honour a budget without knowing who
// keeps it. The batch's implementation, shared across worker processes,
// is batch/core_tokens.h.
#ifndef RAINGAN_BASE_CORE_BUDGET_H_
#define RAINGAN_BASE_CORE_BUDGET_H_

namespace raingan {

class CoreBudget {
 public:
  virtual ~CoreBudget() = default;

  // Takes one core, waiting up to `max_wait_seconds` for one to come free
  // (< 0: as long as it takes). False when none came free in time, or the
  // budget no longer works; the caller then goes on with the cores it has.
  // Safe to call from any thread.
  virtual bool Take(double max_wait_seconds) = 0;

  // Returns a core taken with Take().
  virtual void Give() = 0;

  // How many cores the budget holds in all (taken or not).
  virtual int total() const = 0;
};

}  // namespace raingan

#endif  // RAINGAN_BASE_CORE_BUDGET_H_
