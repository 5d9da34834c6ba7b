// CoreTokens: the batch's CoreBudget (base/core_budget.h), shared by the
// parent and every worker process, so that OCR threads move between
// workers as they run.
//
// It is one System V semaphore holding a token per core. A worker takes one
// token for itself when it starts (RunWorker's main thread); its OCR pool
// takes one more per extra thread, page by page (ocr/worker_pool.h). Every
// take uses SEM_UNDO, so the kernel gives back whatever a process still
// holds when it exits — also when it crashes, times out or is killed with
// SIGKILL: a token is never lost. A pipe of tokens (make's job server)
// could not do that.
//
// Fairness: when a token is given back, the kernel hands it to the process
// that has waited longest, so a worker starting a new document gets a core
// before a long scan's extra thread takes it again.
//
// A System V semaphore outlives its creator if that process is killed
// (kill -9 of the batch). So its id and creation time are recorded in a
// file in the batch's state directory; the next batch on that directory
// (which holds the directory's lock, so no other batch uses the record)
// removes the semaphore left behind, when the id still names the same
// semaphore (same creation time, same owner).
#ifndef RAINGAN_BATCH_CORE_TOKENS_H_
#define RAINGAN_BATCH_CORE_TOKENS_H_

#include <sys/types.h>

#include <memory>
#include <string>

#include "base/core_budget.h"
#include "base/result.h"

namespace raingan::batch {

class CoreTokens final : public CoreBudget {
 public:
  // A semaphore of `cores` tokens (at least one).
  static Result<std::shared_ptr<CoreTokens>> Create(int cores);

  // Removes the semaphore a killed batch recorded in `record_path`, if it
  // is still there, and records this one instead (see above). Call once,
  // holding the batch directory's lock.
  Status KeepRecord(const std::string& record_path);

  CoreTokens(const CoreTokens&) = delete;
  CoreTokens& operator=(const CoreTokens&) = delete;
  // Removes the semaphore, only in the process that created it (forked
  // workers leave through _exit and never get here).
  ~CoreTokens() override;

  bool Take(double max_wait_seconds) override;
  void Give() override;
  int total() const override { return total_; }

  // Tokens not taken right now; -1 if the semaphore is gone.
  int available() const;

 private:
  CoreTokens(int semid, int total, pid_t owner)
      : semid_(semid), total_(total), owner_(owner) {}

  int semid_;
  int total_;
  pid_t owner_;
  std::string record_;
};

}  // namespace raingan::batch

#endif  // RAINGAN_BATCH_CORE_TOKENS_H_
