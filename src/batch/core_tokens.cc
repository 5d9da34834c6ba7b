#include "batch/core_tokens.h"

#include <sys/ipc.h>
#include <sys/sem.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <ctime>

#include "base/file.h"

namespace raingan::batch {
namespace {

// Linux wants the caller to define it (semctl(2)).
union SemArg {
  int val;
  struct semid_ds* buf;
  unsigned short* array;
};

time_t CreationTime(int semid) {
  struct semid_ds ds {};
  SemArg arg;
  arg.buf = &ds;
  if (::semctl(semid, 0, IPC_STAT, arg) != 0) return -1;
  // sem_ctime is the last change (SETVAL right after creation: we never
  // change the semaphore again), which is what the record holds.
  return ds.sem_ctime;
}

// Removes the semaphore a killed batch left, if the record still names it.
void RemoveLeftover(const std::string& record) {
  Result<std::string> text = ReadFile(record);
  if (!text.ok()) return;
  int semid = -1;
  long long ctime = -1;
  if (std::sscanf(text->c_str(), "%d %lld", &semid, &ctime) != 2) return;
  struct semid_ds ds {};
  SemArg arg;
  arg.buf = &ds;
  if (::semctl(semid, 0, IPC_STAT, arg) != 0) return;  // already gone
  if (static_cast<long long>(ds.sem_ctime) != ctime ||
      ds.sem_perm.cuid != ::geteuid()) {
    return;  // the id was reused for someone else's semaphore
  }
  ::semctl(semid, 0, IPC_RMID);
}

}  // namespace

Result<std::shared_ptr<CoreTokens>> CoreTokens::Create(int cores) {
  if (cores < 1) cores = 1;
  int semid = ::semget(IPC_PRIVATE, 1, IPC_CREAT | 0600);
  if (semid < 0) {
    return Status::IoError(std::string("cannot create the core tokens (a "
                                       "System V semaphore): ") +
                           std::strerror(errno));
  }
  SemArg arg;
  arg.val = cores;
  if (::semctl(semid, 0, SETVAL, arg) != 0) {
    int err = errno;
    ::semctl(semid, 0, IPC_RMID);
    return Status::IoError(std::string("cannot set the core tokens: ") +
                           std::strerror(err));
  }
  return std::shared_ptr<CoreTokens>(new CoreTokens(semid, cores, ::getpid()));
}

Status CoreTokens::KeepRecord(const std::string& record_path) {
  RemoveLeftover(record_path);
  char line[64];
  std::snprintf(line, sizeof(line), "%d %lld\n", semid_,
                static_cast<long long>(CreationTime(semid_)));
  RAINGAN_RETURN_IF_ERROR(
      WriteFileAtomic(record_path, line).WithContext(record_path));
  record_ = record_path;
  return Status::Ok();
}

CoreTokens::~CoreTokens() {
  if (::getpid() != owner_) return;
  ::semctl(semid_, 0, IPC_RMID);
  if (!record_.empty()) ::unlink(record_.c_str());
}

bool CoreTokens::Take(double max_wait_seconds) {
  struct sembuf op {};
  op.sem_num = 0;
  op.sem_op = -1;
  op.sem_flg = SEM_UNDO;
  if (max_wait_seconds < 0) {
    while (::semop(semid_, &op, 1) != 0) {
      if (errno != EINTR) return false;
    }
    return true;
  }
  struct timespec wait {};
  double whole = std::floor(max_wait_seconds);
  wait.tv_sec = static_cast<time_t>(whole);
  wait.tv_nsec = static_cast<long>((max_wait_seconds - whole) * 1e9);
  // EAGAIN (timed out), EINTR (a signal), EIDRM (the batch is over): no
  // token; the caller carries on with the cores it has.
  return ::semtimedop(semid_, &op, 1, &wait) == 0;
}

void CoreTokens::Give() {
  struct sembuf op {};
  op.sem_num = 0;
  op.sem_op = 1;
  op.sem_flg = SEM_UNDO;  // cancels the take's adjustment
  ::semop(semid_, &op, 1);
}

int CoreTokens::available() const { return ::semctl(semid_, 0, GETVAL); }

}  // namespace raingan::batch
