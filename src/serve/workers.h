// Workers: the server's side of the worker host (worker_host.h) — starts
// it, sends it tasks, and calls back as they progress and end.
//
// The host is started by exec'ing this binary ("raingan serve
// --worker-host-fd 3 ..."), which is safe from the server's threads where
// fork() alone is not. If it dies (killed, or a bug), every task it was
// running or holding fails with the reason, and a new host is started
// after `restart_delay_seconds`; tasks sent meanwhile wait in the socket
// for it — the server itself never goes down with its workers.
//
// Thread safety: Submit and Cancel may be called from any thread. The
// callbacks run on the thread that reads the host's messages: they must
// be quick and must not call back into Workers.
#ifndef RAINGAN_SERVE_WORKERS_H_
#define RAINGAN_SERVE_WORKERS_H_

#include <sys/types.h>

#include <atomic>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/result.h"
#include "serve/protocol.h"

namespace raingan::serve {

struct TaskProgress {
  int pages_done = 0, pages_total = 0;
  int ocr_done = 0, ocr_total = 0;
};

// How a task ended: done; failed because of its document (crash, timeout,
// a file that cannot be read); or lost because the host died under it
// (the document may be fine: send it again).
enum class TaskEnd { kOk, kFailed, kLost };

struct TaskCallbacks {
  std::function<void()> on_started;
  std::function<void(const TaskProgress&)> on_progress;
  // Exactly once per task. `message`: why it failed; empty when ok.
  std::function<void(TaskEnd end, const std::string& message)> on_done;
};

struct WorkersConfig {
  std::string exe;                     // this binary
  std::vector<std::string> host_args;  // after "serve --worker-host-fd 3"
  double restart_delay_seconds = 1;
  double start_timeout_seconds = 300;  // models load before "ready"
};

class Workers {
 public:
  // Starts the host and waits until it has loaded the models and the
  // pipeline. A host that cannot (bad --models, unknown --pipeline) makes
  // this fail with its message (InvalidArgument).
  static Result<std::unique_ptr<Workers>> Start(const WorkersConfig& config);
  ~Workers();
  Workers(const Workers&) = delete;
  Workers& operator=(const Workers&) = delete;

  // `message[1]` is the task's id, unique among running tasks.
  void Submit(const Message& message, TaskCallbacks callbacks);
  void Cancel(const std::string& id);

  bool up() const { return up_; }
  int restarts() const { return restarts_; }
  pid_t host_pid() const { return host_pid_; }

 private:
  explicit Workers(WorkersConfig config) : config_(std::move(config)) {}
  Status Spawn();
  Status AwaitReady();
  void ReadLoop();
  void Dispatch(const Message& m);
  void FailAll(const std::string& why);

  WorkersConfig config_;
  std::mutex mu_;  // guards tasks_ and writes to sock_
  std::map<std::string, TaskCallbacks> tasks_;
  std::atomic<int> sock_{-1};
  std::atomic<pid_t> host_pid_{-1};
  std::atomic<bool> up_{false};
  std::atomic<bool> stopping_{false};
  std::atomic<int> restarts_{0};
  std::string inbox_;
  std::thread reader_;
};

}  // namespace raingan::serve

#endif  // RAINGAN_SERVE_WORKERS_H_
