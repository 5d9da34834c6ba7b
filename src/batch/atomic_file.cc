#include "batch/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace raingan::batch {
namespace {

std::string ErrnoText() { return std::strerror(errno); }

}  // namespace

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  // One writer per path at a time (the batch directory is locked), so the
  // pid alone keeps temporary names apart; O_TRUNC clears a leftover from a
  // killed run that had the same pid.
  std::string tmp = path + ".tmp." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    return Status::IoError("cannot create " + tmp + ": " + ErrnoText());
  }
  return AtomicFile(path, std::move(tmp), fd);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      tmp_(std::move(other.tmp_)),
      fd_(std::exchange(other.fd_, -1)) {}

AtomicFile& AtomicFile::operator=(AtomicFile&& other) noexcept {
  if (this != &other) {
    Abandon();
    path_ = std::move(other.path_);
    tmp_ = std::move(other.tmp_);
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

AtomicFile::~AtomicFile() { Abandon(); }

void AtomicFile::Abandon() {
  if (fd_ < 0) return;
  ::close(fd_);
  ::unlink(tmp_.c_str());
  fd_ = -1;
}

Status AtomicFile::Append(std::string_view data) {
  if (fd_ < 0) return Status::Internal("append to a closed file: " + path_);
  Status s = WriteAllToFd(fd_, data);
  if (!s.ok())
    return Status::IoError("cannot write " + tmp_ + ": " + s.message());
  return s;
}

Status AtomicFile::AppendFileContents(const std::string& path) {
  if (fd_ < 0) return Status::Internal("append to a closed file: " + path_);
  int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0)
    return Status::IoError("cannot open " + path + ": " + ErrnoText());
  char buf[1 << 16];
  Status s;
  for (;;) {
    ssize_t n = ::read(in, buf, sizeof(buf));
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      s = Status::IoError("cannot read " + path + ": " + ErrnoText());
      break;
    }
    s = Append(std::string_view(buf, static_cast<size_t>(n)));
    if (!s.ok()) break;
  }
  ::close(in);
  return s;
}

Status AtomicFile::Commit() {
  if (fd_ < 0) return Status::Internal("commit of a closed file: " + path_);
  int fd = std::exchange(fd_, -1);
  bool synced = ::fsync(fd) == 0;
  std::string err = synced ? "" : ErrnoText();
  if (::close(fd) != 0 && synced) {
    synced = false;
    err = ErrnoText();
  }
  if (!synced) {
    ::unlink(tmp_.c_str());
    return Status::IoError("cannot flush " + tmp_ + ": " + err);
  }
  if (::rename(tmp_.c_str(), path_.c_str()) != 0) {
    err = ErrnoText();
    ::unlink(tmp_.c_str());
    return Status::IoError("cannot rename " + tmp_ + " to " + path_ + ": " +
                           err);
  }
  return Status::Ok();
}

Status WriteAllToFd(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return Status::IoError(ErrnoText());
    }
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

}  // namespace raingan::batch
