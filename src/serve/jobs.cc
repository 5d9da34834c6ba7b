#include "serve/jobs.h"

#include <fcntl.h>
#include <sys/random.h>
#include <unistd.h>

#include <random>

namespace raingan::serve {

std::string_view JobStateName(JobState state) {
  switch (state) {
    case JobState::kQueued:
      return "queued";
    case JobState::kRunning:
      return "running";
    case JobState::kDone:
      return "done";
    case JobState::kFailed:
      return "failed";
  }
  return "failed";
}

std::string RandomId() {
  unsigned char bytes[16];
  if (::getrandom(bytes, sizeof(bytes), 0) != sizeof(bytes)) {
    std::random_device rd;
    for (unsigned char& b : bytes) b = static_cast<unsigned char>(rd());
  }
  static const char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned char b : bytes) {
    id.push_back(kHex[b >> 4]);
    id.push_back(kHex[b & 15]);
  }
  return id;
}

double UnixNow() {
  return std::chrono::duration<double>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

JobTable::JobTable(int capacity, int keep_finished, double keep_seconds,
                   std::function<void(const std::string&)> on_expire)
    : capacity_(capacity),
      keep_finished_(keep_finished),
      keep_seconds_(keep_seconds),
      on_expire_(std::move(on_expire)) {}

std::optional<std::string> JobTable::Admit(const std::string& name) {
  std::lock_guard<std::mutex> lock(mu_);
  ExpireLocked(UnixNow());
  if (active_ >= capacity_) return std::nullopt;
  JobSnapshot job;
  job.id = RandomId();
  job.name = name;
  job.created = UnixNow();
  ++active_;
  std::string id = job.id;
  jobs_.emplace(id, std::move(job));
  return id;
}

void JobTable::Started(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end() || it->second.state != JobState::kQueued) return;
  it->second.state = JobState::kRunning;
  it->second.started = UnixNow();
  changed_.notify_all();
}

void JobTable::Progress(const std::string& id, const TaskProgress& progress) {
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  it->second.progress = progress;
}

void JobTable::Finished(const std::string& id, TaskEnd end,
                        const std::string& error) {
  const bool ok = end == TaskEnd::kOk;
  std::lock_guard<std::mutex> lock(mu_);
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return;
  JobSnapshot& job = it->second;
  if (job.state == JobState::kDone || job.state == JobState::kFailed) return;
  job.state = ok ? JobState::kDone : JobState::kFailed;
  job.error = ok ? "" : error;
  job.lost = end == TaskEnd::kLost;
  job.finished = UnixNow();
  if (job.started == 0) job.started = job.finished;
  --active_;
  finished_order_.push_back(id);
  changed_.notify_all();
}

std::optional<JobSnapshot> JobTable::Get(const std::string& id) {
  std::lock_guard<std::mutex> lock(mu_);
  ExpireLocked(UnixNow());
  auto it = jobs_.find(id);
  if (it == jobs_.end()) return std::nullopt;
  return it->second;
}

std::optional<JobSnapshot> JobTable::WaitFinished(const std::string& id) {
  std::unique_lock<std::mutex> lock(mu_);
  for (;;) {
    auto it = jobs_.find(id);
    if (it == jobs_.end()) return std::nullopt;
    if (it->second.state == JobState::kDone ||
        it->second.state == JobState::kFailed) {
      return it->second;
    }
    changed_.wait(lock);
  }
}

bool JobTable::Remove(const std::string& id) {
  std::string removed;
  {
    std::lock_guard<std::mutex> lock(mu_);
    auto it = jobs_.find(id);
    if (it == jobs_.end() || it->second.state == JobState::kQueued ||
        it->second.state == JobState::kRunning) {
      return false;
    }
    jobs_.erase(it);
    std::erase(finished_order_, id);
    removed = id;
  }
  if (on_expire_) on_expire_(removed);
  return true;
}

int JobTable::active() {
  std::lock_guard<std::mutex> lock(mu_);
  return active_;
}

int JobTable::running() {
  std::lock_guard<std::mutex> lock(mu_);
  int n = 0;
  for (const auto& [id, job] : jobs_) n += job.state == JobState::kRunning;
  return n;
}

void JobTable::ExpireLocked(double now) {
  while (!finished_order_.empty()) {
    const std::string& id = finished_order_.front();
    auto it = jobs_.find(id);
    bool too_many = static_cast<int>(finished_order_.size()) > keep_finished_;
    bool too_old =
        it == jobs_.end() || now - it->second.finished > keep_seconds_;
    if (!too_many && !too_old) break;
    if (it != jobs_.end()) jobs_.erase(it);
    // Removing files under the lock is quick (a few unlinks) and keeps a
    // reader from finding a job whose result is already gone.
    if (on_expire_) on_expire_(id);
    finished_order_.pop_front();
  }
}

}  // namespace raingan::serve
