#include "serve/workers.h"

#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "batch/process_pool.h"

extern char** environ;

namespace raingan::serve {
namespace {

constexpr int kHostFd = 3;

}  // namespace

Result<std::unique_ptr<Workers>> Workers::Start(const WorkersConfig& config) {
  std::unique_ptr<Workers> w(new Workers(config));
  RAINGAN_RETURN_IF_ERROR(w->Spawn());
  RAINGAN_RETURN_IF_ERROR(w->AwaitReady());
  w->reader_ = std::thread([p = w.get()] { p->ReadLoop(); });
  return w;
}

Workers::~Workers() {
  stopping_ = true;
  int sock = sock_.exchange(-1);
  if (sock >= 0) {
    // The host reads end of file and exits, killing its workers.
    ::shutdown(sock, SHUT_RDWR);
  }
  if (reader_.joinable()) reader_.join();
  if (sock >= 0) ::close(sock);
  pid_t pid = host_pid_.exchange(-1);
  if (pid > 0) {
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
}

Status Workers::Spawn() {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    return Status::IoError(std::string("cannot create a socket: ") +
                           std::strerror(errno));
  }
  std::vector<std::string> args = {config_.exe, "serve", "--worker-host-fd",
                                   std::to_string(kHostFd)};
  args.insert(args.end(), config_.host_args.begin(), config_.host_args.end());
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  // dup2 onto fd 3 clears close-on-exec there (also when sv[1] is 3).
  posix_spawn_file_actions_adddup2(&actions, sv[1], kHostFd);
  pid_t pid = -1;
  int err = ::posix_spawn(&pid, config_.exe.c_str(), &actions, nullptr,
                          argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(sv[1]);
  if (err != 0) {
    ::close(sv[0]);
    return Status::IoError("cannot start the worker host " + config_.exe +
                           ": " + std::strerror(err));
  }
  host_pid_ = pid;
  sock_ = sv[0];
  inbox_.clear();
  return Status::Ok();
}

Status Workers::AwaitReady() {
  auto deadline = std::chrono::steady_clock::now() +
                  std::chrono::duration<double>(config_.start_timeout_seconds);
  for (;;) {
    for (const Message& m : TakeMessages(&inbox_)) {
      if (m.size() >= 1 && m[0] == "ready") {
        up_ = true;
        return Status::Ok();
      }
      if (m.size() >= 2 && m[0] == "fatal") {
        return Status::InvalidArgument(m[1]);
      }
    }
    double left = std::chrono::duration<double>(
                      deadline - std::chrono::steady_clock::now())
                      .count();
    if (left <= 0) {
      return Status::Internal("the worker host did not start in time");
    }
    struct pollfd p = {sock_, POLLIN, 0};
    int r = ::poll(&p, 1, static_cast<int>(std::min(left, 1.0) * 1000) + 1);
    if (r < 0 && errno != EINTR) return Status::IoError(std::strerror(errno));
    if (r <= 0) continue;
    char buf[4096];
    ssize_t n = ::read(sock_, buf, sizeof(buf));
    if (n == 0) return Status::Internal("the worker host exited at start");
    if (n > 0) inbox_.append(buf, static_cast<size_t>(n));
  }
}

void Workers::Submit(const Message& message, TaskCallbacks callbacks) {
  std::string id = message.size() > 1 ? message[1] : "";
  std::function<void(TaskEnd, const std::string&)> failed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks_[id] = callbacks;
    int sock = sock_;
    Status s = sock >= 0 ? WriteFully(sock, EncodeMessage(message))
                         : Status::IoError("no worker host");
    if (!s.ok()) {
      // The reader fails the task when it sees the host gone, unless the
      // socket is already closed.
      if (sock < 0) {
        failed = callbacks.on_done;
        tasks_.erase(id);
      }
    }
  }
  if (failed) {
    failed(TaskEnd::kLost, "the worker processes are restarting; try again");
  }
}

void Workers::Cancel(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  int sock = sock_;
  if (sock >= 0) (void)WriteFully(sock, EncodeMessage({"cancel", id}));
}

void Workers::Dispatch(const Message& m) {
  if (m.empty()) return;
  if (m[0] == "ready") {
    up_ = true;
    return;
  }
  if (m.size() < 2) return;
  TaskCallbacks callbacks;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = tasks_.find(m[1]);
    if (it == tasks_.end()) return;
    callbacks = it->second;
    if (m[0] == "done") tasks_.erase(it);
  }
  if (m[0] == "started" && callbacks.on_started) {
    callbacks.on_started();
  } else if (m[0] == "progress" && m.size() == 6 && callbacks.on_progress) {
    TaskProgress p;
    p.pages_done = std::atoi(m[2].c_str());
    p.pages_total = std::atoi(m[3].c_str());
    p.ocr_done = std::atoi(m[4].c_str());
    p.ocr_total = std::atoi(m[5].c_str());
    callbacks.on_progress(p);
  } else if (m[0] == "done" && m.size() == 4 && callbacks.on_done) {
    callbacks.on_done(m[2] == "ok" ? TaskEnd::kOk : TaskEnd::kFailed, m[3]);
  }
}

void Workers::FailAll(const std::string& why) {
  std::map<std::string, TaskCallbacks> tasks;
  {
    std::lock_guard<std::mutex> lock(mu_);
    tasks.swap(tasks_);
  }
  for (auto& [id, callbacks] : tasks) {
    if (callbacks.on_done) callbacks.on_done(TaskEnd::kLost, why);
  }
}

void Workers::ReadLoop() {
  while (!stopping_) {
    char buf[1 << 14];
    int sock = sock_;
    ssize_t n = sock >= 0 ? ::read(sock, buf, sizeof(buf)) : 0;
    if (n > 0) {
      inbox_.append(buf, static_cast<size_t>(n));
      for (const Message& m : TakeMessages(&inbox_)) Dispatch(m);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (stopping_) break;
    // The host is gone: say why, fail its tasks, start another.
    up_ = false;
    pid_t pid = host_pid_.exchange(-1);
    std::string why = "the worker host stopped";
    if (pid > 0) {
      int status = 0;
      while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
      }
      batch::ChildExit exit;
      exit.wait_status = status;
      std::string how = batch::DescribeExit(exit, 0);
      if (!how.empty()) why += " (" + how + ")";
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      int old = sock_.exchange(-1);
      if (old >= 0) ::close(old);
    }
    FailAll(why + "; the document was not finished, send it again");
    ++restarts_;
    while (!stopping_) {
      std::this_thread::sleep_for(
          std::chrono::duration<double>(config_.restart_delay_seconds));
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) break;
      if (Spawn().ok()) break;
    }
  }
}

}  // namespace raingan::serve
