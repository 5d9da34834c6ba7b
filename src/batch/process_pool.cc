#include "batch/process_pool.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace raingan::batch {
namespace {

// Child-side set-up after fork(); see the header for why.
void PrepareChild(pid_t parent, const sigset_t& old_mask) {
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  // The parent may have died between fork() and prctl().
  if (::getppid() != parent) ::_exit(127);
  // A crashing document should cost a line in results.jsonl, not a core
  // file per document in the user's directory.
  struct rlimit no_core;
  if (::getrlimit(RLIMIT_CORE, &no_core) == 0) {
    no_core.rlim_cur = 0;
    ::setrlimit(RLIMIT_CORE, &no_core);
  }
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  ::sigprocmask(SIG_SETMASK, &old_mask, nullptr);
}

std::string SignalName(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  std::string name =
      abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(sig);
  const char* description = ::sigdescr_np(sig);
  if (description) {
    std::string d = description;
    if (!d.empty()) d[0] = static_cast<char>(std::tolower(d[0]));
    name += " (" + d + ")";
  }
  return name;
}

}  // namespace

ProcessPool::ProcessPool() {
  // SIGCHLD must not be ignored, or the kernel reaps children for us.
  ::signal(SIGCHLD, SIG_DFL);
  sigset_t chld;
  sigemptyset(&chld);
  sigaddset(&chld, SIGCHLD);
  ::sigprocmask(SIG_BLOCK, &chld, &old_mask_);
}

ProcessPool::~ProcessPool() {
  KillAll();
  ::sigprocmask(SIG_SETMASK, &old_mask_, nullptr);
}

Result<int> ProcessPool::Start(const std::function<int()>& body,
                               double timeout_seconds) {
  pid_t parent = ::getpid();
  // Anything buffered now would be written twice, by parent and child.
  std::fflush(nullptr);
  pid_t pid = ::fork();
  if (pid < 0) {
    return Status::IoError(std::string("cannot start a worker process: ") +
                           std::strerror(errno));
  }
  if (pid == 0) {
    PrepareChild(parent, old_mask_);
    int code = body();
    std::fflush(nullptr);
    ::_exit(code & 0xFF);
  }
  Child child;
  child.id = next_id_++;
  child.pid = pid;
  child.start = Clock::now();
  if (timeout_seconds > 0) {
    child.has_deadline = true;
    child.deadline =
        child.start + std::chrono::duration_cast<Clock::duration>(
                          std::chrono::duration<double>(timeout_seconds));
  }
  children_.push_back(child);
  return child.id;
}

void ProcessPool::KillOverdue(Clock::time_point now) {
  for (Child& c : children_) {
    if (c.has_deadline && !c.timed_out && now >= c.deadline) {
      ::kill(c.pid, SIGKILL);
      c.timed_out = true;
    }
  }
}

std::vector<ChildExit> ProcessPool::Reap() {
  std::vector<ChildExit> done;
  for (auto it = children_.begin(); it != children_.end();) {
    int status = 0;
    struct rusage usage {};
    pid_t r = ::wait4(it->pid, &status, WNOHANG, &usage);
    if (r == 0 || (r < 0 && errno == EINTR)) {
      ++it;
      continue;
    }
    ChildExit e;
    e.id = it->id;
    // r < 0 (ECHILD) only if someone else reaped our child; report it as
    // an abnormal end rather than waiting for it forever.
    e.wait_status = r > 0 ? status : (SIGKILL & 0x7f);
    e.timed_out = it->timed_out;
    e.seconds = std::chrono::duration<double>(Clock::now() - it->start).count();
    e.max_rss_kb = r > 0 ? usage.ru_maxrss : 0;
    done.push_back(e);
    it = children_.erase(it);
  }
  return done;
}

std::vector<ChildExit> ProcessPool::Wait(double max_wait_seconds) {
  auto until =
      Clock::now() +
      std::chrono::duration_cast<Clock::duration>(
          std::chrono::duration<double>(std::max(0.0, max_wait_seconds)));
  for (;;) {
    Clock::time_point now = Clock::now();
    KillOverdue(now);
    std::vector<ChildExit> done = Reap();
    if (!done.empty() || children_.empty() || now >= until) return done;
    // Sleep until a child ends, the next deadline, or `until`.
    Clock::time_point wake = until;
    for (const Child& c : children_) {
      if (c.has_deadline && !c.timed_out) wake = std::min(wake, c.deadline);
    }
    double wait = std::chrono::duration<double>(wake - now).count();
    wait = std::clamp(wait, 0.001, 3600.0);
    struct timespec ts;
    ts.tv_sec = static_cast<time_t>(wait);
    ts.tv_nsec = static_cast<long>((wait - std::floor(wait)) * 1e9);
    sigset_t chld;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    if (::sigtimedwait(&chld, nullptr, &ts) < 0 && errno == EINTR) {
      // Another signal (Ctrl-C): let the caller look at it.
      return Reap();
    }
  }
}

bool ProcessPool::Kill(int id) {
  for (const Child& c : children_) {
    if (c.id == id) return ::kill(c.pid, SIGKILL) == 0;
  }
  return false;
}

void ProcessPool::KillAll() {
  for (const Child& c : children_) ::kill(c.pid, SIGKILL);
  for (const Child& c : children_) {
    int status;
    while (::waitpid(c.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  children_.clear();
}

std::string DescribeExit(const ChildExit& e, double timeout_seconds) {
  if (e.timed_out) {
    char buf[64];
    std::snprintf(buf, sizeof(buf), "timed out after %g s (--timeout)",
                  timeout_seconds);
    return buf;
  }
  if (WIFEXITED(e.wait_status)) {
    int code = WEXITSTATUS(e.wait_status);
    return code == 0 ? "" : "exited with status " + std::to_string(code);
  }
  if (WIFSIGNALED(e.wait_status)) {
    int sig = WTERMSIG(e.wait_status);
    if (sig == SIGKILL) {
      // Nobody in raingan sends it except at the deadline: the kernel's
      // out-of-memory killer is the usual sender.
      return "killed by SIGKILL (the system may have run out of memory)";
    }
    return "crashed: " + SignalName(sig);
  }
  return "ended abnormally (wait status " + std::to_string(e.wait_status) + ")";
}

}  // namespace raingan::batch
