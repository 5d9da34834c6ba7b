// JobTable: the extraction jobs of a server — the synchronous ones of
// POST /v1/extract and the asynchronous ones of POST /v1/jobs alike —
// with their state, progress and outcome.
//
// Admission is bounded: at most `capacity` jobs are queued or running at
// once (the workers plus a queue); one more is refused (the API answers
// 429), so a burst of uploads can never grow the server's memory or its
// spool without bound. Finished jobs are kept for `keep_seconds` (their
// results are files in the spool) and at most `keep_finished` of them;
// the oldest go first, and `on_expire` removes their files.
//
// Thread-safe.
#ifndef RAINGAN_SERVE_JOBS_H_
#define RAINGAN_SERVE_JOBS_H_

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

#include "serve/workers.h"

namespace raingan::serve {

enum class JobState { kQueued, kRunning, kDone, kFailed };
std::string_view JobStateName(JobState state);  // "queued" "running" ...

struct JobSnapshot {
  std::string id;
  std::string name;  // the upload's file name
  JobState state = JobState::kQueued;
  TaskProgress progress;
  std::string error;  // when failed
  bool lost = false;  // failed because the worker host died (TaskEnd)
  double created = 0, started = 0, finished = 0;  // Unix time; 0 = not yet
};

class JobTable {
 public:
  JobTable(int capacity, int keep_finished, double keep_seconds,
           std::function<void(const std::string& id)> on_expire);

  // A new queued job, or nullopt when `capacity` jobs are active.
  std::optional<std::string> Admit(const std::string& name);

  void Started(const std::string& id);
  void Progress(const std::string& id, const TaskProgress& progress);
  void Finished(const std::string& id, TaskEnd end, const std::string& error);

  std::optional<JobSnapshot> Get(const std::string& id);
  // Blocks until the job is done or failed (or unknown: nullopt).
  std::optional<JobSnapshot> WaitFinished(const std::string& id);
  // Forgets a finished job (false if unknown or still active).
  bool Remove(const std::string& id);

  int active();
  int running();
  int capacity() const { return capacity_; }

 private:
  void ExpireLocked(double now);

  const int capacity_;
  const int keep_finished_;
  const double keep_seconds_;
  std::function<void(const std::string&)> on_expire_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::map<std::string, JobSnapshot> jobs_;
  std::deque<std::string> finished_order_;
  int active_ = 0;
};

// 32 hex digits from the system's random source: ids cannot be guessed,
// so one client cannot read another's results by counting.
std::string RandomId();

// Seconds since the epoch.
double UnixNow();

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_JOBS_H_
